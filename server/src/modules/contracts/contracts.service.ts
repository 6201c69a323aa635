/** Use cases of sales contracts (购销合同, DOMAIN.md §4). */
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, xactLock, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { publish } from '../../platform/events/events';
import { AppError } from '../../platform/http/errors';
import { customerBasicsById } from '../customers';
import { isValidPrice, listTags } from '../pricing';
import { checkMonths, monthsBetween } from './contracts.calc';
import { KE } from './contracts.errors';
import * as repo from './contracts.repo';
import type { ContractInput, ContractUpdate } from './contracts.schema';

const STATUS_ZH = { draft: '草稿', active: '生效', terminated: '终止' } as const;

function assertQuantities(months: { month: string; quantity: string }[]) {
  for (const m of months) if (!/^\d+(\.\d{1,3})?$/.test(m.quantity)) throw new AppError(KE.CONTRACT_QUANTITY, { month: m.month, value: m.quantity });
}
function assertRatio(field: string, value: string, max = 1) {
  if (!/^\d+(\.\d{1,4})?$/.test(value) || dec(value).gt(max)) throw new AppError(KE.CONTRACT_RATIO, { field, value, max });
}
function assertMonths(period: string[], months: { month: string }[]) {
  const { missing, outside } = checkMonths(
    period,
    months.map((m) => m.month),
  );
  if (outside.length) throw new AppError(KE.CONTRACT_MONTHS_OUTSIDE, { months: outside.join('、') });
  if (missing.length) throw new AppError(KE.CONTRACT_MONTHS_MISSING, { months: missing.join('、') });
}
/** Serialise contract writes per customer so two overlapping contracts cannot both pass the check. */
async function lockCustomer(trx: Tx, customerId: number) {
  await xactLock(trx, 'contracts.customer', customerId);
}

export async function createContract(ctx: AppContext, input: ContractInput, actor: Actor) {
  return inTx(ctx.db, (trx) => createContractIn(trx, input, actor));
}

/** Validate a contract's terms (DOMAIN.md §4): period ≤ 24 months, every month's volume ≥ 0, θ/τ/k, price, tag; no overlap, unique number. */
async function checkTerms(trx: Tx, customerId: number, input: ContractUpdate, exceptId?: number) {
  const period = monthsBetween(input.startMonth, input.endMonth);
  if (input.startMonth > input.endMonth || period.length > 24) throw new AppError(KE.CONTRACT_PERIOD, { from: input.startMonth, to: input.endMonth });
  assertQuantities(input.months);
  assertMonths(period, input.months);
  assertRatio('theta', input.theta);
  assertRatio('tau', input.tau, 10);
  assertRatio('k', input.k, 10);
  if (input.basePrice != null && !isValidPrice(input.basePrice)) throw new AppError(KE.CONTRACT_PRICE, { value: input.basePrice });
  const customer = (await customerBasicsById(trx, [customerId])).get(customerId);
  if (!customer) throw new AppError(KE.CONTRACT_CUSTOMER_UNKNOWN, { id: customerId });
  if (!(await listTags(trx)).some((t) => t.code === input.baseTag)) throw new AppError(KE.CONTRACT_TAG_UNKNOWN, { tag: input.baseTag });
  await lockCustomer(trx, customerId);
  const other = await repo.overlapping(trx, customerId, input.startMonth, input.endMonth, exceptId);
  if (other) throw new AppError(KE.CONTRACT_OVERLAP, { from: input.startMonth, to: input.endMonth, other: other.contract_no, otherFrom: other.start_month, otherTo: other.end_month });
  const dup = await trx
    .selectFrom('sales_contracts')
    .select('id')
    .where('contract_no', '=', input.contractNo)
    .where('id', '<>', exceptId ?? 0)
    .executeTakeFirst();
  if (dup) throw new AppError(KE.CONTRACT_NO_TAKEN, { no: input.contractNo });
  return customer;
}

/** The row values of a contract's terms. */
function termsRow(input: ContractUpdate, defaultCategory: string) {
  return {
    contract_no: input.contractNo,
    year_label: input.yearLabel,
    start_month: input.startMonth + '-01',
    end_month: input.endMonth + '-01',
    basis: input.basis,
    base_tag: input.baseTag,
    price_category: input.priceCategory ?? defaultCategory,
    base_price: input.basePrice ?? null,
    theta: input.theta,
    tau: input.tau,
    k: input.k,
    prepayment_terms: input.prepaymentTerms ?? null,
  };
}

/** Create a contract (草稿) inside the caller's transaction: validation, overlap and number checks, volumes, audit. */
export async function createContractIn(trx: Tx, input: ContractInput, actor: Actor) {
  const customer = await checkTerms(trx, input.customerId, input);
  const row = await trx
    .insertInto('sales_contracts')
    .values({ customer_id: input.customerId, ...termsRow(input, customer.priceCategory), created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.insertVolumes(trx, row.id, 1, input.startMonth, null, actor.userId, input.months);
  await audit(trx, actor, { action: 'contract.create', entity: 'contract', entityId: row.id, customerId: input.customerId, after: input });
  return { id: Number(row.id) };
}

async function loadForChange(trx: Tx, id: number) {
  const c = await repo.findContract(trx, id, true);
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '合同', en: 'Contract' } });
  return c;
}
function statusError(c: repo.ContractRowDb, action: { zh: string; en: string }, lang: 'zh' | 'en' = 'zh') {
  return new AppError(KE.CONTRACT_STATUS, { no: c.contract_no, status: lang === 'zh' ? STATUS_ZH[c.status] : c.status, action: action.zh });
}

