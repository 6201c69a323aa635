/**
 * Plans benchmarks (issue 13), on PostgreSQL (TEST_DATABASE_URL, a fresh schema dropped afterwards),
 * with the method of bench/harness.ts (median of 3, baseline in the same run, ratio, load average):
 *  - the plan ledger for 100,000 customers × 12 months, by month, area, customer type and customer
 *    (one statement each over the plan tables and metering's monthly roll-up): < 1 s; baseline: the
 *    same groups from one hand-written SQL aggregate over the raw tables (daily deliveries);
 *  - importing 100,000 nominations (CSV and XLSX through the bounded reader, all-or-nothing
 *    validation, one unnest upsert): < 5 s; baseline: a plain COPY of the same CSV into a scratch table.
 * Run: npx tsx bench/plans.bench.ts
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, type Kysely } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, repeat, time } from './harness';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { ledger } from '../server/src/modules/plans/ledger.service';
import { importFile } from '../server/src/modules/plans/nominations.service';

const N = 100_000;
const YEAR = 2025;
let LEAD = { id: 0, roles: ['sales_lead'] as any };
const ACTOR = { userId: null, username: 'bench' };

/** 10⁵ customers with one delivery point, one metered day per month, an approved plan allocated to every customer and month. */
async function seed(db: Kysely<any>) {
  await sql`INSERT INTO customers (code, name, type, price_category, city, status) SELECT 'BC' || g, '压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', (ARRAY['泸州市','宜宾市','重庆市'])[1 + g % 3], 'active' FROM generate_series(1, ${N}) g`.execute(
    db,
  );
  await sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no) SELECT id, 'BP' || id, '站' || id, 'distribution_station', 'BM' || id FROM customers`.execute(db);
  // One metered day per customer and month (12 × 10⁵ rows of actuals).
  await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
    SELECT dp.customer_id, dp.id, make_date(${YEAR}, m, 15), 1000 + (dp.id * 7 + m) % 500, 'scada' FROM delivery_points dp, generate_series(1, 12) m`.execute(db);
  for (const d of ['泸州作业区', '宜宾作业区', '重庆作业区'])
    await db
      .insertInto('users')
      .values({ username: `ops_${d}`, display_name: d, password_hash: 'x', roles: ['operation_area'], department: d })
      .execute();
  const v = await db
    .insertInto('plan_versions')
    .values({ year: YEAR, kind: 'initial', seq: 1, status: 'approved', target_volume_m3: '0', target_revenue_fen: 0, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO plan_customer_allocations (customer_id, version_id, month, area, volume_m3)
    SELECT c.id, ${v.id}, m, (ARRAY['泸州作业区','宜宾作业区','重庆作业区'])[1 + c.id % 3], 1200 FROM customers c, generate_series(1, 12) m`.execute(db);
  await sql`INSERT INTO plan_months (version_id, month, volume_m3, revenue_fen) SELECT ${v.id}, month, sum(volume_m3), 0 FROM plan_customer_allocations WHERE version_id = ${v.id} GROUP BY month`.execute(
    db,
  );
  await sql`INSERT INTO plan_area_allocations (version_id, month, area, volume_m3) SELECT ${v.id}, month, area, sum(volume_m3) FROM plan_customer_allocations WHERE version_id = ${v.id} GROUP BY month, area`.execute(
    db,
  );
  LEAD = {
    id: (
      await db
        .insertInto('users')
        .values({ username: 'bench_lead', display_name: '压测', password_hash: 'x', roles: ['sales_lead'] })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    roles: ['sales_lead'] as any,
  };
  await analyzeSchema(db);
  return v;
}

async function main() {
  begin('plans: plan ledger and nominations import (PostgreSQL)');
  const reuse = process.env.REUSE;
  const only = process.env.ONLY;
  const schema = reuse ?? `bench_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  try {
    const t0 = performance.now();
    const v = reuse ? await db.selectFrom('plan_versions').select('id').where('year', '=', YEAR).executeTakeFirstOrThrow() : await seed(db);
    if (reuse) LEAD = { id: (await db.selectFrom('users').select('id').where('username', '=', 'bench_lead').executeTakeFirstOrThrow()).id, roles: ['sales_lead'] as any };
    else console.log(`      seeded ${N.toLocaleString('en')} customers × 12 months in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Baselines: the same figures from one hand-written statement each, on the tables themselves.
    const range = sql`d.gas_day BETWEEN ${`${YEAR}-01-01`}::date AND ${`${YEAR}-12-31`}::date`;
    const byCustomerAttr = (
      key: ReturnType<typeof sql>,
    ) => sql`WITH pl AS (SELECT ${key} AS key, a.month, sum(a.volume_m3) AS v FROM plan_customer_allocations a JOIN customers c ON c.id = a.customer_id WHERE a.version_id = ${v.id} GROUP BY 1, 2),
          ac AS (SELECT ${key} AS key, extract(month FROM d.gas_day)::int AS month, sum(d.volume_m3) AS v FROM daily_deliveries d JOIN customers c ON c.id = d.customer_id WHERE ${range} GROUP BY 1, 2)
        SELECT coalesce(pl.key, ac.key) AS key, sum(pl.v) AS plan, sum(ac.v) AS actual FROM pl FULL JOIN ac ON ac.key = pl.key AND ac.month = pl.month GROUP BY 1`;
    const rawSql = {
      month: sql`SELECT m.month, m.volume_m3 AS plan, a.v AS actual FROM plan_months m LEFT JOIN (
          SELECT extract(month FROM d.gas_day)::int AS month, sum(d.volume_m3) AS v FROM daily_deliveries d WHERE ${range} GROUP BY 1) a ON a.month = m.month
        WHERE m.version_id = ${v.id} ORDER BY m.month`,
      area: sql`WITH ca AS (SELECT DISTINCT ON (customer_id) customer_id, area FROM plan_customer_allocations WHERE version_id = ${v.id} ORDER BY customer_id, month DESC),
          ac AS (SELECT ca.area, extract(month FROM d.gas_day)::int AS month, sum(d.volume_m3) AS v FROM daily_deliveries d JOIN ca ON ca.customer_id = d.customer_id WHERE ${range} GROUP BY 1, 2)
        SELECT coalesce(p.area, ac.area), sum(p.volume_m3), sum(ac.v) FROM plan_area_allocations p FULL JOIN ac ON ac.area = p.area AND ac.month = p.month WHERE p.version_id = ${v.id} OR p.version_id IS NULL GROUP BY 1`,
      type: byCustomerAttr(sql`c.type`),
      customer: sql`${byCustomerAttr(sql`c.id`)} ORDER BY 2 DESC`,
    };
    for (const groupBy of only === 'import' ? [] : (['month', 'area', 'type', 'customer'] as const)) {
      const base = await repeat(() => time(() => rawSql[groupBy].execute(db)));
      const r = await repeat(async () => {
        let rows = 0;
        const ms = await time(async () => (rows = (await ledger(db, LEAD, YEAR, groupBy, undefined, 'zh-CN')).rows.length));
        return { value: ms, detail: rows };
      });
      figure({
        name: `plan ledger by ${groupBy}, ${N.toLocaleString('en')} customers × 12 months`,
        value: r.median,
        values: r.values,
        unit: 'ms',
        baseline: { value: base.median, what: 'one hand-written SQL aggregate over the raw tables' },
        target: '< 1000 ms',
        ok: r.median < 1000,
        note: `${r.at} rows`,
      });
    }

    // Import: 100,000 rows per run, a different month each run (fresh inserts, not updates).
    const csvOf = (month: number) => {
      const lines = ['客户编号,燃气日,指定气量(m³)'];
      for (let i = 1; i <= N; i++) lines.push(`BC${i},2099-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${1000 + (i % 500)}.5`);
      return Buffer.from(lines.join('\n'));
    };
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS copy_baseline (customer_code text, gas_day date, volume_m3 numeric(16,3))');
    await client.query('TRUNCATE nominations'); // a reused schema: fresh inserts again
    const copy = await repeat(async (i) => {
      const buf = csvOf(i + 1);
      await client.query('TRUNCATE copy_baseline');
      return time(() => pipeline(Readable.from([buf]), client.query(copyFrom('COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)'))));
    });
    await client.end();
    const xlsxOf = async (month: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('日指定');
      ws.addRow(['客户编号', '燃气日', '指定气量(m³)']);
      for (let i = 1; i <= N; i++) ws.addRow([`BC${i}`, `2099-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, `${1000 + (i % 500)}.5`]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    for (const kind of only === 'ledger' ? [] : (['csv', 'xlsx'] as const)) {
      const files = kind === 'csv' ? [1, 2, 3].map(csvOf) : await Promise.all([4, 5, 6].map(xlsxOf));
      const imp = await repeat(async (i) => {
        let n = 0;
        const ms = await time(async () => (n = (await importFile(built.ctx, LEAD, files[i], `bench.${kind}`, 'zh-CN', ACTOR)).imported));
        return { value: ms / 1000, detail: n };
      });
      figure({
        name: `nominations import (${kind.toUpperCase()}, ${N.toLocaleString('en')} rows, ${(files[0].length / 1048576).toFixed(1)} MB)`,
        value: imp.median,
        values: imp.values,
        unit: 's',
        baseline: { value: copy.median / 1000, what: 'plain COPY of the same rows as CSV' },
        target: '< 5 s',
        ok: imp.median < 5 && imp.at === N,
        note: `imported ${imp.at.toLocaleString('en')} per run`,
      });
    }
  } finally {
    await built.close();
    if (process.env.KEEP === '1' || reuse) console.log(`      kept schema ${schema}`);
    else {
      const cleanup = await openDatabase({ databaseUrl: PG_URL, dataDir: '' });
      await cleanup.execScript(`DROP SCHEMA "${schema}" CASCADE`);
      await cleanup.close();
    }
    end();
  }
}

void main();
