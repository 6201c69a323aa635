/** All SQL of the plans module (Kysely): plain data in and out, no rules. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { customerBasics } from '../customers';
import { deliveredVolumesByMonth } from '../metering';
import type { PlanVersionsTable } from './plans.tables';
import type { Insertable, Updateable } from 'kysely';

export async function listVersions(db: Tx, year?: number) {
  let q = db.selectFrom('plan_versions').selectAll();
  if (year) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('seq', 'desc').execute();
}
export async function findVersion(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('plan_versions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type VersionRowDb = NonNullable<Awaited<ReturnType<typeof findVersion>>>;
export async function approvedVersion(db: Tx, year: number) {
  return db.selectFrom('plan_versions').selectAll().where('year', '=', year).where('status', '=', 'approved').executeTakeFirst();
}
export async function nextSeq(db: Tx, year: number): Promise<number> {
  const r = await db
    .selectFrom('plan_versions')
    .select(sql<number>`coalesce(max(seq), 0)::int + 1`.as('n'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return r.n;
}
export async function insertVersion(trx: Tx, v: Insertable<PlanVersionsTable>) {
  return (await trx.insertInto('plan_versions').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateVersion(trx: Tx, id: number, v: Updateable<PlanVersionsTable>) {
  await trx
    .updateTable('plan_versions')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
export async function replaceMonths(trx: Tx, versionId: number, months: { month: number; volumeM3: string; revenueFen: number }[]) {
  await trx.deleteFrom('plan_months').where('version_id', '=', versionId).execute();
  await trx
    .insertInto('plan_months')
    .values(months.map((m) => ({ version_id: versionId, month: m.month, volume_m3: m.volumeM3, revenue_fen: m.revenueFen })))
    .execute();
}
export async function months(db: Tx, versionId: number) {
  return db.selectFrom('plan_months').selectAll().where('version_id', '=', versionId).orderBy('month').execute();
}
export async function replaceAreas(trx: Tx, versionId: number, rows: { month: number; area: string; volumeM3: string }[]) {
  await trx.deleteFrom('plan_area_allocations').where('version_id', '=', versionId).execute();
  if (rows.length)
    await trx
      .insertInto('plan_area_allocations')
      .values(rows.map((r) => ({ version_id: versionId, month: r.month, area: r.area, volume_m3: r.volumeM3 })))
      .execute();
}
export async function areas(db: Tx, versionId: number) {
  return db.selectFrom('plan_area_allocations').selectAll().where('version_id', '=', versionId).orderBy('month').orderBy('area').execute();
}
const CHUNK = 5000;
export async function replaceCustomers(trx: Tx, versionId: number, rows: { customerId: number; month: number; area: string; volumeM3: string }[]) {
  await trx.deleteFrom('plan_customer_allocations').where('version_id', '=', versionId).execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('plan_customer_allocations')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ customer_id: r.customerId, version_id: versionId, month: r.month, area: r.area, volume_m3: r.volumeM3 })))
      .execute();
  }
}
/** Σ customer allocations per month and area of a version (the roll-up). */
export async function customerRollup(db: Tx, versionId: number) {
  return db
    .selectFrom('plan_customer_allocations')
    .select(['month', 'area', sql<string>`sum(volume_m3)::numeric(18,3)::text`.as('v'), sql<number>`count(DISTINCT customer_id)::int`.as('n')])
    .where('version_id', '=', versionId)
    .groupBy(['month', 'area'])
    .execute();
}
export async function customerCount(db: Tx, versionId: number) {
  return (
    await db
      .selectFrom('plan_customer_allocations')
      .select(sql<number>`count(DISTINCT customer_id)::int`.as('n'))
      .where('version_id', '=', versionId)
      .executeTakeFirstOrThrow()
  ).n;
}
/** Customer plans of a version per customer and month (optionally only months ≤ `upTo`). */
export async function customerPlans(db: Tx, versionId: number) {
  return db.selectFrom('plan_customer_allocations').select(['customer_id', 'month', 'area', 'volume_m3']).where('version_id', '=', versionId).execute();
}

/** Customer allocations of a version within a scope, ordered by customer and month. */
export async function customerAllocations(db: Tx, versionId: number, scope: Expression<SqlBool>) {
  return db
    .selectFrom('plan_customer_allocations as a')
    .select(['a.customer_id', 'a.month', 'a.area', 'a.volume_m3'])
    .where('a.version_id', '=', versionId)
    .where(scope)
    .orderBy('a.customer_id')
    .orderBy('a.month')
    .execute();
}

