/**
 * The per-process session cache (platform/auth/sessions.ts) spares the session query on most
 * requests; it must never outlive a revocation on the process that revoked (issue 15 items 5 and 7;
 * across processes: platform/cluster.int.test.ts and docs/SECURITY.md). Each case first shows the
 * session is served from the cache (its row deleted behind the store's back still answers), so a
 * 401/403 afterwards comes from the revocation, not from a cache that was never used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/harness';
import { makeCustomer } from '../../modules/customers/testing/factory';
import { tokenHash } from './sessions';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

/** A second signed-in client of the same user, whose session is now in the cache. */
async function cachedSession(c: Client): Promise<Client> {
  const me = (await c.get('/api/auth/me')).body;
  const other = t.anon();
  await other.login(me.username);
  expect((await other.get('/api/auth/me')).status).toBe(200);
  return other;
}

/** Proves `c`'s session answers from the cache: its row is deleted directly, and it still works. */
async function servedFromCache(c: Client) {
  const id = tokenHash(c.cookie.replace('qike_sid=', ''));
  const copy = await t.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await t.db.deleteFrom('sessions').where('id', '=', id).execute();
  expect((await c.get('/api/auth/me')).status).toBe(200);
  await t.db.insertInto('sessions').values(copy).execute();
}

describe('session cache: revocation is immediate on this process', () => {
  it('sign-out', async () => {
    const c = await t.userClient(['viewer']);
    await servedFromCache(c);
    const stolen = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = t.anon();
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('password change ends the other sessions', async () => {
    const c = await t.userClient(['finance']);
    const other = await cachedSession(c);
    await servedFromCache(other);
    expect((await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'AnotherPass2027' })).status).toBe(204);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('a role change by an administrator ends the sessions (the old roles are not served from the cache)', async () => {
    const c = await t.userClient(['admin']);
    const { username } = (await c.get('/api/auth/me')).body;
    await servedFromCache(c);
    expect((await c.get('/api/admin/users?page=1&pageSize=5')).status).toBe(200);
    expect((await admin.patch(`/api/admin/users/${c.userId}`, { roles: ['viewer'] })).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    await c.login(username);
    expect((await c.get('/api/auth/me')).body.roles).toEqual(['viewer']);
    expect((await c.get('/api/admin/users?page=1&pageSize=5')).status).toBe(403);
  });

  it('disabling a user ends the sessions', async () => {
    const c = await t.userClient(['viewer']);
    await servedFromCache(c);
    expect((await admin.patch(`/api/admin/users/${c.userId}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('a customer-scope change applies to the next request (scope is read from the database, never cached)', async () => {
    const lead = await t.userClient(['sales_lead']);
    const am = await t.userClient(['account_manager']);
    await servedFromCache(am);
    const cust = await makeCustomer(t.db, { status: 'active' });
    expect((await am.get(`/api/customers/${cust.id}`)).body.code).toBe('OUT_OF_SCOPE');
    const assigned = await lead.post(`/api/customers/${cust.id}/managers`, { userId: am.userId, kind: 'part_time' });
    expect(assigned.status).toBe(200);
    expect((await am.get(`/api/customers/${cust.id}`)).status).toBe(200);
    const assignmentId = assigned.body.managers.find((m: any) => m.userId === am.userId).assignmentId;
    expect((await lead.post(`/api/customers/${cust.id}/managers/${assignmentId}/unassign`, { reason: '调整' })).status).toBe(200);
    expect((await am.get(`/api/customers/${cust.id}`)).body.code).toBe('OUT_OF_SCOPE');
  });
});
