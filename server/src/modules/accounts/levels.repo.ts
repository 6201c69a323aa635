/** SQL of payment monitoring: the figures levels are computed from, and the stored levels. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { readSetting, readSettings, writeSetting } from '../../platform/settings';
import { DEFAULT_THRESHOLDS, type PaymentLevel, type Thresholds } from './accounts.calc';
import './accounts.tables';
import { activeManagerAssignments, customerBasics } from '../customers';

export const SETTING_THRESHOLDS = 'accounts.thresholds';
export const SETTING_LAST_RUN_DAY = 'accounts.last_run_day';
/** The daily run's advisory lock (xactLock): a run and a re-pricing of changed days never interleave. */
export const ACCOUNTS_DAILY_LOCK = 'accounts.daily';

export async function getSetting<T>(db: Tx, key: string): Promise<T | null> {
  return readSetting<T>(db, key);
}

export async function putSetting(db: Tx, key: string, value: unknown): Promise<void> {
  await writeSetting(db, key, value);
}

/** Thresholds and the daily run's last gas day in one read. */
export async function settingsOf(db: Tx): Promise<{ thresholds: Thresholds; lastRunDay: string | null }> {
  const rows = await readSettings(db, [SETTING_THRESHOLDS, SETTING_LAST_RUN_DAY]);
  return { thresholds: { ...DEFAULT_THRESHOLDS, ...((rows.get(SETTING_THRESHOLDS) as Partial<Thresholds>) ?? {}) }, lastRunDay: (rows.get(SETTING_LAST_RUN_DAY) as string) ?? null };
}

export async function globalThresholds(db: Tx): Promise<Thresholds> {
  const v = await getSetting<Partial<Thresholds>>(db, SETTING_THRESHOLDS);
  return { ...DEFAULT_THRESHOLDS, ...(v ?? {}) };
}

/** Customers that take gas (供气, 减停气) are monitored. */
export const MONITORED_STATUSES = ['active', 'restricted'] as const;

export interface LevelInputRow {
  customerId: number;
  avgDays: number;
  warnDays: string;
  reduceDays: string;
  balanceFen: number;
  windowChargeFen: number | null;
  hasData: boolean;
  dayVolumeM3: string | null;
  dayChargeFen: number | null;
  prevLevel: PaymentLevel | null;
  prevSince: string | null;
}

/**
 * Everything the levels of the monitored customers (all, or `customerIds`) are computed from,
 * in one set-based query: thresholds (own or global), balance, charges over each customer's
 * own averaging window ending at `asOfDay`, the day's volume and charge, the stored level.
 */
export async function levelInputs(db: Tx, asOfDay: string, global: Thresholds, customerIds?: number[]): Promise<LevelInputRow[]> {
  const { rows } = await levelInputsQuery(db, asOfDay, global, customerIds).execute(db);
  return rows.map((r) => ({
    customerId: Number(r.id),
    avgDays: Number(r.n),
    warnDays: r.warn,
    reduceDays: r.red,
    balanceFen: Number(r.balance),
    windowChargeFen: r.window_fen == null ? null : Number(r.window_fen),
    hasData: r.has_data === true,
    dayVolumeM3: r.day_vol ?? null,
    dayChargeFen: r.day_fen == null ? null : Number(r.day_fen),
    prevLevel: r.prev_level ?? null,
    prevSince: r.prev_since ?? null,
  }));
}

/** Balances as kept with the postings (customer_balances, one row per customer; ledger_postings_check writes it). */
const keptBalances = (filter: ReturnType<typeof sql>) => sql`
      SELECT b.customer_id, b.balance_fen AS b FROM customer_balances b WHERE true ${filter}`;
/** Balances as the sum of every posting (the definition, DOMAIN.md §6; the reference the kept balances are tested against). */
const summedBalances = (filter: ReturnType<typeof sql>) => sql`
      SELECT p.customer_id, SUM(p.amount_fen) AS b
        FROM ledger_postings p
       WHERE p.customer_id IS NOT NULL ${filter}
       GROUP BY p.customer_id`;

/**
 * The CTEs mc (monitored customers and their thresholds), bal (balances: kept, or summed from the
 * postings for the reference path) and win (window figures).
 */
