/**
 * Deviation settlement (偏差结算, DOMAIN.md §4): draft list → customer claims (来函) → joint review
 * (专题会商) deciding Q_x per claim → 偏差结算确认单 → signed copy → fee posted to the ledger.
 * Quantities come from the period's settled months (settlement statements), in the contract's basis.
 */
import { sql } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { localParts } from '../../platform/jobs/jobs';
import { postSettlementTrueUp } from '../accounts';
import { contractsForMonth, monthsBetween, type ContractTerms } from '../contracts';
import { customerBasicsById } from '../customers';
import { pricesByDay } from '../pricing';
import { deviation } from './settlement.calc';
import { monthBounds } from './settlement.compute';
import { DE } from './settlement.errors';
import type { ClaimCause, DeviationStatus } from './settlement.tables';

export const DEVIATION_STATUS_LABELS: Record<DeviationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  reviewed: { zh: '已会商', en: 'reviewed' },
  confirmed: { zh: '已出具确认单', en: 'confirmation issued' },
  signed: { zh: '已回签', en: 'signed' },
  posted: { zh: '已入账', en: 'posted' },
};

function statusError(id: number, status: DeviationStatus, action: string) {
  return new AppError(DE.DEVIATION_STATUS, { id, status: DEVIATION_STATUS_LABELS[status].zh, action });
}
const qty3 = (field: string, v: string) => {
  if (!/^\d+(\.\d{1,3})?$/.test(v) || !dec(v).gt(0)) throw new AppError(DE.DEVIATION_QUANTITY, { field, value: v });
};

/**
 * Create a deviation period and its draft list: every contract settled in the period whose
 * shortfall Q_s = max(0, θ·Q_c − Q_a) is positive (DOMAIN.md §4), with Q_c and Q_a summed over
 * the period's settled (confirmed or closed) months and P_c the base tag's contract price on the
 * period's last day.
 */
export async function createPeriod(ctx: AppContext, input: { label: string; from: string; to: string }, actor: Actor) {
  const months = monthsBetween(input.from, input.to);
  return inTx(ctx.db, async (trx) => {
    const dup = await trx
      .selectFrom('deviation_periods')
      .select('id')
      .where('from_month', '=', input.from + '-01')
      .where('to_month', '=', input.to + '-01')
      .executeTakeFirst();
    if (dup) throw new AppError(DE.DEVIATION_PERIOD_EXISTS, { from: input.from, to: input.to });
    const settled = await sql<{
      m: string;
    }>`SELECT to_char(month, 'YYYY-MM') AS m FROM settlement_months WHERE month BETWEEN ${input.from + '-01'}::date AND ${input.to + '-01'}::date AND status IN ('confirmed', 'closed')`.execute(trx);
    const ok = new Set(settled.rows.map((r) => r.m));
    const unsettled = months.filter((m) => !ok.has(m));
    if (unsettled.length) throw new AppError(DE.DEVIATION_MONTHS_UNSETTLED, { months: unsettled.join('、') });
    const sums = await sql<{ customer_id: number; contract_id: number; qc: string; qa: string }>`
      SELECT customer_id, contract_id, sum(contracted)::text AS qc, sum(actual)::text AS qa FROM settlement_statements
       WHERE month BETWEEN ${input.from + '-01'}::date AND ${input.to + '-01'}::date AND contract_id IS NOT NULL GROUP BY customer_id, contract_id`.execute(trx);
    const terms = new Map<number, { t: ContractTerms; month: string }>();
    for (const m of months) for (const t of await contractsForMonth(trx, m)) terms.set(t.contractId, { t, month: m });
    const period = await trx
      .insertInto('deviation_periods')
      .values({ label: input.label, from_month: input.from + '-01', to_month: input.to + '-01', created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows: { customerId: number; t: ContractTerms; qc: string; qa: string; price: string; shortfall: string; fee: number }[] = [];
    for (const s of sums.rows) {
      const tm = terms.get(Number(s.contract_id));
      if (!tm) continue;
      const { t, month } = tm;
      let price = t.basePrice;
      const day = monthBounds(month).to;
      if (price == null) price = (await pricesByDay(trx, [{ tag: t.baseTag, category: t.priceCategory, basis: t.basis }], day, day))[0]?.price ?? null;
      const r0 = deviation({ theta: t.theta, contracted: s.qc, actual: s.qa, exempt: '0', contractPrice: price ?? '0', k: t.k });
      if (!dec(r0.shortfall).gt(0)) continue;
      if (price == null) throw new AppError(DE.DEVIATION_NO_PRICE, { customer: Number(s.customer_id), contract: t.contractNo, day });
      rows.push({ customerId: Number(s.customer_id), t, qc: s.qc, qa: s.qa, price, shortfall: r0.shortfall, fee: r0.feeFen });
    }
    if (rows.length)
      await trx
        .insertInto('deviation_cases')
        .values(
          rows.map((r) => ({
            period_id: period.id,
            customer_id: r.customerId,
            contract_id: r.t.contractId,
            contract_no: r.t.contractNo,
            basis: r.t.basis,
            theta: r.t.theta,
            k: r.t.k,
            contract_price: r.price,
            contracted: r.qc,
            actual: r.qa,
            shortfall: r.shortfall,
            fee_fen: r.fee,
          })),
        )
        .execute();
    await audit(trx, actor, { action: 'deviation.period_create', entity: 'deviation_period', entityId: period.id, after: { ...input, cases: rows.length } });
    return { id: Number(period.id), cases: rows.length };
  });
}

async function loadCase(trx: Tx, id: number) {
  const c = await trx
    .selectFrom('deviation_cases')
    .select(['id', 'period_id', 'customer_id', 'status', 'theta', 'k', 'contract_price', 'contracted', 'actual', 'basis'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '偏差结算案例', en: 'Deviation case' } });
  return { ...c, id: Number(c.id), customer_id: Number(c.customer_id) };
}

export async function caseCustomer(db: Tx, id: number): Promise<number | null> {
  const c = await db.selectFrom('deviation_cases').select('customer_id').where('id', '=', id).executeTakeFirst();
  return c ? Number(c.customer_id) : null;
}

export async function claimCustomer(db: Tx, claimId: number): Promise<number | null> {
  const c = await db.selectFrom('deviation_claims').select('customer_id').where('id', '=', claimId).executeTakeFirst();
  return c ? Number(c.customer_id) : null;
}

/** A customer's claim (来函) of an uncontrollable cause with the claimed exempt volume. */
export async function addClaim(ctx: AppContext, caseId: number, input: { cause: ClaimCause; claimed: string; description?: string | null; receivedOn: string }, actor: Actor) {
  qty3('claimed', input.claimed);
  return inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, caseId);
    if (c.status !== 'draft' && c.status !== 'reviewed') throw statusError(c.id, c.status, '登记来函 / add a claim');
    const r = await trx
      .insertInto('deviation_claims')
      .values({
        case_id: c.id,
        customer_id: c.customer_id,
        cause: input.cause,
        claimed: input.claimed,
        description: input.description ?? null,
        received_on: input.receivedOn,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (c.status === 'reviewed') await trx.updateTable('deviation_cases').set({ status: 'draft', updated_at: new Date() }).where('id', '=', c.id).execute();
    await audit(trx, actor, { action: 'deviation.claim_add', entity: 'deviation_claim', entityId: r.id, customerId: c.customer_id, after: input });
    return { id: Number(r.id) };
  });
}

