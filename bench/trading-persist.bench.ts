/**
 * Trading: clearing with persistence (issue 12) — a real bidding session of 10,000 bids cleared
 * through `clearSession` on PostgreSQL: fills and ranks, awards, every deposit released or applied
 * and every buyer fee posted on the ledger (set-based, accounts' postTradingBulk), the levels of
 * the customers concerned recomputed — target < 1 s. Method: bench/harness.ts — three sessions
 * (clearing is once per session), median; baseline in the same run: one hand-written
 * INSERT…SELECT of the same award rows (into a scratch copy of trading_awards); ratio printed.
 * PostgreSQL: TEST_DATABASE_URL, a fresh schema dropped afterwards. Run: npx tsx bench/trading-persist.bench.ts
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, repeat, time } from './harness';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { bulkInsertTransactions } from '../server/src/modules/accounts/ledger.repo';
import { clearSession } from '../server/src/modules/trading/clearing.service';

const BIDS = Number(process.env.BIDS ?? 10_000);
const CUSTOMERS = 2_000;
const ACTOR = { userId: null, username: 'bench' };

async function main() {
  begin(`trading: clearing ${BIDS.toLocaleString('en')} bids with persistence (PostgreSQL)`);
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 10 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  try {
    await sql`INSERT INTO customers (code, name, type, price_category, city, status, exchange_status)
      SELECT 'TC' || g, '交易压测客户' || g, 'industrial', '工业', '泸州市', 'active', 'bound' FROM generate_series(1, ${CUSTOMERS}) g`.execute(db);
    const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(db)).rows.map((r) => Number(r.id));
    await db.transaction().execute(async (trx) => {
      await bulkInsertTransactions(
        trx,
        ids.map((id) => ({ kind: 'payment' as const, customerId: id, businessDate: '2026-11-01', reference: `TB-${id}`, amountFen: 10_000_000_00, counter: 'bank' as const })),
        null,
      );
    });
    // three closed sessions of BIDS bids each, deposits frozen on the ledger as placeBid leaves them
    const sessions: number[] = [];
    for (let k = 0; k < 3; k++) {
      const s = await sql<{ id: number }>`
        INSERT INTO trading_sessions (kind, mode, title, resource_tag, delivery_month, delivery_point, quantity, min_per_buyer, max_per_buyer, floor_price, price_step, opens_at, closes_at)
        VALUES ('real', 'bidding', ${'压测竞价' + k}, '线上交易气', '2026-12', '泸州首站', ${BIDS * 25_000}, 1000, ${BIDS * 25_000}, 2.0000, 0.0050, now() - interval '2 hours', now() - interval '1 hour')
        RETURNING id`.execute(db);
      const id = Number(s.rows[0]!.id);
      sessions.push(id);
      await sql`
        INSERT INTO trading_bids (session_id, customer_id, price, quantity, submitted_at, idempotency_key, deposit_fen)
        SELECT ${id}, ${sql.lit(ids[0]!)} + (g * 7919) % ${CUSTOMERS}, p, q, now() - interval '2 hours' + g * interval '1 ms', 'b' || g,
               round(p * q * 10)::bigint -- 10 % of price × quantity, in fen
          FROM generate_series(1, ${BIDS}) g, LATERAL (SELECT 2 + (g * 31 % 200) * 0.005 AS p, 1000 + (g * 17 % 49) * 1000 AS q) v`.execute(db);
      await sql`UPDATE trading_sessions SET bid_count = ${BIDS} WHERE id = ${id}`.execute(db);
      const bids = (await sql<{ id: number; customer_id: number; deposit_fen: number }>`SELECT id, customer_id, deposit_fen FROM trading_bids WHERE session_id = ${id}`.execute(db)).rows;
      await db.transaction().execute(async (trx) => {
        await sql`INSERT INTO ledger_transactions (kind, customer_id, business_date, period, reference, created_by) SELECT 'trading_deposit', b.customer_id, '2026-11-30', '2026-11', 'bid:' || b.id, NULL FROM trading_bids b WHERE b.session_id = ${id}`.execute(
          trx,
        );
        await sql`
          INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
          SELECT t.id, 1, a.id, t.customer_id, -b.deposit_fen, t.business_date FROM ledger_transactions t JOIN trading_bids b ON t.reference = 'bid:' || b.id AND b.session_id = ${id} JOIN ledger_accounts a ON a.customer_id = t.customer_id WHERE t.kind = 'trading_deposit'
          UNION ALL
          SELECT t.id, 2, (SELECT id FROM ledger_accounts WHERE kind = 'trading_deposits' AND customer_id IS NULL), NULL, b.deposit_fen, t.business_date FROM ledger_transactions t JOIN trading_bids b ON t.reference = 'bid:' || b.id AND b.session_id = ${id} WHERE t.kind = 'trading_deposit'`.execute(
          trx,
        );
      });
      if (bids.length !== BIDS) throw new Error('seed');
    }
    await analyzeSchema(db);
    await sql`CREATE TABLE bench_awards_copy (LIKE trading_awards)`.execute(db);

    let baseline: number[] = [];
    const r = await repeat(async (i) => {
      const id = sessions[i]!;
      const ms = await time(() => clearSession(built.ctx, id, ACTOR));
      baseline.push(await time(() => sql`INSERT INTO bench_awards_copy SELECT * FROM trading_awards WHERE session_id = ${id}`.execute(db)));
      const c = await sql<{ awards: number; postings: number }>`
        SELECT (SELECT count(*)::int FROM trading_awards WHERE session_id = ${id}) AS awards,
               (SELECT count(*)::int FROM ledger_transactions t WHERE t.reference LIKE ${`session:${id}:%`} AND t.kind LIKE 'trading\\_%') AS postings`.execute(db);
      return { value: ms, detail: c.rows[0]! };
    });
    baseline = baseline.sort((a, b) => a - b);
    const unbalanced = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount_fen) <> 0) x`.execute(db);
    figure({
      name: `clear ${BIDS.toLocaleString('en')} bids with awards, deposit releases/applications, fees and levels on the ledger (PostgreSQL)`,
      value: r.median,
      values: r.values,
      unit: 'ms',
      baseline: { value: baseline[1]!, what: 'one INSERT…SELECT of the same award rows' },
      target: '< 1,000 ms',
      ok: r.median < 1000 && Number(unbalanced.rows[0]!.n) === 0,
      note: `${r.at.awards.toLocaleString('en')} awards, ${r.at.postings.toLocaleString('en')} ledger transactions (release, application, fee per customer); unbalanced transactions: ${unbalanced.rows[0]!.n}`,
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
