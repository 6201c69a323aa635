/**
 * The seed of the payments benches (payments.bench.ts through the API, payments-handler.bench.ts
 * in-process): N customers on a fresh PostgreSQL schema, set-based — a prepayment of 30 days, 7 days
 * of day charges and a stored level each — and a finance user bench_fin / bench-pass-2026.
 */
import { sql } from 'kysely';
import { PG_URL } from './lib';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/password';
import { bulkInsertTransactions } from '../server/src/modules/accounts/ledger.repo';
import { addDays } from '../server/src/modules/accounts/accounts.calc';
import { recomputeLevels } from '../server/src/modules/accounts/levels.service';
import { putSetting, SETTING_LAST_RUN_DAY } from '../server/src/modules/accounts/levels.repo';

/** The value date of the benches' payments (the day after the seeded charges). */
export const DAY = '2026-11-26';

export async function seedPayments(schema: string, N: number) {
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  const t = performance.now();
  await sql`INSERT INTO customers (code, name, type, price_category, city, status)
    SELECT 'PC' || g, '收款压测客户' || g, (ARRAY['city_gas','industrial','cng','power'])[1 + g % 4], '工业', '泸州市', 'active' FROM generate_series(1, ${N}) g`.execute(db);
  await sql`INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen)
    SELECT c.id, d::date, 1000, 250000 FROM customers c, generate_series(${addDays(DAY, -7)}::date, ${addDays(DAY, -1)}::date, interval '1 day') d`.execute(db);
  const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(db)).rows.map((r) => Number(r.id));
  await bulkInsertTransactions(
    db,
    ids.map((id) => ({ kind: 'payment' as const, customerId: id, businessDate: addDays(DAY, -8), reference: `INIT-${id}`, amountFen: 30 * 250_000, counter: 'bank' as const })),
    null,
  );
  await putSetting(db, SETTING_LAST_RUN_DAY, addDays(DAY, -1));
  await recomputeLevels(built.ctx, db, { asOfDay: addDays(DAY, -1) });
  await db
    .insertInto('users')
    .values({ username: 'bench_fin', display_name: '压测财务', password_hash: await hashPassword('bench-pass-2026'), roles: ['finance'] })
    .execute();
  await analyzeSchema(db);
  console.log(`   seeded ${N.toLocaleString('en')} customers (prepayment, 7 days of charges, stored level) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await built.close();
  await database.close();
}