export async function attachEvidence(ctx: AppContext, claimId: number, file: { name: string; content: Buffer; mime: string }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const cl = await trx.selectFrom('deviation_claims').select(['id', 'customer_id']).where('id', '=', claimId).executeTakeFirst();
    if (!cl) throw new AppError('NOT_FOUND', { entity: { zh: '来函', en: 'Claim' } });
    await trx.updateTable('deviation_claims').set({ evidence: file.content, evidence_name: file.name, evidence_mime: file.mime }).where('id', '=', claimId).execute();
    await audit(trx, actor, {
      action: 'deviation.claim_evidence',
      entity: 'deviation_claim',
      entityId: claimId,
      customerId: Number(cl.customer_id),
      after: { name: file.name, bytes: file.content.length },
    });
  });
}

/**
 * The departmental joint review (专题会商) decides the approved exempt volume of each claim;
 * Q_x = Σ approved, then Q_s and F are recomputed (DOMAIN.md §4).
 */
export async function reviewCase(ctx: AppContext, caseId: number, input: { heldOn: string; participants: string; decision: string; claims: { claimId: number; approved: string }[] }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, caseId);
    if (c.status !== 'draft' && c.status !== 'reviewed') throw statusError(c.id, c.status, '会商 / review');
    const claims = await trx.selectFrom('deviation_claims').select(['id', 'claimed']).where('case_id', '=', c.id).execute();
    const byId = new Map(claims.map((x) => [Number(x.id), x]));
    for (const d of input.claims) {
      const cl = byId.get(d.claimId);
      if (!cl) throw new AppError(DE.DEVIATION_CLAIM_UNKNOWN, { claim: d.claimId });
      if (!/^\d+(\.\d{1,3})?$/.test(d.approved)) throw new AppError(DE.DEVIATION_QUANTITY, { field: 'approved', value: d.approved });
      if (dec(d.approved).gt(cl.claimed)) throw new AppError(DE.DEVIATION_EXEMPT_EXCEEDS_CLAIM, { claim: d.claimId, approved: d.approved, claimed: dec(cl.claimed).toFixed() });
    }
    for (const d of input.claims) await trx.updateTable('deviation_claims').set({ approved: d.approved }).where('id', '=', d.claimId).execute();
    const all = await trx.selectFrom('deviation_claims').select('approved').where('case_id', '=', c.id).execute();
    const exempt = all.reduce((s, x) => s.plus(x.approved ?? '0'), new Decimal(0)).toFixed();
    const r = deviation({ theta: c.theta, contracted: c.contracted, actual: c.actual, exempt, contractPrice: c.contract_price, k: c.k });
    await trx
      .updateTable('deviation_cases')
      .set({
        exempt,
        shortfall: r.shortfall,
        fee_fen: r.feeFen,
        status: 'reviewed',
        review_held_on: input.heldOn,
        review_participants: input.participants,
        review_decision: input.decision,
        updated_at: new Date(),
      })
      .where('id', '=', c.id)
      .execute();
    await audit(trx, actor, { action: 'deviation.review', entity: 'deviation_case', entityId: c.id, customerId: c.customer_id, after: { ...input, exempt, shortfall: r.shortfall, feeFen: r.feeFen } });
    return { exempt, shortfall: r.shortfall, feeFen: r.feeFen };
  });
}

