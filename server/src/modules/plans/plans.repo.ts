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
  /** which customers count: the customers' scope rule on a customer-id column */
  scope: (customerIdColumn: string) => Expression<SqlBool>;
  /** the plan side: the company's monthly plans / the areas' allocations (whole-company views) or the customer allocations */
  planBasis: 'months' | 'areas' | 'customers';
  /** operation areas in the order the rule tries them, with the place each is named after (areaKey) */
  areas: { name: string; key: string }[];
  unassigned: string;
}
/** A month of the chart: its plan and actual totals, and whether any actual is behind it. */
export interface LedgerMonthRow {
  month: number;
  plan_m3: string;
  actual_m3: string;
  has_actual: boolean;
}
/** A group of the ledger (area, type or customer). */
export interface LedgerGroupRow {
  key: string;
  label: string | null;
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
 * The plan ledger (issue 13) in one statement: the chart's twelve months, then the groups.
 * Each side (plan: customer allocations; actual: metering's monthly roll-up, published fragment) is
 * read once and summed per customer and per month in the same pass (GROUPING SETS, hashed) — the
 * 10⁶ customer-month rows are never joined with each other, only the ≤ 10⁵ customer sums are, and
 * those are then summed per group: no per-row subquery but the area rule's place match, evaluated
 * only for customers without an allocation. The group of a customer: its type; itself; or its
 * operation area — that of its allocation in the version (the latest month's when they differ),
 * else the first area whose place names its county, city or province (plans.calc
 * `areaForCustomer`), else `unassigned`. Groups come ordered as the service sorts them (largest YTD
 * plan first, then by name in code-point order, then by key), so that the service's sort by the
 * user's collation meets an almost sorted list.
 */
export async function ledger(db: Tx, q: LedgerQuery): Promise<{ months: LedgerMonthRow[]; groups: LedgerGroupRow[] }> {
  const v = q.versionId ?? 0;
  const upTo = q.month ?? 12;
  const inMonth = q.month ? sql`month = ${q.month}` : sql`true`;
  const sums = (col: RawBuilder<unknown>) => sql`sum(${col}) FILTER (WHERE ${inMonth}) AS m, sum(${col}) FILTER (WHERE month <= ${upTo}) AS y, sum(${col}) AS t, grouping(month) = 1 AS per_customer`;
  const perMonthOnly = q.groupBy === 'month';
  const sets = perMonthOnly ? sql`GROUPING SETS ((month))` : sql`GROUPING SETS ((customer_id), (month))`;
  // the latest month's area of a customer's allocations (month as two digits before the name, byte order)
  const area = q.groupBy === 'area' ? sql`substr(max((to_char(month, 'FM00') || area) COLLATE "C"), 3)` : sql`NULL::text`;
  const needsCustomerPlans = q.planBasis === 'customers' || q.groupBy === 'area';
  const ctes = sql`
    pc AS (SELECT ${perMonthOnly ? sql`NULL::bigint` : sql`customer_id`} AS id, month, ${sums(sql`volume_m3`)}, ${area} AS area
      FROM plan_customer_allocations WHERE version_id = ${v} AND ${needsCustomerPlans ? sql`true` : sql`false`} AND ${q.scope('customer_id')} GROUP BY ${sets}),
    ac AS (SELECT ${perMonthOnly ? sql`NULL::bigint` : sql`customer_id`} AS id, month, ${sums(sql`volume_m3`)}
      FROM (${deliveredVolumesByMonth(q.year)}) d WHERE ${q.scope('customer_id')} GROUP BY ${sets})`;

  const planOfMonths = {
    months: sql`SELECT month, volume_m3 AS t FROM plan_months WHERE version_id = ${v}`,
    areas: sql`SELECT month, volume_m3 AS t FROM plan_area_allocations WHERE version_id = ${v}`,
    customers: sql`SELECT month, t FROM pc WHERE NOT per_customer`,
  }[q.planBasis];
  const monthRows = sql`SELECT 's' AS kind, month::int AS month, NULL::text AS key, NULL::text AS label, 0 AS py, 0 AS rank, ${m3(sql`sum(p)`)} AS plan_m3, ${m3(sql`sum(a)`)} AS actual_m3,
      NULL AS deviation_m3, NULL AS deviation_pct, NULL AS ytd_plan_m3, NULL AS ytd_actual_m3, NULL AS ytd_deviation_m3, NULL AS ytd_deviation_pct, bool_or(a IS NOT NULL) AS has_actual
    FROM (SELECT month, t AS p, NULL::numeric AS a FROM (${planOfMonths}) x UNION ALL SELECT month, NULL, t FROM ac WHERE NOT per_customer) s GROUP BY month`;

  let groupRows = sql``;
  if (!perMonthOnly) {
    const places = sql`(SELECT ar.name FROM unnest(${sql.val(q.areas.map((a) => a.name))}::text[], ${sql.val(q.areas.map((a) => a.key))}::text[]) WITH ORDINALITY AS ar(name, key, i)
      WHERE strpos(coalesce(c.county, ''), ar.key) > 0 OR strpos(coalesce(c.city, ''), ar.key) > 0 OR strpos(coalesce(c.province, ''), ar.key) > 0 ORDER BY ar.i LIMIT 1)`;
    const keyOf = { type: sql`c.type`, customer: sql`c.id::text`, area: sql`coalesce(cu.area, ${places}, ${q.unassigned})` }[q.groupBy as 'type' | 'customer' | 'area'];
    const byAreaPlans = q.planBasis === 'areas';
    // per customer: plan and actual side by side (with the areas' plans, only the actuals are taken per customer)
    const customers = sql`SELECT coalesce(p.id, a.id) AS id, ${byAreaPlans ? sql`NULL::numeric AS pm, NULL::numeric AS py` : sql`p.m AS pm, p.y AS py`}, a.m AS am, a.y AS ay, p.area
      FROM (SELECT * FROM pc WHERE per_customer) p FULL JOIN (SELECT * FROM ac WHERE per_customer) a ON a.id = p.id
      ${byAreaPlans ? sql`WHERE a.id IS NOT NULL` : sql``}`;
    const keyed = sql`SELECT ${keyOf} AS key, ${q.groupBy === 'customer' ? sql`c.name` : sql`NULL::text`} AS label, cu.pm, cu.py, cu.am, cu.ay
      FROM (${customers}) cu JOIN ${customerBasics()} c ON c.id = cu.id`;
    const areaPlans = byAreaPlans
      ? sql`UNION ALL SELECT area, NULL, sum(volume_m3) FILTER (WHERE ${inMonth}), sum(volume_m3) FILTER (WHERE month <= ${upTo}), NULL, NULL FROM plan_area_allocations WHERE version_id = ${v} GROUP BY area`
      : sql``;
    const grouped = q.groupBy === 'customer' ? keyed : sql`SELECT key, NULL::text AS label, sum(pm) AS pm, sum(py) AS py, sum(am) AS am, sum(ay) AS ay FROM (${keyed} ${areaPlans}) k GROUP BY key`;
    groupRows = sql`UNION ALL
      SELECT 'g', NULL, key, label, py, (dense_rank() OVER (ORDER BY py DESC))::int,
        ${m3(sql`pm`)}, ${m3(sql`am`)}, ${m3(sql`am - pm`)}, ${deviationPctSql(sql`pm`, sql`am`)},
        ${m3(sql`py`)}, ${m3(sql`ay`)}, ${m3(sql`ay - py`)}, ${deviationPctSql(sql`py`, sql`ay`)}, NULL
      FROM (SELECT key, label, coalesce(pm, 0) AS pm, coalesce(py, 0) AS py, coalesce(am, 0) AS am, coalesce(ay, 0) AS ay FROM (${grouped}) x) g`;
  }
  const { rows } = await sql<LedgerSqlRow & { py: unknown }>`WITH ${ctes}
    SELECT kind, month, key, label, rank, plan_m3, actual_m3, deviation_m3, deviation_pct, ytd_plan_m3, ytd_actual_m3, ytd_deviation_m3, ytd_deviation_pct, has_actual
    FROM (${monthRows} ${groupRows}) r ORDER BY kind DESC, month, py DESC, coalesce(label, key) COLLATE "C", length(key), key COLLATE "C"`.execute(db);
  const months: LedgerMonthRow[] = [];
  const groups: LedgerGroupRow[] = [];
  for (const r of rows) {
    if (r.kind === 's') months.push({ month: Number(r.month), plan_m3: r.plan_m3, actual_m3: r.actual_m3, has_actual: !!r.has_actual });
    else
      groups.push({
        key: r.key!,
        label: r.label,
        rank: Number(r.rank),
        plan_m3: r.plan_m3,
        actual_m3: r.actual_m3,
        deviation_m3: r.deviation_m3!,
        deviation_pct: r.deviation_pct,
        ytd_plan_m3: r.ytd_plan_m3!,
        ytd_actual_m3: r.ytd_actual_m3!,
        ytd_deviation_m3: r.ytd_deviation_m3!,
        ytd_deviation_pct: r.ytd_deviation_pct,
      });
  }
  return { months, groups };
}
interface LedgerSqlRow {
  kind: 's' | 'g';
  month: number | null;
  key: string | null;
  label: string | null;
  rank: number;
  plan_m3: string;
  actual_m3: string;
  deviation_m3: string | null;
  deviation_pct: string | null;
  ytd_plan_m3: string | null;
  ytd_actual_m3: string | null;
  ytd_deviation_m3: string | null;
  ytd_deviation_pct: string | null;
  has_actual: boolean | null;
}
