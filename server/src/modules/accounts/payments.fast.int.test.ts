/**
 * The one-statement payment posting (payments.fast) against the general path (recordPayment) on the
 * same data: two identical customers per case, one paid through each path; the stored level rows,
 * the transactions and the audit rows must be identical, and the fast path must decline (write
 * nothing) exactly when the level changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { auditTrail, SYSTEM_ACTOR } from '../../platform/audit/audit';
import { balance, makeBilledCustomer, unbalancedTransactions } from './testing/factory';
import { bulkInsertTransactions } from './ledger.repo';
import { recomputeLevels } from './levels.service';
import { putSetting, SETTING_LAST_RUN_DAY } from './levels.repo';
import { postPaymentFast } from './payments.fast';
import { recordPayment, type PaymentInput } from './payments.service';

let t: TestApp;
let finance: Client;
const AS_OF = '2026-03-10';
const FINANCE = { id: 0, roles: ['finance' as const] };
const actor = { ...SYSTEM_ACTOR, username: 'fast-test' };

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient(['finance']);
  await putSetting(t.db, SETTING_LAST_RUN_DAY, AS_OF);
});
afterAll(async () => t?.close());

/** A monitored customer with day charges on the days before AS_OF, an opening balance and its stored level. */
async function customerWith(o: { openingFen: number; dayCharges: number[]; ownAvgDays?: number; ownWarn?: string }) {
  const c = await makeBilledCustomer(t.db, { status: 'active' });
  const days = o.dayCharges.map((fen, i) => ({ customer_id: c.id, gas_day: addDays(AS_OF, -i), volume_m3: '100.000', charge_fen: fen }));
  if (days.length) await t.db.insertInto('customer_day_charges').values(days).execute();
  if (o.ownAvgDays || o.ownWarn)
    await t.db
      .insertInto('customer_payment_thresholds')
      .values({ customer_id: c.id, avg_days: o.ownAvgDays ?? null, warn_days: o.ownWarn ?? null })
      .execute();
  if (o.openingFen)
    await bulkInsertTransactions(t.db, [{ kind: 'adjustment', customerId: c.id, businessDate: '2026-03-01', reference: `OPEN-${c.id}`, amountFen: o.openingFen, counter: 'adjustments' }], null);
  await recomputeLevels(t.built.ctx, t.db, { asOfDay: AS_OF, customerIds: [c.id] });
  return c.id;
}

function addDays(day: string, n: number) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function levelRow(customerId: number) {
  const { rows } = await sql<any>`SELECT level, since_day, as_of_day, balance_fen, window_charge_fen, window_days, avg_daily_charge_fen, available_days::text,
                                         day_volume_m3::text, day_charge_fen, warn_days::text, reduce_days::text
                                    FROM customer_payment_levels WHERE customer_id = ${customerId}`.execute(t.db);
  return rows[0];
}

async function auditOf(customerId: number) {
  return t.db.selectFrom(auditTrail().as('a')).select(['action', 'entity', 'username', 'after']).where('customer_id', '=', customerId).orderBy('id').execute();
}

const week = (fen: number) => Array.from({ length: 7 }, () => fen);
const cases: { name: string; openingFen: number; dayCharges: number[]; pay: number; changes: boolean; ownAvgDays?: number; ownWarn?: string; valueDate?: string }[] = [
  { name: 'normal stays normal', openingFen: 100_000, dayCharges: week(10_000), pay: 5_000, changes: false },
  { name: 'warning stays warning', openingFen: 30_000, dayCharges: week(10_000), pay: 1_000, changes: false },
  { name: 'reduce stays reduce', openingFen: 10_000, dayCharges: week(10_000), pay: 5_000, changes: false },
  { name: 'stop stays stop', openingFen: -50_000, dayCharges: week(10_000), pay: 1_000, changes: false },
  { name: 'inexact averages and days (rounding)', openingFen: 333_333, dayCharges: [10_001, 9_999, 10_003, 7, 0, 12_345, 10_000], pay: 1, changes: false },
  { name: 'own thresholds (3-day window, warn 9 days)', openingFen: 70_000, dayCharges: week(10_000), pay: 10_000, changes: false, ownAvgDays: 3, ownWarn: '9' },
  { name: 'no charges in the window (no average)', openingFen: 1_000, dayCharges: [], pay: 1_000, changes: false },
  // the opening balance is dated 2026-03-01: the balance after a payment dated before it is the running balance at its date, not the kept one
  { name: 'dated before a later posting (running balance at its date)', openingFen: 100_000, dayCharges: week(10_000), pay: 5_000, changes: false, valueDate: '2026-02-20' },
  { name: 'warning to normal is a change', openingFen: 30_000, dayCharges: week(10_000), pay: 50_000, changes: true },
  { name: 'stop to normal is a change', openingFen: -100, dayCharges: [], pay: 1_000, changes: true },
];

