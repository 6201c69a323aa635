/** SQL of gas quality per supply source and day. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { supplySourceBasics } from '../customers';

export interface QualityValues {
  gasDay: string;
  method: 'report' | 'composition';
  gcv: string;
  ncv: string | null;
  relativeDensity: string | null;
  wobbe: string | null;
  density: string | null;
  z: string | null;
  molarMass: string | null;
  composition: Record<string, string> | null;
}

export async function findSources(db: Tx, codes: string[], ids: number[]) {
  // only the conditions that have values: an empty IN list is not SQL, and a placeholder such as
  // a NUL code is refused by PostgreSQL (it answered 500 for a request addressing sources by id)
  const rows =
    codes.length || ids.length
      ? await db
          .selectFrom(supplySourceBasics().as('s'))
          .select(['id', 'code'])
          .where((eb) => eb.or([...(codes.length ? [eb('code', 'in', codes)] : []), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
          .execute()
      : [];
  return { byCode: new Map(rows.map((r) => [r.code, r.id])), byId: new Map(rows.map((r) => [r.id, r.id])) };
}

/** Insert or replace quality rows (set-based). Returns the number of rows written. */
export async function upsertQuality(trx: Tx, v: (QualityValues & { sourceId: number })[], userId: number | null): Promise<number> {
  if (!v.length) return 0;
  const col = <K extends keyof (QualityValues & { sourceId: number })>(k: K) => v.map((x) => x[k]);
  const { rows } = await sql<{ n: number }>`
    WITH up AS (
      INSERT INTO gas_quality AS g (supply_source_id, gas_day, method, gcv_mj_m3, ncv_mj_m3, relative_density, wobbe_mj_m3, density_kg_m3, z, molar_mass, composition, updated_at, updated_by)
      SELECT s, d, m, gcv, ncv, rd, w, dens, z, mm, comp, now(), ${userId}::bigint
      FROM unnest(${col('sourceId')}::bigint[], ${col('gasDay')}::date[], ${col('method')}::text[], ${col('gcv')}::numeric[], ${col('ncv')}::numeric[], ${col('relativeDensity')}::numeric[],
                  ${col('wobbe')}::numeric[], ${col('density')}::numeric[], ${col('z')}::numeric[], ${col('molarMass')}::numeric[], ${v.map((x) => (x.composition ? JSON.stringify(x.composition) : null))}::jsonb[])
        AS t(s, d, m, gcv, ncv, rd, w, dens, z, mm, comp)
      ON CONFLICT (supply_source_id, gas_day) DO UPDATE SET method = EXCLUDED.method, gcv_mj_m3 = EXCLUDED.gcv_mj_m3, ncv_mj_m3 = EXCLUDED.ncv_mj_m3,
        relative_density = EXCLUDED.relative_density, wobbe_mj_m3 = EXCLUDED.wobbe_mj_m3, density_kg_m3 = EXCLUDED.density_kg_m3, z = EXCLUDED.z,
        molar_mass = EXCLUDED.molar_mass, composition = EXCLUDED.composition, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
      RETURNING 1
    ) SELECT count(*)::int AS n FROM up`.execute(trx);
  return rows[0].n;
}

export async function getQuality(db: Tx, sourceIds: number[], days: string[]) {
  if (!sourceIds.length) return [];
  const { rows } = await sql<{ supply_source_id: number; gas_day: string; method: string; gcv_mj_m3: string; composition: unknown }>`
    SELECT q.supply_source_id, q.gas_day::text AS gas_day, q.method, q.gcv_mj_m3, q.composition FROM gas_quality q
    JOIN unnest(${sourceIds}::bigint[], ${days}::date[]) AS k(s, d) ON q.supply_source_id = k.s AND q.gas_day = k.d`.execute(db);
  return rows.map((r) => ({ ...r, supply_source_id: Number(r.supply_source_id) }));
}

export async function listQuality(db: Tx, f: { supplySourceId?: number; from: string; to: string }, page: number, pageSize: number) {
  let q = db.selectFrom('gas_quality as q').innerJoin(supplySourceBasics().as('s'), 's.id', 'q.supply_source_id').where('q.gas_day', '>=', f.from).where('q.gas_day', '<=', f.to);
  if (f.supplySourceId) q = q.where('q.supply_source_id', '=', f.supplySourceId);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'q.supply_source_id',
      'q.gas_day',
      'q.method',
      'q.gcv_mj_m3',
      'q.ncv_mj_m3',
      'q.relative_density',
      'q.wobbe_mj_m3',
      'q.density_kg_m3',
      'q.z',
      'q.molar_mass',
      'q.composition',
      'q.updated_at',
      's.code',
      's.name',
    ])
    .orderBy('q.gas_day', 'desc')
    .orderBy('q.supply_source_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows };
}

export async function listSources(db: Tx) {
  return db.selectFrom(supplySourceBasics().as('s')).select(['id', 'code', 'name', 'kind', 'parent_id', 'region']).orderBy('code').execute();
}
