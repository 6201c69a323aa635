/** HTTP routes of manager responsibility (客户经理负责制). */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { IdParam } from '../../platform/http/schemas';
import * as s from './customers.schema';
import * as svc from './managers.service';
import { getCustomerView } from './customers.service';

const tags = ['客户经理 Managers'];
const AssignmentParam = z.strictObject({ id: z.coerce.number().int().positive(), assignmentId: z.coerce.number().int().positive() });

export function managerRoutes(app: Api, ctx: AppContext) {
  const assign = { permission: 'customers:assign' as const };

  app.get('/api/customers/:id/managers', { config: { permission: 'customers:read' }, schema: { tags, params: IdParam, response: { 200: z.array(s.ManagerAssignmentView) } } }, async (req) =>
    svc.managerAssignments(ctx, userOf(req), req.params.id),
  );

  app.post('/api/customers/:id/managers', { config: assign, schema: { tags, params: IdParam, body: s.AssignManagerBody, response: { 200: s.CustomerView } } }, async (req) => {
    await svc.assignManager(ctx, req.params.id, req.body.userId, req.body.kind, req.body.reason, actorOf(req));
    return getCustomerView(ctx, userOf(req), req.params.id);
  });

  app.post('/api/customers/:id/managers/reassign', { config: assign, schema: { tags, params: IdParam, body: s.ReassignBody, response: { 200: s.CustomerView } } }, async (req) => {
    await svc.reassignFullTime(ctx, req.params.id, req.body.toUserId, req.body.reason, actorOf(req));
    return getCustomerView(ctx, userOf(req), req.params.id);
  });

  app.post(
    '/api/customers/:id/managers/:assignmentId/unassign',
    { config: assign, schema: { tags, params: AssignmentParam, body: s.UnassignBody, response: { 200: s.CustomerView } } },
    async (req) => {
      await svc.unassignManager(ctx, req.params.id, req.params.assignmentId, req.body.reason, actorOf(req));
      return getCustomerView(ctx, userOf(req), req.params.id);
    },
  );
}
