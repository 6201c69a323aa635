/** Audit search (admin, sales lead). Read-only: the app has no route that changes or deletes audit rows. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { paged, Page } from '../../platform/http/schemas';
import { auditTrail } from '../../platform/audit/audit';

const Query = z.strictObject({
  userId: z.coerce.number().int().optional(),
  username: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  customerId: z.coerce.number().int().optional(),
  action: z.string().trim().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...Page,
});

const Row = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  customerId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export function auditRoutes(app: Api, ctx: AppContext) {
  app.get('/api/admin/audit', { config: { permission: 'audit:read' }, schema: { tags: ['审计 Audit'], querystring: Query, response: { 200: paged(Row) } } }, async (req) => {
    const f = req.query;
    let q = ctx.db.selectFrom(auditTrail().as('a'));
    if (f.userId) q = q.where('user_id', '=', f.userId);
    if (f.username) q = q.where('username', 'ilike', `%${f.username}%`);
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.customerId) q = q.where('customer_id', '=', f.customerId);
    if (f.action) q = q.where('action', 'like', `${f.action}%`);
    if (f.from) q = q.where('at', '>=', new Date(f.from));
    if (f.to) q = q.where('at', '<', new Date(f.to));
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return {
      total: Number(total),
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.user_id,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        customerId: r.customer_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        ip: r.ip,
      })),
    };
  });
}
