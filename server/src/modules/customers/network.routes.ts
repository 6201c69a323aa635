/** HTTP routes of the supply network: supply sources and delivery points. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { IdParam } from '../../platform/http/schemas';
import * as s from './customers.schema';
import * as svc from './network.service';

const tags = ['供气网络 Supply network'];
const DpParam = z.strictObject({ id: z.coerce.number().int().positive(), dpId: z.coerce.number().int().positive() });

export function networkRoutes(app: Api, ctx: AppContext) {
  const write = { permission: 'customers:write' as const };

  app.get('/api/supply-sources', { config: { permission: 'customers:read' }, schema: { tags, response: { 200: z.array(s.SupplySourceView) } } }, async () => svc.listSupplySources(ctx));
  app.post('/api/supply-sources', { config: { permission: 'customers:assign' }, schema: { tags, body: s.SupplySourceBody, response: { 201: s.SupplySourceView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createSupplySource(ctx, req.body, actorOf(req))),
  );

  app.get('/api/customers/:id/delivery-points', { config: { permission: 'customers:read' }, schema: { tags, params: IdParam, response: { 200: z.array(s.DeliveryPointView) } } }, async (req) =>
    svc.listDeliveryPoints(ctx, userOf(req), req.params.id),
  );
  app.post('/api/customers/:id/delivery-points', { config: write, schema: { tags, params: IdParam, body: s.DeliveryPointBody, response: { 201: s.DeliveryPointView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createDeliveryPoint(ctx, userOf(req), req.params.id, req.body, actorOf(req))),
  );
  app.patch('/api/customers/:id/delivery-points/:dpId', { config: write, schema: { tags, params: DpParam, body: s.DeliveryPointPatch, response: { 200: s.DeliveryPointView } } }, async (req) =>
    svc.updateDeliveryPoint(ctx, userOf(req), req.params.id, req.params.dpId, req.body, actorOf(req)),
  );
  app.delete('/api/customers/:id/delivery-points/:dpId', { config: write, schema: { tags, params: DpParam, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.deleteDeliveryPoint(ctx, userOf(req), req.params.id, req.params.dpId, actorOf(req));
    return reply.status(204).send(null);
  });
}