describe('one-statement payment posting equals the general path', () => {
  for (const k of cases) {
    it(k.name, async () => {
      const a = await customerWith(k);
      const b = await customerWith(k);
      expect(await levelRow(a)).toEqual(await levelRow(b));
      const input = (id: number): PaymentInput => ({ customerId: id, amountFen: k.pay, bankRef: `FAST-${id}`, valueDate: k.valueDate ?? '2026-03-11', payerName: '付款人', note: 'n' });
      const fast = await postPaymentFast(t.db, FINANCE, input(a), actor, '2026-03-09');
      expect(fast.posted).toBe(!k.changes);
      const general = await recordPayment(t.built.ctx, input(b), actor);
      if (!fast.posted) {
        // declined: nothing written; the general path then does it
        expect(await balance(t.db, a)).toBe(k.openingFen);
        await recordPayment(t.built.ctx, input(a), actor);
      } else {
        const strip = (x: any) => ({ ...x, id: 0, customerId: 0, reference: '', createdAt: '' });
        expect(strip(fast.transaction)).toEqual(strip(general.transaction));
        expect(fast.status).toEqual(general.status);
        if (k.valueDate) expect(fast.transaction.balanceAfterFen).toBe(k.pay);
      }
      expect(await levelRow(a)).toEqual(await levelRow(b));
      expect(await balance(t.db, a)).toBe(k.openingFen + k.pay);
      const [aa, ab] = [await auditOf(a), await auditOf(b)];
      expect(aa.map((r: any) => ({ ...r, after: { ...r.after, bankRef: '' } }))).toEqual(ab.map((r: any) => ({ ...r, after: { ...r.after, bankRef: '' } })));
      expect(aa.filter((r: any) => r.action === 'payment.record')).toHaveLength(1);
    });
  }

  it('declines a stale stored balance, an existing reference, a closed month and an out-of-scope customer', async () => {
    const a = await customerWith({ openingFen: 100_000, dayCharges: week(1_000) });
    // a posting that bypassed the level update: the stored balance is no longer the ledger's
    await bulkInsertTransactions(t.db, [{ kind: 'adjustment', customerId: a, businessDate: '2026-03-02', reference: `X-${a}`, amountFen: 7, counter: 'adjustments' }], null);
    const base = { customerId: a, amountFen: 100, valueDate: '2026-03-11' };
    expect((await postPaymentFast(t.db, FINANCE, { ...base, bankRef: `S-${a}` }, actor, '2026-03-09')).posted).toBe(false);
    await recordPayment(t.built.ctx, { ...base, bankRef: `S-${a}` }, actor); // the general path refreshes the stored level
    expect((await postPaymentFast(t.db, FINANCE, { ...base, bankRef: `S-${a}` }, actor, '2026-03-09')).posted).toBe(false); // duplicate
    expect((await postPaymentFast(t.db, { id: 0, roles: ['account_manager'] }, { ...base, bankRef: `O-${a}` }, actor, '2026-03-09')).posted).toBe(false);
    await t.db.insertInto('accounting_periods').values({ month: '2025-01-01' }).execute();
    expect((await postPaymentFast(t.db, FINANCE, { ...base, valueDate: '2025-01-15', bankRef: `C-${a}` }, actor, '2026-03-09')).posted).toBe(false);
    expect((await postPaymentFast(t.db, FINANCE, { ...base, bankRef: `T-${a}` }, actor, '2026-03-09')).posted).toBe(true);
    expect(await balance(t.db, a)).toBe(100_000 + 7 + 100 + 100);
    expect(await unbalancedTransactions(t.db)).toBe(0);
  });

  it('through the API: 40 concurrent payments to one customer are all counted and the stored balance is the ledger balance', async () => {
    const a = await customerWith({ openingFen: 1_000_000, dayCharges: week(1_000) });
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => finance.post('/api/accounts/payments', { customerId: a, amountFen: 100 + i, bankRef: `CC-${a}-${i}`, valueDate: '2026-03-11' })));
    expect(rs.map((r) => r.status)).toEqual(rs.map(() => 201));
    const total = 1_000_000 + rs.reduce((s, _r, i) => s + 100 + i, 0);
    expect(await balance(t.db, a)).toBe(total);
    expect((await levelRow(a)).balance_fen).toBe(total);
    expect(await unbalancedTransactions(t.db)).toBe(0);
  });
});
