/**
 * Server-side sessions. The cookie holds a random token; the database keeps only its SHA-256.
 * A short in-process cache spares a query per request; every revocation clears it for the user —
 * in every server process (issue 15.7): the revocation is published on the bus (PostgreSQL
 * NOTIFY), and each process drops the user's cached sessions. A lookup that raced with a
 * revocation is not cached (the revocation epoch moved while it ran), and a lost listening
 * connection empties the whole cache.
 */
import crypto from 'node:crypto';
import { pickLang } from '@common/lang';
import { pickVolumeUnit } from '@common/units';
import type { Role } from '@common/roles';
import type { Db } from '../db/database';
import type { SessionUser } from './session-user';
import type { Bus } from '../events/bus';

const TOPIC = 'sessions.revoked';

const CACHE_MS = 5_000;

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  private cache = new Map<string, { user: SessionUser; expiresAt: number; cachedAt: number }>();
  /** Moves on every revocation seen (here or from another process). */
  private epoch = 0;
  constructor(
    private db: Db,
    private ttlHours: number,
    private bus?: Bus,
  ) {
    bus?.subscribe(TOPIC, (data) => {
      const m = JSON.parse(data) as { userId?: number; sessionId?: string };
      this.drop(m);
    });
    bus?.onReset(() => {
      this.epoch++;
      this.cache.clear();
    });
  }

  private drop(m: { userId?: number; sessionId?: string; keep?: string }) {
    this.epoch++;
    if (m.sessionId) this.cache.delete(m.sessionId);
    if (m.userId !== undefined) for (const [k, v] of this.cache) if (v.user.id === m.userId && k !== m.keep) this.cache.delete(k);
  }

  /** Tell every process (this one at once) to drop cached copies. */
  private async broadcast(m: { userId?: number; sessionId?: string; keep?: string }) {
    this.drop(m);
    await this.bus?.publish(TOPIC, JSON.stringify(m));
  }

  async create(userId: number, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; expiresAt: Date }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600_000);
    await this.db
      .insertInto('sessions')
      .values({ id: tokenHash(token), user_id: userId, expires_at: expiresAt, ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null })
      .execute();
    return { token, expiresAt };
  }

  /** The session's user, or 'expired' / null. Disabled users have no valid sessions. */
  async resolve(token: string): Promise<SessionUser | 'expired' | null> {
    const id = tokenHash(token);
    const now = Date.now();
    const hit = this.cache.get(id);
    if (hit && now - hit.cachedAt < CACHE_MS) return hit.expiresAt > now ? hit.user : 'expired';
    const epoch = this.epoch;
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.expires_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.roles', 'u.department', 'u.lang', 'u.volume_unit', 'u.disabled', 'u.must_change_password'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row || row.disabled) {
      this.cache.delete(id);
      return null;
    }
    const expiresAt = row.expires_at.getTime();
    if (expiresAt <= now) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      this.cache.delete(id);
      return 'expired';
    }
    const user: SessionUser = {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles as Role[],
      department: row.department,
      lang: pickLang(row.lang),
      volumeUnit: pickVolumeUnit(row.volume_unit),
      mustChangePassword: row.must_change_password,
      sessionId: id,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    if (epoch === this.epoch) this.cache.set(id, { user, expiresAt, cachedAt: now });
    return user;
  }

  async destroy(sessionId: string): Promise<void> {
    this.cache.delete(sessionId);
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await this.broadcast({ sessionId });
  }

  /** Revoke every session of a user (password change, disable, role change), except `keep`. */
  async revokeUser(userId: number, keep?: string): Promise<void> {
    this.drop({ userId, keep });
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) q = q.where('id', '!=', keep);
    await q.execute();
    await this.broadcast({ userId, keep });
  }

  /** Drop cached copies of a user's sessions (every process) so that profile changes (language, roles) show at once. */
  forgetUser(userId: number): void {
    void this.broadcast({ userId }).catch(() => {}); // this process at once; others within a NOTIFY's delay
  }
}
