/**
 * Deny by default, for every route of every module: anonymous calls get 401, and a signed-in
 * user whose roles lack a route's permission gets 403 — before any handler runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, type Role } from '@common/roles';
import { startTestApp, type TestApp, type Client } from '../../../test/harness';

let t: TestApp;
const clients = new Map<Role, Client>();
beforeAll(async () => {
  t = await startTestApp();
  for (const r of ROLES) clients.set(r, await t.userClient([r]));
});
afterAll(async () => t?.close());

const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name) => (/id$/i.test(name) ? '1' : 'x'));

describe('access rules on every route', () => {
  it('every /api route is either public or names a permission', () => {
    expect(t.built.routes.length).toBeGreaterThan(10);
    for (const r of t.built.routes) expect(r.public || !!r.permission, `${r.method} ${r.url}`).toBe(true);
  });

  it('refuses anonymous calls to every non-public route with 401', async () => {
    const anon = t.anon();
    const failures: string[] = [];
    for (const r of t.built.routes.filter((x) => !x.public)) {
      const res = await anon.req(r.method, concrete(r.url), ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined);
      if (res.status !== 401) failures.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every role the routes it has no permission for with 403', async () => {
    const failures: string[] = [];
    for (const r of t.built.routes.filter((x) => !x.public && x.permission !== 'authenticated')) {
      for (const role of ROLES) {
        if (ROLE_PERMISSIONS[role].includes(r.permission as any)) continue;
        const res = await clients.get(role)!.req(r.method, concrete(r.url), ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined);
        if (res.status !== 403) failures.push(`${role}: ${r.method} ${r.url} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
