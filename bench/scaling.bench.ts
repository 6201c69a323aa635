/**
 * Scale figures for docs/SCALING.md (issue 15 item 8), PostgreSQL: customers, delivery points,
 * daily deliveries and day charges seeded set-based (INSERT … SELECT generate_series) at
 * SCALE_CUSTOMERS (default 100,000) × SCALE_DAYS gas days (default 30) into a fresh schema;
 * prints the time of each step, pg_total_relation_size of the large tables (all partitions
 * included) and the time of a one-day read (the board's shape: one day, all customers) against
 * the raw baseline of a count over the same day's partition. Run:
 *   SCALE_CUSTOMERS=1000000 SCALE_DAYS=1 npx tsx bench/scaling.bench.ts
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, repeat, time } from './harness';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { addDays, lastCompleteGasDay } from '../server/src/modules/metering/gas-day.calc';

const N = Number(process.env.SCALE_CUSTOMERS ?? 100_000);
const DAYS = Number(process.env.SCALE_DAYS ?? 30);

async function main() {
  begin(`scaling: ${N.toLocaleString('en')} customers × ${DAYS} days (PostgreSQL)`);
  const schema = `scale_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  const D = lastCompleteGasDay(new Date());
  const first = addDays(D, -DAYS + 1);
  try {
    const step = async (name: string, q: ReturnType<typeof sql>) => console.log(`   ${name}: ${((await time(() => q.execute(db))) / 1000).toFixed(1)} s`);
    await step(
      'customers',
      sql`INSERT INTO customers (code, name, type, price_category, city, status)
        SELECT 'SC' || g, '规模客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', '泸州市', 'active' FROM generate_series(1, ${N}) g`,
    );
    await step(
      'delivery points',
      sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no) SELECT c.id, 'SP' || c.id, '站' || c.id, 'distribution_station', 'SM' || c.id FROM customers c`,
    );
    await step(
      'daily deliveries',
      sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
        SELECT p.customer_id, p.id, d::date, 1000 + p.id % 400 + 0.125, 'scada' FROM delivery_points p, generate_series(${first}::date, ${D}::date, interval '1 day') d`,
    );
    await step(
      'day charges',
      sql`INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen)
        SELECT customer_id, gas_day, volume_m3, (volume_m3 * 320)::bigint FROM daily_deliveries`,
    );
    console.log(`   ANALYZE: ${((await time(() => analyzeSchema(db))) / 1000).toFixed(1)} s`);
    const { rows } = await sql<{ t: string; rows: string; bytes: string }>`
      SELECT t, (SELECT count(*) FROM pg_inherits i WHERE i.inhparent = to_regclass(t)) AS parts,
        coalesce((SELECT sum(pg_total_relation_size(x)) FROM (SELECT to_regclass(t) AS x UNION ALL SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent = to_regclass(t)) s), 0)::bigint AS bytes,
        (SELECT reltuples FROM pg_class WHERE oid = to_regclass(t))::bigint AS rows
      FROM unnest(ARRAY['customers', 'delivery_points', 'daily_deliveries', 'customer_day_charges']) t`.execute(db);
    for (const r of rows as any[]) console.log(`   size ${r.t}: ${(Number(r.bytes) / 2 ** 20).toFixed(1)} MiB${Number(r.parts) ? ` in ${r.parts} partitions` : ''}`);

    const raw = await repeat(() => time(() => sql`SELECT count(*), sum(volume_m3) FROM daily_deliveries WHERE gas_day = ${D}::date`.execute(db)));
    const board = await repeat(() =>
      time(() =>
        sql`SELECT d.customer_id, sum(d.volume_m3) AS v, avg(c.volume_m3) AS avg7
          FROM daily_deliveries d LEFT JOIN customer_day_charges c ON c.customer_id = d.customer_id AND c.gas_day BETWEEN ${addDays(D, -7)}::date AND ${addDays(D, -1)}::date
          WHERE d.gas_day = ${D}::date GROUP BY d.customer_id ORDER BY v DESC LIMIT 50`.execute(db),
      ),
    );
    figure({
      name: `one-day read for all ${N.toLocaleString('en')} customers with a 7-day average (board shape)`,
      value: board.median,
      values: board.values,
      unit: 'ms',
      baseline: { value: raw.median, what: 'count and sum over the same day' },
      target: 'info',
      ok: true,
    });
  } finally {
    await built.close().catch(() => {});
    const d2 = await openDatabase({ databaseUrl: PG_URL, dataDir: '', poolSize: 1 });
    await d2.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await d2.close();
  }
  end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