/** 草稿 → 生效. */
export async function activateContract(ctx: AppContext, id: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    if (c.status !== 'draft') throw statusError(c, { zh: '生效', en: 'activate' });
    await trx.updateTable('sales_contracts').set({ status: 'active', updated_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'contract.activate', entity: 'contract', entityId: id, customerId: c.customer_id, before: { status: c.status }, after: { status: 'active' } });
  });
}

/**
 * Edit a draft's terms (only 草稿: an active contract changes through amendments): every field and the
 * monthly volumes are replaced, with the same checks as a new contract (no overlap with the customer's
 * other contracts, every month ≥ 0). Audited with before and after.
 */
export async function updateDraft(ctx: AppContext, id: number, input: ContractUpdate, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    if (c.status !== 'draft') throw statusError(c, { zh: '修改', en: 'edit' });
    const customerId = Number(c.customer_id);
    const customer = await checkTerms(trx, customerId, input, id);
    const before = { ...c, months: await repo.effectiveMonths(trx, id) };
    await trx
      .updateTable('sales_contracts')
      .set({ ...termsRow(input, customer.priceCategory), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('contract_month_volumes').where('contract_id', '=', id).execute();
    await trx.deleteFrom('contract_versions').where('contract_id', '=', id).execute();
    await repo.insertVolumes(trx, id, 1, input.startMonth, null, actor.userId, input.months);
    await audit(trx, actor, { action: 'contract.update_draft', entity: 'contract', entityId: id, customerId, before, after: input });
  });
}

/** A draft may be deleted (never an active or terminated contract). */
export async function deleteDraft(ctx: AppContext, id: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    if (c.status !== 'draft') throw statusError(c, { zh: '删除', en: 'delete' });
    await trx.deleteFrom('contract_month_volumes').where('contract_id', '=', id).execute();
    await trx.deleteFrom('contract_versions').where('contract_id', '=', id).execute();
    await trx.deleteFrom('sales_contracts').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'contract.delete_draft', entity: 'contract', entityId: id, customerId: c.customer_id, before: c });
  });
}

/** Amendment (变更): a new version of the monthly volumes from `effectiveMonth` to the end. */
export async function amendContract(ctx: AppContext, id: number, input: { effectiveMonth: string; reason: string; months: { month: string; quantity: string }[] }, actor: Actor) {
  assertQuantities(input.months);
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    if (c.status !== 'active') throw statusError(c, { zh: '变更', en: 'amend' });
    if (input.effectiveMonth < c.start_month || input.effectiveMonth > c.end_month) throw new AppError(KE.CONTRACT_AMEND_MONTH, { month: input.effectiveMonth, from: c.start_month, to: c.end_month });
    assertMonths(monthsBetween(input.effectiveMonth, c.end_month), input.months);
    const vs = await repo.versions(trx, id);
    const version = Math.max(...vs.map((v) => Number(v.version))) + 1;
    await repo.insertVolumes(trx, id, version, input.effectiveMonth, input.reason, actor.userId, input.months);
    await trx.updateTable('sales_contracts').set({ updated_at: new Date() }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'contract.amend', entity: 'contract', entityId: id, customerId: c.customer_id, after: { version, ...input } });
    // a back-dated amendment changes settled months: settlement recomputes the locked ones (adjustment lines)
    await publish(ctx, trx, 'contracts.termsChanged', { contractId: id, customerIds: [Number(c.customer_id)], fromMonth: input.effectiveMonth, kind: 'amend' });
    return { version };
  });
}

/** 生效 → 终止 after `lastMonth` (the contract stays in force up to and including it). */
export async function terminateContract(ctx: AppContext, id: number, input: { lastMonth: string; reason: string }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    if (c.status !== 'active') throw statusError(c, { zh: '终止', en: 'terminate' });
    if (input.lastMonth < c.start_month || input.lastMonth > c.end_month) throw new AppError(KE.CONTRACT_TERMINATE_MONTH, { month: input.lastMonth, from: c.start_month, to: c.end_month });
    await trx
      .updateTable('sales_contracts')
      .set({ status: 'terminated', end_month: input.lastMonth + '-01', terminated_reason: input.reason, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'contract.terminate',
      entity: 'contract',
      entityId: id,
      customerId: c.customer_id,
      before: { status: c.status, endMonth: c.end_month },
      after: { status: 'terminated', ...input },
    });
    const next = monthsBetween(input.lastMonth, c.end_month)[1];
    if (next) await publish(ctx, trx, 'contracts.termsChanged', { contractId: id, customerIds: [Number(c.customer_id)], fromMonth: next, kind: 'terminate' });
  });
}

const MAGIC: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
export async function uploadSignedFile(ctx: AppContext, id: number, file: { name: string; content: Buffer }, actor: Actor) {
  const mime = MAGIC.find(([, sig]) => sig.every((b, i) => file.content[i] === b))?.[0];
  if (!mime) throw new AppError(KE.CONTRACT_FILE_TYPE);
  return inTx(ctx.db, async (trx) => {
    const c = await loadForChange(trx, id);
    await trx
      .updateTable('sales_contracts')
      .set({ signed_file: file.content, signed_file_name: file.name.split('\u0000').join(''), signed_file_mime: mime, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, { action: 'contract.signed_file', entity: 'contract', entityId: id, customerId: c.customer_id, after: { name: file.name, bytes: file.content.length } });
  });
}