function figureCtes(asOfDay: string, global: Thresholds, customerIds?: number[], balances: 'kept' | 'summed' = 'kept') {
  const only = (col: string) => (customerIds ? sql`AND ${sql.ref(col)} = ANY(${sql.val(customerIds)}::bigint[])` : sql``);
  const ids = only('c.id');
  return sql`
    mc AS (
      SELECT c.id,
             COALESCE(t.avg_days, ${global.avgDays}::int) AS n,
             COALESCE(t.warn_days, ${global.warnDays}::numeric) AS warn,
             COALESCE(t.reduce_days, ${global.reduceDays}::numeric) AS red
        FROM ${customerBasics()} c LEFT JOIN customer_payment_thresholds t ON t.customer_id = c.id
       WHERE c.status IN ('active', 'restricted') ${ids}
    ), bal AS (${balances === 'kept' ? keptBalances(only('b.customer_id')) : summedBalances(only('p.customer_id'))}
    ), win AS (
      -- per-day figures of the daily run over each customer's own window of N gas days
      SELECT d.customer_id,
             SUM(d.charge_fen) FILTER (WHERE d.gas_day > ${asOfDay}::date - mc.n) AS s,
             SUM(d.charge_fen) FILTER (WHERE d.gas_day = ${asOfDay}::date) AS day_fen,
             bool_or(d.gas_day > ${asOfDay}::date - mc.n) AS has_data,
             SUM(d.volume_m3) FILTER (WHERE d.gas_day = ${asOfDay}::date) AS day_vol
        FROM customer_day_charges d
        JOIN mc ON mc.id = d.customer_id
       WHERE d.gas_day > ${asOfDay}::date - (SELECT max(n) FROM mc) AND d.gas_day <= ${asOfDay}::date ${only('d.customer_id')}
       GROUP BY d.customer_id
    )`;
}

/** The figures per monitored customer; the balance summed from the postings (the reference path of the tests). */
export function levelInputsQuery(db: Tx, asOfDay: string, global: Thresholds, customerIds?: number[]) {
  return sql<any>`
    WITH ${figureCtes(asOfDay, global, customerIds, 'summed')}
    SELECT mc.id, mc.n, mc.warn::text AS warn, mc.red::text AS red,
           COALESCE(bal.b, 0) AS balance, win.s AS window_fen, COALESCE(win.has_data, false) AS has_data,
           win.day_vol::text AS day_vol, win.day_fen,
           l.level AS prev_level, l.since_day AS prev_since
      FROM mc
      LEFT JOIN bal ON bal.customer_id = mc.id
      LEFT JOIN win ON win.customer_id = mc.id
      LEFT JOIN customer_payment_levels l ON l.customer_id = mc.id
     ORDER BY mc.id`;
}

/**
 * The level of each row of relation `f` (columns balance bigint, window_fen bigint|null, n int,
 * warn numeric, red numeric), as select-list columns — the SQL form of `assessPayment`
 * (accounts.calc.ts, DOMAIN.md §6), exact in NUMERIC: 停气 when balance ≤ 0, else 正常 without an
 * average (window null or ≤ 0), else 减气 when balance·N < reduce·S, 预警 when balance·N < warn·S,
 * else 正常. available_days = balance·N / S to 4 places half-up (the dividend carries 24 places,
 * so the quotient is exact far beyond the 4th place: no double rounding); the average per day
 * = S / N half-up to the fen. A property test (levels-sql.int.test.ts) checks it against assessPayment.
 */
export const levelExpr = sql`CASE WHEN f.balance <= 0 THEN 'stop'
           WHEN f.window_fen IS NULL OR f.window_fen <= 0 THEN 'normal'
           WHEN f.balance::numeric * f.n < f.red * f.window_fen THEN 'reduce'
           WHEN f.balance::numeric * f.n < f.warn * f.window_fen THEN 'warning'
           ELSE 'normal' END`;
export const levelColumns = sql`${levelExpr} AS level,
      round(f.window_fen::numeric / f.n)::bigint AS avg_fen,
      CASE WHEN f.window_fen > 0 THEN round((f.balance::numeric * f.n)::numeric(60,24) / f.window_fen, 4) END AS available_days`;

export interface RecomputedLevelRow {
  computed: number;
  customer_id: number | null;
  level: PaymentLevel;
  prev_level: PaymentLevel | null;
  changed: boolean;
  since_day: string;
  balance: number;
  window_fen: number | null;
  n: number;
  warn: string;
  red: string;
  available_days: string | null;
}

/**
 * Recompute and store the levels of the monitored customers (all, or `customerIds`) as of
 * `asOfDay` in ONE statement: the figures (levelInputsQuery's CTEs), the level (levelColumns),
 * the upsert of customer_payment_levels (rows whose figures did not change are not rewritten) and
 * the rows of payment_level_changes. Returns the number computed (on every row) and the changed
 * rows (all rows when `allRows` — by default when `customerIds` is given, for their statuses).
 */
export async function recomputeLevelsSql(db: Tx, asOfDay: string, global: Thresholds, customerIds?: number[], allRows = !!customerIds): Promise<{ computed: number; rows: RecomputedLevelRow[] }> {
  const { rows } = await recomputeLevelsStatement(asOfDay, global, customerIds, allRows).execute(db);
  const computed = rows.length ? Number(rows[0].computed) : 0;
  return {
    computed,
    rows: rows
      .filter((r) => r.customer_id != null)
      .map((r) => ({ ...r, customer_id: Number(r.customer_id), balance: Number(r.balance), window_fen: r.window_fen == null ? null : Number(r.window_fen), n: Number(r.n) })),
  };
}

