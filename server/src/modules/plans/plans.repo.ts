/** All SQL of the plans module (Kysely): plain data in and out, no rules. */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { inTx, type Database, type Tx } from '../../platform/db/database';
import { copyText } from '../../platform/db/copy';
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
/** Customer plans of a version per customer and month, in that order. */
export async function customerPlans(db: Tx, versionId: number) {
  return db.selectFrom('plan_customer_allocations').select(['customer_id', 'month', 'area', 'volume_m3']).where('version_id', '=', versionId).orderBy('customer_id').orderBy('month').execute();
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
/** An import's rows as read: file row number, customer code, gas day and volume (null where unreadable). */
export interface StagedNomination {
  row: number;
  code: string;
  gasDay: string | null;
  volumeM3: string | undefined;
}
/**
 * Stage an import's rows in a temporary table (not WAL-logged, dropped at commit) by COPY — on
 * PostgreSQL and on the embedded database alike — with each row's customer resolved once by its
 * code (customers' published basics; NULL when unknown), for the set-based checks and the one
 * upsert below, which then need no join by code.
 */
export async function stageNominations(trx: Tx, database: Database, rows: StagedNomination[]) {
  await sql`CREATE TEMP TABLE nomination_copy (row integer, code text, gas_day date, volume_m3 numeric(16,3)) ON COMMIT DROP`.execute(trx);
  const data = copyText(
    [rows.map((r) => r.row), rows.map((r) => r.code), rows.map((r) => r.gasDay), rows.map((r) => r.volumeM3)],
    [true, false, true, true], // row numbers, ISO days and plain decimals hold no COPY special character
  );
  if (data) await database.copyIn(trx, 'nomination_copy (row, code, gas_day, volume_m3)', data);
  await sql`CREATE TEMP TABLE nomination_stage ON COMMIT DROP AS
    SELECT s.row, s.code, s.gas_day, s.volume_m3, c.id AS customer_id FROM nomination_copy s LEFT JOIN ${customerBasics()} c ON c.code = s.code`.execute(trx);
  await sql`ANALYZE nomination_stage`.execute(trx);
}
/**
 * The staged rows' errors, by row: unknown customer codes, and a customer and gas day repeated
 * (every later readable row of the pair; rows with an unreadable day or volume do not count).
 */
export async function stagedNominationErrors(trx: Tx) {
  const { rows } = await sql<{ row: number; code: string; kind: 'customerCode' | 'duplicate' }>`
    WITH x AS (
      SELECT row, code, customer_id, gas_day, volume_m3,
        row_number() OVER (PARTITION BY customer_id, gas_day, volume_m3 IS NULL ORDER BY row) AS n
      FROM nomination_stage)
    SELECT row, code, CASE WHEN customer_id IS NULL THEN 'customerCode' ELSE 'duplicate' END AS kind FROM x
    WHERE customer_id IS NULL OR (gas_day IS NOT NULL AND volume_m3 IS NOT NULL AND n > 1) ORDER BY row`.execute(trx);
  return rows.map((r) => ({ ...r, row: Number(r.row) }));
}
/**
 * What the import's checks need of the staged (valid) rows, in one statement: the number of their
 * customers, how many of those are outside `scope`, the first closed one (by id) and the earliest day.
 */
export async function stagedNominationFacts(trx: Tx, scope: Expression<SqlBool>) {
  const { rows } = await sql<{ rows: number; customers: number; out_of_scope: number; closed: string | null; first_day: string | null }>`
    WITH ids AS (SELECT DISTINCT customer_id AS id FROM nomination_stage WHERE customer_id IS NOT NULL)
    SELECT (SELECT count(*) FROM nomination_stage)::int AS rows, (SELECT count(*) FROM ids)::int AS customers,
      (SELECT count(*) FROM ids WHERE NOT (${scope}))::int AS out_of_scope,
      (SELECT c.name || '（' || c.code || '）' FROM ids JOIN ${customerBasics()} c ON c.id = ids.id WHERE c.status = 'closed' ORDER BY c.id LIMIT 1) AS closed,
      (SELECT to_char(min(gas_day), 'YYYY-MM-DD') FROM nomination_stage) AS first_day`.execute(trx);
  return rows[0];
}
/** Upsert the staged rows (all checked) into nominations: one INSERT … SELECT … ON CONFLICT. */
export async function upsertStagedNominations(trx: Tx, source: 'manual' | 'import' | 'api', userId: number | null) {
  await sql`
    INSERT INTO nominations (customer_id, gas_day, volume_m3, source, entered_by, entered_at)
    SELECT customer_id, gas_day, volume_m3, ${source}, ${userId}::bigint, now() FROM nomination_stage
    ON CONFLICT (customer_id, gas_day) DO UPDATE SET volume_m3 = excluded.volume_m3, source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at`.execute(trx);
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
  /** the scope is every customer (the whole company) */
  everyone: boolean;
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
 * The plan ledger in one statement (issue 13). Each side — plan rows (the version's monthly plans,
 * area allocations or customer allocations) and actual rows (metering's monthly roll-up, published
 * fragment) — is tagged with its group and summed on its own per (group, month) (a plain aggregate
 * PostgreSQL can run in parallel), then the few group-months go into GROUPING SETS for the per-group
 * figures (the month's or the year's, YTD) and the chart's per-month totals; by customer the rows go
 * straight into the per-customer figures (no 10⁶-group intermediate). Customers are joined only when
 * the key or the scope needs them: not for the whole company by month or by customer. The group of a
 * customer: its type; itself; or its operation area — that of its allocation in the version (the
 * latest month's when they differ), else the first area whose place names its county, city or
 * province (plans.calc `areaForCustomer`), else `unassigned`.
 */
export async function ledger(db: Tx, q: LedgerQuery): Promise<LedgerSqlRow[]> {
  const { rows } = await inTx(db, async (trx) => {
    // One pass over 10⁶ rows: JIT compiling costs more than it saves here, and the per-customer
    // hash tables (10⁵ groups) need more than the default 4 MB not to spill (PostgreSQL; PGlite has no JIT).
    await sql`SELECT set_config('work_mem', '64MB', true), CASE WHEN current_setting('jit', true) IS NOT NULL THEN set_config('jit', 'off', true) END`.execute(trx);
    return ledgerSql(q).execute(trx);
  });
  return rows.map((r) => ({ ...r, month: r.month == null ? null : Number(r.month), rank: Number(r.rank) }));
}
/** The ledger's statement (repo.ledger; bench/plans.bench.ts EXPLAINs it). */
export function ledgerSql(q: LedgerQuery) {
  const v = q.versionId ?? 0;
  // one month: its figures and YTD to it need their own sums; the whole year: both are the plain sums
  // (one sum per side and row — identical aggregates are computed once)
  const inMonth = (withMonth: (x: RawBuilder<unknown>) => RawBuilder<unknown>, x: RawBuilder<unknown>) => (q.month ? withMonth(x) : sql`sum(${x})`);
  const places = sql`(SELECT ar.name FROM unnest(${sql.val(q.areas.map((a) => a.name))}::text[], ${sql.val(q.areas.map((a) => a.key))}::text[]) WITH ORDINALITY AS ar(name, key, i)
      WHERE strpos(coalesce(c.county, ''), ar.key) > 0 OR strpos(coalesce(c.city, ''), ar.key) > 0 OR strpos(coalesce(c.province, ''), ar.key) > 0 ORDER BY ar.i LIMIT 1)`;
  const keyOf = { month: sql`'all'`, type: sql`c.type`, customer: sql`c.id`, area: sql`coalesce(ca.area, ${places}, ${q.unassigned})` }[q.groupBy];
  // the customer's allocated area: that of its latest month in the version — one primary-key probe
  // per customer in scope (customer_id, version_id, month), not an aggregate over every allocation
  const ownAreas =
    q.groupBy === 'area' ? sql`LEFT JOIN LATERAL (SELECT a.area FROM plan_customer_allocations a WHERE a.customer_id = c.id AND a.version_id = ${v} ORDER BY a.month DESC LIMIT 1) ca ON true` : sql``;
  // rows (customer_id, month, v) → (key, month, v): the whole company by month or by customer needs
  // no customer's attribute and no scope, every other view joins the customers' keys (and scope)
  const keyed = (rows: RawBuilder<unknown>) =>
    q.everyone && q.groupBy === 'month'
      ? sql`SELECT 'all' AS key, month, v FROM (${rows}) x`
      : q.everyone && q.groupBy === 'customer'
        ? sql`SELECT customer_id AS key, month, v FROM (${rows}) x`
        : sql`SELECT k.key, x.month, x.v FROM (${rows}) x JOIN k ON k.id = x.customer_id`;
  const planSide =
    q.planBasis === 'customers'
      ? keyed(sql`SELECT customer_id, month, volume_m3 AS v FROM plan_customer_allocations WHERE version_id = ${v}`)
      : sql`SELECT ${q.planBasis === 'months' ? sql`'all'` : sql`area`} AS key, month, volume_m3 AS v FROM ${sql.table(q.planBasis === 'months' ? 'plan_months' : 'plan_area_allocations')} WHERE version_id = ${v}`;
  const actualSide = keyed(sql`SELECT customer_id, month, volume_m3 AS v FROM (${deliveredVolumesByMonth(q.year)}) m`);
  const sides = (p: RawBuilder<unknown>, a: RawBuilder<unknown>) => sql`SELECT key, month, v AS p, NULL::numeric AS a FROM (${p}) ps UNION ALL SELECT key, month, NULL::numeric, v FROM (${a}) ac`;
  const perGroupMonth = (rows: RawBuilder<unknown>) => sql`SELECT key, month, sum(v) AS v FROM (${rows}) r GROUP BY key, month`;
  const cells =
    q.groupBy === 'customer' ? sides(planSide, actualSide) : sql`SELECT key, month, sum(p) AS p, sum(a) AS a FROM (${sides(perGroupMonth(planSide), perGroupMonth(actualSide))}) x GROUP BY key, month`;
  const label = q.groupBy === 'customer' ? sql`n.name` : sql`NULL::text`;
  const names = q.groupBy === 'customer' ? sql`LEFT JOIN ${customerBasics()} n ON n.id = r.key` : sql``;
  return sql<LedgerSqlRow>`
    WITH k AS NOT MATERIALIZED (SELECT c.id, ${keyOf} AS key FROM ${customerBasics()} c ${ownAreas} WHERE ${q.scope}),
    g AS (
      SELECT grouping(key) AS by_month, key, month,
        -- a group: the month's (or the year's) figures; a month of the chart: its totals
        coalesce(${inMonth((x) => sql`CASE WHEN grouping(key) = 1 THEN sum(${x}) ELSE sum(${x}) FILTER (WHERE month = ${q.month}) END`, sql`p`)}, 0) AS pm,
        coalesce(${inMonth((x) => sql`CASE WHEN grouping(key) = 1 THEN sum(${x}) ELSE sum(${x}) FILTER (WHERE month = ${q.month}) END`, sql`a`)}, 0) AS am,
        coalesce(${inMonth((x) => sql`sum(${x}) FILTER (WHERE month <= ${q.month})`, sql`p`)}, 0) AS yp,
        coalesce(${inMonth((x) => sql`sum(${x}) FILTER (WHERE month <= ${q.month})`, sql`a`)}, 0) AS ya,
        bool_or(a IS NOT NULL) AS has_actual
      FROM (${cells}) cells GROUP BY GROUPING SETS ((key), (month)))
    SELECT CASE WHEN r.by_month = 1 THEN 's' ELSE 'g' END AS kind, coalesce(r.key::text, '') AS key, ${label} AS label, r.month::int AS month,
      (dense_rank() OVER (PARTITION BY r.by_month ORDER BY r.yp DESC))::int AS rank,
      ${m3(sql`r.pm`)} AS plan_m3, ${m3(sql`r.am`)} AS actual_m3, ${m3(sql`r.am - r.pm`)} AS deviation_m3, ${deviationPctSql(sql`r.pm`, sql`r.am`)} AS deviation_pct,
      ${m3(sql`r.yp`)} AS ytd_plan_m3, ${m3(sql`r.ya`)} AS ytd_actual_m3, ${m3(sql`r.ya - r.yp`)} AS ytd_deviation_m3, ${deviationPctSql(sql`r.yp`, sql`r.ya`)} AS ytd_deviation_pct,
      r.has_actual
    FROM g r ${names} ORDER BY r.by_month DESC, r.month, rank`;
}
