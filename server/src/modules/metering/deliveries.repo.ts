/** SQL of daily deliveries: meter lookup, the set-based idempotent upsert with history, lists. */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Tx } from '../../platform/db/database';
import { copyValue } from '../../platform/db/copy';
import type { Channel, Origin } from './metering.tables';
import { customerBasics, deliveryPointBasics, supplySourceBasics } from '../customers';
import { userDirectory } from '../../platform/auth/users';

export interface MeterInfo {
  meterNo: string;
  pointId: number;
  customerId: number;
  inScope: boolean;
}

/** Delivery points by meter number, with whether the user may write to their customer. */
export async function findMeters(db: Tx, meterNos: string[], scope: Expression<SqlBool>): Promise<Map<string, MeterInfo>> {
  const out = new Map<string, MeterInfo>();
  if (!meterNos.length) return out;
  const { rows } = await sql<{ meter_no: string; id: number; customer_id: number; in_scope: boolean }>`
    SELECT dp.meter_no, dp.id, dp.customer_id, ${scope} AS in_scope
    FROM ${deliveryPointBasics()} dp JOIN ${customerBasics()} c ON c.id = dp.customer_id
    WHERE dp.meter_no = ANY(${meterNos}::text[])`.execute(db);
  for (const r of rows) out.set(r.meter_no, { meterNo: r.meter_no, pointId: Number(r.id), customerId: Number(r.customer_id), inScope: r.in_scope });
  return out;
}

export interface UpsertInput {
  customerIds: number[];
  pointIds: number[];
  days: string[];
  volumes: string[];
  origins: Origin[];
  /** JSON text of the 24 hourly values, or null. */
  hourly: (string | null)[];
  reasons: (string | null)[];
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Input positions (0-based) refused because an estimate may not replace a measured value. */
  blocked: number[];
}

/**
 * Idempotent, set-based upsert of one batch (unique point+day within the batch):
 * new point-days are inserted; existing ones are replaced only when volume, origin or hourly
 * values differ, and then the previous value goes to delivery_history with reason and actor.
 * An estimate never replaces a measured (scada/manual) value: such positions come back in `blocked`.
 * All CTEs see the same snapshot, so history holds the values from before this statement; the
 * counts come from that snapshot too (a row inserted concurrently by another transaction between
 * snapshot and insert is counted as inserted although ON CONFLICT updated it).
 */
export async function upsertDeliveries(trx: Tx, v: UpsertInput, actor: { userId: number | null; username: string | null }, channel: Channel, defaultReason: string): Promise<UpsertResult> {
  if (!v.pointIds.length) return { inserted: 0, updated: 0, blocked: [] };
  // Plain columns travel as one comma-joined text each (no commas can occur in them): far
  // cheaper to send and parse than array literals; free text and JSON stay arrays.
  const input = sql`SELECT * FROM unnest(string_to_array(${v.customerIds.join(',')}, ',')::bigint[], string_to_array(${v.pointIds.join(',')}, ',')::bigint[],
      string_to_array(${v.days.join(',')}, ',')::date[], string_to_array(${v.volumes.join(',')}, ',')::numeric(16,3)[],
      string_to_array(${v.origins.join(',')}, ','), ${v.hourly}::jsonb[], ${v.reasons}::text[])
    WITH ORDINALITY AS t(customer_id, delivery_point_id, gas_day, volume_m3, origin, hourly, reason, idx)`;
  return mergeDeliveries(trx, input, dayRange(v.days), actor, channel, defaultReason);
}

/**
 * The same upsert for a whole import in one statement, the rows loaded by `COPY` into a staging
 * table first (issue 15 item 4): the database's bulk path instead of parameter arrays. Needs a
 * transaction (the staging table is dropped at its commit). Result and effects equal those of
 * `upsertDeliveries` on the same rows (ingest.int.test.ts compares both).
 */
export async function copyDeliveries(
  trx: Tx,
  database: Database,
  v: UpsertInput,
  actor: { userId: number | null; username: string | null },
  channel: Channel,
  defaultReason: string,
): Promise<UpsertResult> {
  if (!v.pointIds.length) return { inserted: 0, updated: 0, blocked: [] };
  await sql`CREATE TEMP TABLE delivery_stage (customer_id bigint, delivery_point_id bigint, gas_day date, volume_m3 numeric(16,3), origin text, hourly jsonb, reason text, idx bigint)
    ON COMMIT DROP`.execute(trx);
  // ids, days, decimals and origins never hold COPY's special characters; JSON and free text may
  let data = '';
  for (let i = 0; i < v.pointIds.length; i++)
    data += `${v.customerIds[i]}\t${v.pointIds[i]}\t${v.days[i]}\t${v.volumes[i]}\t${v.origins[i]}\t${copyValue(v.hourly[i])}\t${copyValue(v.reasons[i])}\t${i + 1}\n`;
  await database.copyIn(trx, 'delivery_stage (customer_id, delivery_point_id, gas_day, volume_m3, origin, hourly, reason, idx)', data);
  await sql`ANALYZE delivery_stage`.execute(trx);
  const r = await mergeDeliveries(trx, sql`SELECT * FROM delivery_stage`, dayRange(v.days), actor, channel, defaultReason);
  await sql`DROP TABLE delivery_stage`.execute(trx);
  return r;
}

