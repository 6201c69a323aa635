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
      await trx.insertInto('reaction_queue').values({ event, reaction: r.name, payload: JSON.stringify(payload) }).execute();
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
 * server processes never run the same one twice). Returns how many succeeded.
 */
export async function drainReactions(ctx: AppContext, limit = 1000): Promise<number> {
  const byName = new Map(ctx.modules.flatMap((m) => m.reactions ?? []).map((r) => [r.name, r]));
  let done = 0;
  for (let i = 0; i < limit; i++) {
    let claimed: { id: number; reaction: string; attempts: number } | undefined;
    try {
      const ran = await inTx(ctx.db, async (trx) => {
        const row = (
          await sql<{ id: number; event: string; reaction: string; payload: unknown; attempts: number }>`
            SELECT id, event, reaction, payload, attempts FROM reaction_queue
            WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(trx)
        ).rows[0];
        if (!row) return false;
        claimed = row;
        const r = byName.get(row.reaction);
        if (!r) throw new Error(`no module declares the reaction ${row.reaction}`);
        const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
        await (r.handle as (c: AppContext, t: Tx, p: unknown) => Promise<void>)(ctx, trx, payload);
        await trx.updateTable('reaction_queue').set({ status: 'done', attempts: row.attempts + 1, finished_at: new Date(), last_error: null }).where('id', '=', row.id).execute();
        return true;
      });
      if (!ran) break;
      done++;
    } catch (e) {
      if (!claimed) throw e;
      await recordFailure(ctx, claimed, e);
    }
  }
  return done;
}

async function recordFailure(ctx: AppContext, row: { id: number; reaction: string; attempts: number }, e: unknown) {
  const attempts = row.attempts + 1;
  const error = String((e as Error)?.message ?? e).slice(0, 2000);
  const giveUp = attempts >= MAX_ATTEMPTS;
  await ctx.db
    .updateTable('reaction_queue')
    .set({ attempts, last_error: error, status: giveUp ? 'failed' : 'pending', next_attempt_at: new Date(Date.now() + backoffSeconds(attempts) * 1000), finished_at: giveUp ? new Date() : null })
    .where('id', '=', row.id)
    .execute();
  if (giveUp) {
    const admins = await sql<{ id: number }>`SELECT id FROM users WHERE 'admin' = ANY(roles) AND NOT disabled`.execute(ctx.db);
    await notify(
      ctx.db,
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

/** Put a failed reaction back in the queue (jobs page). */
export async function retryReaction(ctx: AppContext, id: number): Promise<boolean> {
  const r = await ctx.db.updateTable('reaction_queue').set({ status: 'pending', next_attempt_at: new Date(), finished_at: null }).where('id', '=', id).where('status', '=', 'failed').executeTakeFirst();
  const ok = Number(r.numUpdatedRows) > 0;
  if (ok) void drainSoon(ctx);
  return ok;
}
