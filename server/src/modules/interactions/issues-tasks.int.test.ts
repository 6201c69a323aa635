import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { dayFromToday } from './testing/factory';
import { makeCustomer } from '../customers/testing/factory';
import { auditTrail } from '../../platform/audit/audit';

let t: TestApp;
let am: Client;
let am2: Client;
let lead: Client;
let viewer: Client;
let c1: number;
let c2: number;

beforeAll(async () => {
  t = await startTestApp();
  [am, am2, lead, viewer] = await Promise.all([t.userClient(['account_manager']), t.userClient(['account_manager']), t.userClient(['sales_lead']), t.userClient(['viewer'])]);
  c1 = (await makeCustomer(t.db, { managerId: am.userId })).id;
  c2 = (await makeCustomer(t.db, { managerId: am2.userId })).id;
});
afterAll(async () => t?.close());

describe('customer issues: lifecycle and times', () => {
  let id: number;
  it('is raised with an owner and a due date, open and unanswered', async () => {
    const r = await am.post('/api/issues', { customerId: c1, title: '供气压力波动影响生产', topic: 'complaint', raisedAt: '2026-01-05T09:00:00+08:00', ownerId: am.userId, dueOn: '2026-01-09' });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({ status: 'open', firstResponseMinutes: null, resolutionMinutes: null, overdue: true, allowedTransitions: ['in_progress', 'resolved'] });
    expect(r.body.raisedAt).toBe('2026-01-05T01:00:00.000Z');
  });

  it('refuses a transition that is not allowed, naming both statuses', async () => {
    const r = await am.post(`/api/issues/${id}/transition`, { to: 'closed' });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('问题状态不能从“待处理”变为“已关闭”');
  });

  it('takes the first response when work starts, and refuses times before the previous step', async () => {
    const early = await am.post(`/api/issues/${id}/transition`, { to: 'in_progress', at: '2026-01-05T08:00:00+08:00' });
    expect(early.body.code).toBe('DATE_ORDER');
    const r = await am.post(`/api/issues/${id}/transition`, { to: 'in_progress', at: '2026-01-05T11:30:00+08:00' });
    expect(r.body).toMatchObject({ status: 'in_progress', firstResponseMinutes: 150, overdue: true });
  });

  it('needs a resolution to resolve; resolution time counts from raised; closed issues are frozen', async () => {
    const none = await am.post(`/api/issues/${id}/transition`, { to: 'resolved', at: '2026-01-08T09:00:00+08:00' });
    expect(none.body.code).toBe('ISSUE_RESOLUTION_REQUIRED');
    const r = await am.post(`/api/issues/${id}/transition`, { to: 'resolved', at: '2026-01-08T09:00:00+08:00', resolution: '已协调调整压力，客户认可' });
    expect(r.body).toMatchObject({ status: 'resolved', firstResponseMinutes: 150, resolutionMinutes: 3 * 24 * 60, overdue: false, resolvedLate: false, allowedTransitions: ['closed', 'in_progress'] });
    const reopened = await am.post(`/api/issues/${id}/transition`, { to: 'in_progress', at: '2026-01-09T09:00:00+08:00' });
    expect(reopened.body).toMatchObject({ status: 'in_progress', resolutionMinutes: null, firstResponseMinutes: 150 });
    const again = await am.post(`/api/issues/${id}/transition`, { to: 'resolved', at: '2026-01-10T09:00:00+08:00', resolution: '更换调压器后压力稳定' });
    expect(again.body).toMatchObject({ resolutionMinutes: 5 * 24 * 60, resolvedLate: true });
    const closed = await am.post(`/api/issues/${id}/transition`, { to: 'closed', at: '2026-01-11T09:00:00+08:00' });
    expect(closed.body.status).toBe('closed');
    expect((await am.patch(`/api/issues/${id}`, { title: 'x' })).body.code).toBe('ISSUE_CLOSED');
    const acts = await t.db.selectFrom(auditTrail().as('a')).select(['action', 'customer_id']).where('entity', '=', 'issue').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(acts.map((a) => a.action)).toEqual(['issue.create', 'issue.in_progress', 'issue.resolved', 'issue.in_progress', 'issue.resolved', 'issue.closed']);
    expect(acts.every((a) => a.customer_id === c1)).toBe(true);
  });

  it('lists with the overdue filter and scope, and validates owner and dates', async () => {
    await am.post('/api/issues', { customerId: c1, title: '流量计读数异常', topic: 'quality_metering', ownerId: am.userId, dueOn: dayFromToday(3) });
    const overdue = await am.post('/api/issues', {
      customerId: c1,
      title: '结算单异议',
      topic: 'payment',
      raisedAt: `${dayFromToday(-10)}T10:00:00+08:00`,
      ownerId: am.userId,
      dueOn: dayFromToday(-2),
    });
    const list = await am.get('/api/issues?overdue=true');
    expect(list.body.items.map((i: any) => i.id)).toEqual([overdue.body.id]);
    expect((await am.get('/api/issues?status=open')).body.total).toBe(2);
    expect((await am2.get('/api/issues')).body.total).toBe(0);
    expect((await viewer.get('/api/issues')).body.total).toBe(3);
    expect((await am2.get(`/api/issues/${overdue.body.id}`)).body.code).toBe('OUT_OF_SCOPE');
    const wrongOwner = await lead.post('/api/issues', { customerId: c1, title: 'x', topic: 'other', ownerId: am2.userId, dueOn: dayFromToday(1) });
    expect(wrongOwner.body.code).toBe('ASSIGNEE_OUT_OF_SCOPE');
    const dueBefore = await am.post('/api/issues', { customerId: c1, title: 'x', topic: 'other', raisedAt: `${dayFromToday(-1)}T10:00:00+08:00`, ownerId: am.userId, dueOn: dayFromToday(-2) });
    expect(dueBefore.body.code).toBe('DATE_ORDER');
    expect((await viewer.post(`/api/issues/${overdue.body.id}/transition`, { to: 'in_progress' })).body.code).toBe('FORBIDDEN');
  });
});

