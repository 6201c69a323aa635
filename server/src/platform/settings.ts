/** Key/value settings (table `settings`, owned by platform): modules read and write their keys only through these. */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './db/database';

export async function readSetting<T>(db: Tx, key: string): Promise<T | null> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r ? (r.value as T) : null;
}

/** Several keys in one read: key → value (absent keys are absent). */
export async function readSettings(db: Tx, keys: string[]): Promise<Map<string, unknown>> {
  if (!keys.length) return new Map();
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Tx, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) as any })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) as any, updated_at: new Date() }))
    .execute();
}

/** The value of a key as a SQL scalar subquery (jsonb, null when absent), for a module's set-based statement. */
export function settingValueSql(key: string): RawBuilder<unknown> {
  return sql`(SELECT value FROM settings WHERE key = ${key})`;
}
