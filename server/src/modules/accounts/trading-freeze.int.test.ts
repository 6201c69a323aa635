/**
 * The trading deposit freeze (published-trading.ts freezeTradingDeposit) is ONE statement: the
 * customer's kept balance row locked, the check "available ≥ deposit", the transaction and both
 * postings. Golden cases to the fen, and parallel freezes of one customer never overdraw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from '../customers/testing/factory';
import { freezeTradingDeposit } from './published-trading';
import { balance } from './testing/factory';

let t: TestApp;
let lead: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
});
afterAll(async () => t?.close());

let ref = 0;
/** A customer with `balanceFen` paid in through the payments API. */
async function funded(balanceFen: number) {
  const c = await createCustomer(lead, {});
  if (balanceFen > 0) {
    const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: balanceFen, bankRef: `FRZ-${process.pid}-${c.id}-${++ref}`, valueDate: '2026-03-01' });
    if (r.status !== 201) throw new Error(`payment failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return c;
}
const balanceOf = (_: Client, customerId: number) => balance(t.db, customerId);

describe('freezing a deposit in one statement (accounts freezeTradingDeposit)', () => {
  it('golden cases: exactly the available balance freezes, one fen more is refused with the available amount, 0 fen posts nothing, a reference posts once, no ledger row means 0 available', async () => {
    const c = await funded(10_000);
    const empty = await funded(0);
    const p = (customerId: number, amountFen: number, reference: string) => ({ customerId, amountFen, businessDate: '2026-11-30', reference, note: 'golden', createdBy: null });
    const freeze = (x: ReturnType<typeof p>) => t.db.transaction().execute((trx) => freezeTradingDeposit(trx, x));
    const postings = async (reference: string) =>
      (
        await sql<{ line: number; amount_fen: number; customer_id: number | null; kind: string }>`
          SELECT p.line, p.amount_fen, p.customer_id, a.kind FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id JOIN ledger_accounts a ON a.id = p.account_id
           WHERE t.kind = 'trading_deposit' AND t.reference = ${reference} ORDER BY p.line`.execute(t.db)
      ).rows.map((r) => [Number(r.line), Number(r.amount_fen), r.customer_id == null ? null : Number(r.customer_id), r.kind]);

    expect(await freeze(p(c.id, 10_001, 'golden:1'))).toEqual({ ok: false, availableFen: 10_000 });
    expect(await postings('golden:1')).toEqual([]);
    const ok = await freeze(p(c.id, 6_000, 'golden:2'));
    expect(ok.ok && ok.transactionId > 0).toBe(true);
    expect(await postings('golden:2')).toEqual([
      [1, -6_000, c.id, 'customer'],
      [2, 6_000, null, 'trading_deposits'],
    ]);
    expect(await balanceOf(finance, c.id)).toBe(4_000);
    // the same reference again: nothing posted, the same transaction
    expect(await freeze(p(c.id, 6_000, 'golden:2'))).toEqual({ ok: false, availableFen: 4_000 });
    expect(await freeze(p(c.id, 4_000, 'golden:2'))).toEqual(ok);
    expect(await balanceOf(finance, c.id)).toBe(4_000);
    expect(await freeze(p(c.id, 4_000, 'golden:3'))).toMatchObject({ ok: true });
    expect(await balanceOf(finance, c.id)).toBe(0);
    expect(await freeze(p(c.id, 1, 'golden:4'))).toEqual({ ok: false, availableFen: 0 });
    expect(await freeze(p(c.id, 0, 'golden:5'))).toEqual({ ok: true, transactionId: 0 });
    expect(await postings('golden:5')).toEqual([]);
    expect(await freeze(p(empty.id, 1, 'golden:6'))).toEqual({ ok: false, availableFen: 0 });
    expect(await freeze(p(empty.id, 0, 'golden:7'))).toEqual({ ok: true, transactionId: 0 });
  });

  it('parallel freezes of one customer never overdraw: exactly as many as the balance covers', async () => {
    const c = await funded(5 * 700);
    const rs = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction().execute((trx) => freezeTradingDeposit(trx, { customerId: c.id, amountFen: 700, businessDate: '2026-11-30', reference: `par:${c.id}:${i}`, createdBy: null })),
      ),
    );
    expect(rs.filter((r) => r.ok)).toHaveLength(5);
    expect(rs.filter((r) => !r.ok)).toHaveLength(7);
    expect(await balanceOf(finance, c.id)).toBe(0);
  });
});