export async function upsertProposal(trx: Tx, v: { customer_id: number; month: string; volume_m3: string; note: string | null; proposed_by: number }) {
  const before = await trx.selectFrom('plan_proposals').selectAll().where('customer_id', '=', v.customer_id).where('month', '=', v.month).executeTakeFirst();
  await trx
    .insertInto('plan_proposals')
    .values({ ...v, proposed_at: new Date() })
    .onConflict((oc) => oc.columns(['customer_id', 'month']).doUpdateSet({ volume_m3: v.volume_m3, note: v.note, proposed_by: v.proposed_by, proposed_at: new Date() }))
    .execute();
  return before;
}
export async function proposals(db: Tx, scope: Expression<SqlBool>, year: number) {
  return db
    .selectFrom('plan_proposals as p')
    .selectAll('p')
    .where(scope)
    .where('p.month', '>=', `${year}-01`)
    .where('p.month', '<=', `${year}-12`)
    .orderBy('p.month')
    .orderBy('p.customer_id')
    .execute();
}

/**
 * Upsert nominations in one multi-row statement (the rows travel as three arrays and are unnested
 * by the server; no per-chunk round trips): 10⁵ rows of an import in one INSERT … ON CONFLICT.
 */
export async function upsertNominations(trx: Tx, rows: { customerId: number; gasDay: string; volumeM3: string }[], source: 'manual' | 'import' | 'api', userId: number | null) {
  if (!rows.length) return;
  await sql`
    INSERT INTO nominations (customer_id, gas_day, volume_m3, source, entered_by, entered_at)
    SELECT r.customer_id, r.gas_day, r.volume_m3, ${source}, ${userId}::bigint, now()
    FROM unnest(${sql.val(rows.map((r) => r.customerId))}::bigint[], ${sql.val(rows.map((r) => r.gasDay))}::date[], ${sql.val(rows.map((r) => r.volumeM3))}::numeric[])
      AS r(customer_id, gas_day, volume_m3)
    ON CONFLICT (customer_id, gas_day) DO UPDATE SET volume_m3 = excluded.volume_m3, source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at`.execute(trx);
}
export async function nominations(db: Tx, customerIds: number[] | null, from: string, to: string, scope?: Expression<SqlBool>) {
  if (customerIds && !customerIds.length) return [];
  let q = db.selectFrom('nominations as n').select(['n.customer_id', 'n.gas_day', 'n.volume_m3', 'n.source']).where('n.gas_day', '>=', from).where('n.gas_day', '<=', to);
  if (customerIds) q = q.where(sql<boolean>`n.customer_id = ANY(${sql.val(customerIds)}::bigint[])`);
  if (scope) q = q.where(scope);
  return q.orderBy('n.customer_id').orderBy('n.gas_day').execute();
}

/**
 * The plan ledger grouped by a customer attribute (type) in one statement: the version's customer
 * allocations and metering's monthly volumes (published fragment), each summed per attribute and
 * month after joining customers' published basics, then put side by side. Scoped by `scope` on c.
 */
export async function ledgerByCustomerType(db: Tx, versionId: number | null, year: number, scope: Expression<SqlBool>) {
  const { rows } = await sql<{ key: string; month: number; plan: string | null; actual: string | null }>`
    WITH pl AS (
      SELECT c.type AS key, a.month, sum(a.volume_m3) AS v
      FROM plan_customer_allocations a JOIN ${customerBasics()} c ON c.id = a.customer_id
      WHERE a.version_id = ${versionId ?? 0} AND ${scope}
      GROUP BY c.type, a.month),
    ac AS (
      SELECT c.type AS key, m.month, sum(m.volume_m3) AS v
      FROM (${deliveredVolumesByMonth(`${year}-01-01`, `${year}-12-31`)}) m JOIN ${customerBasics()} c ON c.id = m.customer_id
      WHERE ${scope}
      GROUP BY c.type, m.month)
    SELECT coalesce(pl.key, ac.key) AS key, coalesce(pl.month, ac.month)::int AS month,
      pl.v::numeric(20,3)::text AS plan, ac.v::numeric(20,3)::text AS actual
    FROM pl FULL JOIN ac ON ac.key = pl.key AND ac.month = pl.month`.execute(db);
  return rows.map((r) => ({ ...r, month: Number(r.month) }));
}
