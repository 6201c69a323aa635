/** SQL of settlement (Kysely), plain data in and out. */
import { sql, type RawBuilder } from 'kysely';
import { dec } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import type { SettlementLine } from './settlement.calc';
import type { CustomerSettlement } from './settlement.compute';
import type { MonthStatus } from './settlement.tables';

const d = (month: string) => `${month}-01`;

export interface MonthRow {
  month: string;
  status: MonthStatus;
  runs: number;
  last_run_at: Date | null;
  confirmed_at: Date | null;
  closed_at: Date | null;
  reopened_at: Date | null;
  reopen_reason: string | null;
}

export async function findMonth(db: Tx, month: string, forUpdate = false): Promise<MonthRow | undefined> {
  const r =
    await sql<MonthRow>`SELECT to_char(month, 'YYYY-MM') AS month, status, runs, last_run_at, confirmed_at, closed_at, reopened_at, reopen_reason FROM settlement_months WHERE month = ${d(month)}::date ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(
      db,
    );
  return r.rows[0];
}
export async function ensureMonth(db: Tx, month: string): Promise<MonthRow> {
  await sql`INSERT INTO settlement_months (month) VALUES (${d(month)}::date) ON CONFLICT (month) DO NOTHING`.execute(db);
  return (await findMonth(db, month, true))!;
}
export async function markRun(db: Tx, month: string, userId: number | null): Promise<number> {
  const r = await sql<{ runs: number }>`UPDATE settlement_months SET runs = runs + 1, last_run_at = now(), last_run_by = ${userId} WHERE month = ${d(month)}::date RETURNING runs`.execute(db);
  return Number(r.rows[0].runs);
}
export async function setStatus(db: Tx, month: string, status: MonthStatus, userId: number | null, reason?: string) {
  const set =
    status === 'confirmed'
      ? sql`status = 'confirmed', confirmed_at = now(), confirmed_by = ${userId}`
      : status === 'closed'
        ? sql`status = 'closed', closed_at = now(), closed_by = ${userId}`
        : sql`status = 'draft', confirmed_at = NULL, confirmed_by = NULL, reopened_at = now(), reopened_by = ${userId}, reopen_reason = ${reason ?? null}`;
  await sql`UPDATE settlement_months SET ${set} WHERE month = ${d(month)}::date`.execute(db);
}
export async function listMonths(db: Tx) {
  const r = await sql<MonthRow & { customers: number; total_fen: number; true_up_fen: number }>`
    SELECT to_char(m.month, 'YYYY-MM') AS month, m.status, m.runs, m.last_run_at, m.confirmed_at, m.closed_at, m.reopened_at, m.reopen_reason,
           count(s.customer_id)::int AS customers, COALESCE(sum(s.total_fen), 0)::bigint AS total_fen, COALESCE(sum(s.true_up_posted_fen), 0)::bigint AS true_up_fen
      FROM settlement_months m LEFT JOIN settlement_statements s ON s.month = m.month GROUP BY m.month ORDER BY m.month DESC`.execute(db);
  return r.rows;
}
/** Any month after `month` that is confirmed or closed. */
export async function laterLocked(db: Tx, month: string): Promise<string | null> {
  const r = await sql<{ m: string }>`SELECT to_char(month, 'YYYY-MM') AS m FROM settlement_months WHERE month > ${d(month)}::date AND status <> 'draft' ORDER BY month LIMIT 1`.execute(db);
  return r.rows[0]?.m ?? null;
}

export interface StatementDb {
  customer_id: number;
  month: string;
  contract_id: number | null;
  contract_no: string | null;
  basis: 'm3' | 'GJ';
  actual: string;
  contracted: string;
  total_fen: number;
  daily_charges_fen: number;
  true_up_posted_fen: number;
  over_take: boolean;
}
export async function statementsOf(db: Tx, month: string, customerIds?: number[]): Promise<Map<number, StatementDb>> {
  const r =
    await sql<StatementDb>`SELECT customer_id, to_char(month, 'YYYY-MM') AS month, contract_id, contract_no, basis, actual, contracted, total_fen, daily_charges_fen, true_up_posted_fen, over_take
      FROM settlement_statements WHERE month = ${d(month)}::date ${customerIds ? sql`AND customer_id = ANY(${customerIds}::bigint[])` : sql``}`.execute(db);
  return new Map(
    r.rows.map((x) => [
      Number(x.customer_id),
      {
        ...x,
        customer_id: Number(x.customer_id),
        contract_id: x.contract_id == null ? null : Number(x.contract_id),
        total_fen: Number(x.total_fen),
        daily_charges_fen: Number(x.daily_charges_fen),
        true_up_posted_fen: Number(x.true_up_posted_fen),
      },
    ]),
  );
}

/** Adjustment lines for closed month `x` already carried in months other than `except`, per customer. */
export async function carriedAdjustments(db: Tx, x: string, except: string): Promise<Map<number, { amountFen: number; quantity: string; driftFen: number }>> {
  const r = await sql<{ customer_id: number; fen: number; q: string; drift: number }>`
    SELECT customer_id, sum(amount_fen)::bigint AS fen, sum(quantity)::text AS q, sum(daily_drift_fen)::bigint AS drift FROM settlement_lines
     WHERE kind = 'adjustment' AND adjusts_month = ${d(x)}::date AND month <> ${d(except)}::date GROUP BY customer_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.customer_id), { amountFen: Number(x.fen), quantity: x.q, driftFen: Number(x.drift) }]));
}

