/** All SQL of the plans module (Kysely): plain data in and out, no rules. */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Tx } from '../../platform/db/database';
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
/**
 * Upsert an import's nominations by COPY (PostgreSQL): the rows go as COPY text into a temporary
 * staging table, then one INSERT … SELECT … ON CONFLICT. On the embedded database, the unnest
 * statement of upsertNominations.
 */
export async function bulkUpsertNominations(trx: Tx, database: Database, rows: { customerId: number; gasDay: string; volumeM3: string }[], source: 'manual' | 'import' | 'api', userId: number | null) {
  if (database.kind !== 'postgres') return upsertNominations(trx, rows, source, userId);
  if (!rows.length) return;
  await sql`CREATE TEMP TABLE nomination_stage (customer_id bigint, gas_day date, volume_m3 numeric(16,3)) ON COMMIT DROP`.execute(trx);
  // ids, ISO days and plain decimals never hold COPY's special characters
  let data = '';
  for (const r of rows) data += `${r.customerId}\t${r.gasDay}\t${r.volumeM3}\n`;
  await database.copyIn(trx, 'nomination_stage (customer_id, gas_day, volume_m3)', data);
  await sql`
    INSERT INTO nominations (customer_id, gas_day, volume_m3, source, entered_by, entered_at)
    SELECT customer_id, gas_day, volume_m3, ${source}, ${userId}::bigint, now() FROM nomination_stage
    ON CONFLICT (customer_id, gas_day) DO UPDATE SET volume_m3 = excluded.volume_m3, source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at`.execute(trx);
  await sql`DROP TABLE nomination_stage`.execute(trx);
}
export async function nominations(db: Tx, customerIds: number[] | null, from: string, to: string, scope?: Expression<SqlBool>) {
  if (customerIds && !customerIds.length) return [];
  let q = db.selectFrom('nominations as n').select(['n.customer_id', 'n.gas_day', 'n.volume_m3', 'n.source']).where('n.gas_day', '>=', from).where('n.gas_day', '<=', to);
  if (customerIds) q = q.where(sql<boolean>`n.customer_id = ANY(${sql.val(customerIds)}::bigint[])`);
  if (scope) q = q.where(scope);
  return q.orderBy('n.customer_id').orderBy('n.gas_day').execute();
}

export type LedgerGroupBy = 'month' | 'area' | 'type' | 'customer';
export interface LedgerQuery {
  versionId: number | null;
  year: number;
  groupBy: LedgerGroupBy;
  /** one month (1–12), else the whole year; YTD runs to this month (else December) */
  month: number | undefined;
  /** which customers count: an expression on `c.id` (customers' scope rule) */
  scope: Expression<SqlBool>;
  /** the plan side: the company's monthly plans / the areas' allocations (whole-company views) or the customer allocations */
  planBasis: 'months' | 'areas' | 'customers';
  /** operation areas in the order the rule tries them, with the place each is named after (areaKey) */
  areas: { name: string; key: string }[];
  unassigned: string;
}
export interface LedgerSqlRow {
  /** 'g' = a group, 's' = the chart's month total */
  kind: 'g' | 's';
  key: string;
  label: string | null;
  month: number | null;
  /** 1 for the largest YTD plan, ties share a rank */
  rank: number;
  plan_m3: string;
  actual_m3: string;
  deviation_m3: string;
  deviation_pct: string | null;
  ytd_plan_m3: string;
  ytd_actual_m3: string;
  ytd_deviation_m3: string;
  ytd_deviation_pct: string | null;
  has_actual: boolean;
}

const m3 = (x: RawBuilder<unknown>) => sql<string>`coalesce(${x}, 0)::numeric(20,3)::text`;
/**
 * Deviation % of actual from plan, exactly as plans.calc `deviation` (DOMAIN.md §5 plan ledger):
 * (a − p) / p × 100 rounded half-up to 2 places, NULL when p = 0. Integer division of the exact
 * operands (no rounded intermediate quotient): round(x, 2) = sign · ⌊(|a − p| · 20000 + p) / 2p⌋ / 100.
 */
export const deviationPctSql = (p: RawBuilder<unknown>, a: RawBuilder<unknown>) =>
  sql<string | null>`CASE WHEN ${p} = 0 THEN NULL ELSE (sign(${a} - ${p}) * div(abs(${a} - ${p}) * 20000 + ${p}, 2 * ${p}) / 100)::numeric(20,2)::text END`;

/**
 * The plan ledger in one statement (issue 13): plan and actual (metering's monthly roll-up, published
 * fragment) per group and month side by side, then per group the month's (or year's) figures, YTD
 * and deviations, and per month the chart's totals (GROUPING SETS). The group of a customer: its
 * type; itself; or its operation area — that of its allocation in the version (the latest month's
 * when they differ), else the first area whose place names its county, city or province
 * (plans.calc `areaForCustomer`), else `unassigned`.
 */