/** Issue the 偏差结算确认单 for a customer on the period's draft list. */
export async function confirmCase(ctx: AppContext, periodId: number, customerId: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const row = await trx.selectFrom('deviation_cases').select('id').where('period_id', '=', periodId).where('customer_id', '=', customerId).executeTakeFirst();
    if (!row) {
      const c = (await customerBasicsById(trx, [customerId])).get(customerId);
      throw new AppError(DE.DEVIATION_NOT_ON_DRAFT, { customer: c ? `${c.name}（${c.code}）` : `#${customerId}` });
    }
    const c = await loadCase(trx, Number(row.id));
    if (c.status !== 'draft' && c.status !== 'reviewed') throw statusError(c.id, c.status, '出具确认单 / confirm');
    const undecided = await trx.selectFrom('deviation_claims').select('id').where('case_id', '=', c.id).where('approved', 'is', null).executeTakeFirst();
    if (undecided) throw new AppError(DE.DEVIATION_REVIEW_PENDING);
    await trx.updateTable('deviation_cases').set({ status: 'confirmed', confirmed_at: new Date(), updated_at: new Date() }).where('id', '=', c.id).execute();
    await audit(trx, actor, { action: 'deviation.confirm', entity: 'deviation_case', entityId: c.id, customerId: c.customer_id });
    return { caseId: c.id };
  });
}

export async function uploadSignedCopy(ctx: AppContext, caseId: number, file: { name: string; content: Buffer; mime: string }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, caseId);
    if (c.status !== 'confirmed' && c.status !== 'signed') throw statusError(c.id, c.status, '上传回签件 / upload the signed copy');
    await trx
      .updateTable('deviation_cases')
      .set({ status: 'signed', signed_file: file.content, signed_file_name: file.name, signed_file_mime: file.mime, signed_at: new Date(), updated_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    await audit(trx, actor, { action: 'deviation.signed_copy', entity: 'deviation_case', entityId: c.id, customerId: c.customer_id, after: { name: file.name, bytes: file.content.length } });
  });
}

/** Post the deviation fee F to the customer's ledger (counter: deviation fees), once. */
export async function postFee(ctx: AppContext, caseId: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, caseId);
    if (c.status !== 'signed') throw statusError(c.id, c.status, '入账 / post the fee');
    const full = await trx.selectFrom('deviation_cases').select(['fee_fen', 'period_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const fee = Number(full.fee_fen);
    const txId =
      fee > 0
        ? await postSettlementTrueUp(
            ctx,
            trx,
            {
              customerId: c.customer_id,
              period: localParts(new Date(), ctx.config.timeZone).date.slice(0, 7),
              businessDate: localParts(new Date(), ctx.config.timeZone).date,
              customerEffectFen: -fee,
              counter: 'deviation_fees',
              reference: `deviation:${c.id}`,
              note: `偏差结算费 / deviation fee #${c.id}`,
            },
            actor,
          )
        : null;
    await trx.updateTable('deviation_cases').set({ status: 'posted', ledger_tx_id: txId, posted_at: new Date(), updated_at: new Date() }).where('id', '=', c.id).execute();
    await audit(trx, actor, { action: 'deviation.post_fee', entity: 'deviation_case', entityId: c.id, customerId: c.customer_id, after: { feeFen: fee, txId } });
    return { feeFen: fee, transactionId: txId };
  });
}
