/** Use cases of identity: sign-in, password, language, user administration. */
import type { FastifyBaseLogger } from 'fastify';
import { ROLE_PERMISSIONS, DEPARTMENTS, type Role } from '@common/roles';
import type { Lang } from '@common/lang';
import type { VolumeUnit } from '@common/units';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../platform/auth/password';
import { attemptSucceeded, reserveAttempt, type ThrottleKey } from '../../platform/auth/throttle';
import type { SessionUser } from '../../platform/auth/session-user';
import * as repo from './identity.repo';
import { hasActiveAdmin } from '../../platform/auth/users';

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

/**
 * Sign in. Failed sign-ins are throttled in the database (platform/auth/throttle.ts): 5 per
 * username, 50 per client address within 15 minutes; every attempt is counted before the password
 * is checked, so parallel guesses cannot slip through.
 */
export async function login(ctx: AppContext, username: string, password: string, meta: { ip: string; userAgent?: string }) {
  const keys: ThrottleKey[] = [
    { kind: 'user', value: username },
    { kind: 'ip', value: meta.ip },
  ];
  const minutes = await reserveAttempt(ctx.db, keys);
  if (minutes > 0) throw new AppError('TOO_MANY_ATTEMPTS', { minutes });
  const user = await repo.findUserByUsername(ctx.db, username);
  dummyHash ??= hashPassword('dummy-password-1');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok) {
    await inTx(ctx.db, (trx) => audit(trx, { userId: user?.id ?? null, username, ip: meta.ip }, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null }));
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  await attemptSucceeded(ctx.db, keys);
  const session = await ctx.sessions.create(user.id, meta);
  await inTx(ctx.db, (trx) => audit(trx, { userId: user.id, username: user.username, ip: meta.ip }, { action: 'auth.login', entity: 'user', entityId: user.id }));
  return session;
}

export function me(u: SessionUser) {
  const permissions = [...new Set(u.roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []))];
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    department: u.department,
    lang: u.lang,
    volumeUnit: u.volumeUnit ?? null,
    mustChangePassword: u.mustChangePassword,
    permissions,
  };
}

export async function logout(ctx: AppContext, u: SessionUser, actor: Actor) {
  await ctx.sessions.destroy(u.sessionId);
  await inTx(ctx.db, (trx) => audit(trx, actor, { action: 'auth.logout', entity: 'user', entityId: u.id }));
}

/** Change one's own password; every other session of the user is revoked. */
export async function changePassword(ctx: AppContext, u: SessionUser, current: string, next: string, actor: Actor) {
  const row = await repo.findUserById(ctx.db, u.id);
  if (!row || !(await verifyPassword(row.password_hash, current))) throw new AppError('WRONG_PASSWORD');
  assertStrongPassword(next, u.username);
  const hash = await hashPassword(next);
  await inTx(ctx.db, async (trx) => {
    await repo.updateUser(trx, u.id, { password_hash: hash, must_change_password: false, password_changed_at: new Date() });
    await audit(trx, actor, { action: 'user.change_password', entity: 'user', entityId: u.id });
  });
  await ctx.sessions.revokeUser(u.id, u.sessionId);
  ctx.sessions.forgetUser(u.id);
}

export async function setLang(ctx: AppContext, u: SessionUser, lang: Lang, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    await repo.updateUser(trx, u.id, { lang });
    await audit(trx, actor, { action: 'user.set_lang', entity: 'user', entityId: u.id, before: { lang: u.lang }, after: { lang } });
  });
  ctx.sessions.forgetUser(u.id);
}

/** Remember the volume unit (m³ / 万方 / GJ) the user chose, for every page and session (issue 9 item 8). */
export async function setPreferences(ctx: AppContext, u: SessionUser, p: { volumeUnit: VolumeUnit }, actor: Actor) {
  if (u.volumeUnit === p.volumeUnit) return;
  await inTx(ctx.db, async (trx) => {
    await repo.updateUser(trx, u.id, { volume_unit: p.volumeUnit });
    await audit(trx, actor, { action: 'user.set_preferences', entity: 'user', entityId: u.id, before: { volumeUnit: u.volumeUnit ?? null }, after: { volumeUnit: p.volumeUnit } });
  });
  ctx.sessions.forgetUser(u.id);
}

