/**
 * In-app notifications. A `dedupeKey` makes a notification happen once per user and key
 * (e.g. one alert per level crossing, not one a day): a repeat is silently skipped.
 */
import type { Msg } from '@common/lang';
import type { Tx } from './db/database';
import { fragmentBuilder } from './db/fragments';

export interface NotificationInput {
  kind: string;
  title: Msg;
  body?: Msg;
  link?: string;
  customerId?: number;
  dedupeKey?: string;
}

export async function notify(db: Tx, userIds: number[], n: NotificationInput): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const res = await db
    .insertInto('notifications')
    .values(
      ids.map((user_id) => ({
        user_id,
        kind: n.kind,
        title: n.title.zh,
        title_en: n.title.en,
        body: n.body?.zh ?? null,
        body_en: n.body?.en ?? null,
        link: n.link ?? null,
        customer_id: n.customerId ?? null,
        dedupe_key: n.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Many notifications in one statement per 3000 rows (a daily run may notify hundreds of customers'
 * managers); the same rows and the same once-per-user-and-key rule as `notify`.
 */
export async function notifyEach(db: Tx, list: { userIds: number[]; n: NotificationInput }[]): Promise<void> {
  const rows = list.flatMap(({ userIds, n }) =>
    [...new Set(userIds)].map((user_id) => ({
      user_id,
      kind: n.kind,
      title: n.title.zh,
      title_en: n.title.en,
      body: n.body?.zh ?? null,
      body_en: n.body?.en ?? null,
      link: n.link ?? null,
      customer_id: n.customerId ?? null,
      dedupe_key: n.dedupeKey ?? null,
    })),
  );
  for (let i = 0; i < rows.length; i += 3000) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 3000)) // × 9 columns: under the 32,767 parameters of one statement
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .execute();
  }
}

/** A user's notifications, newest first, with the unread count. */
export async function listNotifications(db: Tx, userId: number, onlyUnread: boolean, limit: number, lang: string) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (onlyUnread) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: lang === 'en' ? r.title_en : r.title,
      body: lang === 'en' ? (r.body_en ?? r.body) : r.body,
      link: r.link,
      customerId: r.customer_id,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    })),
  };
}

/** Marks a user's unread notifications read (all, or only `ids`). */
export async function markNotificationsRead(db: Tx, userId: number, ids?: number[]): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
  await q.execute();
}

/** Notification rows, read-only, as a fragment: `db.selectFrom(notificationRows().as('n'))…`. */
export function notificationRows() {
  return fragmentBuilder.selectFrom('notifications').select(['id', 'user_id', 'kind', 'title', 'title_en', 'body', 'body_en', 'link', 'customer_id', 'dedupe_key', 'created_at', 'read_at']);
}
