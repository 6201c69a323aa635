/**
 * The GCV that applies to a supply source on a gas day (DOMAIN.md §2; issue 4 item 3):
 * 1. the source's own quality data that day, else the nearest source up the parent_id chain
 *    (well station → gas field …) with data that day;
 * 2. when no source on the chain has data that day, the most recent earlier day within
 *    `lookbackDays` days (nearest day first, then nearest source up the chain);
 * 3. otherwise unknown (null) — never a default value.
 * A delivery point takes the GCV of the source feeding it (delivery_points.supply_source_id).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { supplySourceBasics } from '../customers';

/**
 * CTEs `anc(source_id, ancestor_id, depth)` and `eff(source_id, gas_day, gcv, quality_source_id,
 * quality_day)` for the sources selected by `sourceIds` (a subquery returning ids) and every day
 * from `from` to `to`. Use inside `WITH RECURSIVE`; LEFT JOIN eff (missing = unknown GCV).
 */
export function effectiveGcvCtes(sourceIds: RawBuilder<unknown>, from: string, to: string, lookbackDays: number): RawBuilder<unknown> {
  // Set-based for long ranges: (1) the chain of each source, (2) per source and quality day the
  // nearest source up the chain with data, (3) per day the latest of those within the lookback
  // (an equi-join on day − k, k = 0..N, instead of a range join or a lookup per day).
  return sql`anc(source_id, ancestor_id, depth) AS (
      SELECT s.id, s.id, 0 FROM ${supplySourceBasics()} s WHERE s.id IN (${sourceIds})
      UNION ALL
      SELECT a.source_id, p.parent_id, a.depth + 1 FROM anc a JOIN ${supplySourceBasics()} p ON p.id = a.ancestor_id
      WHERE p.parent_id IS NOT NULL AND a.depth < 30
    ),
    qbest AS (
      SELECT DISTINCT ON (a.source_id, q.gas_day) a.source_id, q.gas_day, q.gcv_mj_m3 AS gcv, q.supply_source_id AS qs
      FROM anc a JOIN gas_quality q ON q.supply_source_id = a.ancestor_id
      WHERE q.gas_day BETWEEN ${from}::date - ${lookbackDays}::int AND ${to}::date
      ORDER BY a.source_id, q.gas_day, a.depth
    ),
    eff(source_id, gas_day, gcv, quality_source_id, quality_day) AS MATERIALIZED (
      SELECT DISTINCT ON (b.source_id, d.gas_day) b.source_id, d.gas_day, b.gcv, b.qs, b.gas_day
      FROM (SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS gas_day) d
      CROSS JOIN generate_series(0, ${lookbackDays}::int) AS k(k)
      JOIN qbest b ON b.gas_day = d.gas_day - k.k
      ORDER BY b.source_id, d.gas_day, k.k
    )`;
}

export interface EffectiveGcv {
  sourceId: number;
  gasDay: string;
  gcvMJm3: string;
  qualitySourceId: number;
  qualityDay: string;
}

/** Effective GCV of some sources over a range of days (rows only where known). */
export async function effectiveGcv(db: Tx, sourceIds: number[], from: string, to: string, lookbackDays: number): Promise<EffectiveGcv[]> {
  if (!sourceIds.length) return [];
  const { rows } = await sql<{ source_id: number; gas_day: string; gcv: string; quality_source_id: number; quality_day: string }>`
    WITH RECURSIVE ${effectiveGcvCtes(sql`SELECT unnest(${sourceIds}::bigint[])`, from, to, lookbackDays)}
    SELECT source_id, gas_day::text AS gas_day, gcv, quality_source_id, quality_day::text AS quality_day FROM eff ORDER BY source_id, gas_day`.execute(db);
  return rows.map((r) => ({ sourceId: Number(r.source_id), gasDay: r.gas_day, gcvMJm3: r.gcv, qualitySourceId: Number(r.quality_source_id), qualityDay: r.quality_day }));
}
