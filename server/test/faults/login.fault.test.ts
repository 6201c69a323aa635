/**
 * Fault test (issue 10.3): parallel password guessing. Attempts are counted atomically in the
 * database before the password is checked; the client address is the socket's (X-Forwarded-For is
 * ignored unless TRUST_PROXY is set); lockouts expire and administrators can list and clear them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../harness';

let t: TestApp;
let admin: Client;
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.anon().req('POST', '/api/auth/login', JSON.stringify({ username, password }), { 'content-type': 'application/json', ...headers });
async function user(): Promise<string> {
  const c = await t.userClient(['viewer']);
  return (await c.get('/api/auth/me')).body.username;
}
const unlockAddress = () => admin.del('/api/admin/login-throttles/ip%3A127.0.0.1');

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

describe('parallel password guessing', () => {
  it('counts 40 wrong passwords sent at once: at most 5 are checked, the rest refused', async () => {
    const name = await user();
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => login(name, `wrong-guess-${i}`)));
    const checked = rs.filter((r) => r.status === 401).length;
    const refused = rs.filter((r) => r.status === 429);
    expect(checked).toBeLessThanOrEqual(5);
    expect(refused.length).toBe(40 - checked);
    expect(refused[0].body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused[0].body.message).toMatch(/分钟/);
    expect((await login(name, TEST_PASSWORD)).status).toBe(429);
    await unlockAddress();
  });

  it('refuses the right password hidden among 30 wrong ones', async () => {
    const name = await user();
    const wrong = Array.from({ length: 30 }, (_, i) => login(name, `wrong-${i}`));
    const right = login(name, TEST_PASSWORD);
    const rs = await Promise.all([...wrong, right]);
    expect(rs[30].status).toBe(429);
    expect(rs.filter((r) => r.status === 200)).toHaveLength(0);
    await unlockAddress();
  });

  it('limits per client address from the socket: a forged X-Forwarded-For neither escapes nor frames another address', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `nobody-${i}-${Date.now()}`);
    const rs: number[] = [];
    for (const [i, n] of names.entries()) rs.push((await login(n, 'x', { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(rs.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(rs.slice(50).every((s) => s === 429)).toBe(true);
    // The lock is on the real address, and nothing was recorded for the forged ones.
    const list = await admin.get('/api/admin/login-throttles');
    expect(list.status).toBe(200);
    const keys = list.body.items.map((x: any) => x.key);
    expect(keys).toContain('ip:127.0.0.1');
    expect(keys.some((k: string) => k.startsWith('ip:203.0.113.'))).toBe(false);
    // A good user from this address is refused until an administrator clears the lock (audited).
    const name = await user().catch(() => null);
    expect(name).toBeNull(); // userClient signs in from the locked address
    expect((await unlockAddress()).status).toBe(204);
    const audit = await admin.get('/api/admin/audit?entity=login_throttle');
    expect(audit.body.items.some((x: any) => x.action === 'auth.throttle_cleared')).toBe(true);
    expect((await login(await user(), TEST_PASSWORD)).status).toBe(200);
  });

  it('lockouts expire by themselves', async () => {
    const name = await user();
    for (let i = 0; i < 6; i++) await login(name, 'wrong');
    expect((await login(name, TEST_PASSWORD)).status).toBe(429);
    await sql`UPDATE login_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '16 minutes' WHERE key = ${'user:' + name.toLowerCase()}`.execute(t.db);
    expect((await login(name, TEST_PASSWORD)).status).toBe(200);
    await unlockAddress();
  });
});
