import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness';
import { Rng } from '../../platform/demo/rng';
import type { DemoContext } from '../../platform/demo/demo';
import { addDays } from './accounts.calc';
import { accountsDemo } from './accounts.demo';
import { makeCustomer, unbalancedTransactions } from './test/factory';

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
    const c = await makeCustomer(t.db, { status: s.status, points: 1 });
    await sql`UPDATE customers SET type = ${s.type} WHERE id = ${c.id}`.execute(t.db);
    const lastDay = s.status === 'closed' ? addDays(LAST, -200) : LAST;
    await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
      SELECT ${c.id}, ${c.points[0]}, d::date, (800 + (extract(doy FROM d) * 7 + ${c.id}) % 500)::numeric, 'scada'
        FROM generate_series(${addDays(LAST, -729)}::date, ${lastDay}::date, interval '1 day') d`.execute(t.db);
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
