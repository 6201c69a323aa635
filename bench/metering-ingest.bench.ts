/**
 * Metering benchmarks (issue 4, issue 15 item 4):
 *  - bulk ingest of daily readings through the real ingest path (row validation, meter lookup,
 *    COPY into a staging table, one set-based merge with history): ≥ 200,000 readings/s and
 *    ≥ 0.5 × a plain COPY of the same rows into PostgreSQL, ≥ 30,000 readings/s into the
 *    embedded database (PGlite); median of three runs, baseline and ratio (bench/harness.ts);
 *  - the daily usage board for 10,000 customers over HTTP on PostgreSQL: < 300 ms.
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a fresh schema
 * dropped afterwards. Run: npx tsx bench/metering-ingest.bench.ts   (ROLLUP_ONLY=1: only the fresh and
 * changed ingests with and without the delivery_months roll-up triggers, on PostgreSQL;
 * CUSTOMERS=… customers × 30 days instead of 10,000)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { PG_URL, report } from './lib';
import { begin, end, figure, repeat, time } from './harness';
import { copyText } from '../server/src/platform/db/copy';
import { buildApp, type BuiltApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase, type Database } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/password';
import { ingestDeliveries } from '../server/src/modules/metering/ingest.service';
import { addDays, lastCompleteGasDay } from '../server/src/modules/metering/gas-day.calc';

const ADMIN = { id: 0, roles: ['admin'] as any };
const ACTOR = { userId: null, username: 'bench' };

async function seed(db: BuiltApp['ctx']['db'], customers: number) {
  await sql`INSERT INTO supply_sources (code, name, kind) SELECT 'BS' || g, '气源' || g, 'gas_field' FROM generate_series(1, 10) g`.execute(db);
  await sql`INSERT INTO customers (code, name, type, price_category, city, status)
    SELECT 'BC' || g, '压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', (ARRAY['泸州市','宜宾市','自贡市'])[1 + g % 3], 'active'
    FROM generate_series(1, ${customers}) g`.execute(db);
  await sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no, supply_source_id)
    SELECT c.id, 'BP' || c.id, '站' || c.id, 'distribution_station', 'BM' || c.id, (SELECT min(id) FROM supply_sources) + c.id % 10 FROM customers c`.execute(db);
  await sql`INSERT INTO customer_contract_limits (customer_id, daily_max_m3) SELECT id, 1500 FROM customers`.execute(db);
}

function readings(customers: number, days: string[], salt: number) {
  const rows = [];
  let n = 0;
  for (const day of days)
    for (let c = 1; c <= customers; c++) {
      n++;
      rows.push({ row: n + 1, raw: { meterNo: `BM${c}`, gasDay: day, volumeM3: `${1000 + ((c * 7 + n + salt) % 400)}.${n % 1000}`, origin: 'scada' } });
    }
  return rows;
}

class Rollback extends Error {}
const ROLLUP_ONLY = process.env.ROLLUP_ONLY === '1';
/** PostgreSQL customers (× 30 days of readings); CUSTOMERS=… for a shorter run on a loaded machine. */
const PG_CUSTOMERS = Number(process.env.CUSTOMERS ?? 10_000);

/**
 * Ingest figures, each the median of three runs (bench/harness.ts), beside the raw baseline: a plain
 * COPY of the same rows (ids resolved, text built in the same process) straight into
 * daily_deliveries, rolled back. The ingest path adds the row validation, the meter lookup, the
 * staging table and the merge with history.
 */
