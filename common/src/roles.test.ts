import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './roles';

describe('role permissions', () => {
  it('grant only known permissions', () => {
    for (const r of ROLES) for (const p of ROLE_PERMISSIONS[r]) expect(PERMISSIONS).toContain(p);
  });
  it('keep viewers read-only', () => {
    expect(ROLE_PERMISSIONS.viewer.every((p) => p.endsWith(':read') || p === 'customers:all')).toBe(true);
  });
  it('scope account managers to their customers and deny user administration', () => {
    expect(can(['account_manager'], 'customers:all')).toBe(false);
    expect(can(['account_manager'], 'users:manage')).toBe(false);
    expect(can(['account_manager', 'admin'], 'users:manage')).toBe(true);
    expect(can([], 'customers:read')).toBe(false);
  });
});