/** The first and last day of a non-empty list of days ('YYYY-MM-DD'). */
export function dayRange(days: readonly string[]): { from: string; to: string } {
  let from = days[0];
  let to = from;
  for (const d of days) {
    if (d < from) from = d;
    else if (d > to) to = d;
  }
  return { from, to };
}

/**
 * The set-based upsert with history from `input` (rows with the staging columns, idx 1-based).
 * `days` bounds the input's gas days: the existing rows are read from those months' partitions only.
 */
async function mergeDeliveries(
  trx: Tx,
  input: RawBuilder<unknown>,
  days: { from: string; to: string },
  actor: { userId: number | null; username: string | null },
  channel: Channel,
  defaultReason: string,
): Promise<UpsertResult> {
  const { rows } = await sql<{ inserted: number; updated: number; blocked: number[] | null }>`
    WITH input AS (${input}),
    cmp AS (
      SELECT i.*, o.volume_m3 AS old_volume, o.origin AS old_origin, o.hourly AS old_hourly,
        (o.origin IS NOT NULL AND i.origin = 'estimate' AND o.origin <> 'estimate') AS blocked,
        (o.origin IS NOT NULL AND (o.volume_m3, o.origin, o.hourly) IS DISTINCT FROM (i.volume_m3, i.origin, i.hourly)) AS changed
      FROM input i LEFT JOIN daily_deliveries o
        ON o.customer_id = i.customer_id AND o.delivery_point_id = i.delivery_point_id AND o.gas_day = i.gas_day
          AND o.gas_day BETWEEN ${days.from}::date AND ${days.to}::date
    ),
    hist AS (
      INSERT INTO delivery_history (customer_id, delivery_point_id, gas_day, old_volume_m3, old_origin, old_hourly, new_volume_m3, new_origin, new_hourly, reason, channel, changed_by, changed_by_name)
      SELECT customer_id, delivery_point_id, gas_day, old_volume, old_origin, old_hourly, volume_m3, origin, hourly, coalesce(reason, ${defaultReason}), ${channel}, ${actor.userId}::bigint, ${actor.username}
      FROM cmp WHERE changed AND NOT blocked
    ),
    up AS (
      INSERT INTO daily_deliveries AS d (customer_id, delivery_point_id, gas_day, volume_m3, origin, hourly, updated_at, updated_by)
      SELECT customer_id, delivery_point_id, gas_day, volume_m3, origin, hourly, now(), ${actor.userId}::bigint
      FROM cmp WHERE NOT blocked AND (old_origin IS NULL OR changed)
      ON CONFLICT (customer_id, delivery_point_id, gas_day) DO UPDATE
        SET volume_m3 = EXCLUDED.volume_m3, origin = EXCLUDED.origin, hourly = EXCLUDED.hourly, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
    )
    SELECT
      (count(*) FILTER (WHERE old_origin IS NULL))::int AS inserted,
      (count(*) FILTER (WHERE changed AND NOT blocked))::int AS updated,
      array_agg(idx - 1) FILTER (WHERE blocked) AS blocked
    FROM cmp`.execute(trx);
  const r = rows[0];
  return { inserted: Number(r.inserted), updated: Number(r.updated), blocked: (r.blocked ?? []).map(Number) };
}

/**
 * Monthly partitions of daily_deliveries for the months from..to (migration
 * 202612071000_metering_partition_deliveries.sql): created when missing, rows of those months
 * moved out of the default partition. Its own short statement, not inside an import's transaction.
 */
export async function ensureDeliveryPartitions(db: Tx, from: string, to: string): Promise<void> {
  await sql`SELECT ensure_month_partitions('daily_deliveries', ${from}::date, ${to}::date)`.execute(db);
}

export interface DeliveryFilter {
  customerId?: number;
  deliveryPointId?: number;
  from: string;
  to: string;
  origin?: Origin;
}