export async function deleteMonthLines(db: Tx, month: string) {
  await db.deleteFrom('settlement_lines').where('month', '=', d(month)).execute();
}
export async function deleteStatement(db: Tx, month: string, customerId: number) {
  await db.deleteFrom('settlement_lines').where('month', '=', d(month)).where('customer_id', '=', customerId).execute();
  await db.deleteFrom('settlement_statements').where('month', '=', d(month)).where('customer_id', '=', customerId).execute();
}

export type LineInput = Omit<SettlementLine, 'price'> & { price: string | null; adjustsMonth: string | null; dailyDriftFen: number };

export async function writeStatement(db: Tx, month: string, s: CustomerSettlement, f: { totalFen: number; dailyFen: number; trueUpPostedFen: number }, lines: LineInput[]) {
  const row = {
    customer_id: s.customerId,
    month: d(month),
    contract_id: s.terms?.contractId ?? null,
    contract_no: s.terms?.contractNo ?? null,
    basis: s.basis,
    actual: s.result.actual,
    contracted: s.result.contracted,
    total_fen: f.totalFen,
    daily_charges_fen: f.dailyFen,
    true_up_posted_fen: f.trueUpPostedFen,
    over_take: s.overTake,
  };
  await db
    .insertInto('settlement_statements')
    .values(row)
    .onConflict((oc) => oc.columns(['customer_id', 'month']).doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
  if (lines.length)
    await db
      .insertInto('settlement_lines')
      .values(
        lines.map((l, i) => ({
          customer_id: s.customerId,
          month: d(month),
          line_no: i + 1,
          kind: l.kind,
          tag: l.tag,
          quantity: l.quantity,
          price: l.price,
          amount_fen: l.amountFen,
          award_id: l.awardId ?? null,
          from_day: l.from ?? null,
          to_day: l.to ?? null,
          adjusts_month: l.adjustsMonth ? d(l.adjustsMonth) : null,
          daily_drift_fen: l.dailyDriftFen,
        })),
      )
      .execute();
}

export async function linesOf(db: Tx, month: string, customerId: number) {
  const r = await sql<{
    line_no: number;
    kind: string;
    tag: string;
    quantity: string;
    price: string | null;
    amount_fen: number;
    award_id: number | null;
    from_day: string | null;
    to_day: string | null;
    adjusts_month: string | null;
    daily_drift_fen: number;
  }>`
    SELECT line_no, kind, tag, quantity, price, amount_fen, award_id, from_day::text AS from_day, to_day::text AS to_day, to_char(adjusts_month, 'YYYY-MM') AS adjusts_month, daily_drift_fen
      FROM settlement_lines WHERE month = ${d(month)}::date AND customer_id = ${customerId} ORDER BY line_no`.execute(db);
  return r.rows.map((x) => ({ ...x, amount_fen: Number(x.amount_fen), award_id: x.award_id == null ? null : Number(x.award_id), daily_drift_fen: Number(x.daily_drift_fen) }));
}

/** Per-tag totals of a month (quantity per basis and amount). */
export async function monthTagTotals(db: Tx, month: string) {
  const r = await sql<{ customer_id: number; kind: string; tag: string; basis: string; quantity: string; fen: number }>`
    SELECT l.customer_id, l.kind, l.tag, s.basis, sum(l.quantity)::text AS quantity, sum(l.amount_fen)::bigint AS fen
      FROM settlement_lines l JOIN settlement_statements s ON s.customer_id = l.customer_id AND s.month = l.month
     WHERE l.month = ${d(month)}::date GROUP BY l.customer_id, l.kind, l.tag, s.basis`.execute(db);
  return r.rows.map((x) => ({ ...x, customer_id: Number(x.customer_id), fen: Number(x.fen) }));
}

/** A customer's base fill for the set-based settlement read (`baseRuns`). */
export interface RunTerms {
  customerId: number;
  contracted: string;
  /** Index into the price combos, or null with a fixed price / without a contract. */
  combo: number | null;
  fixedPrice: string | null;
  /** The one base price of the whole month (the fixed price, or the combo's when it has one price on every day), else null. */
  monthPrice: string | null;
}
export interface BaseRunRow {
  customer_id: number;
  actual: string;
  from_day: string | null;
  to_day: string | null;
  quantity: string | null;
  price: string | null;
  missing_days: string[] | null;
}

/** A base-tag price of a combo on a day, with its segment: consecutive days of the combo at one price (null: none) share `seg`. */
export interface ComboDayPrice {
  combo: number;
  day: string;
  price: string | null;
  seg: number;
}

/** Per customer and price segment, as the statement of `baseRuns` returns it (before runs are merged). */
interface SegmentRow {
  customer_id: number;
  seg: number;
  price: string | null;
  qa: string;
  take: string;
  from_day: string | null;
  to_day: string | null;
  missing: string[] | null;
}

/** Metering's published reads `baseRuns` embeds (metering.monthVolumeTotals, deliveryDayBounds, dailyVolumeTotals for the month). */
export interface VolumeSources {
  /** The month's first and last day. */
  from: string;
  to: string;
  /** Q_a per customer from the monthly roll-up: rows (customer_id, volume_m3). */
  month: RawBuilder<{ customer_id: number; volume_m3: string }>;
  /** First and last delivery day (volume > 0) per customer of a subquery of ids. */
  bounds: (ids: RawBuilder<unknown>) => RawBuilder<{ customer_id: number; first_day: string; last_day: string }>;
  /** Volume per customer and day for a subquery of ids. */
  days: (ids: RawBuilder<unknown>) => RawBuilder<{ customer_id: number; gas_day: string; volume_m3: string }>;
}

/** Days from `from` to `to`, both counted. */
const monthDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** The unnest() inputs carry no statistics (estimated 10 rows): a nested loop against the month's rows would cost customers × rows. */
async function hashJoinsOnly(db: Tx, sortedAggregates: boolean) {
  await sql`SET LOCAL enable_nestloop = off`.execute(db);
  await sql`SET LOCAL enable_mergejoin = off`.execute(db);
  await sql`SET LOCAL enable_hashagg = ${sql.lit(sortedAggregates ? 'off' : 'on')}`.execute(db);
  await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(db);
  await sql`SET LOCAL work_mem = '128MB'`.execute(db);
}
async function resetPlanSettings(db: Tx) {
  for (const k of ['enable_nestloop', 'enable_mergejoin', 'enable_hashagg', 'max_parallel_workers_per_gather', 'work_mem']) await sql`RESET ${sql.raw(k)}`.execute(db);
}

/**
 * The m³ part of a month's settlement (DOMAIN.md §4 step 1): per customer Q_a and the base
 * min(Q_a, Q_c) filled in day order — each day takes min(its volume, Q_c − volume of the days
 * before) — grouped into runs of consecutive delivery days with equal base price (a run starts where
 * the price differs from the previous delivery day's; zero-volume days are left out and so do not
 * break a run, as in settleCustomerMonth). Prices: the contract's fixed price, else the price book's
 * per combo and day (`prices`, from pricing.pricesByDay, with each combo's segments of equal price).
 * Customers in `exclude` (GJ-basis) are left out. One row per run; a customer with no base taken
 * (Q_c = 0, no contract) has one row with null from/to.
 *
 * Two statements. (1) Q_a from metering's monthly roll-up for every customer: where the base price is
 * one for the whole month (`monthPrice`) and Q_a ≤ Q_c, the base is all of Q_a in one run from the
 * first to the last delivery day (a hash aggregate of those days' bounds, no order needed); without a
 * contract or with Q_c = 0 there is no base. (2) Only the other customers — over-take (the day Q_c is
 * reached matters) or a price that changes inside the month — are filled day by day: one sort of
 * their deliveries by (customer, day) feeds metering's per-day aggregate (sort-based: a hash of numeric
 * sums over millions of customer-days spills) and the running-sum window; terms and prices join by
 * hash; the days are aggregated per (customer, price segment) and merged into runs here.
 */
export async function baseRuns(db: Tx, src: VolumeSources, terms: RunTerms[], prices: ComboDayPrice[], exclude: number[]): Promise<BaseRunRow[]> {
  await hashJoinsOnly(db, false);
  const month = await sql<{ customer_id: number; qa: string; by_day: boolean; takes: boolean; price: string | null; first_day: string | null; last_day: string | null }>`
    WITH t AS (SELECT * FROM unnest(${terms.map((t) => t.customerId)}::bigint[], ${terms.map((t) => t.contracted)}::numeric[], ${terms.map((t) => t.monthPrice)}::text[]) AS t(customer_id, qc, price)),
    m AS MATERIALIZED (SELECT q.customer_id, q.volume_m3 AS qa, COALESCE(t.qc, 0) AS qc, t.price, (COALESCE(t.qc, 0) > 0 AND (t.price IS NULL OR q.volume_m3 > t.qc)) AS by_day
            FROM (${src.month}) q LEFT JOIN t ON t.customer_id = q.customer_id
           WHERE q.volume_m3 > 0 AND q.customer_id <> ALL(${exclude}::bigint[]))
    SELECT m.customer_id, m.qa::text AS qa, m.by_day, m.qc > 0 AS takes, m.price, b.first_day, b.last_day
      FROM m LEFT JOIN (${src.bounds(sql`SELECT customer_id FROM m WHERE NOT by_day AND qc > 0`)}) b ON b.customer_id = m.customer_id`.execute(db);
  const simple: SegmentRow[] = [];
  const byDay = new Set<number>();
  for (const r of month.rows) {
    const id = Number(r.customer_id);
    if (r.by_day) byDay.add(id);
    else if (r.takes) simple.push({ customer_id: id, seg: 0, price: r.price, qa: r.qa, take: r.qa, from_day: r.first_day, to_day: r.last_day, missing: null });
    else simple.push({ customer_id: id, seg: 0, price: null, qa: r.qa, take: '0', from_day: null, to_day: null, missing: null });
  }
  let segments: SegmentRow[] = [];
  if (byDay.size) {
    await hashJoinsOnly(db, true);
    await sql`SET LOCAL enable_mergejoin = on`.execute(db);
    const ids = [...byDay];
    const dt = terms.filter((t) => byDay.has(t.customerId)).sort((a, b) => a.customerId - b.customerId);
    // the price and segment of (combo, day) by position in two arrays (no join: the days stay in (customer, day) order)
    const n = monthDays(src.from, src.to);
    const priceAt: (string | null)[] = [];
    const segAt: number[] = [];
    for (const p of prices) {
      const i = p.combo * n + monthDays(src.from, p.day) - 1;
      priceAt[i] = p.price;
      segAt[i] = p.seg;
    }
    const at = sql`t.combo * ${n} + (c.gas_day - ${src.from}::date) + 1`;
    const r = await sql<SegmentRow>`
      WITH d AS (${src.days(sql`SELECT unnest(${ids}::bigint[])`)}),
      t AS (SELECT * FROM unnest(${dt.map((t) => t.customerId)}::bigint[], ${dt.map((t) => t.contracted)}::numeric[], ${dt.map((t) => t.combo)}::int[], ${dt.map((t) => t.fixedPrice)}::text[])
              AS t(customer_id, qc, combo, fixed)),
      c AS (SELECT customer_id, gas_day, volume_m3 AS v, SUM(volume_m3) OVER (PARTITION BY customer_id ORDER BY gas_day) AS cum FROM d WHERE volume_m3 > 0),
      x AS (SELECT c.customer_id, c.gas_day, c.v, LEAST(c.v, GREATEST(t.qc - c.cum + c.v, 0)) AS take,
                   COALESCE(t.fixed, (${Array.from({ length: priceAt.length }, (_, i) => priceAt[i] ?? null)}::text[])[${at}]) AS price,
                   COALESCE((${Array.from({ length: segAt.length }, (_, i) => segAt[i] ?? 0)}::int[])[${at}], 0) AS seg
              FROM c JOIN t ON t.customer_id = c.customer_id)
      SELECT customer_id, seg, price, sum(v)::text AS qa, sum(take)::text AS take,
             min(gas_day) FILTER (WHERE take > 0)::text AS from_day, max(gas_day) FILTER (WHERE take > 0)::text AS to_day,
             array_agg(gas_day::text) FILTER (WHERE take > 0 AND price IS NULL) AS missing
        FROM x GROUP BY customer_id, seg, price
       ORDER BY customer_id, seg`.execute(db);
    segments = r.rows;
  }
  await resetPlanSettings(db);
  return [...mergeSegments(simple), ...mergeSegments(segments)];
}

/** Segments (ordered by customer and segment) → runs of equal price per customer, as `baseRuns` documents. */
function mergeSegments(rows: SegmentRow[]): BaseRunRow[] {
  const out: BaseRunRow[] = [];
  for (let i = 0; i < rows.length;) {
    const id = Number(rows[i].customer_id);
    let j = i;
    let qa = dec(0);
    while (j < rows.length && Number(rows[j].customer_id) === id) qa = qa.plus(rows[j++].qa);
    const runs: BaseRunRow[] = [];
    for (const s of rows.slice(i, j)) {
      if (!s.from_day || !dec(s.take).gt(0)) continue;
      const last = runs.at(-1);
      const same = last && (last.price == null ? s.price == null : s.price != null && dec(last.price).eq(s.price));
      if (last && same) {
        last.to_day = s.to_day;
        last.quantity = dec(last.quantity!).plus(s.take).toFixed();
        if (s.missing) last.missing_days = [...(last.missing_days ?? []), ...s.missing];
      } else runs.push({ customer_id: id, actual: '', from_day: s.from_day, to_day: s.to_day, quantity: dec(s.take).toFixed(), price: s.price, missing_days: s.missing ? [...s.missing] : null });
    }
    if (!runs.length) runs.push({ customer_id: id, actual: '', from_day: null, to_day: null, quantity: null, price: null, missing_days: null });
    for (const run of runs) {
      run.actual = qa.toFixed();
      run.missing_days?.sort();
      out.push(run);
    }
    i = j;
  }
  return out;
}

export interface StatementWrite {
  s: CustomerSettlement;
  totalFen: number;
  dailyFen: number;
  trueUpPostedFen: number;
  lines: LineInput[];
}
const BATCH = 20_000;

/** Many statements and their lines at once (the month's run): set-based upsert and insert, in batches. The month's lines must have been deleted. */
export async function writeStatements(db: Tx, month: string, rows: StatementWrite[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = rows.slice(i, i + BATCH);
    await sql`
      INSERT INTO settlement_statements (customer_id, month, contract_id, contract_no, basis, actual, contracted, total_fen, daily_charges_fen, true_up_posted_fen, over_take)
      SELECT s.customer_id, ${d(month)}::date, s.contract_id, s.contract_no, s.basis, s.actual, s.contracted, s.total_fen, s.daily_fen, s.true_up_fen, s.over_take
        FROM unnest(${c.map((r) => r.s.customerId)}::bigint[], ${c.map((r) => r.s.terms?.contractId ?? null)}::bigint[], ${c.map((r) => r.s.terms?.contractNo ?? null)}::text[],
                    ${c.map((r) => r.s.basis)}::text[], ${c.map((r) => r.s.result.actual)}::numeric[], ${c.map((r) => r.s.result.contracted)}::numeric[],
                    ${c.map((r) => r.totalFen)}::bigint[], ${c.map((r) => r.dailyFen)}::bigint[], ${c.map((r) => r.trueUpPostedFen)}::bigint[], ${c.map((r) => r.s.overTake)}::boolean[])
          AS s(customer_id, contract_id, contract_no, basis, actual, contracted, total_fen, daily_fen, true_up_fen, over_take)
      ON CONFLICT (customer_id, month) DO UPDATE SET contract_id = EXCLUDED.contract_id, contract_no = EXCLUDED.contract_no, basis = EXCLUDED.basis, actual = EXCLUDED.actual,
        contracted = EXCLUDED.contracted, total_fen = EXCLUDED.total_fen, daily_charges_fen = EXCLUDED.daily_charges_fen, true_up_posted_fen = EXCLUDED.true_up_posted_fen,
        over_take = EXCLUDED.over_take, updated_at = now()`.execute(db);
  }
  // fresh statistics before the lines' foreign-key checks: a plan made on an empty table scans it per line
  if (rows.length >= 5000) await sql`ANALYZE settlement_statements`.execute(db);
  const lines = rows.flatMap((r) => r.lines.map((l, i) => ({ customerId: r.s.customerId, lineNo: i + 1, l })));
  for (let i = 0; i < lines.length; i += BATCH) {
    const c = lines.slice(i, i + BATCH);
    await sql`
      INSERT INTO settlement_lines (customer_id, month, line_no, kind, tag, quantity, price, amount_fen, award_id, from_day, to_day, adjusts_month, daily_drift_fen)
      SELECT x.customer_id, ${d(month)}::date, x.line_no, x.kind, x.tag, x.quantity, x.price, x.amount_fen, x.award_id, x.from_day, x.to_day, x.adjusts_month, x.drift
        FROM unnest(${c.map((x) => x.customerId)}::bigint[], ${c.map((x) => x.lineNo)}::int[], ${c.map((x) => x.l.kind)}::text[], ${c.map((x) => x.l.tag)}::text[],
                    ${c.map((x) => x.l.quantity)}::numeric[], ${c.map((x) => x.l.price)}::numeric[], ${c.map((x) => x.l.amountFen)}::bigint[], ${c.map((x) => x.l.awardId ?? null)}::bigint[],
                    ${c.map((x) => x.l.from ?? null)}::date[], ${c.map((x) => x.l.to ?? null)}::date[], ${c.map((x) => (x.l.adjustsMonth ? d(x.l.adjustsMonth) : null))}::date[],
                    ${c.map((x) => x.l.dailyDriftFen)}::bigint[])
          AS x(customer_id, line_no, kind, tag, quantity, price, amount_fen, award_id, from_day, to_day, adjusts_month, drift)`.execute(db);
  }
}

/** Statements (and their lines) of customers no longer settled in the month. */
export async function deleteStatements(db: Tx, month: string, customerIds: number[]) {
  if (!customerIds.length) return;
  await sql`DELETE FROM settlement_lines WHERE month = ${d(month)}::date AND customer_id = ANY(${customerIds}::bigint[])`.execute(db);
  await sql`DELETE FROM settlement_statements WHERE month = ${d(month)}::date AND customer_id = ANY(${customerIds}::bigint[])`.execute(db);
}

/** Mark the locked months among `days` as corrected after settlement (reaction to metering.deliveriesChanged). */
export async function markCorrectedMonths(db: Tx, gasDays: string[]) {
  // only well-formed days: an event from another module never makes this reaction fail its publisher
  const days = gasDays.filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x));
  if (!days.length) return;
  await sql`INSERT INTO settlement_corrected_months (month)
    SELECT m.month FROM settlement_months m WHERE m.status <> 'draft' AND m.month = ANY(SELECT DISTINCT date_trunc('month', d)::date FROM unnest(${days}::date[]) AS d)
    ON CONFLICT (month) DO NOTHING`.execute(db);
}
/**
 * Mark the locked months from `fromDay`'s month (to `toDay`'s, or every later one) as corrected:
 * a back-dated price or contract change (reactions to pricing.pricesChanged / contracts.termsChanged).
 */
