/** Excel exports of trading lists in the user's language, and 成交结果通知 to the awarded customers through the notices port (once). */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { biddingBody, tradingCustomer } from './testing/factory';

let t: TestApp;
let lead: Client;
let leadEn: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  leadEn = await t.userClient(['sales_lead'], { lang: 'en' });
  finance = await t.userClient(['finance']);
});
afterAll(async () => t?.close());

async function sheet(c: Client, path: string): Promise<(string | number | null)[][]> {
  const r = await c.get<Uint8Array>(path);
  expect(r.status, path).toBe(200);
  expect(r.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.body) as any);
  const out: (string | number | null)[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as any[]).slice(1).map((v) => (v ?? null) as string | number | null)));
  return out;
}

describe('trading exports and result notices', () => {
  it('exports sessions, results, statistics and the board in zh and en; sends result notices once', async () => {
    const a = await tradingCustomer(lead, finance, 1_000_000_00);
    const b = await tradingCustomer(lead, finance, 1_000_000_00);
    const s = await lead.post('/api/trading/sessions', biddingBody({ title: '导出测试竞价', deliveryMonth: '2026-07', eligibleCustomerIds: [a.id, b.id] }));
    const id = s.body.id as number;
    await lead.post(`/api/trading/sessions/${id}/bids`, { customerId: a.id, price: '2.4000', quantity: '500', idempotencyKey: 'x1' });
    await lead.post(`/api/trading/sessions/${id}/bids`, { customerId: b.id, price: '2.3500', quantity: '300', idempotencyKey: 'x2' });
    expect((await lead.post(`/api/trading/sessions/${id}/notices`)).body.code).toBe('NOTICE_NOT_CLEARED');
    await lead.post(`/api/trading/sessions/${id}/close`);
    expect((await lead.post(`/api/trading/sessions/${id}/clear`)).status).toBe(200);

    const zh = await sheet(lead, `/api/trading/sessions/${id}/result.xlsx`);
    expect(zh[0]).toEqual(['买方', '成交量', '成交价(元)', '成交金额(元)', '买方手续费(元)', '卖方手续费(元)', '保证金转气款(元)', '保证金释放(元)', '成交时间']);
    // money as yuan numbers: 500 × 2.40 = 1 200.00, fee 1.20
    expect(zh.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      [a.name, '500.000', 1200, 1.2],
      [b.name, '300.000', 705, 0.71],
    ]);
    const en = await sheet(leadEn, `/api/trading/sessions/${id}/result.xlsx`);
    expect(en[0]![0]).toBe('Buyer');
    expect(JSON.stringify(en[0])).not.toMatch(/[\u4e00-\u9fff]/);

    const list = await sheet(leadEn, '/api/trading/sessions.xlsx?q=导出测试');
    expect(list.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Title', 'Kind', 'Mode'],
      ['导出测试竞价', 'Real', 'Bidding'],
    ]);
    const stats = await sheet(lead, '/api/trading/stats.xlsx?year=2026');
    expect(stats[0]).toEqual(['月份', '场次', '成交笔数', '成交量']);
    expect(stats.at(-1)![0]).toBe('2026 年合计');
    const board = await sheet(leadEn, '/api/trading/board.xlsx?from=2020-01-01&to=2030-12-31');
    expect(board[0]).toEqual(['Rank', 'Manager', 'Sessions organised', 'Customers brought', 'Trades', 'Volume']);
    expect(board.length).toBeGreaterThan(1);

    const sent = await lead.post(`/api/trading/sessions/${id}/notices`);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ notices: 2, customers: 2 });
    const again = await lead.post(`/api/trading/sessions/${id}/notices`);
    expect([again.status, again.body.code]).toEqual([409, 'NOTICE_ALREADY_SENT']);
    const manager = await t.userClient(['account_manager']);
    expect((await manager.post(`/api/trading/sessions/${id}/notices`)).status).toBe(403);
  });
});
