/** The durable reaction queue on the jobs page: what is pending, what failed, retry by hand. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { listReactions, retryReaction } from '../../platform/events/events';
import { actorOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';

const Status = z.enum(['pending', 'done', 'failed']);
const ReactionView = z.object({
  id: z.number(),
  event: z.string(),
  reaction: z.string(),
  status: Status,
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ReactionList = z.object({ counts: z.object({ pending: z.number(), done: z.number(), failed: z.number() }), total: z.number(), items: z.array(ReactionView) });

export function reactionRoutes(app: Api, ctx: AppContext) {
  const tags = ['系统 System'];
  app.get(
    '/api/reactions',
    {
      config: { permission: 'jobs:run' },
      schema: {
        tags,
        querystring: z.strictObject({ status: Status.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: ReactionList },
      },
    },
    async (req) => listReactions(ctx, req.query),
  );
  app.post(
    '/api/reactions/:id/retry',
    { config: { permission: 'jobs:run' }, schema: { tags, params: z.strictObject({ id: z.coerce.number().int().positive() }), response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => {
      const ok = await retryReaction(ctx, req.params.id, actorOf(req));
      if (!ok) throw new AppError('NOT_FOUND', { entity: { zh: '失败的联动任务', en: 'Failed reaction' } });
      return { ok: true as const };
    },
  );
}
