/**
 * Demo data of trading (order 400, after accounts): two years of real sessions (~40 a year, ~300
 * trades, > 100 million m³ — the paper's 2019 order), cleared by the same engine, buyer fees on the
 * ledger (deposits of past sessions were frozen and returned, so they net to zero and are left
 * out); membership dates and follow-ups; one session open now; three simulations with feedback.
 */
import type { DemoContext } from '../../platform/demo/demo';
import { inTx, type Tx } from '../../platform/db/database';
import { customersByExchangeStatus } from '../customers';
import { chargeTradingFee } from '../accounts';
import { clearBidding, clearListing, dealAmountFen, depositFen, feeFen, qty, qtyStr, splitDeposit } from './clearing.calc';

const TAGS = ['线上交易气', '页岩气', '额外气', '调峰气'];
const POINTS = ['泸州首站', '宜宾分输站', '永川末站', '江津门站'];
const day = (d: string, n: number) => new Date(new Date(d + 'T00:00:00Z').getTime() + n * 86400_000).toISOString().slice(0, 10);

export const tradingDemo = {
  order: 400,
  async run(ctx: DemoContext) {
    const rng = ctx.rng('trading');
    const db = ctx.app.db;
    const members = await customersByExchangeStatus(db, { statuses: ['bound', 'trained'] });
    const all = await customersByExchangeStatus(db);
    if (members.length < 8) return;
    const organisers = ['lead', 'am01', 'am02', 'am03'].map((u) => ctx.users.get(u)!).filter(Boolean);
    const first = day(ctx.lastDay, -729);
    await inTx(db, async (trx) => {
      // membership dates consistent with the archive status, follow-ups for customers still needing help
      const rows = all
        .filter((c) => c.exchangeStatus !== 'none')
        .map((c) => {
          const reg = day(first, rng.int(0, 300));
          const bound = c.exchangeStatus === 'registered' ? null : day(reg, rng.int(3, 40));
          const trained = c.exchangeStatus === 'trained' ? day(bound!, rng.int(3, 60)) : null;
          return { customer_id: c.id, registered_on: reg, bound_on: bound, trained_on: trained, updated_by: ctx.users.get('lead') ?? null };
        });
      for (let k = 0; k < rows.length; k += 500)
        await trx
          .insertInto('trading_memberships')
          .values(rows.slice(k, k + 500))
          .execute();
      const needHelp = all.filter((c) => c.exchangeStatus === 'none' || c.exchangeStatus === 'registered').slice(0, 40);
      const notes = ['电话沟通会员注册所需材料', '上门指导交易中心账户绑定', '约定参加下月线上交易培训', '客户财务已准备营业执照扫描件'];
      const fu = needHelp.map((c, i) => ({
        customer_id: c.id,
        on_date: day(ctx.lastDay, -rng.int(1, 90)),
        note: notes[i % notes.length]!,
        next_step: i % 2 ? '跟进注册进度' : null,
        created_by: c.fullTimeManagerId,
      }));
      if (fu.length) await trx.insertInto('trading_followups').values(fu).execute();

      // real sessions: every ~9 days over two years
      let sessions = 0;
      let trades = 0;
      for (let d = day(first, 5); d < day(ctx.lastDay, -3); d = day(d, rng.int(7, 11))) {
        const bidding = rng.chance(0.75);
        const qty = rng.int(25, 45) * 100_000; // 2.5–4.5 million m³
        const min = 50_000;
        const max = Math.min(qty, 1_500_000);
        const floor = 2 + rng.int(0, 60) / 100; // 2.00–2.60
        const month = day(d, 20).slice(0, 7);
        const s = await insertSession(trx, {
          kind: 'real',
          bidding,
          title: `${month} ${bidding ? '管道气竞价' : '挂牌销售'}`,
          tag: rng.pick(TAGS),
          point: rng.pick(POINTS),
          month,
          qty,
          min,
          max,
          price: floor,
          step: 0.01,
          opens: `${d}T01:00:00Z`,
          closes: `${d}T07:00:00Z`,
          organiser: rng.pick(organisers),
        });
        const n = rng.int(5, 11);
        const buyers = [...members].sort(() => rng.next() - 0.5).slice(0, n);
        const bids = buyers.map((c, i) => {
          const q = Math.min(max, rng.int(4, 12) * 50_000);
          const p = bidding ? floor + rng.int(0, 25) / 100 : floor;
          return { customer_id: c.id, price: p.toFixed(4), quantity: String(q), at: new Date(`${d}T01:00:00Z`).getTime() + (i + 1) * rng.int(60_000, 1_800_000) };
        });
        const inserted = await trx
          .insertInto('trading_bids')
          .values(
            bids.map((b) => ({
              session_id: s.id,
              customer_id: b.customer_id,
              virtual_account_id: null,
              price: b.price,
              quantity: b.quantity,
              granted_quantity: null,
              submitted_at: new Date(b.at),
              idempotency_key: `demo-${s.id}-${b.customer_id}`,
              deposit_fen: depositFen(b.price, b.quantity, '0.10'),
              placed_by: null,
              filled_quantity: null,
              outcome: null,
              rank: null,
            })),
          )
          .returning(['id', 'customer_id', 'price', 'quantity', 'submitted_at', 'deposit_fen'])
          .execute();
        trades += await clearDemo(trx, s, inserted, bidding, `${d}T07:00:00Z`, d);
        sessions++;
      }
      // 协议 agreement trades: a few negotiated trades a year, both sides confirmed; one awaiting the buyer
      const agreeing = [...members].sort(() => rng.next() - 0.5);
      let agreements = 0;
      for (let k = 0; k < 4; k++) {
        const d = day(first, 90 + k * 180);
        await insertAgreement(trx, {
          customerId: agreeing[k % agreeing.length]!.id,
          title: `${day(d, 20).slice(0, 7)} 协议气（双方议定）`,
          tag: rng.pick(TAGS),
          point: rng.pick(POINTS),
          month: day(d, 20).slice(0, 7),
          qty: rng.int(5, 20) * 100_000,
          price: (2.3 + rng.int(0, 40) / 100).toFixed(4),
          sellerOn: d,
          sellerDoc: `XY-${d.slice(0, 4)}-${String(k + 1).padStart(3, '0')}`,
          buyerOn: day(d, rng.int(1, 5)),
          buyerDoc: `QR-${d.slice(0, 4)}-${String(k + 1).padStart(3, '0')}`,
          organiser: rng.pick(organisers),
        });
        agreements++;
      }
      await insertAgreement(trx, {
        customerId: agreeing[4 % agreeing.length]!.id,
        title: `${day(ctx.lastDay, 30).slice(0, 7)} 协议气（待买方确认）`,
        tag: '线上交易气',
        point: '泸州首站',
        month: day(ctx.lastDay, 30).slice(0, 7),
        qty: 800_000,
        price: '2.5800',
        sellerOn: ctx.lastDay,
        sellerDoc: `XY-${ctx.lastDay.slice(0, 4)}-099`,
        buyerOn: null,
        buyerDoc: null,
        organiser: ctx.users.get('lead')!,
      });
      ctx.log(`trading demo: ${sessions} real sessions, ${trades} trades, ${agreements} agreement trades (+1 awaiting the buyer)`);

      // one session open now (from the last day for three days)
      await insertSession(trx, {
        kind: 'real',
        bidding: true,
        title: `${day(ctx.lastDay, 30).slice(0, 7)} 管道气竞价（进行中）`,
        tag: '线上交易气',
        point: '泸州首站',
        month: day(ctx.lastDay, 30).slice(0, 7),
        qty: 3_000_000,
        min: 50_000,
        max: 1_500_000,
        price: 2.35,
        step: 0.01,
        opens: `${ctx.lastDay}T01:00:00Z`,
        closes: `${day(ctx.lastDay, 4)}T07:00:00Z`,
        organiser: ctx.users.get('lead')!,
      });

      // simulations with virtual accounts for managers and feedback
      const ams = ['am01', 'am02', 'am03', 'am04', 'pt01'].map((u) => ctx.users.get(u)!).filter(Boolean);
      if (!ams.length) ams.push(...organisers);
      const comments = [
        ['rules', 4, '边际报价“剩余量不足最低量则不成交”的规则需要在培训中重点讲解'],
        ['system', 5, '倒计时和报价笔数实时刷新，很直观'],
        ['rules', 3, '统一价格和按报价成交的区别希望有示例'],
        ['system', 4, '希望报价确认前再提示一次保证金金额'],
      ] as const;
      for (let k = 0; k < 3; k++) {
        const d = day(ctx.lastDay, -60 + k * 20);
        const s = await insertSession(trx, {
          kind: 'simulation',
          bidding: true,
          title: `仿真交易培训第${k + 1}期`,
          tag: '线上交易气',
          point: '泸州首站',
          month: day(d, 30).slice(0, 7),
          qty: 2_000_000,
          min: 50_000,
          max: 1_000_000,
          price: 2.3,
          step: 0.01,
          opens: `${d}T01:00:00Z`,
          closes: `${d}T03:00:00Z`,
          organiser: ctx.users.get('lead')!,
        });
        const accts = await trx
          .insertInto('trading_virtual_accounts')
          .values(ams.map((u, i) => ({ session_id: s.id, name: `仿真账户${i + 1}`, customer_id: null, user_id: u, balance_fen: 100_000_000 })))
          .returning(['id', 'user_id'])
          .execute();
        const vb = await trx
          .insertInto('trading_bids')
          .values(
            accts.map((a, i) => {
              const price = (2.3 + rng.int(0, 20) / 100).toFixed(4);
              const quantity = String(rng.int(4, 10) * 50_000);
              return {
                session_id: s.id,
                customer_id: null,
                virtual_account_id: a.id,
                price,
                quantity,
                granted_quantity: null,
                submitted_at: new Date(new Date(`${d}T01:00:00Z`).getTime() + (i + 1) * 300_000),
                idempotency_key: `sim-${i}`,
                deposit_fen: depositFen(price, quantity, '0.10'),
                placed_by: a.user_id,
                filled_quantity: null,
                outcome: null,
                rank: null,
              };
            }),
          )
          .returning(['id', 'customer_id', 'virtual_account_id', 'price', 'quantity', 'submitted_at', 'deposit_fen'])
          .execute();
        await clearDemo(trx, s, vb, true, `${d}T03:00:00Z`, d);
        await trx
          .insertInto('trading_feedback')
          .values(
            accts.slice(0, 3).map((a, i) => {
              const c = comments[(i + k) % comments.length]!;
              return { session_id: s.id, virtual_account_id: a.id, topic: c[0], rating: c[1], comment: c[2], created_by: a.user_id };
            }),
          )
          .execute();
      }
    });
  },
};

