/** HTTP: contacts, interactions and the staff list used by participant pickers. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { paged } from '../../platform/http/schemas';
import * as s from './interactions.schema';
import * as contacts from './contacts.service';
import * as svc from './interactions.service';
import { interactionColumns } from './exports';
import { attachment, buildXlsx, XLSX_TYPE } from './xlsx';
import { todayOf } from './interactions.shared';
import { inCustomerScope, customerBasics } from '../customers';
import { userDirectory } from '../../platform/auth/users';

const READ = { permission: 'customers:read' as const };
const WRITE = { permission: 'customers:write' as const };
const Empty = { 204: z.null() };
export const FileResponse = { 200: z.any().describe('file') };

export function interactionRoutes(app: Api, ctx: AppContext) {
  const tags = ['客户对接 Interactions'];

  // ---- contacts ----
  app.get(
    '/api/customers/:id/contacts',
    {
      config: READ,
      schema: { tags, params: s.CustomerParam, querystring: z.strictObject({ includeDeleted: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(s.ContactView) }) } },
    },
    async (req) => ({
      items: await contacts.listContacts(ctx, userOf(req), req.params.id, req.query.includeDeleted === 'true'),
    }),
  );
  app.post('/api/customers/:id/contacts', { config: WRITE, schema: { tags, params: s.CustomerParam, body: s.ContactBody, response: { 201: s.ContactView } } }, async (req, reply) =>
    reply.status(201).send(await contacts.createContact(ctx, userOf(req), req.params.id, req.body, actorOf(req))),
  );
  app.patch('/api/contacts/:id', { config: WRITE, schema: { tags, params: s.IdParam, body: s.ContactPatch, response: { 200: s.ContactView } } }, async (req) =>
    contacts.updateContact(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/contacts/:id/primary', { config: WRITE, schema: { tags, params: s.IdParam, response: { 200: s.ContactView } } }, async (req) =>
    contacts.makePrimary(ctx, userOf(req), req.params.id, actorOf(req)),
  );
  app.delete('/api/contacts/:id', { config: WRITE, schema: { tags, params: s.IdParam, response: Empty } }, async (req, reply) => {
    await contacts.deleteContact(ctx, userOf(req), req.params.id, actorOf(req));
    return reply.status(204).send(null);
  });
  app.get('/api/contacts/:id/history', { config: READ, schema: { tags, params: s.IdParam, response: { 200: z.object({ items: z.array(s.HistoryItem) }) } } }, async (req) => ({
    items: await contacts.contactHistory(ctx, userOf(req), req.params.id),
  }));

  // ---- interactions ----
  app.get('/api/interactions', { config: READ, schema: { tags, querystring: s.InteractionQuery, response: { 200: paged(s.InteractionView) } } }, async (req) =>
    svc.listInteractions(ctx, userOf(req), req.query),
  );
  app.get('/api/interactions/export', { config: READ, schema: { tags, querystring: s.InteractionQuery.omit({ page: true, pageSize: true }), response: FileResponse } }, async (req, reply) => {
    const rows = await svc.exportInteractions(ctx, userOf(req), req.query);
    const lang = requestLang(req);
    const buf = await buildXlsx(lang, [{ name: { zh: '对接记录', en: 'Interactions' }, columns: interactionColumns(lang), rows }]);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'interactions' : '对接记录'}_${todayOf(ctx)}.xlsx`))
      .send(buf);
  });
  app.get('/api/interactions/:id', { config: READ, schema: { tags, params: s.IdParam, response: { 200: s.InteractionView } } }, async (req) => svc.getInteraction(ctx, userOf(req), req.params.id));
  app.post('/api/interactions', { config: WRITE, schema: { tags, body: s.InteractionBody, response: { 201: s.InteractionView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createInteraction(ctx, userOf(req), req.body, actorOf(req))),
  );
  app.patch('/api/interactions/:id', { config: WRITE, schema: { tags, params: s.IdParam, body: s.InteractionPatch, response: { 200: s.InteractionView } } }, async (req) =>
    svc.updateInteraction(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );
  app.delete('/api/interactions/:id', { config: WRITE, schema: { tags, params: s.IdParam, response: Empty } }, async (req, reply) => {
    await svc.deleteInteraction(ctx, userOf(req), req.params.id, actorOf(req));
    return reply.status(204).send(null);
  });

  // ---- customers in scope, for pickers (reads the customers table; the customers API is another module's) ----
  app.get(
    '/api/interaction-customers',
    {
      config: READ,
      schema: {
        tags,
        querystring: z.strictObject({ q: z.string().trim().max(60).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })) }) },
      },
    },
    async (req) => {
      let q = ctx.db
        .selectFrom(customerBasics().as('c'))
        .select(['c.id', 'c.code', 'c.name'])
        .where(inCustomerScope(userOf(req), 'c.id'));
      if (req.query.q) q = q.where((eb) => eb.or([eb('c.name', 'ilike', `%${req.query.q}%`), eb('c.code', 'ilike', `%${req.query.q}%`)]));
      return { items: await q.orderBy('c.code').limit(req.query.limit).execute() };
    },
  );

  // ---- staff (participants, owners, assignees) ----
  app.get(
    '/api/interaction-staff',
    { config: READ, schema: { tags, querystring: z.strictObject({ managersOnly: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(s.StaffView) }) } } },
    async (req) => {
      let q = ctx.db.selectFrom(userDirectory().as('u')).select(['id', 'display_name', 'roles', 'phone']).where('disabled', '=', false);
      if (req.query.managersOnly === 'true') q = q.where((eb) => eb.or([eb(eb.val('account_manager'), '=', eb.fn.any('roles')), eb(eb.val('part_time_manager'), '=', eb.fn.any('roles'))]));
      const rows = await q.orderBy('display_name').limit(2000).execute();
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles, phone: r.phone })) };
    },
  );
}
