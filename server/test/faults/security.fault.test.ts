/**
 * Fault test (issue 10.7): security headers on every response, the session cookie Secure outside
 * demo mode, the password policy at creation, and CSRF refusal of cross-site mutations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../harness';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

describe('security headers and settings', () => {
  it('sends CSP with frame-ancestors, nosniff and a referrer policy on every response, errors included', async () => {
    for (const r of [await t.anon().get('/api/health'), await t.anon().get('/api/customers'), await t.anon().get('/api/nothing-here')]) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('marks the session cookie Secure outside demo mode', async () => {
    const me = (await admin.get('/api/auth/me')).body.username;
    const r = await t.anon().post('/api/auth/login', { username: me, password: TEST_PASSWORD });
    expect(r.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
  });

  it('checks new passwords against the minimum policy', async () => {
    const base = { displayName: '测试', roles: ['viewer'] };
    const weak = await admin.post('/api/admin/users', { ...base, username: 'pwtest1', password: 'short1' });
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const own = await admin.post('/api/admin/users', { ...base, username: 'pwtest2', password: 'pwtest2-2026x' });
    expect(own.body.code).toBe('PASSWORD_HAS_USERNAME');
    const common = await admin.post('/api/admin/users', { ...base, username: 'pwtest3', password: 'Password123' });
    expect(common.body.code).toBe('PASSWORD_TOO_COMMON');
    expect((await admin.post('/api/admin/users', { ...base, username: 'pwtest4', password: 'gas-flow-2026' })).status).toBe(201);
  });

  it('refuses a cookie-authenticated mutation from another site, allows the same site', async () => {
    const host = new URL(t.url).host;
    const evil = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'en' }), { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('CROSS_SITE_REQUEST');
    const evilRef = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'en' }), { 'content-type': 'application/json', referer: 'https://evil.example/page' });
    expect(evilRef.status).toBe(403);
    const login = await t.anon().req('POST', '/api/auth/login', JSON.stringify({ username: 'x', password: 'y' }), { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(login.status).toBe(403);
    const same = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'en' }), { 'content-type': 'application/json', origin: `http://${host}` });
    expect(same.status).toBe(204);
    // Reads are not affected.
    expect((await admin.req('GET', '/api/auth/me', undefined, { origin: 'https://evil.example' })).status).toBe(200);
  });

  it('refuses a cookie-authenticated mutation with neither Origin, Referer nor X-Requested-With', async () => {
    // The harness client sends x-requested-with like the web client; an empty value removes it.
    const bare = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'en' }), { 'content-type': 'application/json', 'x-requested-with': '' });
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('CSRF_HEADER_REQUIRED');
    expect(bare.body.message).toContain('X-Requested-With');
    const withHeader = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'zh-CN' }), { 'content-type': 'application/json', 'x-requested-with': 'qike' });
    expect(withHeader.status).toBe(204);
    const host = new URL(t.url).host;
    const sameOrigin = await admin.req('PUT', '/api/auth/lang', JSON.stringify({ lang: 'zh-CN' }), { 'content-type': 'application/json', 'x-requested-with': '', origin: `http://${host}` });
    expect(sameOrigin.status).toBe(204);
    // Without the session cookie (a script signing in) the header is not needed.
    const me = (await admin.get('/api/auth/me')).body.username;
    const login = await t.anon().req('POST', '/api/auth/login', JSON.stringify({ username: me, password: TEST_PASSWORD }), { 'content-type': 'application/json', 'x-requested-with': '' });
    expect(login.status).toBe(200);
  });
});
