/**
 * Demo data of the accounts module (order 300, after metering): provisional prices per customer
 * (by type, 2.2–3.1 元/m³, a heating-season rise a year in), two years of daily charges posted
 * set-based through the daily run's own statement, prepayments (monthly or weekly) that keep most
 * customers 正常, a few customers left at 预警 / 减气 / 停气, closed customers settled to zero,
 * and the current levels computed as of the last gas day.
 */
import { sql } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import type { Rng } from '../../platform/demo/rng';
import { inTx } from '../../platform/db/database';
import { customerBasics } from '../customers';
import { customersWithDeliveries } from '../metering';
import { addDays } from './accounts.calc';
import { postDailyCharges } from './daily-run.service';
import { balanceOf, bulkInsertTransactions, rebuildBalances, type BulkTx } from './ledger.repo';
import { putSetting, SETTING_LAST_RUN_DAY } from './levels.repo';
import { recomputeLevels } from './levels.service';

const PRICE_RANGE: Record<string, [number, number]> = {
  city_gas: [2200, 2500],
  power: [2300, 2600],
  chemical: [2400, 2800],
  cng: [2500, 2800],
  industrial: [2600, 3100],
  commercial: [2800, 3100],
  other: [2600, 3000],
};

interface DemoCustomer {
  id: number;
  code: string;
  name: string;
  type: string;
  status: string;
}

/** Price in 元/m³ with 4 decimals from an integer number of 0.1 fen (e.g. 2650 → '2.6500'). */
const priceOf = (milli: number) => dec(milli).div(1000).toFixed(4);

export const accountsDemo = {
  order: 300,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const to = ctx.lastDay;
    const from = addDays(to, -729);
    const customers = (
      await sql<DemoCustomer>`SELECT c.id, c.code, c.name, c.type, c.status FROM ${customerBasics()} c
        WHERE c.id IN (${customersWithDeliveries()}) ORDER BY c.id`.execute(db)
    ).rows.map((r) => ({ ...r, id: Number(r.id) }));
    if (!customers.length) {
      ctx.log('accounts demo: no deliveries — skipped');
      return;
    }
    const finance = ctx.users.get('finance') ?? null;
    await inTx(db, async (trx) => {
      // Bulk load: with superuser rights the per-row checks (foreign keys, ledger triggers) are
      // skipped for this transaction and the same invariants are verified set-based at the end.
      const su = await sql<{ s: boolean }>`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`.execute(trx);
      if (su.rows[0]?.s) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      // 1. provisional prices
      const prng = ctx.rng('accounts.prices');
      const rise = firstNovember(from, to);
      const prices = customers.flatMap((c) => {
        const [lo, hi] = PRICE_RANGE[c.type] ?? PRICE_RANGE.other;
        const base = prng.int(lo / 10, hi / 10) * 10;
        const rows = [{ customer_id: c.id, effective_from: addDays(from, -30), price: priceOf(base), created_by: finance }];
        if (rise) rows.push({ customer_id: c.id, effective_from: rise, price: priceOf(base + prng.int(5, 15) * 10), created_by: finance });
        return rows;
      });
      await trx.insertInto('customer_provisional_prices').values(prices).execute();

      // 2. two years of daily charges through the daily run's statement
      const charged = await postDailyCharges(trx, from, to, { userId: null, username: 'demo' });

      // 3. payments that follow the charges
      const charges = await dailyCharges(trx, from);
      const targets = pickTargets(customers, charges, ctx.rng('accounts.targets'));
      const rng = ctx.rng('accounts.payments');
      const txs: BulkTx[] = [];
      for (const c of customers) txs.push(...paymentsFor(c, charges.get(c.id), from, targets.get(c.id) ?? null, rng));
      await bulkInsertTransactions(trx, txs, finance);

      // the skipped ledger trigger did not move the kept balances: set them from the postings
      if (su.rows[0]?.s)
        await rebuildBalances(
          trx,
          customers.map((c) => c.id),
        );
      await verifyLedger(trx);
      if (su.rows[0]?.s) await sql`SET LOCAL session_replication_role = origin`.execute(trx);
      // 4. levels as of the last gas day
      await putSetting(trx, SETTING_LAST_RUN_DAY, to);
      const levels = await recomputeLevels(ctx.app, trx, { asOfDay: to });
      ctx.log(`accounts demo: ${charged.transactions} daily charges, ${txs.length} payments/refunds, ${levels.computed} levels (${levels.changes.length} not 正常)`);
    });
  },
};

