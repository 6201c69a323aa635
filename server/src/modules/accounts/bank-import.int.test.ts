import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balance, makeBilledCustomer } from './testing/factory';
import { downloadName } from '../../../test/pdf-text';

let t: TestApp;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient(['finance']);
});
afterAll(async () => t?.close());

const csv = (lines: string[]) => {
  const f = new FormData();
  f.append('file', new Blob(['某银行账户明细\n' + ['交易流水号,交易日期,贷方金额,对方户名,对方账号,摘要', ...lines].join('\n')], { type: 'text/csv' }), 'statement.csv');
  return f;
};

describe('bank statement import', () => {
  it('posts matched lines, queues unmatched ones, learns the payer on assignment', async () => {
    const a = await makeBilledCustomer(t.db, { name: `银行导入甲${process.pid}` });
    const b = await makeBilledCustomer(t.db, { name: `银行导入乙${process.pid}` });
    await finance.post('/api/accounts/payments', { customerId: a.id, amountFen: 5_000, bankRef: `BK-${a.id}-0`, valueDate: '2026-03-01' });
    const r = await finance.req(
      'POST',
      '/api/accounts/bank-imports',
      csv([
        `BK-${a.id}-1,2026-03-02,"1,000.00",${a.name},,三月气款`,
        `BK-${a.id}-0,2026-03-01,50.00,${a.name},,重复`,
        `BK-${b.id}-1,2026-03-02,2000.5,某贸易公司(代付),6222000011112222,代付乙气款`,
        `BK-X-1,2026-03-02,-300,${a.name},,退款`,
      ]),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ lines: 3, posted: 1, duplicates: 1, unmatched: 1, rejected: 0, skipped: 1 });
    expect(await balance(t.db, a.id)).toBe(105_000);
    const queue = await finance.get('/api/accounts/bank-lines?status=unmatched');
    const line = queue.body.items.find((x: any) => x.bankRef === `BK-${b.id}-1`);
    expect(line.amountFen).toBe(200_050);
    const assigned = await finance.post(`/api/accounts/bank-lines/${line.id}/assign`, { customerId: b.id, remember: true });
    expect(assigned.status).toBe(200);
    expect(assigned.body.line.status).toBe('posted');
    expect(await balance(t.db, b.id)).toBe(200_050);
    expect((await finance.post(`/api/accounts/bank-lines/${line.id}/assign`, { customerId: b.id })).body.code).toBe('BANK_LINE_NOT_OPEN');
    // the next statement from the same payer account is matched by the learned mapping
    const r2 = await finance.req('POST', '/api/accounts/bank-imports', csv([`BK-${b.id}-2,2026-03-09,300.00,某贸易公司,6222000011112222,`]));
    expect(r2.body).toMatchObject({ posted: 1, unmatched: 0 });
    expect(await balance(t.db, b.id)).toBe(230_050);
  });

  it('gives the import template in the user’s language and accepts either language’s headers', async () => {
    const c = await makeBilledCustomer(t.db, { name: `银行模板丙${process.pid}` });
    const zh = await finance.get('/api/accounts/bank-imports/template?format=csv');
    const zhHeader = String(zh.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    expect(zhHeader).toBe('流水号,交易日期,金额,付款人名称,付款账号,摘要');
    expect(downloadName(zh.headers.get('content-disposition'))).toBe('银行流水导入模板.csv');
    const en = await t.userClient(['finance'], { lang: 'en' });
    const enCsv = await en.get('/api/accounts/bank-imports/template?format=csv');
    const enHeader = String(enCsv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    expect(enHeader).toBe('Bank reference,Value date,Amount,Payer name,Payer account,Memo');
    expect(downloadName(enCsv.headers.get('content-disposition'))).toBe('bank-statement-import-template.csv');
    const xlsx = await en.get('/api/accounts/bank-imports/template');
    expect(downloadName(xlsx.headers.get('content-disposition'))).toBe('bank-statement-import-template.xlsx');
    const file = (header: string, line: string) => {
      const f = new FormData();
      f.append('file', new Blob([`${header}\n${line}`], { type: 'text/csv' }), 'statement.csv');
      return f;
    };
    // the English template filled in and imported by a Chinese user, and the other way round
    const r1 = await finance.req('POST', '/api/accounts/bank-imports', file(enHeader, `BT-${c.id}-1,2026-04-01,10.00,${c.name},,`));
    expect(r1.body).toMatchObject({ lines: 1, posted: 1 });
    const r2 = await en.req('POST', '/api/accounts/bank-imports', file(zhHeader, `BT-${c.id}-2,2026-04-02,20.00,${c.name},,`));
    expect(r2.body).toMatchObject({ lines: 1, posted: 1 });
    expect(await balance(t.db, c.id)).toBe(3_000);
  });

  it('never queues a line twice when the same file is imported again, even at the same time', async () => {
    const ref = `BK-TWICE-${process.pid}`;
    const file = () => csv([`${ref},2026-03-05,123.45,无法识别的付款人${process.pid},,未知来款`]);
    const [r1, r2] = await Promise.all([finance.req('POST', '/api/accounts/bank-imports', file()), finance.req('POST', '/api/accounts/bank-imports', file())]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect([r1.body.unmatched, r2.body.unmatched].sort()).toEqual([0, 1]);
    expect([r1.body.duplicates, r2.body.duplicates].sort()).toEqual([0, 1]);
    const r3 = await finance.req('POST', '/api/accounts/bank-imports', file());
    expect(r3.body).toMatchObject({ unmatched: 0, duplicates: 1 });
    const queue = await finance.get('/api/accounts/bank-lines?status=unmatched&pageSize=200');
    expect(queue.body.items.filter((x: any) => x.bankRef === ref).length).toBe(1);
  });

  it('refuses a file with a bad row, naming the row, and writes nothing', async () => {
    const c = await makeBilledCustomer(t.db, { name: `银行导入丙${process.pid}` });
    const r = await finance.req('POST', '/api/accounts/bank-imports', csv([`BK-${c.id}-1,2026-03-02,100,${c.name},,`, `BK-${c.id}-2,2026-13-01,100,${c.name},,`]));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('BANK_IMPORT_ROW');
    expect(r.body.message).toContain('第 4 行');
    expect(r.body.details).toMatchObject({ status: 'rejected', total: 2, valid: 1, invalid: 1, errors: [{ row: 4, field: 'valueDate', code: 'BAD_DATE' }] });
    expect(await balance(t.db, c.id)).toBe(0);
    const am = await t.userClient(['account_manager']);
    expect((await am.req('POST', '/api/accounts/bank-imports', csv([]))).status).toBe(403);
  });

  it("imports only the valid rows on request and reports each bad row (row, field, message in the user's language); a dry run writes nothing", async () => {
    const c = await makeBilledCustomer(t.db, { name: `银行导入丁${process.pid}` });
    const file = (extra: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(extra)) f.append(k, v);
      const lines = [`BK-${c.id}-1,2026-03-02,100,${c.name},,`, `BK-${c.id}-2,2026-13-01,100,${c.name},,`, `BK-${c.id}-3,2026-03-03,12.345,${c.name},,`, `,2026-03-03,5,${c.name},,`];
      f.append('file', new Blob([['交易流水号,交易日期,贷方金额,对方户名,对方账号,摘要', ...lines].join('\n')], { type: 'text/csv' }), 'statement.csv');
      return f;
    };
    const en = await t.userClient(['finance'], { lang: 'en' });
    const dry = await en.req('POST', '/api/accounts/bank-imports', file({ dryRun: 'true' }));
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ status: 'dry_run', importId: null, total: 4, valid: 1, invalid: 3, posted: 1, errorCount: 3 });
    expect(dry.body.errors.map((e: any) => [e.row, e.field, e.code])).toEqual([
      [3, 'valueDate', 'BAD_DATE'],
      [4, 'amount', 'BAD_AMOUNT'],
      [5, 'bankRef', 'REQUIRED'],
    ]);
    expect(dry.body.errors[1].message).toBe('Row 4, amount: "12.345" is not a valid amount (yuan, at most two decimals)');
    for (const e of dry.body.errors) expect(e.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await balance(t.db, c.id)).toBe(0);
    const refused = await en.req('POST', '/api/accounts/bank-imports', file({}));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^3 bank statement row\(s\) are invalid; nothing was imported/);
    expect(refused.body.message).not.toMatch(/[\u4e00-\u9fff]/);
    const partial = await finance.req('POST', '/api/accounts/bank-imports', file({ validOnly: 'true' }));
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ status: 'partial', posted: 1, invalid: 3 });
    expect(partial.body.errors[0].message).toBe('第 3 行「日期」：“2026-13-01”不是有效日期（应为 YYYY-MM-DD）');
    expect(await balance(t.db, c.id)).toBe(10_000);
  });
});
