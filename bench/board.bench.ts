/**
 * The daily usage board (日用气监控) for 10,000 customers (issue 15 item 5): < 150 ms per request
 * over HTTP on PostgreSQL. 10,000 customers with one delivery point each, 30 days of readings and
 * the gas quality of the last days, seeded set-based. Method of bench/harness.ts: each figure is the
 * median of 3 runs (each run: the median of 10 sequential requests after a warm-up); baseline = the
 * board's one SQL statement (board.repo.ts boardRows) run directly in the same process and run, so
 * the ratio is what the service (flags, sorting, paging, JSON) adds to the database's part.
 * Run: npx tsx bench/board.bench.ts   (CUSTOMERS=…, TEST_DATABASE_URL=…)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, median, repeat, time } from './harness';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/password';
import { addDays, lastCompleteGasDay } from '../server/src/modules/metering/gas-day.calc';
import { boardRows } from '../server/src/modules/metering/board.repo';
import { getSettings } from '../server/src/modules/metering/settings.repo';

const N = Number(process.env.CUSTOMERS ?? 10_000);

async function main() {
  begin(`usage board, ${N.toLocaleString('en')} customers (PostgreSQL)`);
  const D = lastCompleteGasDay(new Date());
  const schema = `bench_board_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent', databaseUrl: PG_URL, pgSchema: schema };
  const built = await buildApp(config, { database, logger: false, demo: false });
  try {
    const db = built.ctx.db;
    const t = performance.now();
    await sql`INSERT INTO supply_sources (code, name, kind) SELECT 'BS' || g, '气源' || g, 'gas_field' FROM generate_series(1, 10) g`.execute(db);
    await sql`INSERT INTO customers (code, name, type, price_category, city, status)
      SELECT 'BC' || lpad(g::text, 6, '0'), '压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', (ARRAY['泸州市','宜宾市','自贡市'])[1 + g % 3], 'active'
      FROM generate_series(1, ${N}) g`.execute(db);
    await sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no, supply_source_id)
      SELECT c.id, 'BP' || c.id, '站' || c.id, 'distribution_station', 'BM' || c.id, (SELECT min(id) FROM supply_sources) + c.id % 10 FROM customers c`.execute(db);
    await sql`INSERT INTO customer_contract_limits (customer_id, daily_max_m3) SELECT id, 1500 FROM customers`.execute(db);
    // 30 days per point; every 50th customer misses the day, every 97th jumps.
    await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
      SELECT p.customer_id, p.id, d::date, 1000 + (p.id * 7 + extract(day FROM d)::int) % 400 + CASE WHEN d::date = ${D}::date AND p.customer_id % 97 = 0 THEN 900 ELSE 0 END, 'scada'
        FROM delivery_points p, generate_series(${addDays(D, -29)}::date, ${D}::date, interval '1 day') d
       WHERE NOT (d::date = ${D}::date AND p.customer_id % 50 = 0)`.execute(db);
    await sql`INSERT INTO gas_quality (supply_source_id, gas_day, method, gcv_mj_m3) SELECT s.id, d::date, 'report', 36.5 FROM supply_sources s, generate_series(${addDays(D, -10)}::date, ${D}::date, interval '1 day') d`.execute(
      db,
    );
    await db
      .insertInto('users')
      .values({ username: 'bench_lead', display_name: '压测', password_hash: await hashPassword('bench-pass-2026'), roles: ['sales_lead'] })
      .execute();
    await analyzeSchema(db);
    console.log(`   seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(built.app.server.address() as any).port}`;
    const login = await fetch(url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench_lead', password: 'bench-pass-2026' }),
    });
    const cookie = /qike_sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const s = await getSettings(db);
    const admin = sql<boolean>`true`;
    const base = await repeat(async () => {
      await boardRows(db, admin, D, s.avgDays, s.gcvLookbackDays);
      const xs: number[] = [];
      for (let i = 0; i < 10; i++) xs.push(await time(() => boardRows(db, admin, D, s.avgDays, s.gcvLookbackDays)));
      return median(xs);
    });
    for (const [label, qs] of [
      ['by volume, page of 50', `day=${D}&sort=volume&order=desc&pageSize=50`],
      ['default view (m³, page of 20)', `day=${D}`],
      ['by name, GJ, flagged only', `day=${D}&sort=name&unit=gj&flag=any`],
    ] as const) {
      let total = 0;
      const r = await repeat(async () => {
        const xs: number[] = [];
        for (let i = 0; i <= 10; i++) {
          const ms = await time(async () => {
            const res = await fetch(`${url}/api/metering/board?${qs}`, { headers: { cookie } });
            const body = (await res.json()) as { total: number; summary: { customers: number } };
            if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
            total = body.summary.customers;
          });
          if (i > 0) xs.push(ms); // the first is a warm-up
        }
        return median(xs);
      });
      figure({
        name: `usage board over HTTP, ${label}`,
        value: r.median,
        values: r.values,
        unit: 'ms',
        baseline: { value: base.median, what: 'the board statement alone (boardRows)' },
        target: `< 150 ms for 10,000 customers`,
        ok: r.median < 150 && total === N,
        note: `${total.toLocaleString('en')} customers on the board`,
      });
    }
  } finally {
    await built.close();
    await database.execScript(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
    await database.close();
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