/** Deliveries per point and day with the point's effective GCV and the energy (V × GCV / 1000). */
export async function listDeliveries(db: Tx, scope: Expression<SqlBool>, f: DeliveryFilter, page: number, pageSize: number, lookbackDays: number) {
  const where = sql.join(
    [
      sql`d.gas_day BETWEEN ${f.from}::date AND ${f.to}::date`,
      scope,
      f.customerId ? sql`d.customer_id = ${f.customerId}` : sql`true`,
      f.deliveryPointId ? sql`d.delivery_point_id = ${f.deliveryPointId}` : sql`true`,
      f.origin ? sql`d.origin = ${f.origin}` : sql`true`,
    ],
    sql` AND `,
  );
  const { rows: count } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM daily_deliveries d JOIN ${customerBasics()} c ON c.id = d.customer_id WHERE ${where}`.execute(db);
  const { rows } = await sql<any>`
    WITH page AS (
      SELECT d.*, dp.code AS point_code, dp.name AS point_name, dp.meter_no, dp.supply_source_id, c.name AS customer_name, c.code AS customer_code
      FROM daily_deliveries d JOIN ${customerBasics()} c ON c.id = d.customer_id JOIN ${deliveryPointBasics()} dp ON dp.id = d.delivery_point_id
      WHERE ${where}
      ORDER BY d.gas_day DESC, d.customer_id, d.delivery_point_id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ),
    eff AS (
      SELECT p.delivery_point_id, p.gas_day, g.gcv, g.q_day FROM page p
      CROSS JOIN LATERAL (
        WITH RECURSIVE anc(id, depth) AS (
          SELECT p.supply_source_id, 0 WHERE p.supply_source_id IS NOT NULL
          UNION ALL SELECT s.parent_id, a.depth + 1 FROM anc a JOIN ${supplySourceBasics()} s ON s.id = a.id WHERE s.parent_id IS NOT NULL AND a.depth < 30
        )
        SELECT q.gcv_mj_m3 AS gcv, q.gas_day AS q_day FROM anc a JOIN gas_quality q ON q.supply_source_id = a.id
        WHERE q.gas_day BETWEEN p.gas_day - ${lookbackDays}::int AND p.gas_day
        ORDER BY q.gas_day DESC, a.depth LIMIT 1
      ) g
    ),
    hist AS (
      SELECT h.delivery_point_id, h.gas_day, count(*)::int AS n FROM delivery_history h JOIN page p USING (customer_id, delivery_point_id, gas_day) GROUP BY 1, 2
    )
    SELECT p.*, p.gas_day::text AS day, e.gcv, e.q_day::text AS gcv_day, coalesce(h.n, 0) AS corrections, u.display_name AS updated_by_name
    FROM page p LEFT JOIN eff e USING (delivery_point_id, gas_day) LEFT JOIN hist h USING (delivery_point_id, gas_day)
    LEFT JOIN ${userDirectory()} u ON u.id = p.updated_by
    ORDER BY p.gas_day DESC, p.customer_id, p.delivery_point_id`.execute(db);
  return { total: count[0].n, rows };
}

export async function listHistory(db: Tx, scope: Expression<SqlBool>, f: { customerId?: number; deliveryPointId?: number; gasDay?: string; from?: string; to?: string }, limit: number) {
  const { rows } = await sql<any>`
    SELECT h.*, h.gas_day::text AS day, dp.code AS point_code, dp.name AS point_name, dp.meter_no, c.name AS customer_name
    FROM delivery_history h JOIN ${customerBasics()} c ON c.id = h.customer_id JOIN ${deliveryPointBasics()} dp ON dp.id = h.delivery_point_id
    WHERE ${scope}
      AND ${f.customerId ? sql`h.customer_id = ${f.customerId}` : sql`true`}
      AND ${f.deliveryPointId ? sql`h.delivery_point_id = ${f.deliveryPointId}` : sql`true`}
      AND ${f.gasDay ? sql`h.gas_day = ${f.gasDay}::date` : sql`true`}
      AND ${f.from ? sql`h.gas_day >= ${f.from}::date` : sql`true`}
      AND ${f.to ? sql`h.gas_day <= ${f.to}::date` : sql`true`}
    ORDER BY h.changed_at DESC, h.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function findPoint(db: Tx, pointId: number) {
  return db.selectFrom(deliveryPointBasics().as('d')).select(['id', 'customer_id', 'meter_no', 'code', 'name', 'supply_source_id', 'active']).where('id', '=', pointId).executeTakeFirst();
}

export async function findDelivery(db: Tx, pointId: number, gasDay: string) {
  return db.selectFrom('daily_deliveries').selectAll().where('delivery_point_id', '=', pointId).where('gas_day', '=', gasDay).executeTakeFirst();
}
