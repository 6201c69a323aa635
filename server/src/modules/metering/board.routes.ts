/** HTTP: the daily usage board (日用气监控), customer usage and charts, plans, exports. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { assertCustomerAccess } from '../customers';
import * as s from './metering.schema';
import { board } from './board.service';
import { aggregateUsage, customerGcv, customerUsage } from './usage.service';
import * as plans from './plans.service';
import { attachment, boardXlsx, usageXlsx, XLSX_TYPE } from './export.service';

const READ = { permission: 'metering:read' as const };
const WRITE = { permission: 'metering:write' as const };
const FileResponse = { 200: z.any().describe('file') };

export function boardRoutes(app: Api, ctx: AppContext) {
  const tags = ['日用气监控 Usage board'];

  app.get('/api/metering/board', { config: READ, schema: { tags, querystring: s.BoardQuery, response: { 200: s.BoardView } } }, async (req) =>
    board(ctx, userOf(req), { ...req.query, unit: req.query.unit === 'gj' ? 'gj' : 'm3' }),
  );

  app.get('/api/metering/board/export', { config: READ, schema: { tags, querystring: s.BoardQuery.omit({ page: true, pageSize: true }), response: FileResponse } }, async (req, reply) => {
    const r = await board(ctx, userOf(req), { ...req.query, unit: req.query.unit === 'gj' ? 'gj' : 'm3', page: 1, pageSize: 0 });
    const lang = requestLang(req);
    const buf = await boardXlsx(r.items, r.day, req.query.unit, lang);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'daily-usage' : '日用气监控'}_${r.day}.xlsx`))
      .send(buf);
  });

  app.get('/api/metering/aggregate', { config: READ, schema: { tags, querystring: s.AggregateQuery, response: { 200: s.AggregateView } } }, async (req) =>
    aggregateUsage(ctx, userOf(req), req.query.groupBy, req.query.from, req.query.to),
  );

  app.get('/api/metering/customers/:id/usage', { config: READ, schema: { tags, params: s.CustomerParam, querystring: s.UsageQuery, response: { 200: s.UsageView } } }, async (req) =>
    customerUsage(ctx, userOf(req), req.params.id, req.query.granularity, req.query.from, req.query.to),
  );

  app.get('/api/metering/customers/:id/usage/export', { config: READ, schema: { tags, params: s.CustomerParam, querystring: s.UsageExportQuery, response: FileResponse } }, async (req, reply) => {
    const u = await customerUsage(ctx, userOf(req), req.params.id, req.query.granularity, req.query.from, req.query.to);
    const lang = requestLang(req);
    const buf = await usageXlsx(u.customer, u.granularity, u.series, req.query.unit, lang);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${u.customer.name}_${lang === 'en' ? 'usage' : '用气量'}_${u.from}_${u.to}.xlsx`))
      .send(buf);
  });

  app.get(
    '/api/metering/customers/:id/gcv',
    { config: READ, schema: { tags, params: s.CustomerParam, querystring: s.GcvQuery, response: { 200: z.object({ customerId: z.number(), gasDay: z.string(), gcvMJm3: z.string().nullable() }) } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
      return { customerId: req.params.id, gasDay: req.query.gasDay, gcvMJm3: await customerGcv(ctx.db, req.params.id, req.query.gasDay) };
    },
  );

  app.get('/api/metering/customers/:id/plans', { config: READ, schema: { tags, params: s.CustomerParam, querystring: s.PlansQuery, response: { 200: s.PlansView } } }, async (req) =>
    plans.getPlans(ctx, userOf(req), req.params.id, req.query.from, req.query.to),
  );

  app.put('/api/metering/customers/:id/plans', { config: WRITE, schema: { tags, params: s.CustomerParam, body: s.PlansBody, response: { 204: z.null() } } }, async (req, reply) => {
    await plans.savePlans(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return reply.status(204).send(null);
  });

  app.put('/api/metering/customers/:id/daily-max', { config: WRITE, schema: { tags, params: s.CustomerParam, body: s.DailyMaxBody, response: { 204: z.null() } } }, async (req, reply) => {
    await plans.setDailyMax(ctx, userOf(req), req.params.id, req.body.dailyMaxM3, actorOf(req));
    return reply.status(204).send(null);
  });
}
