import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { dayFromToday } from './testing/factory';
import { makeCustomer } from '../customers/testing/factory';
import { auditTrail } from '../../platform/audit/audit';

let t: TestApp;
let am: Client; // full-time manager of c1
let am2: Client; // full-time manager of c2
let pt: Client; // part-time manager of c1
let lead: Client;
let viewer: Client;
let finance: Client;
let c1: number;
let c2: number;
let k1: number; // a contact of c1
let k2: number; // a contact of c2

beforeAll(async () => {
  t = await startTestApp();
  [am, am2, pt, lead, viewer, finance] = await Promise.all([
    t.userClient(['account_manager']),
    t.userClient(['account_manager']),
    t.userClient(['part_time_manager']),
    t.userClient(['sales_lead']),
    t.userClient(['viewer']),
    t.userClient(['finance']),
  ]);
  c1 = (await makeCustomer(t.db, { name: '泸州测试燃气', managerId: am.userId, partTimeIds: [pt.userId] })).id;
  c2 = (await makeCustomer(t.db, { name: '宜宾测试化工', managerId: am2.userId, city: '宜宾市', type: 'chemical' })).id;
  k1 = (await am.post(`/api/customers/${c1}/contacts`, { name: '刘调度', mobile: '13811112222', role: 'dispatch' })).body.id;
  k2 = (await am2.post(`/api/customers/${c2}/contacts`, { name: '陈财务', mobile: '13833334444', role: 'finance' })).body.id;
});
afterAll(async () => t?.close());

const visit = (customerId: number, extra: Record<string, unknown> = {}) => ({ customerId, kind: 'visit', occurredOn: dayFromToday(-3), topic: 'payment', summary: '走访沟通预付气款', ...extra });

describe('interactions: log, change, delete', () => {
  it('logs a visit with participants and a follow-up task for the owner', async () => {
    const r = await am.post(
      '/api/interactions',
      visit(c1, { userIds: [pt.userId], contactIds: [k1], otherParticipants: '生产运行科', nextStep: '下周回访确认到账', followUp: { dueOn: dayFromToday(4) } }),
    );
    expect(r.status).toBe(201);
    expect(r.body.ownerId).toBe(am.userId);
    expect(r.body.users.map((u: any) => u.id)).toEqual([am.userId, pt.userId]);
    expect(r.body.contacts).toEqual([{ id: k1, name: '刘调度' }]);
    expect(r.body.taskIds).toHaveLength(1);
    const task = await t.db.selectFrom('follow_up_tasks').selectAll().where('id', '=', r.body.taskIds[0]).executeTakeFirstOrThrow();
    expect([task.title, task.assignee_id, task.due_on, task.customer_id, task.interaction_id]).toEqual(['下周回访确认到账', am.userId, dayFromToday(4), c1, r.body.id]);
    const audits = await t.db
      .selectFrom(auditTrail().as('a'))
      .select(['action', 'customer_id'])
      .where('entity', 'in', ['interaction', 'task'])
      .where('entity_id', 'in', [String(r.body.id), String(task.id)])
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { action: 'interaction.create', customer_id: c1 },
      { action: 'task.create', customer_id: c1 },
    ]);
  });

  it('refuses contacts of another customer, future dates, unknown users and owners outside the customer', async () => {
    const wrong = await am.post('/api/interactions', visit(c1, { contactIds: [k1, k2] }));
    expect(wrong.body.code).toBe('CONTACT_NOT_OF_CUSTOMER');
    expect(wrong.body.message).toContain('第 2 项');
    const future = await am.post('/api/interactions', visit(c1, { occurredOn: dayFromToday(2) }));
    expect(future.body.code).toBe('DATE_IN_FUTURE');
    expect(future.body.message).toContain('对接日期');
    const ghost = await am.post('/api/interactions', visit(c1, { userIds: [987654] }));
    expect(ghost.body.code).toBe('USER_UNKNOWN');
    const owner = await am.post('/api/interactions', visit(c1, { ownerId: am2.userId }));
    expect(owner.body.code).toBe('ASSIGNEE_OUT_OF_SCOPE');
    const badKind = await am.post('/api/interactions', visit(c1, { kind: 'email' }));
    expect(badKind.body.details.issues[0].path).toContain('kind');
    const n = await t.db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('customer_id', '=', c1)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1); // nothing half-written
  });

  it('edits and deletes, keeping linked tasks without the link', async () => {
    const r = (await am.post('/api/interactions', visit(c1, { kind: 'phone', topic: 'supply', summary: '电话沟通下月计划', followUp: { dueOn: dayFromToday(1), title: '收集计划' } }))).body;
    const u = await pt.patch(`/api/interactions/${r.id}`, { summary: '电话沟通下月用气计划', topic: 'price', contactIds: [k1] });
    expect(u.status).toBe(200);
    expect([u.body.summary, u.body.topic, u.body.contacts.length]).toEqual(['电话沟通下月用气计划', 'price', 1]);
    expect((await am.del(`/api/interactions/${r.id}`)).status).toBe(204);
    expect((await am.get(`/api/interactions/${r.id}`)).status).toBe(404);
    const task = await t.db.selectFrom('follow_up_tasks').select(['interaction_id', 'title']).where('id', '=', r.taskIds[0]).executeTakeFirstOrThrow();
    expect(task).toEqual({ interaction_id: null, title: '收集计划' });
    const acts = await t.db.selectFrom(auditTrail().as('a')).select('action').where('entity', '=', 'interaction').where('entity_id', '=', String(r.id)).orderBy('id').execute();
    expect(acts.map((a) => a.action)).toEqual(['interaction.create', 'interaction.update', 'interaction.delete']);
  });
});

