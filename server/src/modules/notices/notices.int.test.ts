/** Notices and receipts through HTTP on the real app: compose for a filter, send, receipts, reminders, scope, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer, form, readXlsx } from '../customers/testing/factory';
import { addDays } from './notices.calc';

let t: TestApp;
let lead: Client;
let am1: Client;
let am2: Client;
let pt: Client;
let admin: Client;
let c1: { id: number; name: string; code: string };
let c2: { id: number; name: string; code: string };
let c3: { id: number; name: string; code: string };
const PDF = new TextEncoder().encode('%PDF-1.4\n% signed receipt\n%%EOF\n');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const REGION = '江阳区';

async function assign(customerId: number, userId: number, kind: 'full_time' | 'part_time') {
  const r = await lead.post(`/api/customers/${customerId}/managers`, { userId, kind });
  if (r.status !== 200) throw new Error(`assign failed ${r.status} ${JSON.stringify(r.body)}`);
}

const compose = (over: Record<string, unknown> = {}) => ({
  kind: 'price_change',
  title: '关于调整天然气销售价格的告知函',
  titleEn: 'Notice of Price Adjustment',
  body: '{customerName}（{customerCode}）：\n自{effectiveDate}起价格调整为 {newPrice} 元/立方米。\n客户经理：{managerName}',
  bodyEn: 'To {customerName} ({customerCode}): from {effectiveDate} the price is CNY {newPrice}/m³. Manager: {managerName}',
  fieldValues: { effectiveDate: '2027-01-01', newPrice: '2.3600' },
  recipients: { region: REGION },
  channels: ['print', 'in_app'],
  requireReceipt: true,
  receiptDueOn: addDays(today(), 3),
  ...over,
});

beforeAll(async () => {
  t = await startTestApp({ config: { uploadLimit: 4096 } });
  lead = await t.userClient(['sales_lead']);
  admin = await t.userClient(['admin']);
  am1 = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  pt = await t.userClient(['part_time_manager']);
  c1 = await createCustomer(lead, { county: REGION, type: 'industrial', priceCategory: 'industrial' });
  c2 = await createCustomer(lead, { county: REGION, type: 'industrial', priceCategory: 'industrial' });
  c3 = await createCustomer(lead, { county: REGION, type: 'city_gas' });
  await assign(c1.id, am1.userId, 'full_time');
  await assign(c1.id, pt.userId, 'part_time');
  await assign(c2.id, am2.userId, 'full_time');
  await assign(c3.id, am2.userId, 'full_time');
});
afterAll(async () => t?.close());

describe('notices and receipts (告知函/回执)', () => {
  it('has the standard templates, including the manager letter and the payment notice', async () => {
    const r = await lead.get('/api/notice-templates');
    expect(r.status).toBe(200);
    const codes = r.body.map((x: any) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['manager_letter', 'payment_notice', 'price_change', 'settlement_terms', 'curtailment']));
    const pc = r.body.find((x: any) => x.code === 'price_change');
    expect(pc.fields.map((f: any) => f.key)).toEqual(['effectiveDate', 'newPrice']);
  });

  it('previews and sends for a filter, prints one PDF per batch and per customer, and tracks receipts with the signed copy', async () => {
    const pv = await lead.post('/api/notices/preview', compose({ recipients: { region: REGION, type: ['industrial'] } }));
    expect(pv.status).toBe(200);
    expect(pv.body.count).toBe(2);
    expect(pv.body.recipients.map((r: any) => r.customerId).sort()).toEqual([c1.id, c2.id].sort());
    const first = pv.body.recipients[0];
    expect(pv.body.sample.body).toContain(`${first.name}（${first.code}）：`);
    expect(pv.body.sample.body).toContain('自2027-01-01起价格调整为 2.3600 元/立方米');
    expect(pv.body.sample.body).toContain(`客户经理：${first.managerName}`);

    const sent = await lead.post('/api/notices', compose({ recipients: { region: REGION, type: ['industrial'] } }));
    expect(sent.status).toBe(201);
    expect(sent.body.recipients).toBe(2);
    expect(sent.body.no).toMatch(/^GZ\d{8}-\d{6}$/);
    const id = sent.body.noticeId;

    const list = await lead.get(`/api/notices?q=${encodeURIComponent(sent.body.no)}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id, recipients: 2, required: 2, returned: 0, pending: 2, overdue: 0, completionRate: '0.0', sentBy: expect.any(String) });

    const pdf = await lead.get(`/api/notices/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = (b: Uint8Array) =>
      (
        Buffer.from(b)
          .toString('latin1')
          .match(/\/Type \/Page\b/g) ?? []
      ).length;
    expect(pages(pdf.body)).toBe(2);
    const one = await lead.get(`/api/notices/${id}/pdf?customerId=${c1.id}`);
    expect(pages(one.body)).toBe(1);
    expect(one.headers.get('content-disposition')).toContain(c1.code);

    // the managers got the in-app notice
    const inbox = (await am1.get('/api/notifications')).body.items;
    expect(inbox.some((n: any) => n.link === `/notices/${id}`)).toBe(true);

    // receipt returned with the signed copy (by the part-time manager of c1)
    const up = await pt.req('POST', `/api/notices/${id}/recipients/${c1.id}/receipt`, form({ returnedOn: today(), signer: '王经理', note: 'EMS 寄回' }, { bytes: PDF, name: '回执.pdf' }));
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ receiptStatus: 'returned', returnedOn: today(), signer: '王经理', file: { name: '回执.pdf', mime: 'application/pdf', size: PDF.length } });
    const dl = await lead.get(`/api/notices/${id}/recipients/${c1.id}/receipt-file`);
    expect(Buffer.from(dl.body).equals(Buffer.from(PDF))).toBe(true);
    const after = (await lead.get(`/api/notices/${id}`)).body;
    expect(after).toMatchObject({ returned: 1, pending: 1, completionRate: '50.0' });

    // the customer's tab lists it
    const tab = await am1.get(`/api/customers/${c1.id}/notices`);
    expect(tab.body).toEqual([expect.objectContaining({ noticeId: id, no: sent.body.no, receiptStatus: 'returned', signer: '王经理' })]);

    // Excel export of the list
    const x = await lead.get(`/api/notices/export?q=${encodeURIComponent(sent.body.no)}`);
    expect(x.status).toBe(200);
    const rows = await readXlsx(x.body);
    expect(rows[0][0]).toBe('编号');
    expect(rows[1]).toEqual([sent.body.no, '价格调整', '关于调整天然气销售价格的告知函', today(), expect.any(String), addDays(today(), 3), '2', '2', '1', '1', '0', '50.0']);
  });

  it('refuses a wrong file type, a receipt date before sending, and a receipt for a notice that needs none', async () => {
    const sent = await lead.post('/api/notices', compose({ recipients: { customerIds: [c3.id] } }));
    const id = sent.body.noticeId;
    const exe = await lead.req(
      'POST',
      `/api/notices/${id}/recipients/${c3.id}/receipt`,
      form({ returnedOn: today(), signer: '李主任' }, { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]), name: 'scan.pdf' }),
    );
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UPLOAD_TYPE');
    const big = new Uint8Array(8192);
    big.set(PDF);
    expect((await lead.req('POST', `/api/notices/${id}/recipients/${c3.id}/receipt`, form({ returnedOn: today(), signer: '李主任' }, { bytes: big, name: 'big.pdf' }))).status).toBe(413);
    const early = await lead.req('POST', `/api/notices/${id}/recipients/${c3.id}/receipt`, form({ returnedOn: addDays(today(), -1), signer: '李主任' }));
    expect(early.body.code).toBe('NOTICE_RETURNED_BEFORE_SENT');
    const r = (await lead.get(`/api/notices/${id}/recipients`)).body.items[0];
    expect(r.receiptStatus).toBe('pending');
    const noReceipt = await lead.post('/api/notices', compose({ recipients: { customerIds: [c3.id] }, requireReceipt: false, receiptDueOn: null, channels: ['print'] }));
    expect(noReceipt.status).toBe(201);
    const nr = await lead.req('POST', `/api/notices/${noReceipt.body.noticeId}/recipients/${c3.id}/receipt`, form({ returnedOn: today(), signer: 'x' }));
    expect(nr.body.code).toBe('NOTICE_NO_RECEIPT');
    expect((await lead.get(`/api/notices/${noReceipt.body.noticeId}`)).body.completionRate).toBeNull();
  });

  it('records a receipt without a signed copy when the file part is empty (as the web sends it)', async () => {
    const sent = await lead.post('/api/notices', compose({ recipients: { customerIds: [c3.id] } }));
    const id = sent.body.noticeId;
    const r = await lead.req('POST', `/api/notices/${id}/recipients/${c3.id}/receipt`, form({ returnedOn: today(), signer: '李主任' }, { bytes: new Uint8Array(0), name: 'upload' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ receiptStatus: 'returned', signer: '李主任', file: null });
    expect((await lead.get(`/api/notices/${id}/recipients/${c3.id}/receipt-file`)).status).toBe(404);
  });

  it('reminds the managers of overdue receipts once per day (idempotent job)', async () => {
    const sent = await lead.post('/api/notices', compose({ recipients: { customerIds: [c2.id, c3.id] }, receiptDueOn: today(), channels: ['print'] }));
    const id = sent.body.noticeId;
    const day = addDays(today(), 1);
    const run1 = await admin.post('/api/jobs/notices.receipt_reminders/run', { key: day });
    expect(run1.body.status).toBe('succeeded');
    expect(run1.body.result.notifications).toBeGreaterThanOrEqual(1);
    const mine = (await am2.get('/api/notifications')).body.items.filter((n: any) => n.link === `/notices/${id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toContain('（2 家）');
    const run2 = await admin.post('/api/jobs/notices.receipt_reminders/run', { key: day });
    expect(run2.body.status).toBe('succeeded');
    expect(run2.body.result.notifications).toBe(0);
    expect((await am2.get('/api/notifications')).body.items.filter((n: any) => n.link === `/notices/${id}`)).toHaveLength(1);
    // the day of the due date itself is not overdue
    const before = await admin.post('/api/jobs/notices.receipt_reminders/run', { key: today() });
    expect(before.body.result.receipts).toBe(0);
    const od = (await lead.get(`/api/notices/${id}/recipients?status=overdue`)).body;
    expect(od.total).toBe(0); // overdue from tomorrow on
  });

  it('scopes receipts: a manager sees and records only its customers', async () => {
    const sent = await lead.post('/api/notices', compose({ recipients: { region: REGION } }));
    const id = sent.body.noticeId;
    expect(sent.body.recipients).toBe(3);
    const l1 = (await am1.get(`/api/notices/${id}/recipients`)).body;
    expect(l1.items.map((r: any) => r.customerId)).toEqual([c1.id]);
    const row1 = (await am1.get(`/api/notices?q=${sent.body.no}`)).body.items[0];
    expect(row1.recipients).toBe(1);
    const l2 = (await am2.get(`/api/notices/${id}/recipients`)).body;
    expect(l2.items.map((r: any) => r.customerId).sort()).toEqual([c2.id, c3.id].sort());
    const denied = await am1.req('POST', `/api/notices/${id}/recipients/${c2.id}/receipt`, form({ returnedOn: today(), signer: 'x' }));
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('OUT_OF_SCOPE');
    expect((await am1.get(`/api/notices/${id}/pdf?customerId=${c2.id}`)).status).toBe(403);
    expect((await am1.get(`/api/customers/${c2.id}/notices`)).status).toBe(403);
    // a manager composing for a region reaches only its own customers; someone else's customer is refused
    const own = await am1.post('/api/notices/preview', compose());
    expect(own.body.count).toBe(1);
    const other = await am1.post('/api/notices', compose({ recipients: { customerIds: [c1.id, c2.id] } }));
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('NOTICE_RECIPIENT_UNKNOWN');
    // part-time managers record receipts but do not send
    expect((await pt.post('/api/notices', compose())).status).toBe(403);
    // a manager with no customer of this notice does not see it
    const stranger = await t.userClient(['account_manager']);
    expect((await stranger.get(`/api/notices/${id}`)).status).toBe(404);
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const count = async () => (await lead.get('/api/notices?pageSize=1')).body.total;
    const n0 = await count();
    const unknown = await lead.post('/api/notices', compose({ body: '{customerName}：{oops}' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('NOTICE_UNKNOWN_PLACEHOLDER');
    expect(unknown.body.message).toContain('{oops}');
    expect(unknown.body.message).toContain('正文');
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    expect((await en.post('/api/notices', compose({ titleEn: 'Notice {nope}' }))).body.message).toContain('Unknown placeholder {nope} in the English title');
    const empty = await lead.post('/api/notices', compose({ recipients: { region: '不存在的区' } }));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('NOTICE_NO_RECIPIENTS');
    const nul = await lead.post('/api/notices', compose({ title: 'abc\u0000def' }));
    expect(nul.status).toBe(400);
    expect(nul.body.code).toBe('NUL_CHARACTER'); // the platform's input guard, before any module validation
    const nulField = await lead.post('/api/notices', compose({ fieldValues: { effectiveDate: '2027\u0000', newPrice: '2' } }));
    expect(nulField.status).toBe(400);
    const templates = (await lead.get('/api/notice-templates')).body;
    const pc = templates.find((x: any) => x.code === 'price_change');
    const missing = await lead.post('/api/notices', compose({ templateId: pc.id, fieldValues: { effectiveDate: '2027-01-01' } }));
    expect(missing.body.code).toBe('NOTICE_FIELD_MISSING');
    expect(missing.body.message).toContain('调整后价格');
    const noDue = await lead.post('/api/notices', compose({ receiptDueOn: null }));
    expect(noDue.body.code).toBe('NOTICE_DUE_REQUIRED');
    const pastDue = await lead.post('/api/notices', compose({ receiptDueOn: addDays(today(), -1) }));
    expect(pastDue.body.code).toBe('NOTICE_DUE_BEFORE_SENT');
    const noChannel = await lead.post('/api/notices', compose({ channels: [] }));
    expect(noChannel.status).toBe(400);
    expect(await count()).toBe(n0);
  });

  it('lets the sales lead edit templates with placeholder checks; managers cannot', async () => {
    const body = {
      code: `t_${process.pid}`,
      kind: 'general',
      name: '测试模板',
      nameEn: 'Test template',
      title: '告知函',
      titleEn: 'Notice',
      body: '{customerName}：{topic}',
      bodyEn: 'To {customerName}: {topic}',
      fields: [{ key: 'topic', label: '事项', labelEn: 'Topic' }],
    };
    const created = await lead.post('/api/notice-templates', body);
    expect(created.status).toBe(201);
    expect((await lead.post('/api/notice-templates', body)).body.code).toBe('NOTICE_TEMPLATE_CODE_TAKEN');
    const bad = await lead.patch(`/api/notice-templates/${created.body.id}`, { body: '{customerName}：{other}' });
    expect(bad.body.code).toBe('NOTICE_UNKNOWN_PLACEHOLDER');
    const reserved = await lead.post('/api/notice-templates', { ...body, code: `r_${process.pid}`, fields: [{ key: 'date', label: '日期', labelEn: 'Date' }] });
    expect(reserved.body.code).toBe('NOTICE_FIELD_KEY_RESERVED');
    const ok = await lead.patch(`/api/notice-templates/${created.body.id}`, { receiptDays: 14 });
    expect(ok.body.receiptDays).toBe(14);
    expect((await am1.patch(`/api/notice-templates/${created.body.id}`, { receiptDays: 3 })).status).toBe(403);
  });

  it('provides the notices port to other modules (send inside the caller transaction)', async () => {
    const port = t.built.ctx.capabilities.notices!;
    expect(port).toBeDefined();
    const { inTx } = await import('../../platform/db/database');
    const r = await inTx(t.built.ctx.db, (trx) =>
      port.send(
        t.built.ctx,
        trx,
        {
          kind: 'curtailment',
          title: { zh: '限气告知 {customerCode}', en: 'Curtailment {customerCode}' },
          body: { zh: '{customerName}：限气', en: 'To {customerName}: curtailment' },
          customerIds: [c1.id, c2.id],
          requireReceipt: true,
          source: { module: 'supply', entity: 'curtailment', id: 7 },
        },
        { userId: null, username: 'test' },
      ),
    );
    expect(r.recipients).toBe(2);
    const d = (await lead.get(`/api/notices/${r.noticeId}`)).body;
    expect(d).toMatchObject({ kind: 'curtailment', source: { module: 'supply', entity: 'curtailment', id: '7' }, pending: 2, receiptDueOn: addDays(today(), 7) });
    // a failure rolls the caller's transaction back with the notice
    const n0 = (await lead.get('/api/notices?pageSize=1')).body.total;
    await expect(
      inTx(t.built.ctx.db, async (trx) => {
        await port.send(
          t.built.ctx,
          trx,
          { kind: 'general', title: { zh: 'x', en: 'x' }, body: { zh: 'x', en: 'x' }, customerIds: [c1.id], requireReceipt: false },
          { userId: null, username: 'test' },
        );
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await lead.get('/api/notices?pageSize=1')).body.total).toBe(n0);
    await expect(
      inTx(t.built.ctx.db, (trx) =>
        port.send(t.built.ctx, trx, { kind: 'general', title: { zh: 'x', en: 'x' }, body: { zh: '{bad}', en: 'x' }, customerIds: [c1.id], requireReceipt: false }, { userId: null, username: 'test' }),
      ),
    ).rejects.toMatchObject({ code: 'NOTICE_UNKNOWN_PLACEHOLDER' });
  });

  it('records a payment notice (催款函) step of the reduce/stop procedure as a notice of the customer', async () => {
    const open = await am1.post('/api/procedures/cases', { customerId: c1.id, note: '余额不足' });
    expect(open.status).toBe(201);
    expect((await am1.post(`/api/procedures/cases/${open.body.id}/steps`, { kind: 'warning' })).status).toBeLessThan(300);
    const step = await am1.post(`/api/procedures/cases/${open.body.id}/steps`, { kind: 'notice' });
    expect(step.status).toBeLessThan(300);
    const tab = (await am1.get(`/api/customers/${c1.id}/notices`)).body;
    const pn = tab.find((n: any) => n.kind === 'payment_notice');
    expect(pn).toMatchObject({ receiptStatus: 'not_required', title: expect.stringContaining('催款函') });
    const d = (await am1.get(`/api/notices/${pn.noticeId}`)).body;
    expect(d.source).toMatchObject({ module: 'procedures', entity: 'procedure_step' });
    expect(d.body.startsWith('{customerName}：')).toBe(true);
    const pdf = await am1.get(`/api/notices/${pn.noticeId}/pdf`);
    expect(pdf.status).toBe(200);
  });

  it('sends the manager letter (客户经理告知函) as a notice with the managers of each customer filled in', async () => {
    const r = await lead.post('/api/manager-letters/send', { customerIds: [c1.id, c2.id] });
    expect(r.status).toBe(201);
    expect(r.body.recipients).toBe(2);
    const d = (await lead.get(`/api/notices/${r.body.noticeId}`)).body;
    expect(d).toMatchObject({ kind: 'manager_letter', requireReceipt: false, source: { module: 'interactions', entity: 'manager_letter' } });
    expect(d.body).toContain('{managers}');
    const pdf = await lead.get(`/api/notices/${r.body.noticeId}/pdf?customerId=${c1.id}`);
    expect(pdf.status).toBe(200);
    const pv = await lead.post('/api/notices/preview', compose({ body: '{customerName}\n{managers}', bodyEn: '{managers}', fieldValues: {}, recipients: { customerIds: [c1.id] } }));
    expect(pv.body.sample.body).toContain('专职客户经理：');
    expect(pv.body.sample.body).toContain('兼职客户经理：');
    expect(pv.body.sample.bodyEn).toContain('Full-time account manager: ');
    expect((await am1.post('/api/manager-letters/send', { customerIds: [c2.id] })).body.code).toBe('LETTER_NONE');
  });
});
