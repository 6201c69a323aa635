/**
 * The whole reduce/stop procedure through HTTP: warning → notice (receipt) → reduce → confirm →
 * stop (保民用 approval; an account manager cannot bypass it) → restore proposed by a payment →
 * restore → confirm → closed; plus the close check and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { handleLevelChange } from './procedures.levels';
import { form, PNG } from './testing/factory';
import { customerLifecycle, makeCustomer } from '../customers/testing/factory';
import { auditTrail } from '../../platform/audit/audit';

let t: TestApp;
let am: Client, lead: Client, opsYb: Client, opsLz: Client;
let cust: { id: number; name: string };
let caseId: number;

beforeAll(async () => {
  t = await startTestApp();
  am = await t.userClient(['account_manager']);
  lead = await t.userClient(['sales_lead']);
  opsYb = await t.userClient(['operation_area'], { department: '宜宾采气作业区' });
  opsLz = await t.userClient(['operation_area'], { department: '泸州作业区' });
  cust = await makeCustomer(t.db, { managerId: am.userId, servesResidents: true, city: '宜宾市', county: '翠屏区', name: '宜宾某城市燃气有限公司' });
});
afterAll(async () => t?.close());

const notes = async (c: Client) => (await c.get('/api/notifications?limit=200')).body.items as { kind: string; title: string; link: string | null }[];
const step = (d: any, kind: string) => [...d.steps].reverse().find((s: any) => s.kind === kind);

describe('reduce/stop procedure, end to end', () => {
  it('opens a case manually, once per customer', async () => {
    const r = await am.post('/api/procedures/cases', { customerId: cust.id, note: '余额不足' });
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({ status: 'open', openedVia: 'manual', currentStep: null, customer: { id: cust.id, servesResidents: true } });
    expect(r.body.options.find((o: any) => o.kind === 'warning')).toMatchObject({ allowed: true });
    expect(r.body.options.find((o: any) => o.kind === 'reduce')).toMatchObject({ allowed: false, reason: expect.stringContaining('催款函') });
    const again = await am.post('/api/procedures/cases', { customerId: cust.id });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'PROC_CASE_ALREADY_OPEN', message: `客户已有未结束的减停气案件（案件号 ${caseId}）` });
  });

  it('refuses steps out of order with a clear message', async () => {
    const r = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'notice' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ code: 'PROC_NEEDS_WARNING', message: '步骤顺序错误：发送催款函前须先发出预警通知' });
    const wrongField = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'warning', targetVolumeM3: '100' });
    expect(wrongField.body.code).toBe('PROC_FIELD_NOT_FOR_KIND');
  });

  it('records the warning and the payment notice, and tracks its receipt', async () => {
    const w = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'warning', note: '电话通知财务' });
    expect(w.status).toBe(201);
    expect(w.body.steps).toHaveLength(1);
    expect(w.body.steps[0]).toMatchObject({ seq: 1, kind: 'warning', status: 'done', note: '电话通知财务', actor: { id: am.userId } });
    const sentAt = new Date(Date.now() - 3600_000).toISOString();
    const n = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'notice', sentAt });
    const notice = step(n.body, 'notice');
    expect(notice).toMatchObject({ seq: 2, status: 'done', noticeNo: `CK-${caseId}-2`, noticeSentAt: sentAt, receiptSignedAt: null });
    const early = await am.patch(`/api/procedures/cases/${caseId}/steps/${notice.id}/receipt`, { signedAt: new Date(Date.now() - 7200_000).toISOString() });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('PROC_RECEIPT_ORDER');
    const signedAt = new Date(Date.now() - 600_000).toISOString();
    const ok = await am.patch(`/api/procedures/cases/${caseId}/steps/${notice.id}/receipt`, { deliveredAt: signedAt, signedAt, signer: '财务部 王经理' });
    expect(ok.status).toBe(200);
    expect(step(ok.body, 'notice')).toMatchObject({ receiptDeliveredAt: signedAt, receiptSignedAt: signedAt, receiptSigner: '财务部 王经理' });

    const up = await am.req('POST', `/api/procedures/cases/${caseId}/steps/${notice.id}/attachments`, form(PNG, '回执扫描.png', 'image/png', { purpose: 'receipt' }));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ purpose: 'receipt', filename: '回执扫描.png', mime: 'image/png', sizeBytes: PNG.length });
    const dl = await am.get(`/api/procedures/cases/${caseId}/attachments/${up.body.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(dl.body).equals(Buffer.from(PNG))).toBe(true);

    const pdf = await am.get(`/api/procedures/cases/${caseId}/steps/${notice.id}/notice.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfEn = await am.get(`/api/procedures/cases/${caseId}/steps/${notice.id}/notice.pdf?lang=en`);
    expect(pdfEn.headers.get('content-disposition')).toContain('payment-notice');
  });

  let reduceId: number;
  it('sends the reduce instruction to the operation area of the customer’s region', async () => {
    const r = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'reduce', targetVolumeM3: '20000', note: '减至 2 万方/日' });
    expect(r.status).toBe(201);
    const s = step(r.body, 'reduce');
    reduceId = s.id;
    expect(s).toMatchObject({ status: 'pending_execution', targetVolumeM3: '20000.000', operators: [{ id: opsYb.userId }] });
    expect(r.body.pending).toEqual({ stepId: s.id, kind: 'reduce', status: 'pending_execution' });
    expect((await notes(opsYb)).filter((x) => x.kind === 'procedure.instruction')).toHaveLength(1);
    expect(await notes(opsLz)).toHaveLength(0);
    const stop = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'stop' });
    expect(stop.body.code).toBe('PROC_INSTRUCTION_PENDING');
    expect(stop.body.message).toBe('上一条指令（减气指令）尚未审批或执行确认，不能下达新指令');
  });

  it('lets only the assigned operation area confirm execution', async () => {
    const body = { executedAt: new Date(Date.now() - 1000).toISOString(), executorName: '调度员 刘洋', actualVolumeM3: '19800.5' };
    expect((await am.post(`/api/procedures/cases/${caseId}/steps/${reduceId}/confirm`, body)).body.code).toBe('FORBIDDEN');
    expect((await opsLz.post(`/api/procedures/cases/${caseId}/steps/${reduceId}/confirm`, body)).body.code).toBe('PROC_NOT_ASSIGNED');
    const future = await opsYb.post(`/api/procedures/cases/${caseId}/steps/${reduceId}/confirm`, { ...body, executedAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.body.code).toBe('PROC_FUTURE_TIME');
    const inbox = await opsYb.get('/api/procedures/instructions');
    expect(inbox.body.items.map((i: any) => i.id)).toEqual([reduceId]);
    expect(inbox.body.items[0].customer.name).toBe(cust.name);
    expect((await opsLz.get('/api/procedures/instructions')).body.total).toBe(0);
    const ok = await opsYb.post(`/api/procedures/cases/${caseId}/steps/${reduceId}/confirm`, body);
    expect(ok.status).toBe(200);
    expect(step(ok.body, 'reduce')).toMatchObject({ status: 'executed', executorName: '调度员 刘洋', actualVolumeM3: '19800.500', confirmedBy: { id: opsYb.userId } });
    expect(ok.body.pending).toBeNull();
    // the executed reduce moves the customer 供气 → 减停气, with the reason on its timeline
    const afterReduce = await customerLifecycle(t.db, cust.id);
    expect(afterReduce.status).toBe('restricted');
    expect(afterReduce.transitions).toEqual([{ from_status: 'active', to_status: 'restricted', reason: '减停气程序：减气指令已执行' }]);
    expect((await opsYb.post(`/api/procedures/cases/${caseId}/steps/${reduceId}/confirm`, body)).body.code).toBe('PROC_NOT_PENDING_EXECUTION');
    expect((await opsYb.get('/api/procedures/instructions?status=done')).body.total).toBe(1);
  });

  let stopId: number;
  it('保民用: a stop for a residential city-gas customer waits for the sales lead; the manager cannot bypass it', async () => {
    const r = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'stop', note: '仍未缴费' });
    const s = step(r.body, 'stop');
    stopId = s.id;
    expect(s.status).toBe('pending_approval');
    expect((await notes(opsYb)).filter((x) => x.kind === 'procedure.instruction')).toHaveLength(1); // only the reduce so far
    expect((await notes(lead)).some((x) => x.kind === 'procedure.approval')).toBe(true);
    // the account manager cannot approve, confirm, skip, or issue a second stop
    expect((await am.post(`/api/procedures/cases/${caseId}/steps/${stopId}/approve`, {})).status).toBe(403);
    expect((await am.post(`/api/procedures/cases/${caseId}/steps/${stopId}/approve`, {})).body.code).toBe('FORBIDDEN');
    expect((await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'stop', overrideReason: '紧急' })).body.code).toBe('PROC_OVERRIDE_NOT_ALLOWED');
    expect((await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'stop' })).body.code).toBe('PROC_INSTRUCTION_PENDING');
    expect((await opsYb.post(`/api/procedures/cases/${caseId}/steps/${stopId}/confirm`, { executedAt: new Date().toISOString(), executorName: 'x' })).body.code).toBe('PROC_NOT_PENDING_EXECUTION');
    expect((await am.get('/api/procedures/approvals')).status).toBe(403);
    const queue = await lead.get('/api/procedures/approvals');
    expect(queue.body.items.map((i: any) => i.id)).toEqual([stopId]);
    const ok = await lead.post(`/api/procedures/cases/${caseId}/steps/${stopId}/approve`, { note: '同意停气，注意保障居民' });
    expect(step(ok.body, 'stop')).toMatchObject({ status: 'pending_execution', approvedBy: { id: lead.userId }, approvalNote: '同意停气，注意保障居民' });
    expect((await notes(opsYb)).filter((x) => x.kind === 'procedure.instruction')).toHaveLength(2);
    expect((await lead.post(`/api/procedures/cases/${caseId}/steps/${stopId}/approve`, {})).body.code).toBe('PROC_NOT_PENDING_APPROVAL');
    const done = await opsYb.post(`/api/procedures/cases/${caseId}/steps/${stopId}/confirm`, { executedAt: new Date().toISOString(), executorName: '调度员 刘洋', note: '已关阀' });
    expect(step(done.body, 'stop')).toMatchObject({ status: 'executed', valveClosed: true, executionNote: '已关阀' });
  });

  it('refuses restoring before payment, proposes it when a payment lifts the level, then restores and closes', async () => {
    const early = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'restore' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PROC_RESTORE_NEEDS_PAYMENT');
    const check = t.built.ctx.closeChecks;
    const reasons = async () => (await Promise.all(check.map((f) => f(t.db, cust.id)))).filter(Boolean);
    expect(await reasons()).toEqual([{ zh: `客户有未结束的减停气案件（案件号 ${caseId}）`, en: `The customer has an open reduce/stop case (#${caseId})` }]);

    await t.db.transaction().execute((trx) => handleLevelChange(trx, { customerId: cust.id, from: 'stop', to: 'normal', gasDay: '2026-11-20' }));
    const proposed = await am.get(`/api/procedures/cases/${caseId}`);
    expect(proposed.body).toMatchObject({ status: 'restore_proposed', level: 'normal', levelGasDay: '2026-11-20' });
    expect((await notes(am)).filter((x) => x.kind === 'procedure.case' && x.title.includes('建议恢复供气'))).toHaveLength(1);

    const r = await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'restore', note: '客户已缴清' });
    const s = step(r.body, 'restore');
    expect(s).toMatchObject({ status: 'pending_execution', operators: [{ id: opsYb.userId }] });
    expect(r.body.status).toBe('restore_proposed');
    expect((await am.post(`/api/procedures/cases/${caseId}/steps`, { kind: 'notice' })).body.code).toBe('PROC_AFTER_RESTORE');
    const closed = await opsYb.post(`/api/procedures/cases/${caseId}/steps/${s.id}/confirm`, { executedAt: new Date().toISOString(), executorName: '调度员 刘洋' });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'restored', currentStep: 'restore' });
    const restored = await customerLifecycle(t.db, cust.id);
    expect(restored.status).toBe('active');
    expect(closed.body.steps.map((x: any) => `${x.kind}:${x.status}`)).toEqual(['warning:done', 'notice:done', 'reduce:executed', 'stop:executed', 'restore:executed']);
    expect(closed.body.options.every((o: any) => !o.allowed)).toBe(true);
    expect(await reasons()).toEqual([]);
    // a new episode can start
    expect((await am.post('/api/procedures/cases', { customerId: cust.id })).status).toBe(201);
  });

  it('audits every mutation with the customer', async () => {
    const rows = await t.db.selectFrom(auditTrail().as('a')).select(['action', 'customer_id']).where('action', 'like', 'procedure.%').orderBy('id').execute();
    const actions = rows.map((r) => r.action);
    for (const a of [
      'procedure.case.open',
      'procedure.step.warning',
      'procedure.step.notice',
      'procedure.notice.receipt',
      'procedure.attachment.add',
      'procedure.step.reduce',
      'procedure.reduce.confirm',
      'procedure.step.stop',
      'procedure.stop.approve',
      'procedure.stop.confirm',
      'procedure.case.restore_proposed',
      'procedure.step.restore',
      'procedure.restore.confirm',
      'procedure.case.close',
    ])
      expect(actions).toContain(a);
    expect(rows.every((r) => r.customer_id === cust.id)).toBe(true);
  });
});
