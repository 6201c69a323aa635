import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from './testing/factory';

let t: TestApp;
let lead: Client, am1: Client, am2: Client, pt: Client, viewer: Client;
let mine: number, theirs: number, keyCustomer: number;
const idOf = async (c: Client) => (await c.get('/api/auth/me')).body.id as number;

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am1 = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  pt = await t.userClient(['part_time_manager']);
  viewer = await t.userClient(['viewer']);
  mine = (await createCustomer(lead, { name: '泸州兴泸燃气有限公司' })).id;
  theirs = (await createCustomer(lead, { name: '宜宾港华燃气有限公司', city: '宜宾市', county: '翠屏区' })).id;
  keyCustomer = (await createCustomer(lead, { name: '泸州川南天然气发电有限公司', type: 'power', priceCategory: 'power' })).id;
  await lead.post(`/api/customers/${mine}/managers`, { userId: await idOf(am1), kind: 'full_time' });
  await lead.post(`/api/customers/${keyCustomer}/managers`, { userId: await idOf(am1), kind: 'full_time' });
  await lead.post(`/api/customers/${theirs}/managers`, { userId: await idOf(am2), kind: 'full_time' });
  await lead.post(`/api/customers/${keyCustomer}/managers`, { userId: await idOf(pt), kind: 'part_time' });
});
afterAll(async () => t?.close());

const ids = (r: any) => r.body.items.map((i: any) => i.id).sort((a: number, b: number) => a - b);

describe('customer scope by role', () => {
  it('an account manager sees and changes only their customers', async () => {
    expect(ids(await am1.get('/api/customers'))).toEqual([mine, keyCustomer].sort((a, b) => a - b));
    expect((await am1.get(`/api/customers/${theirs}`)).body.code).toBe('OUT_OF_SCOPE');
    const p = await am1.patch(`/api/customers/${theirs}`, { notes: 'x' });
    expect(p.status).toBe(403);
    expect(p.body.code).toBe('OUT_OF_SCOPE');
    expect((await am1.patch(`/api/customers/${mine}`, { notes: '已走访' })).body.notes).toBe('已走访');
    expect((await am1.post(`/api/customers/${theirs}/transitions`, { to: 'survey', reason: 'x' })).status).toBe(403);
    expect((await am1.get(`/api/customers/${theirs}/history`)).status).toBe(403);
    expect((await am1.post(`/api/customers/${mine}/managers`, { userId: await idOf(pt), kind: 'part_time' })).body.code).toBe('FORBIDDEN');
    const exp = await am1.get('/api/customers/export.xlsx');
    expect(exp.status).toBe(200);
  });

  it('a customer an account manager registers is theirs', async () => {
    const c = await createCustomer(am2, { name: '宜宾天原化工配套有限公司', type: 'chemical', priceCategory: 'chemical_feedstock', city: '宜宾市', county: '叙州区' });
    const view = (await am2.get(`/api/customers/${c.id}`)).body;
    expect(view.managers.map((m: any) => [m.userId, m.kind])).toEqual([[await idOf(am2), 'full_time']]);
    expect((await am1.get(`/api/customers/${c.id}`)).status).toBe(403);
  });

  it('a part-time manager sees only the customers assigned to them', async () => {
    expect(ids(await pt.get('/api/customers'))).toEqual([keyCustomer]);
    expect((await pt.get(`/api/customers/${mine}`)).status).toBe(403);
    expect((await pt.patch(`/api/customers/${keyCustomer}`, { tags: ['重点客户'] })).status).toBe(200);
  });

  it('the sales lead sees all; a viewer reads all but changes nothing', async () => {
    expect((await lead.get('/api/customers')).body.total).toBe(4);
    expect((await viewer.get('/api/customers')).body.total).toBe(4);
    expect((await viewer.get(`/api/customers/${theirs}`)).status).toBe(200);
    for (const r of [
      await viewer.patch(`/api/customers/${theirs}`, { notes: 'x' }),
      await viewer.post('/api/customers', { name: '某某公司', type: 'other', priceCategory: 'commercial', province: '四川省', city: '泸州市' }),
      await viewer.post(`/api/customers/${theirs}/transitions`, { to: 'survey', reason: 'x' }),
      await viewer.post(`/api/customers/${theirs}/delivery-points`, { name: '某站', kind: 'gate_station', meterNo: 'M-1' }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
  });

  it('the expiring-documents list and tags respect the scope', async () => {
    await lead.patch(`/api/customers/${theirs}`, { tags: ['页岩气'] });
    const tags = (await am1.get('/api/customers/tags')).body.map((x: any) => x.tag);
    expect(tags).not.toContain('页岩气');
    expect((await lead.get('/api/customers/tags')).body.map((x: any) => x.tag)).toContain('页岩气');
  });
});

describe('published scope reads', () => {
  it('customersInScope and customersManagedBy select the same customers as the scope rule', async () => {
    const { customersInScope, customersManagedBy, inCustomerScope } = await import('./index');
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    for (const [c, roles] of [
      [am1, ['account_manager']],
      [pt, ['part_time_manager']],
      [lead, ['sales_lead']],
    ] as const) {
      const user = { id: await idOf(c), roles: [...roles] } as any;
      const viaSubquery = (await t.db.selectFrom(customersInScope(user).as('s')).select('customer_id').execute()).map((r) => r.customer_id);
      const viaRule = (await t.db.selectFrom('customers as c').select('c.id').where(inCustomerScope(user, 'c.id')).execute()).map((r) => r.id);
      expect(sorted(viaSubquery)).toEqual(sorted(viaRule));
    }
    const managed = (
      await t.db
        .selectFrom(customersManagedBy(await idOf(am1)).as('m'))
        .select('customer_id')
        .execute()
    ).map((r) => r.customer_id);
    expect(sorted(managed)).toEqual(sorted([mine, keyCustomer]));
  });
});
