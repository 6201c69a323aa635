/** HTTP: bank statement import (finance) and the queue of unmatched lines. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { requestLang } from '../../platform/http/error-handler';
import { IdParam, Page, paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../customers';
import { AE } from './accounts.errors';
import { bankStatementRows } from './bank-import.files';
import * as svc from './bank-import.service';
import { bulkAssignLines } from './bank-bulk.service';
import { BANK_TEMPLATE } from './bank-import.calc';
import { importTemplate } from '../../platform/files/import-template';

const STATUSES = ['posted', 'duplicate', 'unmatched', 'ignored', 'rejected'] as const;
const LineView = z.object({
  id: z.number(),
  importId: z.number(),
  rowNo: z.number(),
  bankRef: z.string(),
  valueDate: z.string(),
  amountFen: z.number().int(),
  payerName: z.string().nullable(),
  payerAccount: z.string().nullable(),
  memo: z.string().nullable(),
  status: z.enum(STATUSES),
  reason: z.string().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  matchedBy: z.string().nullable(),
  transactionId: z.number().nullable(),
});

const Bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const ImportFields = z.object({ validOnly: Bool.default(false), dryRun: Bool.default(false) });
const ImportReport = z.object({
  status: z.enum(['imported', 'partial', 'dry_run', 'rejected']),
  importId: z.number().nullable(),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  lines: z.number(),
  posted: z.number(),
  duplicates: z.number(),
  unmatched: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
  errorsTruncated: z.boolean(),
});

export function bankImportRoutes(app: Api, ctx: AppContext) {
  const tags = ['气款账户 Accounts'];
  const W = { permission: 'payments:write' as const };

  // multipart/form-data: fields validOnly, dryRun (before the file), then one `file` (.csv or .xlsx)
  app.post(
    '/api/accounts/bank-imports',
    {
      config: W,
      schema: {
        tags,
        summary: '导入银行流水（自动匹配客户并入账，未匹配的进入待分配队列；可仅导入有效行，可只校验）',
        response: { 201: ImportReport },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
      const file = await req.file();
      if (!file) throw new AppError(AE.BANK_IMPORT_EMPTY);
      const fields = ImportFields.parse(Object.fromEntries(Object.entries(file.fields).map(([k, v]: [string, any]) => [k, v?.value])));
      const buf = await file.toBuffer();
      const rows = await bankStatementRows(buf, file.filename ?? '', userOf(req).id);
      return reply
        .status(201)
        .send(await svc.importBankStatement(ctx, rows, file.filename ?? 'statement', actorOf(req), { lang: requestLang(req), validOnly: fields.validOnly, dryRun: fields.dryRun }));
    },
  );

  app.get(
    '/api/accounts/bank-imports/template',
    { config: W, schema: { tags, summary: '银行流水导入模板', querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), response: { 200: z.any().describe('file') } } },
    async (req, reply) => {
      const f = await importTemplate(BANK_TEMPLATE, requestLang(req), req.query.format);
      return reply.type(f.type).header('content-disposition', f.disposition).send(f.body);
    },
  );

  app.get(
    '/api/accounts/bank-lines',
    {
      config: W,
      schema: {
        tags,
        summary: '银行流水行（默认待分配）',
        querystring: z.strictObject({ status: z.enum(STATUSES).optional(), importId: z.coerce.number().int().positive().optional(), ...Page }),
        response: { 200: paged(LineView) },
      },
    },
    async (req) => svc.listLines(ctx.db, req.query),
  );

  app.post(
    '/api/accounts/bank-lines/:id/assign',
    {
      config: W,
      schema: {
        tags,
        summary: '把待分配流水分配给客户并入账（可记住付款人）',
        params: IdParam,
        body: z.strictObject({ customerId: z.number().int().positive(), remember: z.boolean().default(true) }),
        response: { 200: z.object({ line: LineView, alsoPosted: z.number() }) },
      },
    },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.body.customerId);
      return svc.assignLine(ctx, req.params.id, req.body.customerId, req.body.remember, actorOf(req));
    },
  );

  app.post(
    '/api/accounts/bank-lines/bulk-assign',
    {
      config: W,
      schema: {
        tags,
        summary: '批量分配待分配流水（每行指定客户）并入账：全部成功或全部不做；重复请求不会重复入账',
        body: z.strictObject({
          assignments: z
            .array(z.strictObject({ lineId: z.number().int().positive(), customerId: z.number().int().positive() }))
            .min(1, '请至少选择一行流水')
            .max(10_000),
        }),
        response: {
          200: z.object({
            total: z.number(),
            posted: z.number(),
            duplicates: z.number(),
            already: z.number(),
            items: z.array(z.object({ lineId: z.number(), customerId: z.number(), outcome: z.enum(['posted', 'duplicate', 'already']), transactionId: z.number().nullable() })),
          }),
        },
      },
    },
    async (req) => bulkAssignLines(ctx, userOf(req), req.body.assignments, actorOf(req)),
  );

  app.post(
    '/api/accounts/bank-lines/:id/ignore',
    { config: W, schema: { tags, summary: '忽略流水（非客户气款）', params: IdParam, body: z.strictObject({ note: z.string().max(500).nullish() }), response: { 204: z.null() } } },
    async (req, reply) => {
      await svc.ignoreLine(ctx, req.params.id, req.body.note ?? null, actorOf(req));
      return reply.status(204).send(null);
    },
  );
}
