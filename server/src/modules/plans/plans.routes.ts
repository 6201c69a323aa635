/** HTTP routes of sales plans, the plan ledger and daily nominations. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { IdParam } from '../../platform/http/schemas';
import { importTemplate } from '../../platform/files/import-template';
import * as s from './plans.schema';
import * as svc from './plans.service';
import * as nom from './nominations.service';
import { ledger, ledgerXlsx } from './ledger.service';

const READ = { permission: 'plans:read' as const };
const WRITE = { permission: 'plans:write' as const };
const APPROVE = { permission: 'plans:approve' as const };
const Binary = z.any().describe('binary file');

export function plansRoutes(app: Api, ctx: AppContext) {
  const tags = ['销售计划 Sales plans'];
  const detail = (id: number) => svc.versionDetail(ctx.db, id);

  app.get('/api/plans/areas', { config: READ, schema: { tags, response: { 200: z.array(z.string()) } } }, async () => svc.listAreas(ctx.db));
  app.get('/api/plans/versions', { config: READ, schema: { tags, querystring: z.strictObject({ year: s.Year.optional() }), response: { 200: s.VersionList } } }, async (req) =>
    svc.versions(ctx.db, req.query.year),
  );
  app.post('/api/plans/versions', { config: APPROVE, schema: { tags, body: s.VersionBody, response: { 201: s.VersionDetail } } }, async (req, reply) => {
    const id = await svc.createVersion(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(201).send(await detail(id));
  });
  app.get('/api/plans/versions/:id', { config: READ, schema: { tags, params: IdParam, response: { 200: s.VersionDetail } } }, async (req) => detail(req.params.id));
  app.put('/api/plans/versions/:id', { config: APPROVE, schema: { tags, params: IdParam, body: s.VersionUpdate, response: { 200: s.VersionDetail } } }, async (req) => {
    await svc.updateVersion(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req.params.id);
  });
  app.put('/api/plans/versions/:id/areas', { config: APPROVE, schema: { tags, params: IdParam, body: s.AreasBody, response: { 200: s.VersionDetail } } }, async (req) => {
    await svc.setAreas(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req.params.id);
  });
  app.get('/api/plans/versions/:id/customers', { config: READ, schema: { tags, params: IdParam, response: { 200: z.array(s.CustomerAllocationRow) } } }, async (req) =>
    svc.customerAllocations(ctx.db, userOf(req), req.params.id),
  );
  app.put(
    '/api/plans/versions/:id/customers',
    { config: APPROVE, bodyLimit: 16 * 1024 * 1024, schema: { tags, params: IdParam, body: s.CustomersBody, response: { 200: s.VersionDetail } } },
    async (req) => {
      await svc.setCustomers(ctx, userOf(req), req.params.id, req.body, actorOf(req));
      return detail(req.params.id);
    },
  );
  app.post('/api/plans/versions/:id/adopt-proposals', { config: APPROVE, schema: { tags, params: IdParam, response: { 200: s.VersionDetail } } }, async (req) => {
    await svc.adoptProposals(ctx, userOf(req), req.params.id, actorOf(req));
    return detail(req.params.id);
  });
  app.post('/api/plans/versions/:id/approve', { config: APPROVE, schema: { tags, params: IdParam, response: { 200: s.VersionDetail } } }, async (req) => {
    await svc.approveVersion(ctx, userOf(req), req.params.id, actorOf(req));
    return detail(req.params.id);
  });

  app.put('/api/plans/proposals', { config: WRITE, schema: { tags, body: s.ProposalBody, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.propose(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(204).send(null);
  });
  app.get('/api/plans/proposals', { config: READ, schema: { tags, querystring: s.YearQuery, response: { 200: s.ProposalRollup } } }, async (req) =>
    svc.proposalRollup(ctx.db, userOf(req), req.query.year),
  );

  app.get('/api/plans/ledger', { config: READ, schema: { tags, querystring: s.LedgerQuery, response: { 200: s.LedgerView } } }, async (req) =>
    ledger(ctx.db, userOf(req), req.query.year, req.query.groupBy, req.query.month, requestLang(req)),
  );
  app.get('/api/plans/ledger/export.xlsx', { config: READ, schema: { tags, querystring: s.LedgerQuery, response: { 200: Binary } } }, async (req, reply) => {
    const lang = requestLang(req);
    const view = await ledger(ctx.db, userOf(req), req.query.year, req.query.groupBy, req.query.month, lang);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${lang === 'en' ? 'plan-ledger' : '销售计划台账'}-${req.query.year}.xlsx`)}`)
      .send(await ledgerXlsx(view, lang));
  });

  app.get('/api/plans/nominations', { config: READ, schema: { tags, querystring: s.NominationQuery, response: { 200: z.array(s.NominationView) } } }, async (req) =>
    nom.list(ctx.db, userOf(req), req.query.customerId, req.query.from, req.query.to),
  );
  app.post('/api/plans/nominations', { config: WRITE, schema: { tags, body: s.NominationsBody, response: { 200: z.object({ saved: z.number() }) } } }, async (req) => {
    const src = req.headers['x-qike-source'] === 'manual' ? 'manual' : 'api';
    return { saved: await nom.enter(ctx, userOf(req), req.body.items, src, actorOf(req)) };
  });
  app.get(
    '/api/plans/nominations/template',
    { config: WRITE, schema: { tags, querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), response: { 200: Binary } } },
    async (req, reply) => {
      const f = await importTemplate(nom.NOMINATION_TEMPLATE, requestLang(req), req.query.format);
      return reply.type(f.type).header('content-disposition', f.disposition).send(f.body);
    },
  );
  // multipart/form-data: `file` (.xlsx or .csv with 客户编号, 燃气日, 指定气量(m³), or the English headers)
  app.post('/api/plans/nominations/import', { config: WRITE, schema: { tags, response: { 200: s.ImportResult } } }, async (req) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
    const file = await req.file();
    if (!file) throw new AppError('NOM_NO_FILE');
    return nom.importFile(ctx, userOf(req), await file.toBuffer(), file.filename, requestLang(req), actorOf(req));
  });
  app.get('/api/plans/nominations/accuracy', { config: READ, schema: { tags, querystring: s.AccuracyQuery, response: { 200: z.array(s.AccuracyRow) } } }, async (req) =>
    nom.accuracy(ctx.db, userOf(req), req.query.month),
  );
}
