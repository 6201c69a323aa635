/** HTTP of the supply module: network, emergencies, curtailment plans. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { paged, DateStr } from '../../platform/http/schemas';
import * as s from './supply.schema';
import * as net from './network.service';
import * as ev from './emergencies.service';
import * as plans from './plans.service';
import { eventPdf, eventXlsx, networkXlsx, planXlsx, attachment, XLSX_TYPE } from './supply.export';
import { indexGraph, treeOrder } from './graph.calc';

const READ = { permission: 'supply:read' as const };
const WRITE = { permission: 'supply:write' as const };
const APPROVE = { permission: 'supply:approve' as const };
const Ok = z.object({ ok: z.boolean() });
const File = { 200: z.any().describe('file') };

export function supplyRoutes(app: Api, ctx: AppContext) {
  const tags = ['保供 Supply security'];

  // ---- network ----
  app.get('/api/supply/network', { config: READ, schema: { tags, response: { 200: s.NetworkView } } }, async (req) => net.getNetwork(ctx, userOf(req)));
  app.get('/api/supply/network/export.xlsx', { config: READ, schema: { tags, response: File } }, async (req, reply) => {
    const { nodes } = await net.getNetwork(ctx, userOf(req));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const order = treeOrder(indexGraph(nodes.map((n) => ({ id: n.id, kind: n.kind as any, parents: n.parents }))), (id) => byId.get(id)!.code);
    const lang = requestLang(req);
    const buf = await networkXlsx(
      lang,
      order.map((o) => ({ depth: o.depth, ...byId.get(o.id)!, priorityClass: byId.get(o.id)!.customer?.priorityClass ?? null })),
    );
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(lang === 'en' ? 'supply-network.xlsx' : '供气网络.xlsx'))
      .send(buf);
  });
  app.get(
    '/api/supply/nodes/:ref/downstream',
    { config: READ, schema: { tags, params: s.RefParam, response: { 200: z.object({ nodes: z.array(z.string()), customers: z.array(z.number()) }) } } },
    async (req) => net.downstreamOf(ctx, userOf(req), req.params.ref),
  );
  app.patch(
    '/api/supply/nodes/:ref',
    {
      config: WRITE,
      schema: {
        tags,
        params: s.RefParam,
        body: s.NodePatch,
        response: { 200: z.object({ ref: z.string(), capacityM3: z.string().nullable(), linkCapacityM3: z.string().nullable(), upstreamRef: z.string().nullable(), note: z.string().nullable() }) },
      },
    },
    async (req) => net.updateNode(ctx, req.params.ref, req.body, actorOf(req)),
  );
  app.get('/api/supply/nodes/:ref/history', { config: READ, schema: { tags, params: s.RefParam, response: { 200: z.object({ items: z.array(s.HistoryView) }) } } }, async (req) => ({
    items: await net.nodeHistory(ctx, req.params.ref),
  }));
  app.patch(
    '/api/supply/customers/:id/profile',
    { config: WRITE, schema: { tags, params: s.IdParam, body: s.ProfilePatch, response: { 200: z.object({ priorityClass: z.string().nullable(), households: z.number().nullable() }) } } },
    async (req) => net.updateProfile(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );

  // ---- emergencies ----
  app.get('/api/supply/emergencies', { config: READ, schema: { tags, querystring: s.EmergencyQuery, response: { 200: paged(s.EmergencyView) } } }, async (req) => ev.listEmergencies(ctx, req.query));
  app.post('/api/supply/emergencies', { config: WRITE, schema: { tags, body: s.EmergencyBody, response: { 201: z.object({ id: z.number(), customers: z.number() }) } } }, async (req, reply) =>
    reply.status(201).send(await ev.declareEmergency(ctx, req.body, actorOf(req))),
  );
  app.get('/api/supply/emergencies/:id', { config: READ, schema: { tags, params: s.IdParam, response: { 200: s.EmergencyDetail } } }, async (req) => ev.getEmergency(ctx, userOf(req), req.params.id));
  app.patch('/api/supply/emergencies/:id/customers/:customerId', { config: WRITE, schema: { tags, params: s.CustomerParam, body: s.ChecklistPatch, response: { 200: Ok } } }, async (req) =>
    ev.updateChecklist(ctx, userOf(req), req.params.id, req.params.customerId, req.body, actorOf(req)),
  );
  app.post('/api/supply/emergencies/:id/coordination', { config: WRITE, schema: { tags, params: s.IdParam, body: s.LogBody, response: { 200: Ok } } }, async (req) =>
    ev.addCoordination(ctx, req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/supply/emergencies/:id/close', { config: WRITE, schema: { tags, params: s.IdParam, response: { 200: Ok } } }, async (req) => ev.closeEmergency(ctx, req.params.id, actorOf(req)));
  app.post(
    '/api/supply/emergencies/:id/notices',
    { config: WRITE, schema: { tags, params: s.IdParam, body: s.NoticeBody, response: { 200: z.object({ noticeId: z.number(), recipients: z.number() }) } } },
    async (req) => ev.notifyAffected(ctx, req.params.id, req.body, actorOf(req)),
  );
  app.get('/api/supply/emergencies/:id/report.xlsx', { config: READ, schema: { tags, params: s.IdParam, response: File } }, async (req, reply) => {
    const lang = requestLang(req);
    const d = await ev.getEmergency(ctx, userOf(req), req.params.id);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'emergency' : '应急事件'}_${d.event.id}.xlsx`))
      .send(await eventXlsx(lang, d));
  });
  app.get('/api/supply/emergencies/:id/report.pdf', { config: READ, schema: { tags, params: s.IdParam, response: File } }, async (req, reply) => {
    const lang = requestLang(req);
    const d = await ev.getEmergency(ctx, userOf(req), req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${lang === 'en' ? 'emergency-report' : '应急事件报告'}_${d.event.id}.pdf`))
      .send(await eventPdf(lang, d));
  });

  // ---- curtailment plans ----
  app.get(
    '/api/supply/plans',
    {
      config: READ,
      schema: {
        tags,
        querystring: z.strictObject({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: paged(s.PlanSummary) },
      },
    },
    async (req) => plans.listPlans(ctx, req.query.page, req.query.pageSize),
  );
  app.post('/api/supply/plans/preview', { config: READ, schema: { tags, body: s.PlanPreviewBody, response: { 200: s.PreviewView } } }, async (req) => plans.previewPlan(ctx, userOf(req), req.body));
  app.post('/api/supply/plans', { config: WRITE, schema: { tags, body: s.PlanBody, response: { 201: z.object({ id: z.number() }) } } }, async (req, reply) =>
    reply.status(201).send(await plans.createPlan(ctx, req.body, actorOf(req))),
  );
  app.get('/api/supply/plans/:id', { config: READ, schema: { tags, params: s.IdParam, querystring: z.strictObject({ day: DateStr.optional() }), response: { 200: s.PlanDetail } } }, async (req) =>
    plans.getPlan(ctx, userOf(req), req.params.id, req.query.day),
  );
  app.post('/api/supply/plans/:id/recompute', { config: WRITE, schema: { tags, params: s.IdParam, response: { 200: z.object({ id: z.number() }) } } }, async (req) =>
    plans.recomputePlan(ctx, req.params.id, actorOf(req)),
  );
  app.post('/api/supply/plans/:id/adjust', { config: WRITE, schema: { tags, params: s.IdParam, body: s.AdjustBody, response: { 200: Ok } } }, async (req) =>
    plans.adjustLine(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/supply/plans/:id/approve', { config: APPROVE, schema: { tags, params: s.IdParam, response: { 200: z.object({ id: z.number() }) } } }, async (req) =>
    plans.approvePlan(ctx, req.params.id, actorOf(req)),
  );
  app.post(
    '/api/supply/plans/:id/notices',
    { config: APPROVE, schema: { tags, params: s.IdParam, body: s.NoticeBody, response: { 200: z.object({ noticeId: z.number(), recipients: z.number() }) } } },
    async (req) => plans.notifyPlan(ctx, req.params.id, req.body, actorOf(req)),
  );
  app.get('/api/supply/plans/:id/export.xlsx', { config: READ, schema: { tags, params: s.IdParam, response: File } }, async (req, reply) => {
    const lang = requestLang(req);
    const d = await plans.getPlan(ctx, userOf(req), req.params.id);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'curtailment-plan' : '保供压减方案'}_${d.plan.id}.xlsx`))
      .send(await planXlsx(lang, d));
  });
}
