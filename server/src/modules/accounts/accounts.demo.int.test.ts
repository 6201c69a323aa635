import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness';
import { Rng } from '../../platform/demo/rng';
import type { DemoContext } from '../../platform/demo/demo';
import { addDays } from './accounts.calc';
import { accountsDemo } from './accounts.demo';
import { makeBilledCustomer, unbalancedTransactions } from './testing/factory';
import { setDeliveries } from '../metering/testing/factory';

/** Day of the year, 1–366 (as PostgreSQL's extract(doy …)). */
const dayOfYear = (d: string) => (Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - Date.UTC(+d.slice(0, 4), 0, 1)) / 86_400_000 + 1;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const LAST = '2026-11-26';

/** Two years of deliveries for a handful of customers, inserted set-based. */
async function seed() {
  const specs = [
    ...Array.from({ length: 8 }, () => ({ status: 'active', type: 'industrial' })),
    { status: 'active', type: 'city_gas' },
    { status: 'active', type: 'cng' },
    { status: 'restricted', type: 'industrial' },
    { status: 'closed', type: 'commercial' },
  ];
  const ids: number[] = [];
  for (const s of specs) {
    const c = await makeBilledCustomer(t.db, { status: s.status, type: s.type, points: 1 });
    const lastDay = s.status === 'closed' ? addDays(LAST, -200) : LAST;
    const rows = [];
    for (let d = addDays(LAST, -729); d <= lastDay; d = addDays(d, 1)) rows.push({ customerId: c.id, pointId: c.points[0], gasDay: d, volumeM3: String(800 + ((dayOfYear(d) * 7 + c.id) % 500)) });
    await setDeliveries(t.db, rows);
    ids.push(c.id);
  }
  return ids;
}

describe('accounts demo', () => {
  it('loads two years of charges and payments with most customers 正常 and a few at risk', async () => {
    const ids = await seed();
    const ctx: DemoContext = { app: t.built.ctx, rng: (s) => new Rng(s.length * 7919), users: new Map(), lastDay: LAST, log: () => {} };
    await accountsDemo.run(ctx);
    const charges = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'daily_charge'`.execute(t.db);
    expect(Number(charges.rows[0].n)).toBe(11 * 730 + 530);
    expect(await unbalancedTransactions(t.db)).toBe(0);
    const levels = await t.db.selectFrom('customer_payment_levels').select(['customer_id', 'level', 'balance_fen']).where('customer_id', 'in', ids).execute();
    const count = (l: string) => levels.filter((x) => x.level === l).length;
    expect(levels).toHaveLength(11); // the closed customer is not monitored
    expect(count('normal')).toBeGreaterThanOrEqual(6);
    expect(count('warning')).toBeGreaterThanOrEqual(2);
    expect(count('reduce')).toBeGreaterThanOrEqual(1);
    // the closed customer is settled to zero
    const closed = ids[ids.length - 1];
    const b = await sql<{ b: number }>`SELECT COALESCE(SUM(amount_fen), 0)::bigint AS b FROM ledger_postings WHERE customer_id = ${closed}`.execute(t.db);
    expect(Number(b.rows[0].b)).toBe(0);
    // stored balances reconcile with the ledger to the fen
    for (const l of levels) {
      const r = await sql<{ b: number }>`SELECT COALESCE(SUM(amount_fen), 0)::bigint AS b FROM ledger_postings WHERE customer_id = ${l.customer_id}`.execute(t.db);
      expect(Number(r.rows[0].b)).toBe(l.balance_fen);
    }
    // a daily re-run of the last day changes nothing
    const lead = await t.userClient(['sales_lead']);
    const rerun = await lead.post('/api/jobs/accounts.daily/run', { key: LAST });
    expect(rerun.body.result.transactions).toBe(0);
    expect(rerun.body.result.levelChanges).toBe(0);
  });
});
