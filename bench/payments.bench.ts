/**
 * Payments through the API (issue 15 item 2), on PostgreSQL: POST /api/accounts/payments with 50
 * concurrent clients from a separate load-generator process, each posting to a random customer with
 * a new bank reference; ≥ 1,000 postings/s and p99 < 100 ms; afterwards the count and the sum of
 * the new payments in the ledger must equal what the clients were told was posted (201s), and the
 * ledger must balance. Baseline: a bare Fastify answering POST /const with the same body size,
 * same connections, measured in the same run (bench/harness.ts). Median of 3 runs.
 * The server runs in its own process (`node server/src/main.ts`, LOG_LEVEL=info as in production)
 * on a fresh schema seeded set-based (CUSTOMERS, default 20,000: a prepayment, 7 days of day
 * charges and a stored level each). Run: npx tsx bench/payments.bench.ts
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { PG_URL, login, startServer } from './lib';
import { begin, constantServer, end, figure, loadgen, repeat } from './harness';
import { openDatabase } from '../server/src/platform/db/database';
import { DAY, seedPayments } from './payments-seed';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.CUSTOMERS ?? 20_000);
const SECONDS = Number(process.env.SECONDS ?? 10);
/** Payments per run (a fixed number, so every request is answered before the ledger is counted). */
const AMOUNT = Number(process.env.AMOUNT ?? 8_000);

interface PayResult {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  ok2xx: number;
  posted: number;
  postedFen: number;
}

function payLoad(o: { url: string; cookie: string; run: string }): Promise<PayResult> {
  return new Promise((resolve, reject) => {
    const opts = { ...o, customers: N, valueDate: DAY, connections: 50, amount: AMOUNT };
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'payments-loadgen.process.ts'), JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

async function ledgerFigures(schema: string, run: string) {
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 1 });
  try {
    const { rows } = await sql<{ n: number; s: number; unbalanced: number; stale: number; drift: number }>`
      SELECT (SELECT count(*) FROM ledger_transactions WHERE kind = 'payment' AND reference LIKE ${run + '-%'})::int AS n,
             (SELECT COALESCE(SUM(p.amount_fen), 0) FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
               WHERE t.kind = 'payment' AND t.reference LIKE ${run + '-%'} AND p.customer_id IS NOT NULL)::bigint AS s,
             (SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount_fen) <> 0) x)::int AS unbalanced,
             (SELECT count(*) FROM customer_payment_levels l WHERE l.balance_fen <> (SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_postings p WHERE p.customer_id = l.customer_id))::int AS stale,
             (SELECT count(*) FROM customer_balances b FULL JOIN (SELECT customer_id, SUM(amount_fen) AS s FROM ledger_postings WHERE customer_id IS NOT NULL GROUP BY customer_id) p
                 ON p.customer_id = b.customer_id WHERE b.balance_fen IS DISTINCT FROM p.s)::int AS drift`.execute(database.db);
    return { n: Number(rows[0].n), sum: Number(rows[0].s), unbalanced: rows[0].unbalanced, stale: rows[0].stale, drift: rows[0].drift };
  } finally {
    await database.close();
  }
}

async function main() {
  begin('payments through the API (PostgreSQL, 50 clients)');
  const schema = `bench_pay_${crypto.randomBytes(4).toString('hex')}`;
  await seedPayments(schema, N);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer({ DATABASE_URL: PG_URL, PG_SCHEMA: schema, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DEMO: '0' }, 3131);
    const cookie = await login(server!.url, 'bench_fin', 'bench-pass-2026');
    // baseline: a bare Fastify POST with a body of the same size, same connections and duration
    const cs = await constantServer();
    const body = JSON.stringify({ customerId: 12345, amountFen: 10_500, bankRef: 'abcdef-123456', valueDate: DAY });
    const base = await repeat(async () => (await loadgen({ url: cs.url + '/const', method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: SECONDS })).rps);
    await cs.stop();
    let problems = 0;
    const r = await repeat(async (i) => {
      const run = `B${i}${crypto.randomBytes(3).toString('hex')}`;
      const res = await payLoad({ url: server!.url, cookie, run });
      const l = await ledgerFigures(schema, run);
      // what the clients were told was posted: every 2xx is a new payment (each bank reference is new)
      const ok = res.non2xx === 0 && res.errors === 0 && l.n === res.posted && l.sum === res.postedFen && l.unbalanced === 0 && l.stale === 0 && l.drift === 0;
      if (!ok) problems++;
      console.log(
        `   run ${i + 1}: ${Math.round(res.rps)} /s, p50 ${res.p50} ms, p99 ${res.p99} ms, max ${res.max} ms; ${res.posted} posted (201) summing ${res.postedFen} fen, ${res.non2xx} non-2xx, ${res.errors} errors; ledger: ${l.n} new payments summing ${l.sum} fen, ${l.unbalanced} unbalanced, ${l.stale} stored levels ≠ ledger, ${l.drift} kept balances ≠ ledger`,
      );
      return { value: res.rps, detail: { p99: res.p99 } };
    });
    const p99 = r.at.p99;
    figure({
      name: `payment postings through the API (PostgreSQL, 50 clients, ${N.toLocaleString('en')} customers)`,
      value: r.median,
      values: r.values,
      unit: 'req/s',
      baseline: { value: base.median, what: 'Fastify POST /const, same body and clients' },
      target: '≥ 1,000/s, p99 < 100 ms, count and sum checked',
      ok: r.median >= 1000 && p99 < 100 && problems === 0,
      note: `p99 ${p99} ms (run at the median); ${problems} runs with a count/sum/balance problem`,
    });
  } finally {
    await server?.stop();
    const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 1 });
    await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await database.close();
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