async function ingestFigures(built: BuiltApp, label: string, customers: number, days: string[], target: number) {
  const db = built.ctx.db;
  const rows = readings(customers, days, 0);
  const n = rows.length;
  const ids = new Map<string, { id: number; customer_id: number }>();
  for (const p of await db.selectFrom('delivery_points').select(['id', 'customer_id', 'meter_no']).execute()) ids.set(p.meter_no, p);
  const baseline = await repeat(async () => {
    const ms = await time(() =>
      db
        .transaction()
        .execute(async (trx) => {
          const pts = rows.map((r) => ids.get(r.raw.meterNo)!);
          const data = copyText(
            [pts.map((p) => p.customer_id), pts.map((p) => p.id), rows.map((r) => r.raw.gasDay), rows.map((r) => r.raw.volumeM3), rows.map((r) => r.raw.origin)],
            [true, true, true, true, true],
          );
          await built.ctx.database.copyIn(trx, 'daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)', data);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        }),
    );
    return (n / ms) * 1000;
  });
  const base = { value: baseline.median, what: `plain COPY of the same ${n.toLocaleString('en')} rows into daily_deliveries` };
  // delivery_months too: a fresh run inserts its months rather than adding to the previous run's
  const clear = () => sql`TRUNCATE daily_deliveries, delivery_history, delivery_months`.execute(db);

  const run = async (write: 'copy' | 'batches', salt: number, fresh: boolean) => {
    if (fresh) await clear();
    const input = readings(customers, days, salt);
    let r!: Awaited<ReturnType<typeof ingestDeliveries>>;
    const ms = await time(async () => (r = await ingestDeliveries(built.ctx, ADMIN, input, { channel: 'cli', lang: 'zh-CN', write }, ACTOR)));
    return { value: (n / ms) * 1000, detail: r };
  };
  const fresh = await repeat(() => run('copy', 0, true));
  figure({
    name: `bulk ingest of new readings, COPY + merge (${label})`,
    value: fresh.median,
    values: fresh.values,
    unit: 'readings/s',
    baseline: base,
    target: `≥ ${target.toLocaleString('en')}/s${label === 'PostgreSQL' ? ' and ≥ 0.5 × baseline' : ''}`,
    ok: fresh.median >= target && (label !== 'PostgreSQL' || fresh.median >= 0.5 * base.value) && fresh.at.inserted === n,
    note: `${n.toLocaleString('en')} readings, inserted ${fresh.at.inserted}`,
  });
  if (!ROLLUP_ONLY) {
    const same = await repeat(() => run('copy', 0, false));
    figure({
      name: `same file again (${label})`,
      value: same.median,
      values: same.values,
      unit: 'readings/s',
      baseline: base,
      target: 'info',
      ok: same.at.unchanged === n,
      note: `unchanged ${same.at.unchanged}`,
    });
  }
  const changed = await repeat((i) => run('copy', 13 + i, false));
  figure({
    name: `every value changed (${label})`,
    value: changed.median,
    values: changed.values,
    unit: 'readings/s',
    baseline: base,
    target: 'info',
    ok: changed.at.updated === n,
    note: `updated ${changed.at.updated} (+ as many history rows)`,
  });
  if (!ROLLUP_ONLY) {
    const old = await repeat(() => run('batches', 0, true));
    figure({
      name: `earlier path: batches of 20,000 as parameter arrays (${label})`,
      value: old.median,
      values: old.values,
      unit: 'readings/s',
      baseline: base,
      target: 'info',
      ok: old.at.inserted === n,
    });
  }

  // The cost of metering's monthly roll-up (delivery_months, statement triggers with transition
  // tables, migration 202612071421): the same fresh and changed ingests with the triggers disabled,
  // as the baseline of the figures with them (ratio = the share of the rate kept with the roll-up).
  const triggers = ['daily_deliveries_months_ins', 'daily_deliveries_months_upd', 'daily_deliveries_months_del'];
  const rollup = (on: boolean) => sql.raw(`ALTER TABLE daily_deliveries ${triggers.map((t) => `${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`).join(', ')}`).execute(db);
  await rollup(false);
  let freshOff, changedOff;
  try {
    freshOff = await repeat(() => run('copy', 0, true));
    await run('copy', 0, false);
    changedOff = await repeat((i) => run('copy', 29 + i, false));
  } finally {
    await rollup(true);
    await clear();
  }
  for (const [what, on, off] of [
    ['new readings', fresh, freshOff],
    ['every value changed', changed, changedOff],
  ] as const)
    figure({
      name: `ingest of ${what} with the delivery_months roll-up triggers (${label})`,
      value: on.median,
      values: on.values,
      unit: 'readings/s',
      baseline: { value: off.median, what: `the same ingest with the roll-up triggers disabled (runs ${off.values.map((x) => Math.round(x)).join(', ')})` },
      target: 'info (ratio = rate kept with the roll-up)',
      ok: (what === 'new readings' ? off.at.inserted : off.at.updated) === n,
    });
}

async function withApp<T>(database: Database, fn: (b: BuiltApp) => Promise<T>): Promise<T> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  try {
    return await fn(built);
  } finally {
    await built.close();
  }
}

async function boardLatency(built: BuiltApp, day: string) {
  await built.ctx.db
    .insertInto('users')
    .values({ username: 'bench_lead', display_name: '压测', password_hash: await hashPassword('bench-pass-2026'), roles: ['sales_lead'] })
    .execute();
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(built.app.server.address() as any).port}`;
  const login = await fetch(url + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_lead', password: 'bench-pass-2026' }),
  });
  const cookie = /qike_sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    const r = await fetch(`${url}/api/metering/board?day=${day}&sort=volume&order=desc&pageSize=50`, { headers: { cookie } });
    const body = (await r.json()) as any;
    times.push(performance.now() - t);
    total = body.total;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  report(`board for ${total.toLocaleString('en')} customers over HTTP (PostgreSQL)`, `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`, '< 300 ms', median < 300 && total === 10_000);
}

async function main() {
  begin('metering ingest (issue 15 item 4) and board');
  const D = lastCompleteGasDay(new Date());

  // PostgreSQL: 10,000 customers × 30 days = 300,000 readings; then the board for yesterday.
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const pgDb = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  try {
    await withApp(pgDb, async (built) => {
      await seed(built.ctx.db, PG_CUSTOMERS);
      const days = Array.from({ length: 30 }, (_, i) => addDays(D, -29 + i));
      await ingestFigures(built, 'PostgreSQL', PG_CUSTOMERS, days, 200_000);
      await sql`INSERT INTO gas_quality (supply_source_id, gas_day, method, gcv_mj_m3) SELECT s.id, d::date, 'report', 36.5 FROM supply_sources s, generate_series(${addDays(D, -10)}::date, ${D}::date, interval '1 day') d`.execute(
        built.ctx.db,
      );
      await analyzeSchema(built.ctx.db);
      if (!ROLLUP_ONLY) await boardLatency(built, D);
    });
  } finally {
    await pgDb.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await pgDb.close();
  }

  if (ROLLUP_ONLY) return end();
  // Embedded (PGlite in memory): 5,000 customers × 20 days = 100,000 readings.
  const lite = await openDatabase({ dataDir: 'memory://' });
  try {
    await withApp(lite, async (built) => {
      await seed(built.ctx.db, 5_000);
      await ingestFigures(
        built,
        'PGlite',
        5_000,
        Array.from({ length: 20 }, (_, i) => addDays(D, -19 + i)),
        30_000,
      );
    });
  } finally {
    await lite.close();
  }
  end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
