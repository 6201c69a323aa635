import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from './testing/factory';

let t: TestApp;
let lead: Client, am1: Client, am2: Client, pt: Client, admin: Client;
const managersOf = async (id: number) => ((await lead.get(`/api/customers/${id}`)).body.managers as any[]).map((m) => [m.userId, m.kind]).sort();

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  admin = await t.userClient(['admin']);
  am1 = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  pt = await t.userClient(['part_time_manager']);
  for (const c of [lead, am1, am2, pt]) c.userId = (await c.get('/api/auth/me')).body.id;
});
afterAll(async () => t?.close());

describe('bulk reassign', () => {
  it('moves the full-time manager and adds a part-time one for every selected customer, audited per customer', async () => {
    const a = await createCustomer(lead);
    const b = await createCustomer(lead);
    const c = await createCustomer(lead);
    await lead.post(`/api/customers/${a.id}/managers`, { userId: am1.userId, kind: 'full_time' });
    // b: the new full-time manager is already its part-time manager — that role ends
    await lead.post(`/api/customers/${b.id}/managers`, { userId: am2.userId, kind: 'part_time' });
    await lead.post(`/api/customers/${c.id}/managers`, { userId: am2.userId, kind: 'full_time' });
    const r = await lead.post('/api/customers/bulk/reassign', { ids: [a.id, b.id, c.id, a.id], fullTimeUserId: am2.userId, partTimeUserId: pt.userId, reason: '片区调整' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, changed: 3, unchanged: 0 });
    for (const id of [a.id, b.id, c.id])
      expect(await managersOf(id)).toEqual(
        [
          [am2.userId, 'full_time'],
          [pt.userId, 'part_time'],
        ].sort(),
      );
    // the same request again changes nothing (repeatable)
    const again = await lead.post('/api/customers/bulk/reassign', { ids: [a.id, b.id, c.id], fullTimeUserId: am2.userId, partTimeUserId: pt.userId, reason: '片区调整' });
    expect(again.body).toMatchObject({ total: 3, changed: 0, unchanged: 3 });
    const audit = await admin.get(`/api/admin/audit?customerId=${a.id}&action=manager.reassign`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ before: { userId: am1.userId }, after: { userId: am2.userId, reason: '片区调整', bulk: true } });
    expect((await admin.get(`/api/admin/audit?customerId=${b.id}&action=manager.assign`)).body.items.length).toBe(3); // part-time am2, full-time am2, part-time pt
    // the old manager no longer sees a
    expect((await am1.get(`/api/customers/${a.id}`)).status).toBe(403);
  });

  it('refuses the whole request when a customer does not exist or is closed, writing nothing', async () => {
    const a = await createCustomer(lead);
    const r = await lead.post('/api/customers/bulk/reassign', { ids: [a.id, 99_999_999], fullTimeUserId: am1.userId, reason: 'x' });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('CUSTOMER_BULK_NOT_FOUND');
    expect(r.body.message).toContain('99999999');
    expect(await managersOf(a.id)).toEqual([]);
    // a user without the manager role: refused before anything is written
    const bad = await lead.post('/api/customers/bulk/reassign', { ids: [a.id], fullTimeUserId: pt.userId, reason: 'x' });
    expect(bad.body.code).toBe('CUSTOMER_MANAGER_ROLE');
    expect((await lead.post('/api/customers/bulk/reassign', { ids: [a.id], reason: 'x' })).body.code).toBe('CUSTOMER_BULK_NO_MANAGER');
  });

  it('limits the batch size with a clear message in both languages', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => i + 1);
    const r = await lead.post('/api/customers/bulk/reassign', { ids, fullTimeUserId: am1.userId, reason: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CUSTOMER_BULK_TOO_MANY');
    expect(r.body.message).toBe('一次最多批量处理 500 个客户（本次选择了 501 个），请分批操作');
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    expect((await en.post('/api/customers/bulk/tag', { ids, tag: 'x' })).body.message).toBe('At most 500 customers per bulk action (501 selected); split the selection');
  });

  it('is refused to a role without the assign permission', async () => {
    const a = await createCustomer(am1);
    expect((await am1.post('/api/customers/bulk/reassign', { ids: [a.id], fullTimeUserId: am2.userId, reason: 'x' })).body.code).toBe('FORBIDDEN');
  });
});

describe('bulk tag', () => {
  it('adds a tag to customers that lack it, audited per changed customer', async () => {
    const a = await createCustomer(am1, { tags: ['重点客户'] });
    const b = await createCustomer(am1, { tags: ['工业'] });
    const r = await am1.post('/api/customers/bulk/tag', { ids: [a.id, b.id], tag: '重点客户' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, changed: 1, unchanged: 1 });
    expect(r.body.items.find((i: any) => i.customerId === b.id).outcome).toBe('changed');
    expect((await am1.get(`/api/customers/${b.id}`)).body.tags).toEqual(['工业', '重点客户']);
    const h = await am1.get(`/api/customers/${b.id}/history`);
    expect(h.body.items[0]).toMatchObject({ action: 'customer.update', before: { tags: ['工业'] }, after: { tags: ['工业', '重点客户'], bulk: true } });
    const audit = await admin.get(`/api/admin/audit?customerId=${a.id}&action=customer.update`);
    expect(audit.body.items).toHaveLength(0);
  });

  it('refuses the whole request when one customer is out of scope: no customer is tagged', async () => {
    const mine = await createCustomer(am1);
    const theirs = await createCustomer(am2);
    const r = await am1.post('/api/customers/bulk/tag', { ids: [mine.id, theirs.id], tag: '待回访' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CUSTOMER_BULK_OUT_OF_SCOPE');
    expect(r.body.message).toContain(theirs.name);
    expect((await am1.get(`/api/customers/${mine.id}`)).body.tags).toEqual([]);
    expect((await am2.get(`/api/customers/${theirs.id}`)).body.tags).toEqual([]);
  });

  it('refuses a customer already at 20 tags, changing none of the others', async () => {
    const full = await createCustomer(am1, { tags: Array.from({ length: 20 }, (_, i) => `标签${i}`) });
    const other = await createCustomer(am1);
    const r = await am1.post('/api/customers/bulk/tag', { ids: [other.id, full.id], tag: '新标签' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CUSTOMER_BULK_TAGS_FULL');
    expect((await am1.get(`/api/customers/${other.id}`)).body.tags).toEqual([]);
  });
});

describe('bulk notice through the notices compose API', () => {
  it('sends one notice to the selected customers, and refuses the whole selection when one is out of scope', async () => {
    const mine = await createCustomer(am1);
    const mine2 = await createCustomer(am1);
    const theirs = await createCustomer(am2);
    const body = (customerIds: number[]) => ({
      kind: 'general',
      title: '检修通知',
      titleEn: 'Maintenance notice',
      body: '{customerName}：下周检修。',
      bodyEn: '{customerName}: maintenance next week.',
      recipients: { customerIds },
      channels: ['in_app'],
      requireReceipt: false,
    });
    const refused = await am1.post('/api/notices', body([mine.id, theirs.id]));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await am1.get('/api/notices')).body.total).toBe(0);
    const sent = await am1.post('/api/notices', body([mine.id, mine2.id]));
    expect(sent.status).toBe(201);
    expect(sent.body.recipients).toBe(2);
  });
});
