/**
 * Trading: 200 concurrent bidders over the API in the last minute of a session (issue 12), on
 * PostgreSQL. A real 竞价 session closes 60 s after the load starts; 200 connections from the
 * load-generator process (bench/loadgen.process.ts) post POST /api/trading/sessions/:id/bids, each
 * request the next of 200 customers' bodies in turn with its own idempotency key — every bid checked
 * (window, floor, step grid, per-buyer limits) and its deposit frozen on the ledger under the
 * customer's lock. Target: p99 < 200 ms and no lost bid — after each run the session's bids in the
 * database (count, Σ quantity, the bid count the session reports, the deposits frozen on the ledger) must
 * equal exactly what the clients were told was accepted (201s). Baseline in the same run: a bare
 * Fastify answering POST /const with the same bodies, connections and request count; ratio printed.
 * The server runs in its own process (`node server/src/main.ts`) on a fresh schema, with PROFILE=1:
 * after each run it prints the time spent inside the bid handler (trading's own share, apart from
 * the platform's per-request cost: auth, session, parsing) and its steps (bid-profile.ts).
 * Run: npx tsx bench/trading-bidders.bench.ts (AMOUNT bids per run, default 2,000; DB_POOL_SIZE sets the server's pool).
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { PG_URL, freePort, login, startServer } from './lib';
import { begin, constantServer, end, figure, loadgen, repeat } from './harness';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { analyzeSchema, openDatabase } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/password';
import { bulkInsertTransactions } from '../server/src/modules/accounts/ledger.repo';

const BIDDERS = 200;
const AMOUNT = Number(process.env.AMOUNT ?? 2_000);

/** One body per bidder: prices on the 0.0050 grid above the 2.0000 floor, whole m³ quantities. */
function bodies(run: string): { body: string; quantity: number }[] {
  return Array.from({ length: BIDDERS }, (_, i) => {
    const quantity = 1000 + (i % 10) * 100;
    const price = (20_000 + (i % 50) * 50) / 10_000; // 2.0000 … 2.2450, exact in binary-to-text for these values
    return { quantity, body: JSON.stringify({ customerId: 0, price: price.toFixed(4), quantity: String(quantity), idempotencyKey: `${run}-[<seq>]` }) };
  });
}