interface DemoSession {
  kind: 'real' | 'simulation';
  bidding: boolean;
  title: string;
  tag: string;
  point: string;
  month: string;
  qty: number;
  min: number;
  max: number;
  price: number;
  step: number;
  opens: string;
  closes: string;
  organiser: number;
}

/** A 协议 agreement: seller's confirmation; with the buyer's, the bid, award and buyer fee as confirmAgreement writes them (no deposit). */
async function insertAgreement(
  trx: Tx,
  a: {
    customerId: number;
    title: string;
    tag: string;
    point: string;
    month: string;
    qty: number;
    price: string;
    sellerOn: string;
    sellerDoc: string;
    buyerOn: string | null;
    buyerDoc: string | null;
    organiser: number;
  },
) {
  const confirmedAt = a.buyerOn ? new Date(`${a.buyerOn}T03:00:00Z`) : null;
  const opens = new Date(`${a.sellerOn}T02:00:00Z`);
  const quantity = String(a.qty);
  const row = await trx
    .insertInto('trading_sessions')
    .values({
      kind: 'real',
      mode: 'agreement',
      title: a.title,
      resource_tag: a.tag,
      basis: 'm3',
      delivery_month: a.month,
      delivery_point: a.point,
      quantity,
      min_per_buyer: quantity,
      max_per_buyer: quantity,
      fixed_price: null,
      floor_price: null,
      price_step: null,
      pricing: 'pay_as_bid',
      opens_at: opens,
      closes_at: new Date(opens.getTime() + 30 * 86_400_000),
      deposit_ratio: '0',
      fee_rate: '0.001',
      status: confirmedAt ? 'cleared' : 'open',
      organiser_id: a.organiser,
      created_by: a.organiser,
      cleared_at: confirmedAt,
      cleared_by: confirmedAt ? a.organiser : null,
      sold_quantity: confirmedAt ? quantity : null,
      clearing_price: confirmedAt ? a.price : null,
      bid_count: confirmedAt ? 1 : 0,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await trx.insertInto('trading_session_customers').values({ session_id: row.id, customer_id: a.customerId }).execute();
  await trx
    .insertInto('trading_agreements')
    .values({
      session_id: row.id,
      customer_id: a.customerId,
      price: a.price,
      seller_confirmed_on: a.sellerOn,
      seller_document: a.sellerDoc,
      buyer_confirmed_on: a.buyerOn,
      buyer_document: a.buyerDoc,
      buyer_recorded_by: confirmedAt ? a.organiser : null,
      buyer_recorded_at: confirmedAt,
      note: null,
    })
    .execute();
  if (!confirmedAt) return;
  const bid = await trx
    .insertInto('trading_bids')
    .values({
      session_id: row.id,
      customer_id: a.customerId,
      virtual_account_id: null,
      price: a.price,
      quantity,
      granted_quantity: quantity,
      submitted_at: confirmedAt,
      idempotency_key: `agreement:${row.id}`,
      deposit_fen: 0,
      placed_by: a.organiser,
      filled_quantity: quantity,
      outcome: 'filled',
      rank: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const amount = dealAmountFen(quantity, a.price);
  const fee = feeFen(amount, '0.001');
  const award = await trx
    .insertInto('trading_awards')
    .values({
      session_id: row.id,
      bid_id: bid.id,
      customer_id: a.customerId,
      virtual_account_id: null,
      quantity,
      price: a.price,
      amount_fen: amount,
      buyer_fee_fen: fee,
      seller_fee_fen: fee,
      deposit_applied_fen: 0,
      deposit_released_fen: 0,
      awarded_at: confirmedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await chargeTradingFee(trx, { customerId: a.customerId, amountFen: fee, businessDate: a.buyerOn!, reference: `award:${award.id}`, note: `${a.title}（协议）`, createdBy: null });
}

async function insertSession(trx: Tx, s: DemoSession) {
  return trx
    .insertInto('trading_sessions')
    .values({
      kind: s.kind,
      mode: s.bidding ? 'bidding' : 'listing',
      title: s.title,
      resource_tag: s.tag,
      basis: 'm3',
      delivery_month: s.month,
      delivery_point: s.point,
      quantity: String(s.qty),
      min_per_buyer: String(s.min),
      max_per_buyer: String(s.max),
      fixed_price: s.bidding ? null : s.price.toFixed(4),
      floor_price: s.bidding ? s.price.toFixed(4) : null,
      price_step: s.bidding ? s.step.toFixed(4) : null,
      pricing: 'pay_as_bid',
      opens_at: new Date(s.opens),
      closes_at: new Date(s.closes),
      deposit_ratio: '0.10',
      fee_rate: '0.001',
      organiser_id: s.organiser,
      created_by: s.organiser,
      cleared_at: null,
      cleared_by: null,
      sold_quantity: null,
      clearing_price: null,
    })
    .returning(['id', 'kind', 'title'])
    .executeTakeFirstOrThrow();
}

/** Clears a past demo session with the engine (listing: arrival order), writes fills, awards and buyer fees. */
async function clearDemo(
  trx: Tx,
  s: { id: number; kind: string; title: string },
  bids: { id: number; customer_id: number | null; virtual_account_id?: number | null; price: string; quantity: string; submitted_at: Date; deposit_fen: number }[],
  bidding: boolean,
  at: string,
  businessDate: string,
): Promise<number> {
  const sess = (await trx.selectFrom('trading_sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow())!;
  const input = bids.map((b) => ({ bidId: b.id, customerId: b.customer_id ?? -(b.virtual_account_id ?? 0), price: b.price, quantity: b.quantity, submittedAt: new Date(b.submitted_at).getTime() }));
  let r: { bids: { bidId: number; filledQuantity: string; dealPrice: string | null; outcome: string; rank: number }[]; soldQuantity: string; clearingPrice: string | null };
  if (bidding) r = clearBidding({ quantity: sess.quantity, minPerBuyer: sess.min_per_buyer, pricing: 'pay_as_bid' }, input);
  else {
    // 挂牌: first come first served at the fixed price, in arrival order.
    const fills = clearListing(
      sess.quantity,
      sess.min_per_buyer,
      input.map((b) => ({ requestId: b.bidId, customerId: b.customerId, quantity: b.quantity, submittedAt: b.submittedAt })),
    );
    const sold = fills.reduce((t, f) => t + qty(f.filledQuantity), 0);
    r = {
      bids: fills.map((f, i) => ({
        bidId: f.requestId,
        filledQuantity: f.filledQuantity,
        dealPrice: qty(f.filledQuantity) > 0 ? sess.fixed_price : null,
        outcome: qty(f.filledQuantity) === 0 ? 'unfilled' : 'filled',
        rank: i + 1,
      })),
      soldQuantity: qtyStr(sold),
      clearingPrice: sold > 0 ? sess.fixed_price : null,
    };
  }
  for (const x of r.bids) {
    await trx
      .updateTable('trading_bids')
      .set({ filled_quantity: x.filledQuantity, outcome: x.outcome as 'filled', rank: x.rank, granted_quantity: bidding ? null : x.filledQuantity })
      .where('id', '=', x.bidId)
      .execute();
  }
  const byId = new Map(bids.map((b) => [b.id, b]));
  const awards = r.bids.filter((x) => x.outcome !== 'unfilled');
  for (const x of awards) {
    const b = byId.get(x.bidId)!;
    const amount = dealAmountFen(x.filledQuantity, x.dealPrice!);
    const dep = splitDeposit(Number(b.deposit_fen), b.price, b.quantity, x.filledQuantity, '0.10');
    const fee = feeFen(amount, '0.001');
    const a = await trx
      .insertInto('trading_awards')
      .values({
        session_id: s.id,
        bid_id: b.id,
        customer_id: b.customer_id,
        virtual_account_id: b.virtual_account_id ?? null,
        quantity: x.filledQuantity,
        price: x.dealPrice!,
        amount_fen: amount,
        buyer_fee_fen: fee,
        seller_fee_fen: fee,
        deposit_applied_fen: dep.appliedFen,
        deposit_released_fen: dep.releasedFen,
        awarded_at: bidding ? new Date(at) : new Date(b.submitted_at),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (s.kind === 'real' && b.customer_id)
      await chargeTradingFee(trx, { customerId: b.customer_id, amountFen: fee, businessDate, reference: `award:${a.id}`, note: `${s.title} #${b.id}`, createdBy: null });
  }
  await trx
    .updateTable('trading_sessions')
    .set({ status: 'cleared', cleared_at: new Date(at), bid_count: bids.length, sold_quantity: r.soldQuantity, clearing_price: r.clearingPrice })
    .where('id', '=', s.id)
    .execute();
  return awards.length;
}
