import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balance, makeBilledCustomer } from './testing/factory';

let t: TestApp;
let finance: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient(['finance']);
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

const csv = (lines: string[]) => {
  const f = new FormData();
  f.append('file', new Blob([['交易流水号,交易日期,贷方金额,对方户名,对方账号,摘要', ...lines].join('\n')], { type: 'text/csv' }), 'statement.csv');
  return f;
};
let n = 0;
/** Imports `amounts` as lines from payers nobody knows: they wait in the queue. */
async function queued(amounts: string[]) {
  const tag = `${process.pid}-${++n}`;
  const r = await finance.req('POST', '/api/accounts/bank-imports', csv(amounts.map((a, i) => `BULK-${tag}-${i},2026-03-02,${a},未知付款人${tag}-${i},,`)));
  expect(r.body.unmatched).toBe(amounts.length);
  const q = await finance.get('/api/accounts/bank-lines?status=unmatched&pageSize=500');
  return (q.body.items as any[]).filter((l) => l.bankRef.startsWith(`BULK-${tag}-`)).sort((a, b) => a.rowNo - b.rowNo);
}

describe('bulk assignment of bank lines', () => {
  it('posts each line to its chosen customer, or many lines to one, audited per line', async () => {
    const a = await makeBilledCustomer(t.db, { name: `批量分配甲${process.pid}` });
    const b = await makeBilledCustomer(t.db, { name: `批量分配乙${process.pid}` });
    const lines = await queued(['100.00', '200.00', '0.50']);
    const r = await finance.post('/api/accounts/bank-lines/bulk-assign', {
      assignments: [
        { lineId: lines[0].id, customerId: a.id },
        { lineId: lines[1].id, customerId: a.id },
        { lineId: lines[2].id, customerId: b.id },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, posted: 3, duplicates: 0, already: 0 });
    expect(await balance(t.db, a.id)).toBe(30_000);
    expect(await balance(t.db, b.id)).toBe(50);
    const audit = await admin.get(`/api/admin/audit?action=bank_line.assign&entityId=${lines[2].id}`);
    expect(audit.body.items[0]).toMatchObject({ customerId: b.id, after: { status: 'posted', bulk: true } });
    // the same request again is harmless: nothing is posted twice
    const again = await finance.post('/api/accounts/bank-lines/bulk-assign', { assignments: [{ lineId: lines[0].id, customerId: a.id }] });
    expect(again.body).toMatchObject({ total: 1, posted: 0, already: 1 });
    expect(await balance(t.db, a.id)).toBe(30_000);
  });

  it('never doubles a posting when the same request arrives several times at once', async () => {
    const c = await makeBilledCustomer(t.db, { name: `批量分配丙${process.pid}` });
    const lines = await queued(['10.00', '20.00']);
    const body = { assignments: lines.map((l) => ({ lineId: l.id, customerId: c.id })) };
    const rs = await Promise.all([1, 2, 3].map(() => finance.post('/api/accounts/bank-lines/bulk-assign', body)));
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(rs.map((r) => r.body.posted).sort()).toEqual([0, 0, 2]);
    expect(rs.map((r) => r.body.already).sort()).toEqual([0, 2, 2]);
    expect(await balance(t.db, c.id)).toBe(3_000);
  });

  it('refuses the whole request when one line is taken by another customer or a customer is unknown', async () => {
    const d = await makeBilledCustomer(t.db, { name: `批量分配丁${process.pid}` });
    const e = await makeBilledCustomer(t.db, { name: `批量分配戊${process.pid}` });
    const lines = await queued(['1.00', '2.00']);
    await finance.post(`/api/accounts/bank-lines/${lines[0].id}/assign`, { customerId: d.id, remember: false });
    const r = await finance.post('/api/accounts/bank-lines/bulk-assign', {
      assignments: [
        { lineId: lines[1].id, customerId: e.id },
        { lineId: lines[0].id, customerId: e.id },
      ],
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('BANK_BULK_LINE_TAKEN');
    expect(await balance(t.db, e.id)).toBe(0);
    const unknown = await finance.post('/api/accounts/bank-lines/bulk-assign', { assignments: [{ lineId: lines[1].id, customerId: 99_999_999 }] });
    expect(unknown.body.code).toBe('BANK_BULK_CUSTOMER_NOT_FOUND');
    const twice = await finance.post('/api/accounts/bank-lines/bulk-assign', {
      assignments: [
        { lineId: lines[1].id, customerId: d.id },
        { lineId: lines[1].id, customerId: e.id },
      ],
    });
    expect(twice.body.code).toBe('BANK_BULK_LINE_TWICE');
    const queue = await finance.get('/api/accounts/bank-lines?status=unmatched&pageSize=500');
    expect(queue.body.items.some((l: any) => l.id === lines[1].id)).toBe(true);
  });

  it('limits the batch size', async () => {
    const r = await finance.post('/api/accounts/bank-lines/bulk-assign', { assignments: Array.from({ length: 501 }, (_, i) => ({ lineId: i + 1, customerId: 1 })) });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('BANK_BULK_TOO_MANY');
  });
});
