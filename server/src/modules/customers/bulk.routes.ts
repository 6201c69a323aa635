/** HTTP: bulk actions on selected customers (reassign managers, add a tag); all or nothing, audited per customer. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import * as svc from './bulk.service';

const tags = ['客户 Customers'];
// The schema accepts a larger list so that an over-size selection gets the clear CUSTOMER_BULK_TOO_MANY error.
const Ids = z.array(z.number().int().positive()).min(1, '请至少选择一个客户').max(10_000);
const BulkResult = z.object({
  total: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  items: z.array(z.object({ customerId: z.number(), code: z.string(), name: z.string(), outcome: z.enum(['changed', 'unchanged']) })),
});

export function bulkRoutes(app: Api, ctx: AppContext) {
  app.post(
    '/api/customers/bulk/reassign',
    {
      config: { permission: 'customers:assign' },
      schema: {
        tags,
        summary: '批量指定客户经理（专职和/或兼职）：全部成功或全部不做',
        body: z.strictObject({
          ids: Ids,
          fullTimeUserId: z.number().int().positive().optional(),
          partTimeUserId: z.number().int().positive().optional(),
          reason: z.string().trim().min(1, '请填写原因').max(500, '原因最多 500 个字'),
        }),
        response: { 200: BulkResult },
      },
    },
    async (req) => svc.bulkReassign(ctx, userOf(req), req.body, actorOf(req)),
  );

  app.post(
    '/api/customers/bulk/tag',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: '给选中的客户批量添加标签：全部成功或全部不做',
        body: z.strictObject({ ids: Ids, tag: z.string().trim().min(1, '标签不能为空').max(20, '标签最多 20 个字') }),
        response: { 200: BulkResult },
      },
    },
    async (req) => svc.bulkAddTag(ctx, userOf(req), req.body.ids, req.body.tag, actorOf(req)),
  );
}
