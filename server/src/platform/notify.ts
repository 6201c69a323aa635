/**
 * In-app notifications. A `dedupeKey` makes a notification happen once per user and key
 * (e.g. one alert per level crossing, not one a day): a repeat is silently skipped.
 */
import type { Msg } from '@common/lang';
import type { Tx } from './db/database';

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
