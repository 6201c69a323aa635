/** HTTP routes of the customer archive: list, export, import, create, read, update, lifecycle, history. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { DateStr, IdParam, paged } from '../../platform/http/schemas';
import { ACTIVITY_KINDS, customerActivity } from '../../platform/discovery/discovery';
import { assertCustomerAccess } from './scope';
import { AppError } from '../../platform/http/errors';
import * as s from './customers.schema';
import * as svc from './customers.service';
import * as life from './lifecycle.service';
import * as repo from './customers.repo';
import { buildExport, buildTemplate } from './customers.excel';
import { importCustomers } from './import.service';
import { attachment, readUpload } from './upload';
import { CE } from './customers.errors';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['客户 Customers'];

export function customerRoutes(app: Api, ctx: AppContext) {
  const read = { permission: 'customers:read' as const };
  const write = { permission: 'customers:write' as const };
  const assign = { permission: 'customers:assign' as const };

  app.get('/api/customers', { config: read, schema: { tags, querystring: s.CustomerListQuery, response: { 200: paged(s.CustomerListItem) } } }, async (req) =>
    svc.listCustomerItems(ctx, userOf(req), req.query),
  );

  app.get('/api/customers/tags', { config: read, schema: { tags, response: { 200: z.array(z.object({ tag: z.string(), count: z.number() })) } } }, async (req) => repo.tagCounts(ctx.db, userOf(req)));

  app.get('/api/customers/export.xlsx', { config: read, schema: { tags, querystring: s.CustomerExportQuery, response: { 200: z.any() } } }, async (req, reply) => {
    const user = userOf(req);
    const { items } = await repo.listCustomers(ctx.db, user, req.query, null);
    const rows = items.map((r) => ({
      ...svc.toListItem(r),
      address: r.address,
      residentialShare: r.residential_share,
      useStructureVerifiedOn: r.use_structure_verified_on,
      notes: r.notes,
    }));
    const lang = requestLang(req);
    const buf = await buildExport(rows, lang);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(lang === 'en' ? `customers-${svc.todayIn(ctx)}.xlsx` : `客户列表-${svc.todayIn(ctx)}.xlsx`))
      .send(buf);
  });

  app.get('/api/customers/import/template.xlsx', { config: assign, schema: { tags, response: { 200: z.any() } } }, async (req, reply) => {
    const lang = requestLang(req);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(lang === 'en' ? 'customer-import-template.xlsx' : '客户档案导入模板.xlsx'))
      .send(await buildTemplate(lang));
  });

  app.post(
    '/api/customers/import',
    { config: assign, schema: { tags, description: 'multipart: file (xlsx), mode=all_or_nothing|valid_only, dryRun=true|false', response: { 200: s.ImportResult } } },
    async (req) => {
      const up = await readUpload(req);
      const mode = up.fields.mode ?? 'all_or_nothing';
      if (mode !== 'all_or_nothing' && mode !== 'valid_only') throw new AppError(CE.CUSTOMER_UPLOAD_FIELD, { field: 'mode', reason: 'all_or_nothing | valid_only' });
      const dryRun = up.fields.dryRun === 'true' || up.fields.dryRun === '1';
      return importCustomers(ctx, up.content, { mode, dryRun, lang: requestLang(req) }, actorOf(req));
    },
  );

  app.post('/api/customers', { config: write, schema: { tags, body: s.CustomerCreate, response: { 201: s.CustomerView } } }, async (req, reply) => {
    const id = await svc.createCustomer(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(201).send(await svc.getCustomerView(ctx, userOf(req), id));
  });

  app.get('/api/customers/:id', { config: read, schema: { tags, params: IdParam, response: { 200: s.CustomerView } } }, async (req) => svc.getCustomerView(ctx, userOf(req), req.params.id));

  app.patch('/api/customers/:id', { config: write, schema: { tags, params: IdParam, body: s.CustomerUpdate, response: { 200: s.CustomerView } } }, async (req) => {
    await svc.updateCustomer(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return svc.getCustomerView(ctx, userOf(req), req.params.id);
  });

  app.post('/api/customers/:id/transitions', { config: write, schema: { tags, params: IdParam, body: s.TransitionBody, response: { 200: s.CustomerView } } }, async (req) => {
    await life.transition(ctx, userOf(req), req.params.id, req.body.to, req.body.reason, actorOf(req), requestLang(req));
    return svc.getCustomerView(ctx, userOf(req), req.params.id);
  });

  app.get('/api/customers/:id/timeline', { config: read, schema: { tags, params: IdParam, response: { 200: z.array(s.TransitionView) } } }, async (req) =>
    life.timeline(ctx, userOf(req), req.params.id),
  );

  // One activity timeline (issue 9 item 7): every module's entries for the customer, newest first.
  const ActivityEntry = z.object({
    kind: z.enum(ACTIVITY_KINDS),
    at: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    amountFen: z.number().nullable(),
    actor: z.string().nullable(),
    path: z.string().nullable(),
  });
  app.get(
    '/api/customers/:id/activity',
    {
      config: read,
      schema: {
        tags,
        params: IdParam,
        querystring: z.strictObject({
          from: DateStr.optional(),
          to: DateStr.optional(),
          kinds: z
            .string()
            .max(200)
            .optional()
            .transform((v) => (v ? v.split(',') : [...ACTIVITY_KINDS]))
            .pipe(z.array(z.enum(ACTIVITY_KINDS)).min(1)),
        }),
        response: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(ActivityEntry) }) },
      },
    },
    async (req) => {
      const user = userOf(req);
      await assertCustomerAccess(ctx.db, user, req.params.id);
      const to = req.query.to ?? svc.todayIn(ctx);
      // a year back by default
      const from = req.query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`.replace(/-02-29$/, '-02-28');
      if (from > to) throw new AppError('BAD_REQUEST', { reason: { zh: '开始日期晚于结束日期', en: 'the start date is after the end date' } });
      const lang = requestLang(req);
      const items = await customerActivity(ctx, user, req.params.id, { from, to }, req.query.kinds);
      return { from, to, items: items.map((e) => ({ ...e, title: lang === 'en' ? e.title.en : e.title.zh, detail: e.detail ? (lang === 'en' ? e.detail.en : e.detail.zh) : null })) };
    },
  );

  app.get(
    '/api/customers/:id/history',
    {
      config: read,
      schema: {
        tags,
        params: IdParam,
        querystring: z.strictObject({ entity: z.string().max(40).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: paged(s.HistoryView) },
      },
    },
    async (req) => svc.history(ctx, userOf(req), req.params.id, req.query),
  );
}
