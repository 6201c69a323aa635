/** SQL of payment monitoring: the figures levels are computed from, and the stored levels. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { readSetting, readSettings, writeSetting } from '../../platform/settings';
import { DEFAULT_THRESHOLDS, type PaymentLevel, type Thresholds } from './accounts.calc';
import './accounts.tables';
import { activeManagerAssignments, customerBasics } from '../customers';

export const SETTING_THRESHOLDS = 'accounts.thresholds';
export const SETTING_LAST_RUN_DAY = 'accounts.last_run_day';

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

export function levelInputsQuery(db: Tx, asOfDay: string, global: Thresholds, customerIds?: number[]) {
  const only = (col: string) => (customerIds ? sql`AND ${sql.ref(col)} = ANY(${sql.val(customerIds)}::bigint[])` : sql``);
  const ids = only('c.id');
  return sql<any>`
    WITH mc AS (
      SELECT c.id,
             COALESCE(t.avg_days, ${global.avgDays}::int) AS n,
             COALESCE(t.warn_days, ${global.warnDays}::numeric) AS warn,
             COALESCE(t.reduce_days, ${global.reduceDays}::numeric) AS red
        FROM ${customerBasics()} c LEFT JOIN customer_payment_thresholds t ON t.customer_id = c.id
       WHERE c.status IN ('active', 'restricted') ${ids}
    ), bal AS (
      SELECT p.customer_id, SUM(p.amount_fen) AS b
        FROM ledger_postings p
       WHERE p.customer_id IS NOT NULL ${only('p.customer_id')}
       GROUP BY p.customer_id
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
    )
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

export interface LevelRow {
  customer_id: number;
  level: PaymentLevel;
  since_day: string;
  as_of_day: string;
  balance_fen: number;
  window_charge_fen: number | null;
  window_days: number;
  avg_daily_charge_fen: number | null;
  available_days: string | null;
  day_volume_m3: string | null;
  day_charge_fen: number | null;
  warn_days: string;
  reduce_days: string;
}

/** Upsert stored levels: one statement per 50,000 rows, columns passed as arrays. */
export async function upsertLevels(db: Tx, rows: LevelRow[]): Promise<void> {
  const BATCH = 50_000;
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = rows.slice(i, i + BATCH);
    const col = <K extends keyof LevelRow>(k: K) => c.map((r) => r[k]);
    await sql`
      INSERT INTO customer_payment_levels (customer_id, level, since_day, as_of_day, balance_fen, window_charge_fen, window_days, avg_daily_charge_fen, available_days, day_volume_m3, day_charge_fen, warn_days, reduce_days, updated_at)
      SELECT *, now() FROM unnest(${col('customer_id')}::bigint[], ${col('level')}::text[], ${col('since_day')}::date[], ${col('as_of_day')}::date[], ${col('balance_fen')}::bigint[],
                                  ${col('window_charge_fen')}::bigint[], ${col('window_days')}::int[], ${col('avg_daily_charge_fen')}::bigint[], ${col('available_days')}::numeric[],
                                  ${col('day_volume_m3')}::numeric[], ${col('day_charge_fen')}::bigint[], ${col('warn_days')}::numeric[], ${col('reduce_days')}::numeric[])
      ON CONFLICT (customer_id) DO UPDATE SET
        level = excluded.level, since_day = excluded.since_day, as_of_day = excluded.as_of_day, balance_fen = excluded.balance_fen,
        window_charge_fen = excluded.window_charge_fen, window_days = excluded.window_days, avg_daily_charge_fen = excluded.avg_daily_charge_fen,
        available_days = excluded.available_days, day_volume_m3 = excluded.day_volume_m3, day_charge_fen = excluded.day_charge_fen,
        warn_days = excluded.warn_days, reduce_days = excluded.reduce_days, updated_at = excluded.updated_at
      -- rows whose figures did not change are not rewritten (a re-run of a day writes almost nothing)
      WHERE (customer_payment_levels.level, customer_payment_levels.since_day, customer_payment_levels.as_of_day, customer_payment_levels.balance_fen,
             customer_payment_levels.window_charge_fen, customer_payment_levels.window_days, customer_payment_levels.day_volume_m3,
             customer_payment_levels.day_charge_fen, customer_payment_levels.warn_days, customer_payment_levels.reduce_days)
         IS DISTINCT FROM (excluded.level, excluded.since_day, excluded.as_of_day, excluded.balance_fen, excluded.window_charge_fen,
             excluded.window_days, excluded.day_volume_m3, excluded.day_charge_fen, excluded.warn_days, excluded.reduce_days)`.execute(db);
  }
}

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