export async function ledger(db: Tx, q: LedgerQuery): Promise<LedgerSqlRow[]> {
  const v = q.versionId ?? 0;
  const upTo = q.month ?? 12;
  const inMonth = q.month ? sql`month = ${q.month}` : sql`true`;
  const places = sql`(SELECT ar.name FROM unnest(${sql.val(q.areas.map((a) => a.name))}::text[], ${sql.val(q.areas.map((a) => a.key))}::text[]) WITH ORDINALITY AS ar(name, key, i)
      WHERE strpos(coalesce(c.county, ''), ar.key) > 0 OR strpos(coalesce(c.city, ''), ar.key) > 0 OR strpos(coalesce(c.province, ''), ar.key) > 0 ORDER BY ar.i LIMIT 1)`;
  const keyOf = { month: sql`'all'`, type: sql`c.type`, customer: sql`c.id::text`, area: sql`coalesce(ca.area, ${places}, ${q.unassigned})` }[q.groupBy];
  const ownAreas =
    q.groupBy === 'area'
      ? sql`LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, area FROM plan_customer_allocations WHERE version_id = ${v} ORDER BY customer_id, month DESC) ca ON ca.customer_id = c.id`
      : sql``;
  const planCells = {
    months: sql`SELECT 'all' AS key, month, volume_m3 AS v FROM plan_months WHERE version_id = ${v}`,
    areas: sql`SELECT area AS key, month, volume_m3 AS v FROM plan_area_allocations WHERE version_id = ${v}`,
    customers: sql`SELECT k.key, a.month, sum(a.volume_m3) AS v FROM plan_customer_allocations a JOIN k ON k.id = a.customer_id WHERE a.version_id = ${v} GROUP BY 1, 2`,
  }[q.planBasis];
  // A plain key (type, id) is inlined where used, so the planner sees customers' statistics and
  // hashes the 10⁵ customers, not the 10⁶ allocation / roll-up rows (measured 6.9 s vs 18.2 s by type
  // on the loaded bench machine); the area rule (DISTINCT ON + place match) is computed once.
  const inlineKeys = q.groupBy === 'area' ? sql`` : sql`NOT MATERIALIZED`;
  const label = q.groupBy === 'customer' ? sql`(SELECT n.name FROM ${customerBasics()} n WHERE n.id = r.key::bigint)` : sql`NULL::text`;
  const { rows } = await sql<LedgerSqlRow>`
    WITH k AS ${inlineKeys} (SELECT c.id, ${keyOf} AS key FROM ${customerBasics()} c ${ownAreas} WHERE ${q.scope}),
    pl AS (${planCells}),
    ac AS (SELECT k.key, m.month, sum(m.volume_m3) AS v FROM (${deliveredVolumesByMonth(q.year)}) m JOIN k ON k.id = m.customer_id GROUP BY 1, 2),
    cells AS (SELECT coalesce(pl.key, ac.key) AS key, coalesce(pl.month, ac.month)::int AS month, pl.v AS p, ac.v AS a FROM pl FULL JOIN ac ON ac.key = pl.key AND ac.month = pl.month),
    g AS (
      SELECT grouping(key) AS by_month, key, month,
        -- a group: the month's (or the year's) figures; a month of the chart: its totals
        coalesce(CASE WHEN grouping(key) = 1 THEN sum(p) ELSE sum(p) FILTER (WHERE ${inMonth}) END, 0) AS pm,
        coalesce(CASE WHEN grouping(key) = 1 THEN sum(a) ELSE sum(a) FILTER (WHERE ${inMonth}) END, 0) AS am,
        coalesce(sum(p) FILTER (WHERE month <= ${upTo}), 0) AS yp,
        coalesce(sum(a) FILTER (WHERE month <= ${upTo}), 0) AS ya,
        bool_or(a IS NOT NULL) AS has_actual
      FROM cells GROUP BY GROUPING SETS ((key), (month)))
    SELECT CASE WHEN r.by_month = 1 THEN 's' ELSE 'g' END AS kind, coalesce(r.key, '') AS key, ${label} AS label, r.month,
      (dense_rank() OVER (PARTITION BY r.by_month ORDER BY r.yp DESC))::int AS rank,
      ${m3(sql`r.pm`)} AS plan_m3, ${m3(sql`r.am`)} AS actual_m3, ${m3(sql`r.am - r.pm`)} AS deviation_m3, ${deviationPctSql(sql`r.pm`, sql`r.am`)} AS deviation_pct,
      ${m3(sql`r.yp`)} AS ytd_plan_m3, ${m3(sql`r.ya`)} AS ytd_actual_m3, ${m3(sql`r.ya - r.yp`)} AS ytd_deviation_m3, ${deviationPctSql(sql`r.yp`, sql`r.ya`)} AS ytd_deviation_pct,
      r.has_actual
    FROM g r ORDER BY r.by_month DESC, r.month, rank`.execute(db);
  return rows.map((r) => ({ ...r, month: r.month == null ? null : Number(r.month), rank: Number(r.rank) }));
}
