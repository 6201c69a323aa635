import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';

let t: TestApp;
let am: Client, other: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  am = await t.userClient(['account_manager']);
  other = await t.userClient(['finance']);
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

describe('saved filters', () => {
  it('are saved per user and list, replaced by name, deleted only by their owner, audited', async () => {
    const s = await am.put('/api/saved-filters', { list: 'customers', name: '泸州城燃', filters: { type: ['city_gas'], city: '泸州市' } });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ list: 'customers', name: '泸州城燃', filters: { type: ['city_gas'], city: '泸州市' } });
    await am.put('/api/saved-filters', { list: 'procedure-cases', name: '进行中', filters: { status: 'active' } });
    const same = await am.put('/api/saved-filters', { list: 'customers', name: '泸州城燃', filters: { type: ['city_gas', 'industrial'] } });
    expect(same.body.id).toBe(s.body.id);
    const mine = await am.get('/api/saved-filters?list=customers');
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0].filters).toEqual({ type: ['city_gas', 'industrial'] });
    expect((await other.get('/api/saved-filters?list=customers')).body).toEqual([]);
    expect((await other.del(`/api/saved-filters/${s.body.id}`)).status).toBe(404);
    expect((await am.del(`/api/saved-filters/${s.body.id}`)).status).toBe(204);
    expect((await am.get('/api/saved-filters?list=customers')).body).toEqual([]);
    expect((await am.get('/api/saved-filters?list=procedure-cases')).body).toHaveLength(1);
    const audit = await admin.get(`/api/admin/audit?entity=saved_filter&entityId=${s.body.id}`);
    expect(audit.body.items.map((i: any) => i.action).sort()).toEqual(['saved_filter.create', 'saved_filter.delete', 'saved_filter.update']);
  });

  it('refuses unknown lists, empty names and nested filter values', async () => {
    expect((await am.put('/api/saved-filters', { list: 'nope', name: 'x', filters: {} })).status).toBe(400);
    expect((await am.put('/api/saved-filters', { list: 'customers', name: ' ', filters: {} })).status).toBe(400);
    expect((await am.put('/api/saved-filters', { list: 'customers', name: 'x', filters: { a: { b: 1 } } })).status).toBe(400);
    expect((await am.get('/api/saved-filters')).status).toBe(400);
  });
});
