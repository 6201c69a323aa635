import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balance, balanceDrift, makeBilledCustomer, unbalancedTransactions } from './testing/factory';
import { balanceOf, insertTransaction } from './ledger.repo';

let t: TestApp;
let finance: Client;
let finance2: Client;
let lead: Client;
beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient(['finance']);
  finance2 = await t.userClient(['finance']);
  lead = await t.userClient(['sales_lead']);
});
afterAll(async () => t?.close());

describe('payments', () => {
  it('posts a payment once per bank reference: a repeat returns the existing posting', async () => {
    const c = await makeBilledCustomer(t.db);
    const body = { customerId: c.id, amountFen: 1_234_567, bankRef: `BR-${c.id}-1`, valueDate: '2026-03-05', payerName: '某燃气公司' };
    const first = await finance.post('/api/accounts/payments', body);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(first.body.transaction.amountFen).toBe(1_234_567);
    expect(first.body.transaction.kind).toBe('payment');
    const again = await finance2.post('/api/accounts/payments', body);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.transaction.id).toBe(first.body.transaction.id);
    expect(await balance(t.db, c.id)).toBe(1_234_567);
    const summary = await finance.get(`/api/accounts/customers/${c.id}`);
    expect(summary.body.balanceFen).toBe(1_234_567);
    expect(summary.body.prepaidFen).toBe(1_234_567);
  });

  it('refuses the same bank reference with a different amount (409) and posts nothing', async () => {
    const c = await makeBilledCustomer(t.db);
    await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 10_000, bankRef: `BR-${c.id}-x`, valueDate: '2026-03-05' });
    const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 20_000, bankRef: `BR-${c.id}-x`, valueDate: '2026-03-05' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('BANK_REF_CONFLICT');
    expect(r.body.message).toContain(`BR-${c.id}-x`);
    expect(await balance(t.db, c.id)).toBe(10_000);
  });

  it('counts concurrent duplicates once', async () => {
    const c = await makeBilledCustomer(t.db);
    const body = { customerId: c.id, amountFen: 5_000, bankRef: `BR-${c.id}-c`, valueDate: '2026-03-06' };
    const rs = await Promise.all([finance.post('/api/accounts/payments', body), finance2.post('/api/accounts/payments', body), finance.post('/api/accounts/payments', body)]);
    expect(rs.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await balance(t.db, c.id)).toBe(5_000);
  });

  it('refuses zero and negative amounts, an unknown customer and users without the right', async () => {
    const c = await makeBilledCustomer(t.db);
    for (const amountFen of [0, -100]) {
      const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen, bankRef: `BR-${c.id}-z${amountFen}`, valueDate: '2026-03-05' });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('PAYMENT_AMOUNT_NOT_POSITIVE');
      expect(r.body.message).toContain('付款金额');
    }
    const unknown = await finance.post('/api/accounts/payments', { customerId: 99_999_999, amountFen: 100, bankRef: 'BR-unknown', valueDate: '2026-03-05' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('客户不存在');
    const am = await t.userClient(['account_manager']);
    expect((await am.post('/api/accounts/payments', { customerId: c.id, amountFen: 100, bankRef: `BR-${c.id}-am`, valueDate: '2026-03-05' })).status).toBe(403);
    expect(await balance(t.db, c.id)).toBe(0);
  });
});

