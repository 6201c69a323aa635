/** HTTP routes of licences and qualification documents. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { IdParam } from '../../platform/http/schemas';
import * as s from './customers.schema';
import * as svc from './documents.service';
import { attachment, readUpload } from './upload';
import { EXPIRY_SOON_DAYS } from './customers.service';

const tags = ['证照 Documents'];
const DocParam = z.strictObject({ id: z.coerce.number().int().positive(), docId: z.coerce.number().int().positive() });

export function documentRoutes(app: Api, ctx: AppContext) {
  const read = { permission: 'customers:read' as const };
  const write = { permission: 'customers:write' as const };

  app.get(
    '/api/customer-documents/expiring',
    { config: read, schema: { tags, querystring: z.strictObject({ days: z.coerce.number().int().min(0).max(3650).default(EXPIRY_SOON_DAYS) }), response: { 200: z.array(s.ExpiringDocumentView) } } },
    async (req) => svc.expiringDocuments(ctx, userOf(req), req.query.days),
  );

  app.get('/api/customers/:id/documents', { config: read, schema: { tags, params: IdParam, response: { 200: z.array(s.DocumentView) } } }, async (req) =>
    svc.listDocuments(ctx, userOf(req), req.params.id),
  );

  app.post(
    '/api/customers/:id/documents',
    { config: write, schema: { tags, params: IdParam, description: 'multipart: kind, title, docNo?, issuedOn?, expiresOn? then file (PDF/JPG/PNG/XLSX/DOCX)', response: { 201: s.DocumentView } } },
    async (req, reply) => {
      const up = await readUpload(req);
      const f = up.fields;
      const fields = s.DocumentFields.parse({ kind: f.kind, title: f.title ?? up.name, docNo: f.docNo || null, issuedOn: f.issuedOn || null, expiresOn: f.expiresOn || null });
      return reply.status(201).send(await svc.uploadDocument(ctx, userOf(req), req.params.id, fields, up, actorOf(req)));
    },
  );

  app.patch('/api/customers/:id/documents/:docId', { config: write, schema: { tags, params: DocParam, body: s.DocumentPatch, response: { 200: s.DocumentView } } }, async (req) =>
    svc.updateDocument(ctx, userOf(req), req.params.id, req.params.docId, req.body, actorOf(req)),
  );

  app.delete('/api/customers/:id/documents/:docId', { config: write, schema: { tags, params: DocParam, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.deleteDocument(ctx, userOf(req), req.params.id, req.params.docId, actorOf(req));
    return reply.status(204).send(null);
  });

  app.get('/api/customers/:id/documents/:docId/file', { config: read, schema: { tags, params: DocParam, response: { 200: z.any() } } }, async (req, reply) => {
    const f = await svc.documentFile(ctx, userOf(req), req.params.id, req.params.docId);
    return reply.header('content-type', f.mime).header('content-disposition', attachment(f.fileName)).header('x-content-type-options', 'nosniff').send(f.content);
  });
}