/** The invariants the skipped triggers would have checked: references valid, every transaction balanced. */
async function verifyLedger(db: any) {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM ledger_postings p LEFT JOIN ledger_transactions t ON t.id = p.transaction_id LEFT JOIN ledger_accounts a ON a.id = p.account_id
             WHERE t.id IS NULL OR a.id IS NULL OR a.customer_id IS DISTINCT FROM p.customer_id OR (p.customer_id IS NOT NULL AND p.customer_id <> t.customer_id))
         + (SELECT count(*) FROM ledger_transactions t LEFT JOIN ${customerBasics()} c ON c.id = t.customer_id WHERE c.id IS NULL)
         + (SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount_fen) <> 0 OR count(*) < 2) x)
         + (SELECT count(*) FROM ledger_transactions t WHERE NOT EXISTS (SELECT 1 FROM ledger_postings p WHERE p.transaction_id = t.id))
         + (SELECT count(*) FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id WHERE p.business_date <> t.business_date)
         + (SELECT count(*) FROM customer_balances b FULL JOIN (SELECT customer_id, SUM(amount_fen) AS s FROM ledger_postings WHERE customer_id IS NOT NULL GROUP BY customer_id) p
                ON p.customer_id = b.customer_id WHERE b.balance_fen IS DISTINCT FROM p.s) AS n`.execute(db);
  if (Number(rows[0].n) !== 0) throw new Error(`accounts demo: ledger check failed (${rows[0].n} bad rows)`);
}

function firstNovember(from: string, to: string): string | null {
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const d = `${y}-11-01`;
    if (d > addDays(from, 180) && d <= to) return d;
  }
  return null;
}

/** Daily charges per customer: fen by day index (0 = `from`). */
async function dailyCharges(db: any, from: string): Promise<Map<number, number[]>> {
  // Fresh statistics after the bulk load: without them PostgreSQL may plan this join as a nested
  // loop over ~300k postings (seen taking > 8 minutes on a fresh schema).
  await sql`ANALYZE ledger_transactions`.execute(db);
  await sql`ANALYZE ledger_postings`.execute(db);
  const { rows } = await sql<{ customer_id: number; i: number; fen: number }>`
    SELECT t.customer_id, (t.charge_day - ${from}::date)::int AS i, -p.amount_fen AS fen
      FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id IS NOT NULL
     WHERE t.kind = 'daily_charge'`.execute(db);
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const id = Number(r.customer_id);
    const a = out.get(id) ?? new Array(730).fill(0);
    a[Number(r.i)] += Number(r.fen);
    out.set(id, a);
  }
  return out;
}

/** Customers left at a risky level at the end: target days of gas left (exact level by construction). */
function pickTargets(customers: DemoCustomer[], charges: Map<number, number[]>, rng: Rng): Map<number, string> {
  const out = new Map<number, string>();
  const lastWeek = (id: number) => (charges.get(id) ?? []).slice(-7).reduce((a, b) => a + b, 0);
  const eligible = customers.filter((c) => lastWeek(c.id) > 0 && (c.status === 'active' || c.status === 'restricted'));
  const restricted = eligible.filter((c) => c.status === 'restricted');
  restricted.forEach((c, i) => out.set(c.id, i === 1 ? '-0.4' : '1.2'));
  const active = eligible.filter((c) => c.status === 'active');
  const cityGas = active.filter((c) => c.type === 'city_gas');
  if (cityGas.length) out.set(rng.pick(cityGas).id, '1.5'); // a residential distributor at 减气 (保民用)
  if (!restricted.length) {
    const ind = active.filter((c) => c.type !== 'city_gas' && !out.has(c.id));
    if (ind.length) out.set(rng.pick(ind).id, '1.1');
    if (ind.length > 1) out.set(rng.pick(ind.filter((c) => !out.has(c.id))).id, '-0.3');
  }
  for (const days of ['3.2', '3.8', '4.4']) {
    const free = active.filter((c) => !out.has(c.id));
    if (free.length) out.set(rng.pick(free).id, days);
  }
  return out;
}

const roundUp100Yuan = (fen: number) => Math.ceil(fen / 10_000) * 10_000;
const ymd = (d: string) => d.replaceAll('-', '');

/** A customer's prepayments: before each period it pays the coming charges (plus a buffer of days) × a margin, less its balance. */
function paymentsFor(c: DemoCustomer, charges: number[] | undefined, from: string, target: string | null, rng: Rng): BulkTx[] {
  if (!charges) return [];
  const n = charges.length;
  const first = charges.findIndex((x) => x > 0);
  let last = n - 1;
  while (last > 0 && charges[last] === 0) last--;
  if (first < 0) return [];
  const weekly = target !== null || ['cng', 'commercial', 'other'].includes(c.type) ? true : rng.chance(0.25);
  const period = weekly ? 7 : 30;
  const margin = target !== null ? 1 : 1.02 + rng.next() * 0.1;
  // days of gas kept in hand beyond the period paid for (none for the customers left at risk)
  const buffer = target !== null ? 0 : rng.int(8, 20);
  const offset = rng.int(0, period - 1);
  const endOfPolicy = target !== null ? n - 22 : c.status === 'closed' ? last : n - 1;
  const out: BulkTx[] = [];
  let balance = 0;
  const pay = (i: number, fen: number, kind: 'payment' | 'refund' = 'payment') => {
    const day = addDays(from, i);
    out.push({
      kind,
      customerId: c.id,
      businessDate: day,
      reference: `DEMO-${c.code}-${ymd(day)}-${kind === 'payment' ? 'P' : 'R'}`,
      payerName: kind === 'payment' ? c.name : null,
      note: kind === 'refund' ? '销户结清退款' : null,
      amountFen: kind === 'payment' ? fen : -fen,
      counter: kind === 'payment' ? 'bank' : 'refunds',
    });
    balance += kind === 'payment' ? fen : -fen;
  };
  const start = Math.max(0, first - 3);
  const recent = charges.slice(-7).reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    if (i >= start && i < endOfPolicy && (i === start || (i - start + offset) % period === 0)) {
      // the coming charges (beyond the last gas day: as much as in the last week)
      let ahead = 0;
      for (let k = i; k < i + period + buffer; k++) ahead += k < n ? charges[k] : Math.round(recent / 7);
      const need = dec(ahead).times(margin).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() - balance;
      if (need > 0) pay(i, target !== null ? need : roundUp100Yuan(need));
    }
    if (target !== null && i === endOfPolicy) {
      // one last payment that leaves exactly `target` days of gas at the end
      const window = charges.slice(-7).reduce((a, b) => a + b, 0);
      const goal = dec(target).times(window).div(7).toDecimalPlaces(0, Decimal.ROUND_FLOOR).toNumber();
      const rest = charges.slice(i).reduce((a, b) => a + b, 0);
      const amount = goal - balance + rest;
      if (amount > 0) pay(i, amount);
    }
    balance -= charges[i];
  }
  if (c.status === 'closed' && balance !== 0) pay(Math.min(n - 1, last + 3), Math.abs(balance), balance > 0 ? 'refund' : 'payment');
  return out;
}

/**
 * The last demo step of all (order 990): settlement true-ups, trading deposits and fees posted by
 * later demo steps move balances, so the few customers the accounts demo leaves at 预警 / 减气 /
 * 停气 (pickTargets, the same seeded choice) are brought back to exactly their target days of gas
 * with one payment (or refund) on the last gas day, and every level is computed again.
 */
export const accountsRiskMixDemo = {
  order: 990,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const to = ctx.lastDay;
    const from = addDays(to, -729);
    const customers = (
      await sql<DemoCustomer>`SELECT c.id, c.code, c.name, c.type, c.status FROM ${customerBasics()} c
        WHERE c.id IN (${customersWithDeliveries()}) ORDER BY c.id`.execute(db)
    ).rows.map((r) => ({ ...r, id: Number(r.id) }));
    if (!customers.length) return;
    const finance = ctx.users.get('finance') ?? null;
    await inTx(db, async (trx) => {
      const charges = await dailyCharges(trx, from);
      const targets = pickTargets(customers, charges, ctx.rng('accounts.targets'));
      const txs: BulkTx[] = [];
      for (const [id, days] of targets) {
        const c = customers.find((x) => x.id === id)!;
        const window = (charges.get(id) ?? []).slice(-7).reduce((a, b) => a + b, 0);
        const goal = dec(days).times(window).div(7).toDecimalPlaces(0, Decimal.ROUND_FLOOR).toNumber();
        const delta = goal - (await balanceOf(trx, id));
        if (delta === 0) continue;
        txs.push({
          kind: delta > 0 ? 'payment' : 'refund',
          customerId: id,
          businessDate: to,
          reference: `DEMO-${c.code}-${ymd(to)}-${delta > 0 ? 'P' : 'R'}2`,
          payerName: delta > 0 ? c.name : null,
          note: delta > 0 ? null : '多缴退款',
          amountFen: delta,
          counter: delta > 0 ? 'bank' : 'refunds',
        });
      }
      if (txs.length) await bulkInsertTransactions(trx, txs, finance);
      const levels = await recomputeLevels(ctx.app, trx, { asOfDay: to });
      ctx.log(`accounts demo (last step): ${txs.length} balances brought back to their target days, ${levels.changes.length} levels not 正常`);
    });
  },
};