describe('follow-up tasks on the assignee home page', () => {
  it('shows open tasks of the assignee, most urgent first, with overdue flagged, until done', async () => {
    const mine = await am.post('/api/tasks', { customerId: c1, title: '催缴预付气款', dueOn: dayFromToday(2) });
    expect(mine.status).toBe(201);
    const fromLead = await lead.post('/api/tasks', { customerId: c1, title: '送达价格调整告知函', dueOn: dayFromToday(0), assigneeId: am.userId });
    expect(fromLead.body.assigneeId).toBe(am.userId);
    await t.db
      .insertInto('follow_up_tasks')
      .values({ customer_id: c1, title: '逾期回访', due_on: dayFromToday(-3), assignee_id: am.userId, updated_at: new Date() })
      .execute();
    const home = await am.get('/api/tasks/mine');
    expect(home.body.items.map((x: any) => [x.title, x.overdue])).toEqual([
      ['逾期回访', true],
      ['送达价格调整告知函', false],
      ['催缴预付气款', false],
    ]);
    expect((await am2.get('/api/tasks/mine')).body.total).toBe(0);

    expect((await am2.post(`/api/tasks/${mine.body.id}/done`)).body.code).toBe('TASK_NOT_YOURS');
    const done = await am.post(`/api/tasks/${mine.body.id}/done`);
    expect(done.body.status).toBe('done');
    expect((await am.post(`/api/tasks/${mine.body.id}/done`)).body.code).toBe('TASK_NOT_OPEN');
    expect((await am.get('/api/tasks/mine')).body.items.map((x: any) => x.title)).toEqual(['逾期回访', '送达价格调整告知函']);
    expect((await am.get('/api/tasks?status=done')).body.items.map((x: any) => x.id)).toEqual([mine.body.id]);
  });

  it('refuses assignees who cannot see the customer and due dates in the past', async () => {
    const r = await lead.post('/api/tasks', { customerId: c1, title: 'x', dueOn: dayFromToday(1), assigneeId: am2.userId });
    expect(r.body.code).toBe('ASSIGNEE_OUT_OF_SCOPE');
    expect(r.body.message).toContain('被指派人');
    expect((await am.post('/api/tasks', { customerId: c1, title: 'x', dueOn: dayFromToday(-1) })).body.code).toBe('DATE_ORDER');
    expect((await am.post('/api/tasks', { customerId: c2, title: 'x', dueOn: dayFromToday(1) })).body.code).toBe('OUT_OF_SCOPE');
    const reassigned = await lead.post('/api/tasks', { customerId: c2, title: '核对上月结算单', dueOn: dayFromToday(5), assigneeId: am2.userId });
    const moved = await lead.patch(`/api/tasks/${reassigned.body.id}`, { dueOn: dayFromToday(6) });
    expect(moved.body.dueOn).toBe(dayFromToday(6));
    expect((await am2.get('/api/tasks/mine')).body.items.map((x: any) => x.title)).toEqual(['核对上月结算单']);
  });
});
