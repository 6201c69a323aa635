/**
 * Rules around the flow, through HTTP: scope per role, automatic cases from level changes,
 * skipping steps, rejection, cancelling, attachment type/size limits, list filters and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { handleLevelChange } from './procedures.levels';
import { form, PDF, PNG } from './testing/factory';
import { makeCustomer } from '../customers/testing/factory';

let t: TestApp;
let am: Client, am2: Client, pt: Client, lead: Client, ops: Client, viewer: Client, admin: Client;

beforeAll(async () => {
  t = await startTestApp({ config: { uploadLimit: 4096 } });
  am = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  pt = await t.userClient(['part_time_manager']);
  lead = await t.userClient(['sales_lead']);
  ops = await t.userClient(['operation_area'], { department: '重庆作业区' });
  viewer = await t.userClient(['viewer']);
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

const level = (customerId: number, from: string | null, to: string, gasDay = '2026-11-01') => t.db.transaction().execute((trx) => handleLevelChange(trx, { customerId, from, to, gasDay }));
const add = (c: Client, caseId: number, body: object) => c.post(`/api/procedures/cases/${caseId}/steps`, body);
const last = (d: any) => d.steps[d.steps.length - 1];

async function caseAtNotice(opts: Parameters<typeof makeCustomer>[1] = {}) {
  const cust = await makeCustomer(t.db, { managerId: am.userId, city: '重庆市', province: '重庆市', ...opts });
  const id = (await am.post('/api/procedures/cases', { customerId: cust.id })).body.id as number;
  await add(am, id, { kind: 'warning' });
  await add(am, id, { kind: 'notice' });
  return { cust, id };
}

describe('automatic cases from payment level changes', () => {
  it('opens one case when a customer enters a worse level; a payment proposes restoring to both managers', async () => {
    const cust = await makeCustomer(t.db, { managerId: am.userId, partTimeIds: [pt.userId], city: '重庆市' });
    await level(cust.id, 'normal', 'warning', '2026-11-02');
    await level(cust.id, 'warning', 'reduce', '2026-11-03');
    const list = await am.get(`/api/procedures/cases?customerId=${cust.id}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ status: 'open', openedVia: 'auto', triggerLevel: 'warning', level: 'reduce', levelGasDay: '2026-11-03' });
    // opening is silent (accounts alerts the crossing); a payment back to normal proposes restoring to both managers
    const procNotes = async (c: Client) => (await c.get('/api/notifications')).body.items.filter((x: any) => x.kind === 'procedure.case' && x.link === `/procedures/${list.body.items[0].id}`);
    expect(await procNotes(am)).toHaveLength(0);
    await level(cust.id, 'reduce', 'normal', '2026-11-04');
    expect((await am.get(`/api/procedures/cases/${list.body.items[0].id}`)).body.status).toBe('restore_proposed');
    for (const c of [am, pt]) expect((await procNotes(c)).map((x: any) => x.title)).toEqual([`客户已缴费，建议恢复供气：${cust.name}`]);
    // slipping again withdraws the proposal
    await level(cust.id, 'normal', 'warning', '2026-11-05');
    const after = await am.get(`/api/procedures/cases/${list.body.items[0].id}`);
    expect(after.body).toMatchObject({ status: 'open', restoreProposedAt: null, level: 'warning' });
    expect((await am.get(`/api/procedures/cases?customerId=${cust.id}`)).body.total).toBe(1);
  });

  it('does not open a case when the level improves or for a closed customer', async () => {
    const a = await makeCustomer(t.db, { managerId: am.userId });
    await level(a.id, 'stop', 'reduce');
    await level(a.id, 'warning', 'normal');
    const b = await makeCustomer(t.db, { managerId: am.userId, status: 'closed' });
    await level(b.id, 'normal', 'stop');
    const n = await t.db.selectFrom('procedure_cases').select('id').where('customer_id', 'in', [a.id, b.id]).execute();
    expect(n).toEqual([]);
  });

  it('restoring a case where gas was never reduced closes it at once', async () => {
    const cust = await makeCustomer(t.db, { managerId: am.userId });
    await level(cust.id, 'normal', 'warning');
    const id = (await am.get(`/api/procedures/cases?customerId=${cust.id}`)).body.items[0].id;
    await add(am, id, { kind: 'warning' });
    await level(cust.id, 'warning', 'normal');
    const r = await add(am, id, { kind: 'restore' });
    expect(r.body).toMatchObject({ status: 'closed', closeReason: 'restored' });
    expect(last(r.body)).toMatchObject({ kind: 'restore', status: 'done', operators: [] });
  });
});

describe('skipping, rejecting, cancelling', () => {
  it('a stop without a reduce needs the sales lead and a reason', async () => {
    const { id } = await caseAtNotice();
    expect((await add(am, id, { kind: 'stop' })).body.code).toBe('PROC_STOP_NEEDS_REDUCE');
    const r = await add(am, id, { kind: 'stop', overrideReason: '拒不缴费' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('PROC_OVERRIDE_NOT_ALLOWED');
    const ok = await add(lead, id, { kind: 'stop', overrideReason: '客户书面拒绝缴费' });
    expect(ok.status).toBe(201);
    expect(last(ok.body)).toMatchObject({ kind: 'stop', status: 'pending_execution', overrideReason: '客户书面拒绝缴费', operators: [{ id: ops.userId }] });
  });

  it('a 保民用 stop issued by the sales lead is approved by issuing; a rejected one can be issued again', async () => {
    const { id } = await caseAtNotice({ servesResidents: true });
    const red = last((await add(am, id, { kind: 'reduce', operatorUserIds: [ops.userId] })).body);
    await ops.post(`/api/procedures/cases/${id}/steps/${red.id}/confirm`, { executedAt: new Date().toISOString(), executorName: '甲' });
    const s1 = last((await add(am, id, { kind: 'stop' })).body);
    expect(s1.status).toBe('pending_approval');
    const rej = await lead.post(`/api/procedures/cases/${id}/steps/${s1.id}/reject`, { reason: '冬季保供期间暂缓停气' });
    expect(rej.body.steps.find((s: any) => s.id === s1.id)).toMatchObject({ status: 'rejected', rejectReason: '冬季保供期间暂缓停气', rejectedBy: { id: lead.userId } });
    expect(rej.body.currentStep).toBe('reduce');
    expect((await lead.post(`/api/procedures/cases/${id}/steps/${s1.id}/reject`, {})).body.code).toBe('VALIDATION');
    const amNotes = (await am.get('/api/notifications')).body.items.map((x: any) => x.title);
    expect(amNotes.some((x: string) => x.startsWith('停气未获批准'))).toBe(true);
    const s2 = last((await add(lead, id, { kind: 'stop' })).body);
    expect(s2).toMatchObject({ status: 'pending_execution', approvedBy: { id: lead.userId } });
    expect((await lead.get('/api/procedures/approvals?status=decided')).body.items.map((x: any) => x.id)).toContain(s1.id);
  });

  it('cancels a case opened by mistake and withdraws its pending instruction', async () => {
    const { id } = await caseAtNotice();
    const red = last((await add(am, id, { kind: 'reduce' })).body);
    const r = await am.post(`/api/procedures/cases/${id}/cancel`, { reason: '银行到账延迟，误立案' });
    expect(r.body).toMatchObject({ status: 'cancelled', closeReason: '银行到账延迟，误立案', pending: null, canCancel: false });
    expect(r.body.steps.find((s: any) => s.id === red.id).status).toBe('cancelled');
    const n = (await ops.get('/api/notifications')).body.items.filter((x: any) => x.kind === 'procedure.instruction_withdrawn');
    expect(n.map((x: any) => x.link)).toEqual(['/procedures/inbox']);
    expect((await ops.post(`/api/procedures/cases/${id}/steps/${red.id}/confirm`, { executedAt: new Date().toISOString(), executorName: '甲' })).body.code).toBe('PROC_NOT_PENDING_EXECUTION');
    expect((await add(am, id, { kind: 'notice' })).body.code).toBe('PROC_CASE_NOT_OPEN');
  });

  it('cannot cancel once gas was reduced', async () => {
    const { id } = await caseAtNotice();
    const red = last((await add(am, id, { kind: 'reduce' })).body);
    await ops.post(`/api/procedures/cases/${id}/steps/${red.id}/confirm`, { executedAt: new Date().toISOString(), executorName: '甲' });
    const r = await am.post(`/api/procedures/cases/${id}/cancel`, { reason: 'x' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('PROC_CANCEL_RESTRICTED');
  });

  it('refuses an operator who is not an operation-area user', async () => {
    const { id } = await caseAtNotice();
    const r = await add(am, id, { kind: 'reduce', operatorUserIds: [am2.userId] });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 'PROC_BAD_OPERATOR', message: `用户 ${am2.userId} 不是有效的作业区用户（operatorUserIds）` });
    expect((await t.db.selectFrom('procedure_steps').select('id').where('case_id', '=', id).where('kind', '=', 'reduce').execute()).length).toBe(0);
  });
});

describe('scope per role', () => {
  it('managers see only their customers; viewers read; the operation area executes; writes need procedures:write', async () => {
    const { id, cust } = await caseAtNotice();
    expect((await am2.get(`/api/procedures/cases/${id}`)).body.code).toBe('OUT_OF_SCOPE');
    expect((await add(am2, id, { kind: 'reduce' })).body.code).toBe('OUT_OF_SCOPE');
    expect((await am2.post('/api/procedures/cases', { customerId: cust.id })).body.code).toBe('OUT_OF_SCOPE');
    expect((await am2.get(`/api/procedures/cases?customerId=${cust.id}`)).body.total).toBe(0);
    const mine = (await am.get('/api/procedures/cases?pageSize=500')).body;
    const all = (await lead.get('/api/procedures/cases?pageSize=500')).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThanOrEqual(mine.total);
    expect((await am2.get('/api/procedures/cases')).body.total).toBe(0);
    const v = await viewer.get(`/api/procedures/cases/${id}`);
    expect(v.status).toBe(200);
    expect(v.body.options.every((o: any) => !o.allowed && o.reason === '没有权限执行此操作')).toBe(true);
    expect((await add(viewer, id, { kind: 'reduce' })).status).toBe(403);
    expect((await add(ops, id, { kind: 'reduce' })).body.code).toBe('FORBIDDEN');
    expect((await ops.get(`/api/procedures/cases/${id}`)).status).toBe(200);
    expect((await am.get('/api/procedures/instructions')).status).toBe(403);
    expect((await admin.get('/api/procedures/instructions?status=all')).status).toBe(200);
    const attachments = await t.db.selectFrom('procedure_steps').select('id').where('case_id', '=', id).where('kind', '=', 'notice').executeTakeFirstOrThrow();
    const up = await am.req('POST', `/api/procedures/cases/${id}/steps/${attachments.id}/attachments`, form(PDF, 'letter.pdf', 'application/pdf'));
    expect(up.status).toBe(201);
    expect((await am2.get(`/api/procedures/cases/${id}/attachments/${up.body.id}`)).body.code).toBe('OUT_OF_SCOPE');
    expect((await am2.get(`/api/procedures/cases/${id}/steps/${attachments.id}/notice.pdf`)).body.code).toBe('OUT_OF_SCOPE');
  });
});

describe('attachments', () => {
  let caseId: number, noticeId: number, warningId: number;
  beforeAll(async () => {
    const c = await caseAtNotice();
    caseId = c.id;
    const d = (await am.get(`/api/procedures/cases/${caseId}`)).body;
    noticeId = d.steps.find((s: any) => s.kind === 'notice').id;
    warningId = d.steps.find((s: any) => s.kind === 'warning').id;
  });
  const upload = (stepId: number, f: FormData) => am.req('POST', `/api/procedures/cases/${caseId}/steps/${stepId}/attachments`, f);

  it('accepts PDF, JPEG and PNG recognised by their content', async () => {
    const jpg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect((await upload(warningId, form(PDF, 'a.pdf', 'application/pdf'))).body.mime).toBe('application/pdf');
    expect((await upload(warningId, form(jpg, 'photo.jpg', 'image/jpeg'))).body.mime).toBe('image/jpeg');
    // the declared type is not trusted: a PNG sent as octet-stream is stored as PNG
    expect((await upload(warningId, form(PNG, '../../x.png', 'application/octet-stream'))).body).toMatchObject({ mime: 'image/png', filename: 'x.png' });
    const d = (await am.get(`/api/procedures/cases/${caseId}`)).body;
    expect(d.steps.find((s: any) => s.id === warningId).attachments).toHaveLength(3);
  });

  it('refuses other types even when named .pdf, oversize files, and receipts on non-notice steps', async () => {
    const fake = await upload(noticeId, form(new TextEncoder().encode('<html>hi</html>'), 'evil.pdf', 'application/pdf'));
    expect(fake.status).toBe(415);
    expect(fake.body).toEqual({ code: 'UPLOAD_TYPE', message: '不支持的文件类型：application/pdf（允许 PDF/JPG/PNG）' });
    const big = new Uint8Array(5000);
    big.set(PDF);
    const tooBig = await upload(noticeId, form(big, 'big.pdf', 'application/pdf'));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('UPLOAD_TOO_LARGE');
    expect((await upload(warningId, form(PNG, 'r.png', 'image/png', { purpose: 'receipt' }))).body.code).toBe('PROC_NOT_NOTICE');
    const none = await am.req(
      'POST',
      `/api/procedures/cases/${caseId}/steps/${noticeId}/attachments`,
      (() => {
        const f = new FormData();
        f.append('purpose', 'receipt');
        return f;
      })(),
    );
    expect(none.body.code).toBe('PROC_NO_FILE');
    const count = await t.db.selectFrom('procedure_attachments').select('id').where('step_id', '=', noticeId).execute();
    expect(count).toHaveLength(0);
  });
});

describe('list, filters, export', () => {
  it('filters by status, step, manager and region, pages, and exports Excel', async () => {
    const c1 = await makeCustomer(t.db, { managerId: am2.userId, city: '自贡市' });
    const c2 = await makeCustomer(t.db, { managerId: am2.userId, city: '内江市' });
    const id1 = (await am2.post('/api/procedures/cases', { customerId: c1.id })).body.id;
    await add(am2, id1, { kind: 'warning' });
    await am2.post('/api/procedures/cases', { customerId: c2.id });
    const q = (s: string) => lead.get(`/api/procedures/cases?managerId=${am2.userId}&${s}`).then((r) => r.body);
    expect((await q('')).total).toBe(2);
    expect((await q('region=自贡市')).items.map((x: any) => x.id)).toEqual([id1]);
    expect((await q('step=warning')).items.map((x: any) => x.id)).toEqual([id1]);
    expect((await q('status=closed')).total).toBe(0);
    expect((await q('status=active')).total).toBe(2);
    const p2 = await q('pageSize=1&page=2');
    expect(p2.total).toBe(2);
    expect(p2.items).toHaveLength(1);
    expect((await q('status=nonsense')).code).toBe('VALIDATION');
    const x = await lead.get(`/api/procedures/cases/export?managerId=${am2.userId}`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(x.body).subarray(0, 2).toString()).toBe('PK');
    const ops2 = await lead.get(`/api/procedures/operators?customerId=${c1.id}`);
    expect(ops2.body.map((o: any) => o.id)).toContain(ops.userId);
  });
});

describe('customer picker', () => {
  it('lists supplied customers in scope with their open case', async () => {
    const mine = await makeCustomer(t.db, { managerId: am2.userId, name: '挑选测试甲公司', city: '宜宾市' });
    await makeCustomer(t.db, { managerId: am.userId, name: '挑选测试乙公司' });
    await makeCustomer(t.db, { managerId: am2.userId, name: '挑选测试丙公司', status: 'prospect' });
    const caseId = (await am2.post('/api/procedures/cases', { customerId: mine.id })).body.id;
    const r = await am2.get(`/api/procedures/customers?q=${encodeURIComponent('挑选测试')}`);
    expect(r.body.items).toEqual([{ id: mine.id, code: mine.code, name: '挑选测试甲公司', city: '宜宾市', servesResidents: false, openCaseId: caseId }]);
    expect((await viewer.get('/api/procedures/customers')).status).toBe(403);
  });
});
