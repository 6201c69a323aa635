/** Administration of sign-in lockouts (issue 10.3): list keys with failures or a lock, clear one. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { inTx } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import { clearThrottle, listThrottles, LIMITS, LOCK_MINUTES, WINDOW_MINUTES } from '../../platform/auth/throttle';

const ThrottleView = z.object({ key: z.string(), kind: z.string(), value: z.string(), failures: z.number(), lockedUntil: z.string().nullable(), lastAttemptAt: z.string() });

export function throttleRoutes(app: Api, ctx: AppContext) {
  const tags = ['身份与权限 Identity'];
  const admin = { permission: 'users:manage' as const };
  app.get(
    '/api/admin/login-throttles',
    {
      config: admin,
      schema: { tags, response: { 200: z.object({ limits: z.object({ user: z.number(), ip: z.number(), windowMinutes: z.number(), lockMinutes: z.number() }), items: z.array(ThrottleView) }) } },
    },
    async () => ({
      limits: { ...LIMITS, windowMinutes: WINDOW_MINUTES, lockMinutes: LOCK_MINUTES },
      items: await listThrottles(ctx.db),
    }),
  );
  app.delete('/api/admin/login-throttles/:key', { config: admin, schema: { tags, params: z.strictObject({ key: z.string().min(3).max(300) }), response: { 204: z.null() } } }, async (req, reply) => {
    await inTx(ctx.db, async (trx) => {
      if (!(await clearThrottle(trx as any, req.params.key))) throw new AppError('NOT_FOUND', { entity: { zh: '登录锁定记录', en: 'Sign-in lockout' } });
      await audit(trx, actorOf(req), { action: 'auth.throttle_cleared', entity: 'login_throttle', entityId: null, after: { key: req.params.key } });
    });
    return reply.status(204).send(null);
  });
}