function checkRoles(roles: Role[], department: string | null | undefined) {
  if (roles.includes('reviewer') && !(department && (DEPARTMENTS as readonly string[]).includes(department))) throw new AppError('DEPARTMENT_REQUIRED');
}

export async function createUser(
  ctx: AppContext,
  input: { username: string; displayName: string; roles: Role[]; department?: string | null; phone?: string | null; email?: string | null; password: string },
  actor: Actor,
) {
  checkRoles(input.roles, input.department);
  assertStrongPassword(input.password, input.username);
  if (await repo.findUserByUsername(ctx.db, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username });
  const hash = await hashPassword(input.password);
  return inTx(ctx.db, async (trx) => {
    const row = await repo.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      roles: input.roles,
      department: input.department ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      must_change_password: true,
    });
    const view = repo.toUserView(row);
    await audit(trx, actor, { action: 'user.create', entity: 'user', entityId: row.id, after: view });
    return view;
  });
}

export async function updateUser(
  ctx: AppContext,
  id: number,
  patch: { displayName?: string; roles?: Role[]; department?: string | null; phone?: string | null; email?: string | null; disabled?: boolean },
  actor: Actor,
) {
  const before = await repo.findUserById(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: { zh: '用户', en: 'User' } });
  if (patch.disabled && id === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
  const roles = patch.roles ?? (before.roles as Role[]);
  const department = patch.department !== undefined ? patch.department : before.department;
  checkRoles(roles, department);
  const view = await inTx(ctx.db, async (trx) => {
    const row = await repo.updateUser(trx, id, {
      display_name: patch.displayName,
      roles: patch.roles,
      department: patch.department,
      phone: patch.phone,
      email: patch.email,
      disabled: patch.disabled,
    });
    const after = repo.toUserView(row);
    await audit(trx, actor, { action: patch.disabled === true ? 'user.disable' : 'user.update', entity: 'user', entityId: id, before: repo.toUserView(before), after });
    return after;
  });
  // Disabling a user or changing roles ends their sessions: they sign in again with the new rights.
  if (patch.disabled || patch.roles) await ctx.sessions.revokeUser(id);
  else ctx.sessions.forgetUser(id);
  return view;
}

export async function resetPassword(ctx: AppContext, id: number, newPassword: string, actor: Actor) {
  const before = await repo.findUserById(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: { zh: '用户', en: 'User' } });
  assertStrongPassword(newPassword, before.username);
  const hash = await hashPassword(newPassword);
  await inTx(ctx.db, async (trx) => {
    await repo.updateUser(trx, id, { password_hash: hash, must_change_password: true, password_changed_at: new Date() });
    await audit(trx, actor, { action: 'user.reset_password', entity: 'user', entityId: id });
  });
  await ctx.sessions.revokeUser(id);
}

/**
 * The first administrator of a production database comes from ADMIN_USERNAME / ADMIN_PASSWORD
 * (or `npm run cli -- create-admin`), never from a default password.
 */
export async function ensureFirstAdmin(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'warn'>) {
  if (await hasActiveAdmin(ctx.db)) return;
  const { adminUsername, adminPassword } = ctx.config;
  if (adminUsername && adminPassword) {
    await createUser(ctx, { username: adminUsername, displayName: '系统管理员', roles: ['admin'], password: adminPassword }, { userId: null, username: 'system' });
    log.info({ username: adminUsername }, 'first administrator created from ADMIN_USERNAME');
  } else {
    log.warn('no administrator exists: set ADMIN_USERNAME and ADMIN_PASSWORD, or run `npm run cli -- create-admin <username>`');
  }
}
