import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('health and readiness', () => {
  it('answers /api/health and /api/ready without login', async () => {
    expect((await t.anon().get('/api/health')).body).toEqual({ status: 'ok' });
    const r = await t.anon().get('/api/ready');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ready');
  });
  it('serves the OpenAPI document', async () => {
    const r = await t.anon().get('/api/docs/json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths)).toContain('/api/auth/login');
  });
});

describe('authentication', () => {
  it('rejects anonymous calls with a Chinese message by default and English on request', async () => {
    const zh = await t.anon().get('/api/auth/me');
    expect(zh.status).toBe(401);
    expect(zh.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const c = t.anon();
    c.lang = 'en';
    const en = await c.get('/api/auth/me');
    expect(en.body.message).toBe('Please sign in');
  });

  it('signs in with an httpOnly SameSite cookie, reports the user, and signs out', async () => {
    const c = await t.userClient(['account_manager']);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['account_manager']);
    expect(me.body.permissions).toContain('customers:read');
    const login = await t.anon().post('/api/auth/login', { username: me.body.username, password: TEST_PASSWORD });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('gives the same answer for an unknown user and a wrong password, and throttles repeated failures', async () => {
    const admin = await t.userClient(['admin']);
    const name = (await admin.get('/api/auth/me')).body.username;
    const a = await t.anon().post('/api/auth/login', { username: 'nobody-here', password: 'x' });
    const b = await t.anon().post('/api/auth/login', { username: name, password: 'wrong' });
    expect(a.status).toBe(401);
    expect(b.body).toEqual(a.body);
    for (let i = 0; i < 4; i++) await t.anon().post('/api/auth/login', { username: name, password: 'wrong' });
    const locked = await t.anon().post('/api/auth/login', { username: name, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('rejects malformed JSON, unknown fields and wrong types with 400 and a code', async () => {
    const raw = await t.anon().req('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe('MALFORMED_JSON');
    const unknown = await t.anon().post('/api/auth/login', { username: 'a', password: 'b', extra: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION');
    const wrongType = await t.anon().post('/api/auth/login', { username: 5, password: 'b' });
    expect(wrongType.body.code).toBe('VALIDATION');
    expect(wrongType.body.details.issues[0].path).toContain('username');
  });

  it('refuses oversize bodies with 413', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    const r = await t.anon().req('POST', '/api/auth/login', big, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('BODY_TOO_LARGE');
  });

  it('changing the password revokes the other sessions', async () => {
    const c1 = await t.userClient(['finance']);
    const me = (await c1.get('/api/auth/me')).body;
    const c2 = t.anon();
    await c2.login(me.username);
    const weak = await c1.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const wrong = await c1.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'NewPassword2027' });
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    expect((await c1.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassword2027' })).status).toBe(204);
    expect((await c1.get('/api/auth/me')).status).toBe(200);
    expect((await c2.get('/api/auth/me')).status).toBe(401);
    await t.anon().login(me.username, 'NewPassword2027');
  });

  it('remembers the language per user', async () => {
    const c = await t.userClient(['viewer']);
    expect((await c.put('/api/auth/lang', { lang: 'en' })).status).toBe(204);
    expect((await c.get('/api/auth/me')).body.lang).toBe('en');
    c.lang = 'zh-CN'; // the stored preference wins over the header
    expect((await c.get('/api/admin/users')).body.message).toBe('You do not have permission to do this');
  });

  it('remembers the volume unit per user across sessions (issue 9 item 8), audited, only m3 | wan | gj', async () => {
    const c = await t.userClient(['viewer']);
    const me = (await c.get('/api/auth/me')).body;
    expect(me.volumeUnit).toBeNull();
    expect((await c.put('/api/auth/preferences', { volumeUnit: 'gj' })).status).toBe(204);
    expect((await c.get('/api/auth/me')).body.volumeUnit).toBe('gj');
    const bad = await c.put('/api/auth/preferences', { volumeUnit: 'kg' });
    expect(bad.status).toBe(400);
    // a new session of the same user sees the choice
    const again = t.anon();
    await again.login(me.username, TEST_PASSWORD);
    expect((await again.get('/api/auth/me')).body.volumeUnit).toBe('gj');
    const admin = await t.userClient(['admin']);
    const audit = await admin.get(`/api/admin/audit?entity=user&entityId=${me.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toContain('user.set_preferences');
  });
});

describe('user administration', () => {
  it('is denied to non-admins', async () => {
    const am = await t.userClient(['account_manager']);
    const r = await am.get('/api/admin/users');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN');
  });

  it('creates, updates, disables users and audits each change', async () => {
    const admin = await t.userClient(['admin']);
    const created = await admin.post('/api/admin/users', { username: 'rev.qs1', displayName: '质安审查', roles: ['reviewer'], department: 'quality_safety', password: 'Reviewer2026x' });
    expect(created.status).toBe(201);
    const noDept = await admin.post('/api/admin/users', { username: 'rev.x', displayName: 'x', roles: ['reviewer'], password: 'Reviewer2026x' });
    expect(noDept.body.code).toBe('DEPARTMENT_REQUIRED');
    const dup = await admin.post('/api/admin/users', { username: 'rev.qs1', displayName: 'x', roles: ['viewer'], password: 'Reviewer2026x' });
    expect(dup.status).toBe(409);

    const u = t.anon();
    await u.login('rev.qs1', 'Reviewer2026x');
    expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    const dis = await admin.patch(`/api/admin/users/${created.body.id}`, { disabled: true });
    expect(dis.body.disabled).toBe(true);
    expect((await u.get('/api/auth/me')).status).toBe(401);
    const again = await t.anon().post('/api/auth/login', { username: 'rev.qs1', password: 'Reviewer2026x' });
    expect(again.body.code).toBe('ACCOUNT_DISABLED');

    const audit = await admin.get(`/api/admin/audit?entity=user&entityId=${created.body.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(expect.arrayContaining(['user.create', 'user.disable']));
    const dis2 = audit.body.items.find((a: any) => a.action === 'user.disable');
    expect(dis2.before.disabled).toBe(false);
    expect(dis2.after.disabled).toBe(true);
  });
});

describe('user directory', () => {
  it('lists enabled users with their names, filtered by role, without password data', async () => {
    const am = await t.userClient(['account_manager']);
    const viewer = await t.userClient(['viewer']);
    const all = await viewer.get('/api/users/directory');
    expect(all.status).toBe(200);
    expect(all.body.map((u: any) => u.id)).toEqual(expect.arrayContaining([am.userId, viewer.userId]));
    const ams = (await viewer.get('/api/users/directory?role=account_manager')).body;
    expect(ams.map((u: any) => u.id)).toContain(am.userId);
    expect(ams.map((u: any) => u.id)).not.toContain(viewer.userId);
    expect(Object.keys(ams[0]).sort()).toEqual(['department', 'displayName', 'id', 'phone', 'roles', 'username']);
  });
});