async function main() {
  begin(`trading: ${BIDDERS} concurrent bidders over the API in the last minute of a session (PostgreSQL)`);
  const schema = `bench_bid_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 4 });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const db = built.ctx.db;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await sql`INSERT INTO customers (code, name, type, price_category, city, status, exchange_status)
      SELECT 'BB' || g, '竞价压测客户' || g, 'industrial', '工业', '泸州市', 'active', 'bound' FROM generate_series(1, ${BIDDERS}) g`.execute(db);
    const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(db)).rows.map((r) => Number(r.id));
    await db.transaction().execute((trx) =>
      bulkInsertTransactions(
        trx,
        ids.map((id) => ({ kind: 'payment' as const, customerId: id, businessDate: '2026-11-01', reference: `BB-${id}`, amountFen: 100_000_000, counter: 'bank' as const })),
        null,
      ),
    );
    await db
      .insertInto('users')
      .values({ username: 'bench_lead', display_name: '压测销售主管', password_hash: await hashPassword('bench-pass-2026'), roles: ['sales_lead'] })
      .execute();
    await analyzeSchema(db);
    console.log(`   server: DB_POOL_SIZE ${process.env.DB_POOL_SIZE ?? '10 (default)'} PostgreSQL connections`);
    server = await startServer({ DATABASE_URL: PG_URL, PG_SCHEMA: schema, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DEMO: '0', PROFILE: '1' }, await freePort());
    const cookie = await login(server.url, 'bench_lead', 'bench-pass-2026');
    const headers = { 'content-type': 'application/json', cookie, 'x-requested-with': 'qike' };
    const withCustomers = (run: string) => bodies(run).map((b, i) => ({ ...b, body: b.body.replace('"customerId":0', `"customerId":${ids[i]}`) }));

    const cs = await constantServer();
    const base = await repeat(
      async () => (await loadgen({ url: cs.url + '/const', method: 'POST', headers, bodies: withCustomers('c').map((b) => b.body), connections: BIDDERS, amount: AMOUNT })).p99,
    );
    await cs.stop();

    let lost = 0;
    const r = await repeat(async (i) => {
      const s = await sql<{ id: number }>`
        INSERT INTO trading_sessions (kind, mode, title, resource_tag, delivery_month, delivery_point, quantity, min_per_buyer, max_per_buyer, floor_price, price_step, opens_at, closes_at)
        VALUES ('real', 'bidding', ${'压测最后一分钟' + i}, '线上交易气', '2026-12', '泸州首站', 100000000, 100, 100000000, 2.0000, 0.0050, now() - interval '59 minutes', now() + interval '60 seconds')
        RETURNING id`.execute(db);
      const sessionId = Number(s.rows[0]!.id);
      const run = `r${i}${crypto.randomBytes(3).toString('hex')}`;
      const list = withCustomers(run);
      const res = await loadgen({ url: `${server!.url}/api/trading/sessions/${sessionId}/bids`, method: 'POST', headers, bodies: list.map((b) => b.body), connections: BIDDERS, amount: AMOUNT });
      const okByBody = res.okByBody!;
      const accepted = okByBody.reduce((a, b) => a + b, 0);
      const acceptedQty = okByBody.reduce((a, n, k) => a + BigInt(n) * BigInt(list[k]!.quantity), 0n);
      const { rows } = await sql<{ n: number; q: string; deposits: string; frozen: string; negative: number }>`
        SELECT (SELECT count(*) FROM trading_bids WHERE session_id = ${sessionId})::int AS n,
               (SELECT COALESCE(SUM(quantity), 0)::numeric(20,3)::text FROM trading_bids WHERE session_id = ${sessionId}) AS q,
               (SELECT COALESCE(SUM(deposit_fen), 0)::text FROM trading_bids WHERE session_id = ${sessionId}) AS deposits,
               (SELECT COALESCE(-SUM(p.amount_fen), 0)::text FROM trading_bids b JOIN ledger_transactions t ON t.kind = 'trading_deposit' AND t.reference = 'bid:' || b.id
                  JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id IS NOT NULL WHERE b.session_id = ${sessionId}) AS frozen,
               (SELECT count(*) FROM (SELECT customer_id FROM ledger_postings WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING SUM(amount_fen) < 0) x)::int AS negative`.execute(db);
      // the count the session's view (and the live page) reports
      const counter = Number(((await (await fetch(`${server!.url}/api/trading/sessions/${sessionId}`, { headers })).json()) as { bidCount: number }).bidCount);
      const c = { ...rows[0]!, counter };
      const ok = c.n === accepted && BigInt(c.q.replace('.000', '')) === acceptedQty && c.counter === accepted && c.deposits === c.frozen && c.negative === 0;
      if (!ok) lost++;
      const detail = `${accepted.toLocaleString('en')} accepted of ${res.total.toLocaleString('en')} (non-2xx ${res.non2xx}, errors ${res.errors}); database: ${c.n} bids, Σ ${c.q} m³, counter ${c.counter}, deposits ${c.deposits} = frozen ${c.frozen} fen${ok ? '' : ' — MISMATCH'}; ${res.rps.toFixed(0)} bids/s`;
      console.log(`   run ${i + 1}: p99 ${res.p99} ms, p50 ${res.p50} ms — ${detail}`);
      return { value: res.p99, detail };
    });
    figure({
      name: `${BIDDERS} concurrent bidders, ${AMOUNT.toLocaleString('en')} bids per run in a session's last minute (PostgreSQL)`,
      value: r.median,
      values: r.values,
      unit: 'ms p99',
      baseline: { value: base.median, what: 'bare Fastify POST /const, same bodies and connections' },
      target: 'p99 < 200 ms, no lost bid',
      ok: r.median < 200 && lost === 0,
      note: `runs with a mismatch: ${lost}; ${r.at}`,
    });
  } finally {
    await server?.stop();
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
