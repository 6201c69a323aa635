import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeCustomer } from '../customers/testing/factory';
import { updateUser } from '../../platform/auth/users';
import { contactCounts, customerIssueFigures } from './index';
import { chineseIn, downloadName, pdfText } from '../../../test/pdf-text';

let t: TestApp;
let am: Client;
let am2: Client;
let pt: Client;
let lead: Client;
let c1: { id: number; code: string };
let c2: { id: number; code: string };
let c3: { id: number; code: string };

const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
async function sheet(body: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body) as any);
  return wb;
}

beforeAll(async () => {
  t = await startTestApp();
  [am, am2, pt, lead] = await Promise.all([t.userClient(['account_manager']), t.userClient(['account_manager']), t.userClient(['part_time_manager']), t.userClient(['sales_lead'])]);
  await updateUser(t.db, am.userId, { display_name: '张伟', phone: '13980001001', email: 'zhangwei@example.cn' });
  await updateUser(t.db, pt.userId, { display_name: '郑海', phone: '13980002001' });
  await updateUser(t.db, am2.userId, { display_name: '李娜' });
  c1 = await makeCustomer(t.db, { name: '泸州华润燃气有限公司', type: 'city_gas', managerId: am.userId, partTimeIds: [pt.userId], city: '泸州市' });
  c2 = await makeCustomer(t.db, { name: '宜宾天原化工', managerId: am2.userId, city: '宜宾市', type: 'chemical' });
  c3 = await makeCustomer(t.db, { name: '乐山潜在客户', status: 'prospect', city: '乐山市' });
  await am.post(`/api/customers/${c1.id}/contacts`, { name: '王建华', title: '总经理', mobile: '13900001111', landline: '0830-3100123', role: 'legal_rep' });
  await am.post(`/api/customers/${c1.id}/contacts`, { name: '李秀英', mobile: '13900002222', role: 'finance' });
});
afterAll(async () => t?.close());

describe('contact statistics per manager and period', () => {
  beforeAll(async () => {
    const log = (kind: string, occurredOn: string) => am.post('/api/interactions', { customerId: c1.id, kind, occurredOn, topic: 'payment', summary: '对接' });
    for (const [k, d] of [
      ['phone', '2025-01-10'],
      ['visit', '2025-01-20'],
      ['visit', '2025-02-05'],
      ['meeting', '2025-04-01'],
      ['online', '2025-04-02'],
      ['visit', '2024-12-31'], // outside the period
    ])
      expect((await log(k, d)).status).toBe(201);
    await am2.post('/api/interactions', { customerId: c2.id, kind: 'visit', occurredOn: '2025-03-03', topic: 'price', summary: '走访' });
    const issue = async (raisedAt: string, steps: [string, string, string?][]) => {
      const id = (await am.post('/api/issues', { customerId: c1.id, title: '问题', topic: 'supply', raisedAt, ownerId: am.userId, dueOn: raisedAt.slice(0, 10) })).body.id;
      for (const [to, at, resolution] of steps) expect((await am.post(`/api/issues/${id}/transition`, { to, at, resolution })).status).toBe(200);
    };
    await issue('2025-01-15T09:00:00+08:00', [
      ['in_progress', '2025-01-15T11:00:00+08:00'],
      ['resolved', '2025-01-20T10:00:00+08:00', '已处理'],
    ]);
    await issue('2025-02-01T08:00:00+08:00', [
      ['in_progress', '2025-02-01T08:30:00+08:00'],
      ['resolved', '2025-04-03T10:00:00+08:00', '已处理'],
    ]);
    await issue('2025-04-10T10:00:00+08:00', []);
  });

  it('counts contacts, visits, issues and average response by month, quarter and year', async () => {
    const m = await lead.get(`/api/interaction-stats?granularity=month&from=2025-01-01&to=2025-06-30&managerId=${am.userId}`);
    expect(m.status).toBe(200);
    expect(m.body.periods).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const pick = (r: any) => [r.period, r.contacts, r.visits, r.issuesOpened, r.issuesResolved, r.avgResponseMinutes];
    expect(m.body.rows.map(pick)).toEqual([
      ['2025-01', 2, 1, 1, 1, 120],
      ['2025-02', 1, 1, 1, 0, 30],
      ['2025-04', 2, 0, 1, 1, null],
    ]);
    const q = await lead.get(`/api/interaction-stats?granularity=quarter&from=2025-01-01&to=2025-06-30&managerId=${am.userId}`);
    expect(q.body.rows.map(pick)).toEqual([
      ['2025-Q1', 3, 2, 2, 1, 75],
      ['2025-Q2', 2, 0, 1, 1, null],
    ]);
    const y = await lead.get('/api/interaction-stats?granularity=year&from=2025-01-01&to=2025-12-31');
    expect(y.body.byManager.map((r: any) => [r.managerName, r.contacts, r.visits, r.meetings, r.online, r.phones])).toEqual([
      ['张伟', 5, 2, 1, 1, 1],
      ['李娜', 1, 1, 0, 0, 0],
    ]);
    expect(y.body.totals).toMatchObject({ contacts: 6, visits: 3, issuesOpened: 3, issuesResolved: 2, avgResponseMinutes: 75 });
  });

  it('offers the same figures to other modules through index.ts', async () => {
    expect(await contactCounts(t.db, '2025-01-01', '2025-12-31')).toEqual({ contacts: 6, visits: 3 });
    const figs = await customerIssueFigures(t.db, { from: '2025-01-01', to: '2025-12-31', today: '2025-06-01', timeZone: 'Asia/Shanghai' });
    expect(figs).toEqual([{ customerId: c1.id, raised: 3, responded: 2, avgResponseMinutes: 75, resolved: 2, resolvedLate: 2, overdueOpen: 1 }]);
  });

  it('limits account managers to their customers and exports both sheets', async () => {
    const own = await am2.get('/api/interaction-stats?granularity=year&from=2025-01-01&to=2025-12-31');
    expect(own.body.totals.contacts).toBe(1);
    const x = await lead.get('/api/interaction-stats/export?granularity=quarter&from=2025-01-01&to=2025-12-31');
    const wb = await sheet(x.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按经理汇总', '按期间明细']);
    const s1 = wb.worksheets[0];
    expect([s1.getRow(1).getCell(1).value, s1.getRow(2).getCell(1).value, s1.getRow(2).getCell(2).value, s1.getRow(2).getCell(9).value]).toEqual(['客户经理', '张伟', 5, 1.3]);
    expect((await lead.get('/api/interaction-stats?from=2025-02-01&to=2025-01-01')).body.code).toBe('DATE_ORDER');
  });
});

describe('manager big table', () => {
  it('lists each manager with their customers and the primary contact', async () => {
    const r = await lead.get('/api/manager-table');
    expect(r.body.total).toBe(3); // c3 has no manager
    expect(r.body.items.map((x: any) => [x.managerName, x.managerKind, x.customerName, x.contactName, x.contactMobile, x.contactLandline, x.otherContacts])).toEqual([
      ['张伟', 'full_time', '泸州华润燃气有限公司', '王建华', '13900001111', '0830-3100123', 1],
      ['李娜', 'full_time', '宜宾天原化工', null, null, null, 0],
      ['郑海', 'part_time', '泸州华润燃气有限公司', '王建华', '13900001111', '0830-3100123', 1],
    ]);
    expect((await lead.get('/api/manager-table?region=宜宾市')).body.items.map((x: any) => x.customerCode)).toEqual([c2.code]);
    expect((await lead.get('/api/manager-table?type=chemical')).body.total).toBe(1);
    expect((await lead.get(`/api/manager-table?managerId=${pt.userId}`)).body.items.map((x: any) => x.managerKind)).toEqual(['part_time']);
    expect((await am.get('/api/manager-table')).body.items.map((x: any) => x.customerId)).toEqual([c1.id, c1.id]);
  });

  it('exports to Excel with headers in the user language', async () => {
    const x = await lead.get('/api/manager-table/export?region=泸州市');
    expect(x.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const ws = (await sheet(x.body)).worksheets[0];
    expect(ws.name).toBe('客户经理大表');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '客户经理',
      '类别',
      '经理电话',
      '客户编号',
      '客户名称',
      '客户类型',
      '状态',
      '市',
      '区县',
      '主要联系人',
      '职务',
      '手机',
      '座机',
      '邮箱',
      '其他联系人数',
    ]);
    expect([ws.getRow(2).getCell(1).value, ws.getRow(2).getCell(2).value, ws.getRow(2).getCell(10).value, ws.getRow(3).getCell(2).value]).toEqual(['张伟', '专职客户经理', '王建华', '兼职客户经理']);
    expect(ws.rowCount).toBe(3);
    const en = await t.userClient(['viewer'], { lang: 'en' });
    const we = (await sheet((await en.get('/api/manager-table/export')).body)).worksheets[0];
    expect([we.name, we.getRow(1).getCell(1).value, we.getRow(2).getCell(6).value]).toEqual(['Account managers', 'Account manager', 'City gas']);
  });
});

