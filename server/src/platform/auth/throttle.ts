/**
 * Throttling of failed sign-ins, in the database (table login_throttle), per username and per
 * client address. An attempt is counted *before* the password is checked, in one atomic upsert,
 * and given back when it succeeds; so 40 guesses sent at once are all counted, and a right
 * password arriving among many wrong ones is refused once the limit is passed. After `max`
 * counted attempts within WINDOW the key is locked for LOCK; locks expire by themselves and
 * administrators can list and clear them.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';

export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const LIMITS = { user: 5, ip: 50 } as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };
const keyOf = (k: ThrottleKey) => `${k.kind}:${k.kind === 'user' ? k.value.toLowerCase() : k.value}`;

/**
 * Count an attempt for every key; returns the minutes left on the longest lock when any key is
 * (now) locked — the attempt must then be refused without checking the password.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[]): Promise<number> {
  let minutes = 0;
  for (const k of keys) {
    const max = LIMITS[k.kind];
    const r = await sql<{ failures: number; minutes: number | null }>`
      INSERT INTO login_throttle AS t (key, failures, window_start, last_attempt_at) VALUES (${keyOf(k)}, 1, now(), now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_start < now() - ${`${WINDOW_MINUTES} minutes`}::interval AND (t.locked_until IS NULL OR t.locked_until <= now()) THEN 1 ELSE t.failures + 1 END,
        window_start = CASE WHEN t.window_start < now() - ${`${WINDOW_MINUTES} minutes`}::interval AND (t.locked_until IS NULL OR t.locked_until <= now()) THEN now() ELSE t.window_start END,
        locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until ELSE NULL END,
        last_attempt_at = now()
      RETURNING failures, CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()) / 60)::int END AS minutes`.execute(db);
    let m = r.rows[0]?.minutes ?? 0;
    if (!m && (r.rows[0]?.failures ?? 0) > max) {
      // Over the limit with this attempt: lock the key (the first to pass the limit sets the time).
      await sql`UPDATE login_throttle SET locked_until = now() + ${`${LOCK_MINUTES} minutes`}::interval
                 WHERE key = ${keyOf(k)} AND (locked_until IS NULL OR locked_until <= now())`.execute(db);
      m = LOCK_MINUTES;
    }
    minutes = Math.max(minutes, m);
  }
  return minutes;
}

/** A successful sign-in: the username's count is cleared, the address gets its attempt back. */
export async function attemptSucceeded(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    if (k.kind === 'user') await sql`DELETE FROM login_throttle WHERE key = ${keyOf(k)} AND (locked_until IS NULL OR locked_until <= now())`.execute(db);
    else await sql`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${keyOf(k)}`.execute(db);
  }
}

export interface ThrottleRow {
  key: string;
  kind: string;
  value: string;
  failures: number;
  lockedUntil: string | null;
  lastAttemptAt: string;
}

/** Keys locked now or with failures in the current window (administration). */
export async function listThrottles(db: Db): Promise<ThrottleRow[]> {
  const r = await sql<{ key: string; failures: number; locked_until: Date | null; last_attempt_at: Date }>`
    SELECT key, failures, locked_until, last_attempt_at FROM login_throttle
     WHERE locked_until > now() OR (failures > 0 AND window_start >= now() - ${`${WINDOW_MINUTES} minutes`}::interval)
     ORDER BY locked_until DESC NULLS LAST, last_attempt_at DESC LIMIT 500`.execute(db);
  return r.rows.map((x) => {
    const i = x.key.indexOf(':');
    return { key: x.key, kind: x.key.slice(0, i), value: x.key.slice(i + 1), failures: x.failures, lockedUntil: x.locked_until?.toISOString() ?? null, lastAttemptAt: x.last_attempt_at.toISOString() };
  });
}

/** Clear a key (administration); returns whether it existed. Old rows are swept at the same time. */
export async function clearThrottle(db: Db, key: string): Promise<boolean> {
  const r = await sql`DELETE FROM login_throttle WHERE key = ${key}`.execute(db);
  await sql`DELETE FROM login_throttle WHERE (locked_until IS NULL OR locked_until < now()) AND last_attempt_at < now() - interval '1 day'`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
