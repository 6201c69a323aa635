/**
 * Plans benchmarks (issue 13), on PostgreSQL (TEST_DATABASE_URL, a fresh schema dropped afterwards):
 *  - the plan ledger (plan vs metering actual, by month with YTD) for 100,000 customers × 12 months: < 1 s;
 *  - importing 100,000 nominations (CSV, all-or-nothing validation, set-based upsert): < 5 s.
 * Run: npx tsx bench/plans.bench.ts
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { machine, PG_URL, report } from './lib';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db/database';
import { ledger } from '../server/src/modules/plans/ledger.service';
import { importFile } from '../server/src/modules/plans/nominations.service';

const N = 100_000;
const YEAR = 2025;
let LEAD = { id: 0, roles: ['sales_lead'] as any };
const ACTOR = { userId: null, username: 'bench' };

async function main() {
  console.log(`machine: ${machine()}`);
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  try {
    let t = performance.now();
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
    await sql`ANALYZE`.execute(db);
    console.log(`      seeded ${N.toLocaleString('en')} customers × 12 months in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    for (const groupBy of ['month', 'type'] as const) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        const l = await ledger(db, LEAD, YEAR, groupBy, undefined, 'zh-CN');
        times.push(performance.now() - t);
        rows = l.rows.length;
      }
      const best = Math.min(...times);
      report(`plan ledger by ${groupBy}, ${N.toLocaleString('en')} customers × 12 months`, `${best.toFixed(0)} ms (best of 3; ${rows} rows)`, '< 1000 ms', best < 1000);
    }

    const lines = ['客户编号,燃气日,指定气量(m³)'];
    for (let i = 1; i <= N; i++) lines.push(`BC${i},2099-01-${String(1 + (i % 28)).padStart(2, '0')},${1000 + (i % 500)}.5`);
    const csv = Buffer.from(lines.join('\n'));
    t = performance.now();
    const r = await importFile(built.ctx, LEAD, csv, 'bench.csv', 'zh-CN', ACTOR);
    const s = (performance.now() - t) / 1000;
    report(`nominations import (CSV, ${N.toLocaleString('en')} rows)`, `${s.toFixed(2)} s (imported ${r.imported.toLocaleString('en')})`, '< 5 s', s < 5 && r.imported === N);
  } finally {
    await built.close();
    const cleanup = await openDatabase({ databaseUrl: PG_URL, dataDir: '' });
    await cleanup.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await cleanup.close();
  }
}

void main();
