import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeCustomer } from '../customers/testing/factory';
import { auditTrail } from '../../platform/audit/audit';

let t: TestApp;
let am: Client;
let other: Client;
let viewer: Client;
let c1: number;

beforeAll(async () => {
  t = await startTestApp();
  am = await t.userClient(['account_manager']);
  other = await t.userClient(['account_manager']);
  viewer = await t.userClient(['viewer']);
  c1 = (await makeCustomer(t.db, { managerId: am.userId })).id;
});
afterAll(async () => t?.close());

const primaries = async (customerId: number) =>
  (await t.db.selectFrom('customer_contacts').select(['id', 'name']).where('customer_id', '=', customerId).where('is_primary', '=', true).where('deleted_at', 'is', null).execute()).map((r) => r.name);

describe('contacts: exactly one primary contact per customer', () => {
  it('makes the first contact primary, and a new primary unsets the old one', async () => {
    const a = await am.post(`/api/customers/${c1}/contacts`, { name: '王建华', title: '总经理', mobile: '13980001234', role: 'legal_rep' });
    expect(a.status).toBe(201);
    expect(a.body.isPrimary).toBe(true);
    const b = await am.post(`/api/customers/${c1}/contacts`, { name: '李秀英', landline: '0830-3100123', role: 'finance' });
    expect(b.body.isPrimary).toBe(false);
    expect(await primaries(c1)).toEqual(['王建华']);

    const c = await am.post(`/api/customers/${c1}/contacts`, { name: '张敏', mobile: '15800001111', role: 'dispatch', isPrimary: true });
    expect(c.body.isPrimary).toBe(true);
    expect(await primaries(c1)).toEqual(['张敏']);

    const p = await am.post(`/api/contacts/${b.body.id}/primary`);
    expect(p.status).toBe(200);
    expect(await primaries(c1)).toEqual(['李秀英']);

    const list = await am.get(`/api/customers/${c1}/contacts`);
    expect(list.body.items.map((x: any) => [x.name, x.isPrimary])).toEqual([
      ['李秀英', true],
      ['王建华', false],
      ['张敏', false],
    ]);
  });

  it('refuses to un-primary the primary contact, and promotes the oldest when the primary is deleted', async () => {
    const list = (await am.get(`/api/customers/${c1}/contacts`)).body.items;
    const primary = list.find((x: any) => x.isPrimary);
    const r = await am.patch(`/api/contacts/${primary.id}`, { isPrimary: false });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CONTACT_PRIMARY_REQUIRED');
    expect(r.body.message).toContain('李秀英');
    expect((await am.del(`/api/contacts/${primary.id}`)).status).toBe(204);
    expect(await primaries(c1)).toEqual(['王建华']);
    expect((await am.get(`/api/customers/${c1}/contacts`)).body.items).toHaveLength(2);
    expect((await am.get(`/api/customers/${c1}/contacts?includeDeleted=true`)).body.items).toHaveLength(3);
  });

  it('the database itself refuses a second primary contact', async () => {
    await expect(t.db.insertInto('customer_contacts').values({ customer_id: c1, name: 'x', role: 'other', is_primary: true, mobile: '13900000000', updated_at: new Date() }).execute()).rejects.toThrow(
      /customer_contacts_one_primary|duplicate|unique/i,
    );
  });

  it('validates phone formats and needs a way to reach the contact, naming the field', async () => {
    const badMobile = await am.post(`/api/customers/${c1}/contacts`, { name: '赵六', mobile: '1398000123', role: 'safety' });
    expect(badMobile.status).toBe(400);
    expect(badMobile.body.code).toBe('VALIDATION');
    expect(badMobile.body.details.issues[0].path).toContain('mobile');
    const badLandline = await am.post(`/api/customers/${c1}/contacts`, { name: '赵六', landline: '08303100001', role: 'safety' });
    expect(badLandline.body.details.issues[0].path).toContain('landline');
    const badRole = await am.post(`/api/customers/${c1}/contacts`, { name: '赵六', mobile: '13980001234', role: 'boss' });
    expect(badRole.body.details.issues[0].path).toContain('role');
    const none = await am.post(`/api/customers/${c1}/contacts`, { name: '赵六', role: 'safety' });
    expect(none.body.code).toBe('CONTACT_NO_MEANS');
    expect(none.body.message).toBe('联系人“赵六”至少需要填写手机、座机或邮箱之一');
  });

  it('keeps the history of a contact in the audit log, with the customer id', async () => {
    const c = (await am.post(`/api/customers/${c1}/contacts`, { name: '周八', mobile: '13700001111', role: 'business' })).body;
    const u = await am.patch(`/api/contacts/${c.id}`, { title: '市场部经理', mobile: '13700002222' });
    expect(u.body.mobile).toBe('13700002222');
    const h = await am.get(`/api/contacts/${c.id}/history`);
    expect(h.body.items.map((x: any) => x.action)).toEqual(['contact.update', 'contact.create']);
    expect(h.body.items[0].before.mobile).toBe('13700001111');
    expect(h.body.items[0].after.mobile).toBe('13700002222');
    const rows = await t.db.selectFrom(auditTrail().as('a')).select(['customer_id']).where('entity', '=', 'contact').where('entity_id', '=', String(c.id)).execute();
    expect(rows.every((r) => r.customer_id === c1)).toBe(true);
  });

  it('applies scope: other managers cannot see or change, viewers read only', async () => {
    expect((await other.get(`/api/customers/${c1}/contacts`)).body.code).toBe('OUT_OF_SCOPE');
    const add = await other.post(`/api/customers/${c1}/contacts`, { name: 'x', mobile: '13900000000', role: 'other' });
    expect(add.status).toBe(403);
    expect((await viewer.get(`/api/customers/${c1}/contacts`)).body.items.length).toBeGreaterThan(0);
    const w = await viewer.post(`/api/customers/${c1}/contacts`, { name: 'x', mobile: '13900000000', role: 'other' });
    expect(w.body.code).toBe('FORBIDDEN');
    expect((await am.get(`/api/customers/999999/contacts`)).status).toBe(404);
  });
});