export async function markLockedMonthsFrom(db: Tx, fromDay: string, toDay: string | null) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDay) || (toDay != null && !/^\d{4}-\d{2}-\d{2}$/.test(toDay))) return;
  await sql`INSERT INTO settlement_corrected_months (month)
    SELECT m.month FROM settlement_months m
     WHERE m.status <> 'draft' AND m.month >= date_trunc('month', ${fromDay}::date)::date
       ${toDay ? sql`AND m.month <= date_trunc('month', ${toDay}::date)::date` : sql``}
    ON CONFLICT (month) DO NOTHING`.execute(db);
}
/** Corrected months in [from, before), oldest first ('YYYY-MM'). */
export async function correctedMonths(db: Tx, from: string, before: string): Promise<string[]> {
  const r = await sql<{ m: string }>`SELECT to_char(month, 'YYYY-MM') AS m FROM settlement_corrected_months WHERE month >= ${d(from)}::date AND month < ${d(before)}::date ORDER BY month`.execute(db);
  return r.rows.map((x) => x.m);
}

/** Σ adjustment lines carried in month `x` (for other months), per customer: not part of x's own settlement. */
export async function adjustmentsCarriedIn(db: Tx, x: string): Promise<Map<number, number>> {
  const r = await sql<{ customer_id: number; fen: number }>`
    SELECT customer_id, sum(amount_fen)::bigint AS fen FROM settlement_lines WHERE month = ${d(x)}::date AND kind = 'adjustment' GROUP BY customer_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.customer_id), Number(x.fen)]));
}