describe('manager letter (客户经理告知函)', () => {
  it('produces a one-page PDF for a customer', async () => {
    const r = await am.get(`/api/customers/${c1.id}/manager-letter`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(r.body).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(r.body)).toBe(1);
    expect(Buffer.from(r.body).toString('latin1')).toContain('NotoSansCJK');
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const e = await en.get(`/api/customers/${c1.id}/manager-letter`);
    expect(pages(e.body)).toBe(1);
    expect(downloadName(r.headers.get('content-disposition'))).toBe(`客户经理告知函_${c1.code}.pdf`);
    expect(pdfText(r.body)).toContain('客户经理告知函');
    // the English letter is in English only: the customer's and the managers' names as registered
    expect(downloadName(e.headers.get('content-disposition'))).toBe(`account-manager-letter_${c1.code}.pdf`);
    const text = pdfText(e.body);
    expect(text).toContain('Notice of Your Account Managers');
    expect(text).toContain('Full-time manager');
    expect(chineseIn(text, ['泸州华润燃气有限公司', '王建华', '张伟', '郑海'])).toEqual([]); // customer, its contact, its managers
  });

  it('produces one page per customer for a filtered set, and refuses customers without managers', async () => {
    const all = await lead.get('/api/manager-letters');
    expect(pages(all.body)).toBe(2);
    expect(pages((await lead.get('/api/manager-letters?region=宜宾市')).body)).toBe(1);
    expect(pages((await lead.get(`/api/manager-letters?customerIds=${c1.id}&customerIds=${c2.id}`)).body)).toBe(2);
    expect(pages((await am.get('/api/manager-letters')).body)).toBe(1);
    expect((await lead.get('/api/manager-letters?region=乐山市')).body.code).toBe('LETTER_NONE');
    const none = await lead.get(`/api/customers/${c3.id}/manager-letter`);
    expect(none.body.code).toBe('LETTER_NO_MANAGER');
    expect(none.body.message).toContain('乐山潜在客户');
    expect((await am.get(`/api/customers/${c2.id}/manager-letter`)).body.code).toBe('OUT_OF_SCOPE');
  });
});