/** The one statement of recomputeLevelsSql (exported for EXPLAIN in benchmarks). */
export function recomputeLevelsStatement(asOfDay: string, global: Thresholds, customerIds?: number[], allRows = !!customerIds) {
  return sql<RecomputedLevelRow>`
    WITH ${figureCtes(asOfDay, global, customerIds)},
    fig AS (
      SELECT mc.id AS customer_id, mc.n, mc.warn, mc.red, COALESCE(bal.b, 0)::bigint AS balance,
             -- days in the window with a NULL charge count as 0; no day in the window = missing data (null)
             (CASE WHEN win.has_data THEN COALESCE(win.s, 0) END)::bigint AS window_fen,
             win.day_vol, win.day_fen::bigint AS day_fen, l.level AS prev_level, l.since_day AS prev_since
        FROM mc
        LEFT JOIN bal ON bal.customer_id = mc.id
        LEFT JOIN win ON win.customer_id = mc.id
        LEFT JOIN customer_payment_levels l ON l.customer_id = mc.id
    ), lv AS MATERIALIZED (
      SELECT f.*, ${levelColumns} FROM fig f
    ), out AS MATERIALIZED (
      SELECT lv.*,
             CASE WHEN lv.prev_level IS DISTINCT FROM lv.level THEN ${asOfDay}::date ELSE COALESCE(lv.prev_since, ${asOfDay}::date) END AS since_day,
             -- a first computation that finds 正常 is not a change; anything else is
             (lv.prev_level IS DISTINCT FROM lv.level AND NOT (lv.prev_level IS NULL AND lv.level = 'normal')) AS changed
        FROM lv
    ), up AS (
      INSERT INTO customer_payment_levels (customer_id, level, since_day, as_of_day, balance_fen, window_charge_fen, window_days, avg_daily_charge_fen, available_days, day_volume_m3, day_charge_fen, warn_days, reduce_days, updated_at)
      SELECT customer_id, level, since_day, ${asOfDay}::date, balance, window_fen, n, avg_fen, available_days, day_vol, day_fen, warn, red, now() FROM out
      ${upsertTail}
      RETURNING 1
    ), ch AS (
      INSERT INTO payment_level_changes (customer_id, gas_day, from_level, to_level, balance_fen, available_days)
      SELECT customer_id, ${asOfDay}::date, prev_level, level, balance, available_days FROM out WHERE changed ORDER BY customer_id
      RETURNING 1
    )
    SELECT cnt.computed, x.* FROM (SELECT count(*)::int AS computed FROM out) cnt
      LEFT JOIN (SELECT customer_id, level, prev_level, changed, since_day::text AS since_day, balance, window_fen, n, warn::text AS warn, red::text AS red, available_days::text AS available_days
                   FROM out WHERE changed ${allRows ? sql`OR true` : sql``}) x ON true
     ORDER BY x.customer_id`;
}

/** ON CONFLICT of the stored levels: rows whose figures did not change are not rewritten (a re-run of a day writes almost nothing). */
const upsertTail = sql`
      ON CONFLICT (customer_id) DO UPDATE SET
        level = excluded.level, since_day = excluded.since_day, as_of_day = excluded.as_of_day, balance_fen = excluded.balance_fen,
        window_charge_fen = excluded.window_charge_fen, window_days = excluded.window_days, avg_daily_charge_fen = excluded.avg_daily_charge_fen,
        available_days = excluded.available_days, day_volume_m3 = excluded.day_volume_m3, day_charge_fen = excluded.day_charge_fen,
        warn_days = excluded.warn_days, reduce_days = excluded.reduce_days, updated_at = excluded.updated_at
      WHERE (customer_payment_levels.level, customer_payment_levels.since_day, customer_payment_levels.as_of_day, customer_payment_levels.balance_fen,
             customer_payment_levels.window_charge_fen, customer_payment_levels.window_days, customer_payment_levels.day_volume_m3,
             customer_payment_levels.day_charge_fen, customer_payment_levels.warn_days, customer_payment_levels.reduce_days)
         IS DISTINCT FROM (excluded.level, excluded.since_day, excluded.as_of_day, excluded.balance_fen, excluded.window_charge_fen,
             excluded.window_days, excluded.day_volume_m3, excluded.day_charge_fen, excluded.warn_days, excluded.reduce_days)`;

/** Active full- and part-time managers of the given customers, with the customer's name. */
export async function activeManagers(db: Tx, customerIds: number[]): Promise<{ customerId: number; userId: number; customerName: string }[]> {
  if (!customerIds.length) return [];
  const rows = await db
    .selectFrom(activeManagerAssignments().as('m'))
    .innerJoin(customerBasics().as('c'), 'c.id', 'm.customer_id')
    .select(['m.customer_id', 'm.user_id', 'c.name'])
    .where(sql<boolean>`m.customer_id = ANY(${sql.val(customerIds)}::bigint[])`)
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id, userId: r.user_id, customerName: r.name }));
}
