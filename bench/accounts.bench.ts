/**
 * Accounts benchmarks (issue 5), on PostgreSQL:
 *  - the daily run (`accounts.daily`: post every customer's charge for a gas day, then recompute
 *    every level) for 100,000 customers: < 10 s; re-run (nothing to post) and a correction re-run
 *    are printed too;
 *  - payment postings through the API (POST /api/accounts/payments, each a new bank reference):
 *    ≥ 1,000 per second.
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a fresh schema
 * dropped afterwards. Run: npx tsx bench/accounts.bench.ts  (CUSTOMERS=… to change the size)
 */
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { machine, PG_URL, report } from './lib';
import { buildApp, type BuiltApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/password';
import { runDaily } from '../server/src/modules/accounts/daily-run.service';
import { bulkInsertTransactions } from '../server/src/modules/accounts/ledger.repo';
import { addDays } from '../server/src/modules/accounts/accounts.calc';
import { recomputeLevels } from '../server/src/modules/accounts/levels.service';

const N = Number(process.env.CUSTOMERS ?? 100_000);
const DAY = '2026-11-26';
const ACTOR = { userId: null, username: 'bench' };

async function seed(built: BuiltApp) {
  const db = built.ctx.db;
  const t = performance.now();
  await sql`INSERT INTO customers (code, name, type, price_category, city, status)
    SELECT 'BC' || g, '压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', (ARRAY['泸州市','宜宾市','自贡市'])[1 + g % 3], 'active'
      FROM generate_series(1, ${N}) g`.execute(db);
  await sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no) SELECT id, 'BP' || id, '站' || id, 'distribution_station', 'BM' || id FROM customers`.execute(db);
  await sql`INSERT INTO customer_provisional_prices (customer_id, effective_from, price) SELECT id, '2026-01-01', 2.2 + (id % 10) * 0.1 FROM customers`.execute(db);
  // the day under test: one delivery per customer
  await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
    SELECT dp.customer_id, dp.id, ${DAY}::date, (800 + (dp.id * 7) % 400)::numeric + 0.125, 'scada' FROM delivery_points dp`.execute(db);
  // history the monitoring window reads: 7 gas days of per-day charges (as earlier runs leave them),
  // and one prepayment per customer (~30 days of gas; every 50th customer ~7 days, so some cross into 预警)
  await sql`INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen)
    SELECT c.id, d::date, 1000, 250000 FROM customers c, generate_series(${addDays(DAY, -7)}::date, ${addDays(DAY, -1)}::date, interval '1 day') d`.execute(db);
  await db.transaction().execute(async (trx) => {
    const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(trx)).rows.map((r) => Number(r.id));
    await bulkInsertTransactions(
      trx,
      ids.map((id) => ({
        kind: 'payment' as const,
        customerId: id,
        businessDate: addDays(DAY, -8),
        reference: `BENCH-INIT-${id}`,
        amountFen: (id % 50 === 0 ? 7 : 30) * 250_000,
        counter: 'bank' as const,
      })),
      null,
    );
    await sql`ANALYZE`.execute(trx);
    await recomputeLevels(built.ctx, trx, { asOfDay: addDays(DAY, -1) });
  });
  await sql`ANALYZE`.execute(db);
  console.log(`      seeded ${N.toLocaleString('en')} customers (a prepayment each, 7 days of per-day charges, the day's deliveries) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function dailyRun(built: BuiltApp) {
  let t = performance.now();
  const r = await runDaily(built.ctx, DAY, ACTOR);
  let s = (performance.now() - t) / 1000;
  report(
    `daily run, ${N.toLocaleString('en')} customers (PostgreSQL)`,
    `${s.toFixed(2)} s (${r.transactions.toLocaleString('en')} charges posted, ${r.levelsComputed.toLocaleString('en')} levels, ${r.levelChanges} changes)`,
    '< 10 s',
    s < 10 && r.transactions === N,
  );
  t = performance.now();
  const again = await runDaily(built.ctx, DAY, ACTOR);
  s = (performance.now() - t) / 1000;
  console.log(`      re-run of the same day: ${s.toFixed(2)} s, ${again.transactions} postings (must be 0)`);
  if (again.transactions !== 0) throw new Error('re-run posted something');
  await sql`UPDATE daily_deliveries SET volume_m3 = volume_m3 + 10 WHERE gas_day = ${DAY}::date AND customer_id % 100 = 0`.execute(built.ctx.db);
  t = performance.now();
  const corr = await runDaily(built.ctx, DAY, ACTOR);
  s = (performance.now() - t) / 1000;
  console.log(`      re-run after correcting 1 % of deliveries: ${s.toFixed(2)} s, ${corr.corrections} correction postings`);
}

async function payments(built: BuiltApp) {
  const db = built.ctx.db;
  await db
    .insertInto('users')
    .values({ username: 'bench_fin', display_name: '压测财务', password_hash: await hashPassword('bench-pass-2026'), roles: ['finance'] })
    .execute();
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(built.app.server.address() as any).port}`;
  const login = await fetch(url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_fin', password: 'bench-pass-2026' }) });
  const cookie = /qike_sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'payment'`.execute(db)).rows[0].n);
  const run = crypto.randomBytes(3).toString('hex');
  let seq = 0;
  const r = await autocannon({
    url,
    duration: 10,
    connections: 20,
    requests: [
      {
        method: 'POST',
        path: '/api/accounts/payments',
        headers: { 'content-type': 'application/json', cookie },
        setupRequest: (req: any) => {
          seq++;
          const customerId = 1 + ((seq * 7919) % N);
          return { ...req, body: JSON.stringify({ customerId, amountFen: 100_000 + (seq % 1000), bankRef: `BENCH-${run}-${seq}`, valueDate: DAY }) };
        },
      },
    ],
  });
  const after = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'payment'`.execute(db)).rows[0].n);
  const rps = r.requests.average;
  report(
    'payment postings through the API (PostgreSQL)',
    `${Math.round(rps).toLocaleString('en')} payments/s (p99 ${r.latency.p99} ms, ${r['2xx']} posted, ${r.non2xx} non-2xx, ${r.errors} errors; ledger +${after - before})`,
    '≥ 1,000/s',
    rps >= 1000 && r.non2xx === 0 && after - before === r['2xx'],
  );
}

async function main() {
  console.log(`accounts benchmarks on ${machine()}`);
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 10 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  try {
    await seed(built);
    await dailyRun(built);
    await payments(built);
  } finally {
    await built.close();
    await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
