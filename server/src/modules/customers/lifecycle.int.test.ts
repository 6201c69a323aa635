import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from './testing/factory';
import { listManagers } from './index';

let t: TestApp;
let lead: Client, am1: Client, am2: Client, pt: Client, fin: Client;
const idOf = async (c: Client) => (await c.get('/api/auth/me')).body.id as number;
const go = (id: number, to: string, reason = '按计划推进') => lead.post(`/api/customers/${id}/transitions`, { to, reason });

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am1 = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  pt = await t.userClient(['part_time_manager']);
  fin = await t.userClient(['finance']);
});
afterAll(async () => t?.close());

describe('lifecycle', () => {
  it('walks prospect → survey → review → contracted → active ⇄ restricted with a timeline', async () => {
    const c = await createCustomer(lead);
    expect((await go(c.id, 'survey', '客户提出用气需求')).body.status).toBe('survey');
    expect((await go(c.id, 'review')).body.status).toBe('review');
    const noManager = await go(c.id, 'contracted');
    expect(noManager.status).toBe(409);
    expect(noManager.body).toMatchObject({ code: 'CUSTOMER_FULL_TIME_MANAGER_REQUIRED', message: '客户进入“签约”状态前必须指定一名专职客户经理' });
    await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(am1), kind: 'full_time' });
    for (const s of ['contracted', 'active', 'restricted', 'active']) expect((await go(c.id, s)).body.status).toBe(s);
    const tl = (await am1.get(`/api/customers/${c.id}/timeline`)).body;
    expect(tl.map((x: any) => `${x.fromStatus}>${x.toStatus}`)).toEqual(['prospect>survey', 'survey>review', 'review>contracted', 'contracted>active', 'active>restricted', 'restricted>active']);
    expect(tl[0].reason).toBe('客户提出用气需求');
    expect(tl[0].actorName).toMatch(/^测试sales_lead/);
    expect(Date.parse(tl[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses transitions outside the machine, the same status and a blank reason', async () => {
    const c = await createCustomer(lead);
    const r = await go(c.id, 'active');
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('不允许将客户状态从“潜在”变更为“供气”（可变更为：调研、销户）');
    expect((await go(c.id, 'prospect')).body.code).toBe('CUSTOMER_TRANSITION_SAME_STATUS');
    const blank = await go(c.id, 'survey', '   ');
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('CUSTOMER_REASON_REQUIRED');
    expect((await lead.get(`/api/customers/${c.id}`)).body.status).toBe('prospect');
    expect((await lead.get(`/api/customers/${c.id}/timeline`)).body).toEqual([]);
  });

  it('refuses to close while a registered close check objects, and shows its reasons', async () => {
    const c = await createCustomer(lead);
    const check = async (_db: unknown, id: number) => (id === c.id ? { zh: '客户余额不为零（12.00 元）', en: 'non-zero balance (12.00 yuan)' } : null);
    t.built.ctx.closeChecks.push(check);
    try {
      const r = await go(c.id, 'closed', '企业关停');
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('CUSTOMER_CLOSE_REFUSED');
      expect(r.body.message).toBe('不能销户：客户余额不为零（12.00 元）');
      expect(r.body.details.reasons).toEqual(['客户余额不为零（12.00 元）']);
      expect((await lead.get(`/api/customers/${c.id}`)).body.status).toBe('prospect');
    } finally {
      t.built.ctx.closeChecks.splice(t.built.ctx.closeChecks.indexOf(check), 1);
    }
    const ok = await go(c.id, 'closed', '企业关停');
    expect(ok.body.status).toBe('closed');
    expect(ok.body.closedAt).not.toBeNull();
    expect(ok.body.allowedTransitions).toEqual([]);
    expect((await go(c.id, 'active')).body.code).toBe('CUSTOMER_TRANSITION_NOT_ALLOWED');
    const edit = await lead.patch(`/api/customers/${c.id}`, { notes: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('CUSTOMER_CLOSED');
  });
});

describe('manager responsibility', () => {
  it('gives clear errors for an unknown user, a user without the role and a second full-time manager', async () => {
    const c = await createCustomer(lead);
    const unknown = await lead.post(`/api/customers/${c.id}/managers`, { userId: 999999, kind: 'full_time' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'CUSTOMER_MANAGER_NOT_FOUND', message: '客户经理（用户 ID 999999）不存在' });
    const wrongRole = await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(fin), kind: 'part_time' });
    expect(wrongRole.body.code).toBe('CUSTOMER_MANAGER_ROLE');
    expect(wrongRole.body.message).toContain('兼职客户经理或专职客户经理');
    const ptAsFull = await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(pt), kind: 'full_time' });
    expect(ptAsFull.body.code).toBe('CUSTOMER_MANAGER_ROLE');
    expect((await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(am1), kind: 'full_time' })).status).toBe(200);
    const second = await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(am2), kind: 'full_time' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CUSTOMER_FULL_TIME_EXISTS');
    expect(second.body.message).toContain('请使用“更换专职客户经理”');
    const again = await lead.post(`/api/customers/${c.id}/managers`, { userId: await idOf(am1), kind: 'part_time' });
    expect(again.body.code).toBe('CUSTOMER_MANAGER_ALREADY_ASSIGNED');
    // The database backs the rule up.
    await expect(
      t.db
        .insertInto('customer_managers')
        .values({ customer_id: c.id, user_id: await idOf(am2), kind: 'full_time' })
        .execute(),
    ).rejects.toThrow();
  });

  it('reassigns keeping history, refuses to leave an active customer without one, and notifies', async () => {
    const c = await createCustomer(lead);
    const [a1, a2, p] = [await idOf(am1), await idOf(am2), await idOf(pt)];
    await lead.post(`/api/customers/${c.id}/managers`, { userId: a1, kind: 'full_time' });
    await lead.post(`/api/customers/${c.id}/managers`, { userId: p, kind: 'part_time', reason: '重点客户' });
    for (const s of ['survey', 'review', 'contracted', 'active']) await go(c.id, s);
    const noReason = await lead.post(`/api/customers/${c.id}/managers/reassign`, { toUserId: a2, reason: '' });
    expect(noReason.status).toBe(400);
    const r = await lead.post(`/api/customers/${c.id}/managers/reassign`, { toUserId: a2, reason: '责任区调整' });
    expect(r.status).toBe(200);
    expect(r.body.managers.map((m: any) => [m.userId, m.kind])).toEqual([
      [a2, 'full_time'],
      [p, 'part_time'],
    ]);
    const hist = (await lead.get(`/api/customers/${c.id}/managers`)).body;
    const old = hist.find((h: any) => h.userId === a1);
    expect(old.unassignedAt).not.toBeNull();
    expect(old.unassignReason).toBe('责任区调整');
    expect((await am1.get(`/api/customers/${c.id}`)).status).toBe(403);
    expect((await am2.get(`/api/customers/${c.id}`)).status).toBe(200);
    const ft = r.body.managers.find((m: any) => m.kind === 'full_time');
    const un = await lead.post(`/api/customers/${c.id}/managers/${ft.assignmentId}/unassign`, { reason: '离职' });
    expect(un.status).toBe(409);
    expect(un.body.message).toBe('客户处于“供气”状态，必须保留一名专职客户经理；请使用“更换”');
    const ptRow = r.body.managers.find((m: any) => m.kind === 'part_time');
    expect((await lead.post(`/api/customers/${c.id}/managers/${ptRow.assignmentId}/unassign`, { reason: '专项结束' })).body.managers).toHaveLength(1);
    const notes = (await am2.get('/api/notifications')).body.items;
    expect(notes.some((n: any) => n.kind === 'customer.manager_assigned' && n.customerId === c.id)).toBe(true);
    const h = (await lead.get(`/api/customers/${c.id}/history?entity=manager`)).body.items.map((i: any) => i.action);
    expect(h).toEqual(['manager.unassign', 'manager.reassign', 'manager.assign', 'manager.assign']);
    expect(await listManagers(t.db, [c.id])).toEqual([expect.objectContaining({ customerId: c.id, userId: a2, kind: 'full_time' })]);
  });

  it('promotes a part-time manager to full-time', async () => {
    const c = await createCustomer(lead);
    const a1 = await idOf(am1);
    await lead.post(`/api/customers/${c.id}/managers`, { userId: a1, kind: 'part_time' });
    const r = await lead.post(`/api/customers/${c.id}/managers`, { userId: a1, kind: 'full_time' });
    expect(r.body.managers.map((m: any) => [m.userId, m.kind])).toEqual([[a1, 'full_time']]);
  });
});
