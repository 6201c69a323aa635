/** Simulation feedback (仿真交易: rules and system), part of the training record. */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { TE } from './trading.errors';
import { requireSession } from './sessions.service';
import { trainingRecord } from './stats.service';

export async function addFeedback(ctx: AppContext, sessionId: number, b: { virtualAccountId?: number | null; topic: 'rules' | 'system' | 'other'; rating: number; comment: string }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const s = await requireSession(trx, sessionId);
    if (s.kind !== 'simulation') throw new AppError(TE.SIMULATION_ONLY);
    if (b.virtualAccountId) {
      const v = await trx.selectFrom('trading_virtual_accounts').select('id').where('id', '=', b.virtualAccountId).where('session_id', '=', sessionId).executeTakeFirst();
      if (!v) throw new AppError(TE.VIRTUAL_ACCOUNT_UNKNOWN, { id: b.virtualAccountId });
    }
    const r = await trx
      .insertInto('trading_feedback')
      .values({ session_id: sessionId, virtual_account_id: b.virtualAccountId ?? null, topic: b.topic, rating: b.rating, comment: b.comment, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'trading.feedback.add', entity: 'trading_feedback', entityId: r.id, after: b });
    return (await trainingRecord(trx, sessionId)).feedback.find((f) => f.id === r.id)!;
  });
}
