/**
 * Accounts benchmark — the daily run (`accounts.daily`, issue 15 item 3), on PostgreSQL, on the
 * method of bench/harness.ts: load average before/after, each figure the median of 3 runs, and a
 * raw baseline measured in the same run — ONE hand-written INSERT…SELECT computing the same
 * charges (Σ volume × contract price, else provisional price) into a scratch table — with the ratio.
 *
 * Seeded set-based: CUSTOMERS customers (default 100,000) with one delivery point, a provisional
 * price each, a price book (合同内常规气 per category) and an m³ contract for 90 % of them (one in
 * ten priced at a fixed contract price), a prepayment each (every 50th customer ~7 days, so levels
 * change), 7 days of per-day charges. Three gas days, each: the first run (posts every charge and
 * recomputes every level), a re-run (posts nothing) and a re-run after correcting 1 % of the day's
 * deliveries. Payment postings are measured by bench/payments.bench.ts.
 * Targets: 100,000 customers < 3 s; 1,000,000 (CUSTOMERS=1000000) < 30 s.
 * Run: npx tsx bench/accounts.bench.ts   (TEST_DATABASE_URL, a fresh schema dropped afterwards)
 */
import crypto from 'node:crypto';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, repeat, time } from './harness';
import { buildApp, type BuiltApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { chargeStatement, runDaily, type DailyRunResult } from '../server/src/modules/accounts/daily-run.service';
import { counterAccountIds } from '../server/src/modules/accounts/ledger.repo';
import { globalThresholds, recomputeLevelsStatement } from '../server/src/modules/accounts/levels.repo';
import { bulkInsertTransactions } from '../server/src/modules/accounts/ledger.repo';
import { addDays } from '../server/src/modules/accounts/accounts.calc';
import { recomputeLevels } from '../server/src/modules/accounts/levels.service';

const N = Number(process.env.CUSTOMERS ?? 100_000);
const FIRST = '2026-11-24';
const DAYS = [FIRST, addDays(FIRST, 1), addDays(FIRST, 2)];
const ACTOR = { userId: null, username: 'bench' };
const TARGET_S = N >= 1_000_000 ? 30 : 3;

async function seed(built: BuiltApp) {
  const db = built.ctx.db;
  const t = performance.now();
  await sql`INSERT INTO customers (code, name, type, price_category, city, status)
    SELECT 'BC' || g, '压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], (ARRAY['non_residential','industrial','cng','power'])[1 + g % 4],
           (ARRAY['泸州市','宜宾市','自贡市'])[1 + g % 3], 'active'
      FROM generate_series(1, ${N}) g`.execute(db);
  await sql`INSERT INTO delivery_points (customer_id, code, name, kind, meter_no) SELECT id, 'BP' || id, '站' || id, 'distribution_station', 'BM' || id FROM customers`.execute(db);
  await sql`INSERT INTO customer_provisional_prices (customer_id, effective_from, price) SELECT id, '2026-01-01', 2.2 + (id % 10) * 0.1 FROM customers`.execute(db);
  await sql`INSERT INTO price_entries (tag, category, basis, season, price, effective_from)
    SELECT 'contract', c, 'm3', 'all', 2.4 + i * 0.05, '2026-01-01' FROM unnest(ARRAY['non_residential','industrial','cng','power']) WITH ORDINALITY AS x(c, i)`.execute(db);
  await sql`INSERT INTO sales_contracts (customer_id, contract_no, year_label, start_month, end_month, basis, base_tag, price_category, base_price, status)
    SELECT id, 'BHT-' || id, '2026年度', '2026-01-01', '2026-12-01', 'm3', 'contract', price_category, CASE WHEN id % 10 = 1 THEN 2.6125 END, 'active'
      FROM customers WHERE id % 10 <> 0`.execute(db);
  await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
    SELECT dp.customer_id, dp.id, d::date, (800 + (dp.id * 7) % 400)::numeric + 0.125, 'scada'
      FROM delivery_points dp, generate_series(${DAYS[0]}::date, ${DAYS[2]}::date, interval '1 day') d`.execute(db);
  await sql`INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen)
    SELECT c.id, d::date, 1000, 250000 FROM customers c, generate_series(${addDays(FIRST, -7)}::date, ${addDays(FIRST, -1)}::date, interval '1 day') d`.execute(db);
  await db.transaction().execute(async (trx) => {
    const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(trx)).rows.map((r) => Number(r.id));
    await bulkInsertTransactions(
      trx,
      ids.map((id) => ({
        kind: 'payment' as const,
        customerId: id,
        businessDate: addDays(FIRST, -8),
        reference: `BENCH-INIT-${id}`,
        amountFen: (id % 50 === 0 ? 7 : 30) * 250_000,
        counter: 'bank' as const,
      })),
      null,
    );
    await recomputeLevels(built.ctx, trx, { asOfDay: addDays(FIRST, -1) });
  });
  if (!process.env.NO_ANALYZE) await analyzeSchema(db);
  console.log(`   seeded ${N.toLocaleString('en')} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The raw baseline: one hand-written INSERT…SELECT of the same day's charges into a scratch table. */
async function baseline(built: BuiltApp, day: string): Promise<number> {
  const db = built.ctx.db;
  await sql`CREATE TABLE IF NOT EXISTS bench_charges (customer_id bigint, gas_day date, fen bigint)`.execute(db);
  await sql`TRUNCATE bench_charges`.execute(db);
  return time(() =>
    sql`INSERT INTO bench_charges
        SELECT v.customer_id, v.gas_day, round(v.vol * COALESCE(c.base_price, pe.price, pp.price) * 100)::bigint
          FROM (SELECT customer_id, gas_day, sum(volume_m3) AS vol FROM daily_deliveries WHERE gas_day = ${day}::date GROUP BY 1, 2) v
          LEFT JOIN sales_contracts c ON c.customer_id = v.customer_id AND c.status = 'active'
          LEFT JOIN price_entries pe ON pe.tag = c.base_tag AND pe.category = c.price_category AND pe.basis = 'm3'
          LEFT JOIN customer_provisional_prices pp ON pp.customer_id = v.customer_id`.execute(db),
  );
}

/**
 * PROFILE=1: instead of the figures, EXPLAIN (ANALYZE, BUFFERS) of the two statements of a first
 * run of FIRST — the charge statement and the levels statement — in a transaction rolled back
 * (trigger times included in the plan's footer).
 */
async function profile(built: BuiltApp) {
  const explain = async (name: string, q: RawBuilder<unknown>, trx: any) => {
    const c = q.compile(trx);
    const t = performance.now();
    const r = await trx.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${c.sql}`, [...c.parameters]));
    console.log(`\n--- ${name}: ${((performance.now() - t) / 1000).toFixed(2)} s\n${r.rows.map((x: any) => x['QUERY PLAN']).join('\n')}`);
  };
  await built.ctx.db
    .transaction()
    .execute(async (trx) => {
      await sql`SET LOCAL work_mem = '128MB'`.execute(trx);
      if (process.env.JIT_OFF) await sql`SET LOCAL jit = off`.execute(trx);
      await sql`SELECT ensure_month_partitions('ledger_postings', ${FIRST}::date, ${FIRST}::date), ensure_month_partitions('customer_day_charges', ${FIRST}::date, ${FIRST}::date)`.execute(trx);
      const sales = (await counterAccountIds(trx)).gas_sales;
      await explain('charge statement', chargeStatement(FIRST, FIRST, null, sales, 3), trx);
      await explain('levels statement', recomputeLevelsStatement(FIRST, await globalThresholds(trx), undefined), trx);
      throw new Error('rollback');
    })
    .catch((e) => {
      if (e.message !== 'rollback') throw e;
    });
}

async function main() {
  begin(`accounts daily run, ${N.toLocaleString('en')} customers (PostgreSQL)`);
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  try {
    await seed(built);
    if (process.env.PROFILE) return await profile(built);
    const base = await repeat((i) => baseline(built, DAYS[i]));
    const baseS = base.median / 1000;
    const what = 'one hand-written INSERT…SELECT of the same charges';
    const timed = async (day: string) => {
      let r: DailyRunResult | undefined;
      const ms = await time(async () => (r = await runDaily(built.ctx, day, ACTOR)));
      return { value: ms / 1000, detail: r! };
    };
    const first = await repeat((i) => timed(DAYS[i]));
    figure({
      name: `daily run, first run of a gas day, ${N.toLocaleString('en')} customers`,
      value: first.median,
      values: first.values,
      unit: 's',
      baseline: { value: baseS, what },
      target: `< ${TARGET_S} s`,
      ok: first.median < TARGET_S && first.at.transactions === N,
      note: `${first.at.transactions.toLocaleString('en')} charges posted, ${first.at.levelsComputed.toLocaleString('en')} levels, ${first.at.levelChanges} level changes, ${first.at.missingPrice} unpriced`,
    });
    const again = await repeat((i) => timed(DAYS[i]));
    if (again.values.length && again.at.transactions !== 0) throw new Error('a re-run posted something');
    figure({
      name: 'daily run, re-run (nothing to post)',
      value: again.median,
      values: again.values,
      unit: 's',
      baseline: { value: baseS, what },
      target: `< ${TARGET_S} s`,
      ok: again.median < TARGET_S,
    });
    const corr = await repeat(async (i) => {
      await sql`UPDATE daily_deliveries SET volume_m3 = volume_m3 + 10 WHERE gas_day = ${DAYS[i]}::date AND customer_id % 100 = 0`.execute(built.ctx.db);
      return timed(DAYS[i]);
    });
    figure({
      name: 'daily run, re-run after correcting 1 % of the deliveries',
      value: corr.median,
      values: corr.values,
      unit: 's',
      baseline: { value: baseS, what },
      target: `< ${TARGET_S} s`,
      ok: corr.median < TARGET_S && corr.at.corrections === Math.floor(N / 100),
      note: `${corr.at.corrections} correction postings`,
    });
  } finally {
    await built.close();
    await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await database.close();
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