describe('adjustments (maker-checker)', () => {
  it('posts only after another user approves; self-approval is refused', async () => {
    const c = await makeBilledCustomer(t.db);
    const entered = await finance.post('/api/accounts/adjustments', { customerId: c.id, amountFen: -8_800, businessDate: '2026-03-10', reason: '补收计量差' });
    expect(entered.status).toBe(201);
    expect(entered.body.status).toBe('pending');
    expect(await balance(t.db, c.id)).toBe(0);
    const self = await finance.post(`/api/accounts/adjustments/${entered.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('ADJUSTMENT_SELF_APPROVAL');
    expect(self.body.message).toContain('不能审批自己录入的调账');
    expect(await balance(t.db, c.id)).toBe(0);
    const ok = await finance2.post(`/api/accounts/adjustments/${entered.body.id}/approve`, { note: '同意' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.transactionId).toBeGreaterThan(0);
    expect(await balance(t.db, c.id)).toBe(-8_800);
    const twice = await lead.post(`/api/accounts/adjustments/${entered.body.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(await balance(t.db, c.id)).toBe(-8_800);
  });

  it('a rejected adjustment never posts; a zero adjustment is refused', async () => {
    const c = await makeBilledCustomer(t.db);
    const a = await lead.post('/api/accounts/adjustments', { customerId: c.id, amountFen: 50_000, businessDate: '2026-03-10', reason: '测试' });
    const r = await finance.post(`/api/accounts/adjustments/${a.body.id}/reject`, { note: '依据不足' });
    expect(r.body.status).toBe('rejected');
    expect((await finance2.post(`/api/accounts/adjustments/${a.body.id}/approve`, {})).status).toBe(409);
    expect(await balance(t.db, c.id)).toBe(0);
    const zero = await lead.post('/api/accounts/adjustments', { customerId: c.id, amountFen: 0, businessDate: '2026-03-10', reason: 'x' });
    expect(zero.status).toBe(400);
    expect(zero.body.code).toBe('ADJUSTMENT_AMOUNT_ZERO');
    const list = await finance.get(`/api/accounts/adjustments?customerId=${c.id}`);
    expect(list.body.items.map((x: any) => x.status)).toEqual(['rejected']);
  });
});

describe('refunds and reversals', () => {
  it('refunds up to the balance, reverses once, never reverses a reversal', async () => {
    const c = await makeBilledCustomer(t.db);
    const p = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 100_000, bankRef: `BR-${c.id}-r`, valueDate: '2026-03-05' });
    const tooMuch = await finance.post('/api/accounts/refunds', { customerId: c.id, amountFen: 100_001, businessDate: '2026-03-06' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_BALANCE');
    const refund = await finance.post('/api/accounts/refunds', { customerId: c.id, amountFen: 30_000, businessDate: '2026-03-06', note: '退还多付款' });
    expect(refund.status).toBe(201);
    expect(refund.body.amountFen).toBe(-30_000);
    expect(await balance(t.db, c.id)).toBe(70_000);
    const rev = await finance.post(`/api/accounts/transactions/${p.body.transaction.id}/reverse`, { reason: '错账', businessDate: '2026-03-07' });
    expect(rev.status).toBe(201);
    expect(rev.body.kind).toBe('reversal');
    expect(rev.body.reversesId).toBe(p.body.transaction.id);
    expect(rev.body.amountFen).toBe(-100_000);
    expect(await balance(t.db, c.id)).toBe(-30_000);
    const again = await finance.post(`/api/accounts/transactions/${p.body.transaction.id}/reverse`, { reason: '再冲' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REVERSED');
    const revRev = await finance.post(`/api/accounts/transactions/${rev.body.id}/reverse`, { reason: 'x' });
    expect(revRev.status).toBe(400);
    expect(revRev.body.code).toBe('CANNOT_REVERSE_REVERSAL');
    expect(await balance(t.db, c.id)).toBe(-30_000);
    const list = await finance.get(`/api/accounts/customers/${c.id}/transactions?pageSize=2`);
    expect(list.body.total).toBe(3);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0].kind).toBe('reversal');
  });
});

describe('closed periods', () => {
  it('refuses postings dated into a closed month, with a clear message', async () => {
    const c = await makeBilledCustomer(t.db);
    const notEnded = await lead.post('/api/accounts/periods/2999-01/close', {});
    expect(notEnded.status).toBe(400);
    const close = await lead.post('/api/accounts/periods/2025-01/close', { note: '一月结账' });
    expect(close.status).toBe(200);
    expect((await lead.post('/api/accounts/periods/2025-01/close', {})).status).toBe(409);
    const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 100, bankRef: `BR-${c.id}-closed`, valueDate: '2025-01-15' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('PERIOD_CLOSED');
    expect(r.body.message).toBe('会计期间 2025-01 已结账，不能记入业务日期为 2025-01-15 的账务');
    const adj = await finance.post('/api/accounts/adjustments', { customerId: c.id, amountFen: 100, businessDate: '2025-01-31', reason: 'x' });
    expect(adj.body.code).toBe('PERIOD_CLOSED');
    expect(await balance(t.db, c.id)).toBe(0);
    expect((await finance.get('/api/accounts/periods')).body[0].period).toBe('2025-01');
    const am = await t.userClient(['account_manager']);
    expect((await am.post('/api/accounts/periods/2025-02/close', {})).status).toBe(403);
  });
});

describe('the ledger itself', () => {
  it('refuses updates, deletions and unbalanced transactions in the database', async () => {
    const c = await makeBilledCustomer(t.db);
    await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 777, bankRef: `BR-${c.id}-db`, valueDate: '2026-03-05' });
    await expect(sql`UPDATE ledger_postings SET amount_fen = 1 WHERE customer_id = ${c.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM ledger_transactions WHERE customer_id = ${c.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const tx = await trx
          .insertInto('ledger_transactions')
          .values({ kind: 'adjustment', customer_id: c.id, business_date: '2026-03-05', period: '2026-03' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const acc = await trx.selectFrom('ledger_accounts').select('id').where('customer_id', '=', c.id).executeTakeFirstOrThrow();
        await trx.insertInto('ledger_postings').values({ transaction_id: tx.id, line: 1, account_id: acc.id, customer_id: c.id, amount_fen: 5, business_date: '2026-03-05' }).execute();
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await balance(t.db, c.id)).toBe(777);
  });

  it('every transaction in the ledger balances (scan)', async () => {
    expect(
      await t.db
        .selectFrom('ledger_transactions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).not.toEqual({ n: 0 });
    expect(await unbalancedTransactions(t.db)).toBe(0);
  });

  it('keeps every customer balance equal to the sum of its postings, and refuses direct writes to the kept balances', async () => {
    // every test above posted through the API (payments, reversals, adjustments, refunds): the kept balances followed
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM customer_balances`.execute(t.db)).rows[0].n)).toBeGreaterThan(0);
    expect(await balanceDrift(t.db)).toBe(0);
    await expect(sql`UPDATE customer_balances SET balance_fen = balance_fen + 1`.execute(t.db)).rejects.toThrow(/written by the ledger only/);
    await expect(sql`INSERT INTO customer_balances VALUES (-1, 5)`.execute(t.db)).rejects.toThrow(/written by the ledger only/);
  });

  it('refuses a posting dated otherwise than its transaction', async () => {
    const c = await makeBilledCustomer(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const tx = await trx
          .insertInto('ledger_transactions')
          .values({ kind: 'adjustment', customer_id: c.id, business_date: '2026-03-05', period: '2026-03' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const acc = (await trx.selectFrom('ledger_accounts').select(['id', 'kind']).where('customer_id', 'is', null).where('kind', '=', 'adjustments').executeTakeFirstOrThrow()).id;
        await trx
          .insertInto('ledger_postings')
          .values([
            { transaction_id: tx.id, line: 1, account_id: acc, customer_id: null, amount_fen: 5, business_date: '2026-04-05' },
            { transaction_id: tx.id, line: 2, account_id: acc, customer_id: null, amount_fen: -5, business_date: '2026-04-05' },
          ])
          .execute();
      }),
    ).rejects.toThrow(/wrong account or date/);
  });

  it('moves postings of a month from the default partition into its new partition, balances unchanged', async () => {
    const c = await makeBilledCustomer(t.db);
    // a value date long before the months created by the migration: the posting lands in the default partition
    await t.db.transaction().execute((trx) =>
      insertTransaction(trx, { kind: 'adjustment', customerId: c.id, businessDate: '2015-03-05', note: 'old', createdBy: null }, [
        { account: 'customer', amountFen: 4_321 },
        { account: 'adjustments', amountFen: -4_321 },
      ]),
    );
    const where = async () =>
      (await sql<{ part: string }>`SELECT DISTINCT tableoid::regclass::text AS part FROM ledger_postings WHERE business_date = '2015-03-05'`.execute(t.db)).rows.map((r) =>
        r.part.replace(/^.*\./, ''),
      );
    expect(await where()).toEqual(['ledger_postings_default']);
    await sql`SELECT ensure_month_partitions('ledger_postings', '2015-03-01', '2015-03-31')`.execute(t.db);
    expect(await where()).toEqual(['ledger_postings_201503']);
    expect(await balanceOf(t.db, c.id)).toBe(4_321);
    expect(await balanceOf(t.db, c.id, '2015-03-06')).toBe(4_321);
    expect(await balanceOf(t.db, c.id, '2015-03-05')).toBe(0);
    expect(await balanceDrift(t.db)).toBe(0);
    // still append-only outside the move
    await expect(sql`DELETE FROM ledger_postings WHERE business_date = '2015-03-05'`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});