describe('interactions: scope for each role', () => {
  beforeAll(async () => {
    await am2.post('/api/interactions', visit(c2, { kind: 'meeting', topic: 'price', summary: '价格座谈会' }));
    await am2.post('/api/interactions', visit(c2, { kind: 'phone', topic: 'policy', summary: '政策宣贯', occurredOn: dayFromToday(-40) }));
  });

  const customersSeen = async (c: Client) => [...new Set((await c.get('/api/interactions?pageSize=100')).body.items.map((i: any) => i.customerId))].sort();

  it('account and part-time managers see only their customers; lead, viewer and finance see all', async () => {
    expect(await customersSeen(am)).toEqual([c1]);
    expect(await customersSeen(pt)).toEqual([c1]);
    expect(await customersSeen(am2)).toEqual([c2]);
    for (const c of [lead, viewer, finance]) expect(await customersSeen(c)).toEqual([c1, c2].sort());
    expect((await am.get('/api/interaction-customers')).body.items.map((c: any) => c.id)).toEqual([c1]);
    expect((await lead.get('/api/interaction-customers?q=宜宾')).body.items.map((c: any) => c.name)).toEqual(['宜宾测试化工']);
  });

  it('refuses changes outside scope and by read-only roles', async () => {
    const id = (await am2.get('/api/interactions')).body.items[0].id;
    expect((await am.get(`/api/interactions/${id}`)).body.code).toBe('OUT_OF_SCOPE');
    expect((await am.patch(`/api/interactions/${id}`, { summary: 'x' })).body.code).toBe('OUT_OF_SCOPE');
    expect((await am.post('/api/interactions', visit(c2))).body.code).toBe('OUT_OF_SCOPE');
    expect((await am.get(`/api/interactions?customerId=${c2}`)).body.code).toBe('OUT_OF_SCOPE');
    expect((await viewer.post('/api/interactions', visit(c1))).body.code).toBe('FORBIDDEN');
    expect((await finance.del(`/api/interactions/${id}`)).body.code).toBe('FORBIDDEN');
    const byLead = await lead.post('/api/interactions', visit(c2, { ownerId: am2.userId }));
    expect(byLead.status).toBe(201);
    expect(byLead.body.ownerName).toContain('测试');
  });

  it('filters by kind, topic, owner and period, with pagination', async () => {
    const all = await lead.get('/api/interactions?pageSize=2');
    expect(all.body.total).toBe(4);
    expect(all.body.items).toHaveLength(2);
    const page2 = await lead.get('/api/interactions?pageSize=2&page=2');
    expect(page2.body.items.map((i: any) => i.id)).not.toContain(all.body.items[0].id);
    expect((await lead.get('/api/interactions?kind=meeting')).body.items.map((i: any) => i.summary)).toEqual(['价格座谈会']);
    expect((await lead.get('/api/interactions?topic=policy')).body.total).toBe(1);
    expect((await lead.get(`/api/interactions?ownerId=${am.userId}`)).body.total).toBe(1);
    expect((await lead.get(`/api/interactions?from=${dayFromToday(-50)}&to=${dayFromToday(-30)}`)).body.items.map((i: any) => i.summary)).toEqual(['政策宣贯']);
    expect((await lead.get('/api/interactions?q=宜宾测试')).body.total).toBe(3);
  });

  it('exports the filtered list to Excel with headers in the user language', async () => {
    const x = await lead.get(`/api/interactions/export?customerId=${c2}`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body) as any);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('对接记录');
    expect(ws.getRow(1).getCell(1).value).toBe('日期');
    expect(ws.rowCount).toBe(4); // header + 3 rows of c2
    const kinds = [2, 3, 4].map((r) => ws.getRow(r).getCell(4).value).sort();
    expect(kinds).toEqual(['会议', '电话', '走访']);
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const xe = await en.get(`/api/interactions/export?customerId=${c2}&kind=meeting`);
    const wbe = new ExcelJS.Workbook();
    await wbe.xlsx.load(Buffer.from(xe.body) as any);
    expect(wbe.worksheets[0].getRow(1).getCell(1).value).toBe('Date');
    expect(wbe.worksheets[0].getRow(2).getCell(4).value).toBe('Meeting');
  });
});
