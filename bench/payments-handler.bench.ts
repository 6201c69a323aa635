/**
 * The payment handler's own share (issue 15 item 2), on PostgreSQL, without HTTP, sessions or
 * logging: 50 concurrent callers of accounts' postPayment in this process (the server's pool of 10
 * connections), each to a random customer with a new bank reference — the figure bench/payments.bench.ts
 * measures through the API minus the platform's per-request cost (task reqcost). Baseline in the same
 * run: `SELECT 1` through the same pool with the same callers (one round trip, nothing planned).
 * Then one posting's statement under EXPLAIN (ANALYZE, BUFFERS, SUMMARY), rolled back: planning
 * against execution time, planned each time and prepared (the plan the server keeps, platform/db keepPlan). Afterwards the count and sum of the new payments are checked against
 * what the callers were told was posted. Median of 3 runs.
 * Run: npx tsx bench/payments-handler.bench.ts   (CUSTOMERS, default 20,000; AMOUNT, default 5,000 per run)
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { PG_URL } from './lib';
import { begin, end, figure, median, repeat } from './harness';
import { DAY, seedPayments } from './payments-seed';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db/database';
import { postPayment } from '../server/src/modules/accounts/payments.service';
import { postPaymentFast } from '../server/src/modules/accounts/payments.fast';

const N = Number(process.env.CUSTOMERS ?? 20_000);
const AMOUNT = Number(process.env.AMOUNT ?? 5_000);
const CALLERS = 50;

/** `AMOUNT` calls of `one(seq)` by CALLERS concurrent callers: calls/s and the latency percentiles. */
async function drive(one: (seq: number) => Promise<boolean>) {
  let seq = 0;
  let ok = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (seq < AMOUNT) {
        const s = seq++;
        const t = performance.now();
        if (await one(s)) ok++;
        lat.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]);
  return { rps: AMOUNT / secs, ok, p50: pct(0.5), p99: pct(0.99) };
}

async function main() {
  begin('payment handler in-process (PostgreSQL, 50 callers, no HTTP)');
  const schema = `bench_payh_${crypto.randomBytes(4).toString('hex')}`;
  await seedPayments(schema, N);
  const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { database, logger: false, demo: false });
  const ctx = built.ctx;
  try {
    const fin = await sql<{ id: number }>`SELECT id FROM users WHERE username = 'bench_fin'`.execute(ctx.db);
    const user = { id: Number(fin.rows[0].id), roles: ['finance'] as any };
    const actor = { userId: user.id, username: 'bench_fin' };
    const input = (run: string, s: number) => ({ customerId: 1 + Math.floor(Math.random() * N), amountFen: 10_000 + (s % 1000), bankRef: `${run}-${s}`, valueDate: DAY });

    const base = await repeat(async () => (await drive(async () => (await sql`SELECT 1`.execute(ctx.db), true))).rps);
    let problems = 0;
    const r = await repeat(async (i) => {
      const run = `H${i}${crypto.randomBytes(3).toString('hex')}`;
      let fen = 0;
      const res = await drive(async (s) => {
        const x = input(run, s);
        const p = await postPayment(ctx, x, actor, user);
        if (!p.duplicate) fen += x.amountFen;
        return !p.duplicate;
      });
      const l = await sql<{ n: number; s: number }>`
        SELECT count(*)::int AS n, COALESCE(SUM(p.amount_fen), 0)::bigint AS s FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id IS NOT NULL
         WHERE t.kind = 'payment' AND t.reference LIKE ${run + '-%'}`.execute(ctx.db);
      const good = Number(l.rows[0].n) === res.ok && Number(l.rows[0].s) === fen && res.ok === AMOUNT;
      if (!good) problems++;
      console.log(`   run ${i + 1}: ${Math.round(res.rps)} /s, p50 ${res.p50} ms, p99 ${res.p99} ms; ${res.ok} posted summing ${fen} fen; ledger ${l.rows[0].n} summing ${l.rows[0].s} fen`);
      return { value: res.rps, detail: { p99: res.p99 } };
    });
    figure({
      name: `payment postings, handler in-process (PostgreSQL, ${CALLERS} callers, ${N.toLocaleString('en')} customers)`,
      value: r.median,
      values: r.values,
      unit: '/s',
      baseline: { value: base.median, what: 'SELECT 1 through the same pool, same callers' },
      target: 'the handler’s share of ≥ 1,000/s through the API',
      ok: r.median >= 1000 && problems === 0,
      note: `p99 ${r.at.p99} ms; ${problems} runs with a count/sum problem`,
    });

    // One posting's statement under EXPLAIN ANALYZE (rolled back): planning against execution.
    const pool = new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path=${schema}` });
    let captured: CompiledQuery | undefined;
    const spy = new Kysely<any>({
      dialect: new PostgresDialect({ pool }),
      log: (e) => {
        if (/^\s*(\/\*[^*]*\*\/\s*)?with\b/i.test(e.query.sql)) captured ??= e.query;
      },
    });
    await postPaymentFast(spy as any, user, input('EXPL', 0), actor, DAY).catch(() => {});
    const plans: { planning: number; execution: number }[] = [];
    const rolledBack = (fn: (trx: any) => Promise<unknown>) =>
      spy
        .transaction()
        .execute(async (trx) => {
          await fn(trx);
          throw new Error('rollback');
        })
        .catch((err) => {
          if (err.message !== 'rollback') throw err;
        });
    // The same statement as the server runs it, prepared once (platform/db keepPlan): after five custom
    // plans PostgreSQL keeps the generic plan; EXECUTE's planning time is then the kept plan's lookup.
    const literal = (v: unknown) => (v == null ? 'NULL' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
    const kept: { planning: number; execution: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const x = input('EXPL', i + 1);
      captured = undefined;
      await rolledBack((trx) => postPaymentFast(trx, user, x, actor, DAY)); // the statement of a new posting, undone
      const q = captured!;
      const explain = async (trx: any, text: string, params: readonly unknown[]) => {
        const e = await trx.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${text}`, [...params]));
        const out = e.rows.map((row: any) => row['QUERY PLAN']).join('\n');
        if (!/Insert on ledger_postings/.test(out)) console.log(out);
        return { planning: Number(/Planning Time: ([\d.]+)/.exec(out)?.[1]), execution: Number(/Execution Time: ([\d.]+)/.exec(out)?.[1]) };
      };
      if (i < 5) await rolledBack(async (trx) => plans.push(await explain(trx, q.sql, q.parameters)));
      if (i === 0) await spy.executeQuery(CompiledQuery.raw(`PREPARE kept_posting AS ${q.sql}`));
      await rolledBack(async (trx) => kept.push(await explain(trx, `EXECUTE kept_posting(${q.parameters.map(literal).join(', ')})`, [])));
    }
    await spy.destroy();
    const after5 = kept.slice(5);
    console.log(
      `   one posting statement (EXPLAIN ANALYZE of a new posting, rolled back): planned each time (5 times) planning median ${median(plans.map((p) => p.planning)).toFixed(2)} ms, execution median ${median(plans.map((p) => p.execution)).toFixed(2)} ms; ` +
        `prepared, 6th–10th execution (the kept plan) planning median ${median(after5.map((p) => p.planning)).toFixed(2)} ms, execution median ${median(after5.map((p) => p.execution)).toFixed(2)} ms`,
    );
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
