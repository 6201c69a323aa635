/**
 * Events and reactions between modules. A module publishes an event inside its own transaction;
 * the reactions other modules declare in their definitions (QikeModule.reactions) either run in
 * that same transaction ('inTransaction') or are stored in the durable queue `reaction_queue` in
 * it ('queued') and run after commit, each in its own transaction, retried with back-off.
 * A queued reaction that keeps failing is marked 'failed', alerts administrators and shows on
 * the jobs page; `retryReaction` puts it back. Nothing is registered by importing a file.
 */
import { sql } from 'kysely';
import type { AppContext, QikeEvents, Reaction } from '../module';
import { afterCommit, inTx, type Tx } from '../db/database';
import { notify } from '../notify';
import { audit, type Actor } from '../audit/audit';

/** After this many failed attempts a queued reaction stops retrying and alerts administrators. */
export const MAX_ATTEMPTS = 6;

/** Seconds to wait before attempt n+1 after n failures: 5 s, 20 s, 80 s, … capped at one hour. */
export function backoffSeconds(failures: number): number {
  return Math.min(3600, 5 * 4 ** Math.max(0, failures - 1));
}

export function reactionsTo(ctx: Pick<AppContext, 'modules'>, event: keyof QikeEvents): Reaction[] {
  return ctx.modules.flatMap((m) => m.reactions ?? []).filter((r) => r.event === event);
}

/** Publish `event` inside the publisher's transaction `trx`. */
export async function publish<K extends keyof QikeEvents>(ctx: AppContext, trx: Tx, event: K, payload: QikeEvents[K]): Promise<void> {
  let queued = 0;
  for (const r of reactionsTo(ctx, event)) {
    if (r.mode === 'inTransaction') await (r.handle as (c: AppContext, t: Tx, p: QikeEvents[K]) => Promise<void>)(ctx, trx, payload);
    else {
      await trx
        .insertInto('reaction_queue')
        .values({ event, reaction: r.name, payload: JSON.stringify(payload) })
        .execute();
      queued++;
    }
  }
  if (queued) afterCommit(trx, () => void drainSoon(ctx));
}

const draining = new WeakMap<AppContext, Promise<number>>();

/** Start a drain unless one is running; resolves with the number of reactions handled. */
export function drainSoon(ctx: AppContext): Promise<number> {
  const running = draining.get(ctx);
  if (running) return running.then(() => drainReactions(ctx));
  const p = drainReactions(ctx).finally(() => draining.delete(ctx));
  draining.set(ctx, p);
  return p;
}

/**
 * Run due queued reactions, oldest first, one per transaction (FOR UPDATE SKIP LOCKED, so several
 * server processes never run the same one at once). The handler runs under a savepoint: on
 * failure its writes are undone and the failure is recorded while the row is still locked, so no
 * other drain can pick it up in between. Returns how many succeeded.
 */
export async function drainReactions(ctx: AppContext, limit = 1000): Promise<number> {
  const byName = new Map(ctx.modules.flatMap((m) => m.reactions ?? []).map((r) => [r.name, r]));
  let done = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await inTx(ctx.db, async (trx) => {
      const row = (
        await sql<{ id: number; event: string; reaction: string; payload: unknown; attempts: number }>`
          SELECT id, event, reaction, payload, attempts FROM reaction_queue
          WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(trx)
      ).rows[0];
      if (!row) return 'empty' as const;
      await sql`SAVEPOINT reaction`.execute(trx);
      try {
        const r = byName.get(row.reaction);
        if (!r) throw new Error(`no module declares the reaction ${row.reaction}`);
        const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
        await (r.handle as (c: AppContext, t: Tx, p: unknown) => Promise<void>)(ctx, trx, payload);
        await sql`RELEASE SAVEPOINT reaction`.execute(trx);
        await trx
          .updateTable('reaction_queue')
          .set({ status: 'done', attempts: row.attempts + 1, finished_at: new Date(), last_error: null })
          .where('id', '=', row.id)
          .execute();
        return 'done' as const;
      } catch (e) {
        await sql`ROLLBACK TO SAVEPOINT reaction`.execute(trx);
        await recordFailure(trx, row, e);
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'done') done++;
  }
  return done;
}

async function recordFailure(trx: Tx, row: { id: number; reaction: string; attempts: number }, e: unknown) {
  const attempts = row.attempts + 1;
  const error = String((e as Error)?.message ?? e).slice(0, 2000);
  const giveUp = attempts >= MAX_ATTEMPTS;
  await trx
    .updateTable('reaction_queue')
    .set({ attempts, last_error: error, status: giveUp ? 'failed' : 'pending', next_attempt_at: new Date(Date.now() + backoffSeconds(attempts) * 1000), finished_at: giveUp ? new Date() : null })
    .where('id', '=', row.id)
    .execute();
  if (giveUp) {
    const admins = await sql<{ id: number }>`SELECT id FROM users WHERE 'admin' = ANY(roles) AND NOT disabled`.execute(trx);
    await notify(
      trx,
      admins.rows.map((r) => r.id),
      {
        kind: 'reaction_failed',
        title: { zh: `后台联动任务失败：${row.reaction}`, en: `Background reaction failed: ${row.reaction}` },
        body: { zh: `已重试 ${attempts} 次仍失败：${error}`, en: `Still failing after ${attempts} attempts: ${error}` },
        link: '/admin/jobs',
        dedupeKey: `reaction_failed:${row.id}`,
      },
    );
  }
}

/** Put a failed reaction back in the queue (jobs page), audited in the same transaction. */
export async function retryReaction(ctx: AppContext, id: number, actor: Actor): Promise<boolean> {
  const ok = await inTx(ctx.db, async (trx) => {
    const r = await trx.updateTable('reaction_queue').set({ status: 'pending', next_attempt_at: new Date(), finished_at: null }).where('id', '=', id).where('status', '=', 'failed').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await audit(trx, actor, { action: 'reaction.retry', entity: 'reaction', entityId: id });
    return true;
  });
  if (ok) void drainSoon(ctx);
  return ok;
}

export interface ReactionRow {
  id: number;
  event: string;
  reaction: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Queued reactions for the jobs page: counts by status and a page of rows (newest first). */
export async function listReactions(ctx: AppContext, q: { status?: 'pending' | 'done' | 'failed'; page: number; pageSize: number }) {
  const counts = await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM reaction_queue GROUP BY status`.execute(ctx.db);
  let rows = ctx.db.selectFrom('reaction_queue').select(['id', 'event', 'reaction', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'finished_at']);
  if (q.status) rows = rows.where('status', '=', q.status);
  const items = await rows
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const by = Object.fromEntries(counts.rows.map((r) => [r.status, Number(r.n)]));
  return {
    counts: { pending: by.pending ?? 0, done: by.done ?? 0, failed: by.failed ?? 0 },
    total: q.status ? (by[q.status] ?? 0) : Object.values(by).reduce((a: number, b) => a + Number(b), 0),
    items: items.map((r): ReactionRow => ({
      id: Number(r.id),
      event: r.event,
      reaction: r.reaction,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    })),
  };
}
