/** HTTP routes of the reduce/stop procedure: parse → authorize → one service call → present. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { IdParam, paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../customers';
import * as s from './procedures.schema';
import * as svc from './procedures.service';
import * as exec from './procedures.execution';
import * as files from './procedures.files';
import * as q from './procedures.queries';
import { operatorsFor } from './procedures.operators';
import { exportCases } from './procedures.export';
import { loadNoticeData, noticePdf } from './procedures.pdf';
import * as repo from './procedures.repo';

const READ = { permission: 'accounts:read' as const };
const WRITE = { permission: 'procedures:write' as const };
const APPROVE = { permission: 'procedures:approve_stop' as const };
const EXECUTE = { permission: 'procedures:execute' as const };
const AttachmentParam = z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });
const Binary = z.any().describe('binary file');

export function proceduresRoutes(app: Api, ctx: AppContext) {
  const tags = ['减停气程序 Reduce/stop procedure'];
  const detail = (req: any, id: number) => q.caseDetail(ctx.db, userOf(req), id, requestLang(req));

  app.get('/api/procedures/cases', { config: READ, schema: { tags, querystring: s.CaseListQuery, response: { 200: paged(s.CaseRow) } } }, async (req) => q.listCases(ctx.db, userOf(req), req.query));

  app.get('/api/procedures/cases/export', { config: READ, schema: { tags, querystring: s.CaseListQuery, response: { 200: Binary } } }, async (req, reply) => {
    const buf = await exportCases(ctx.db, userOf(req), req.query, requestLang(req));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('减停气案件.xlsx')}`)
      .send(buf);
  });

  app.post('/api/procedures/cases', { config: WRITE, schema: { tags, body: s.OpenCaseBody, response: { 201: s.CaseDetail } } }, async (req, reply) => {
    const id = await svc.openCase(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(201).send(await detail(req, id));
  });

  app.get('/api/procedures/cases/:id', { config: READ, schema: { tags, params: IdParam, response: { 200: s.CaseDetail } } }, async (req) => detail(req, req.params.id));

  app.post('/api/procedures/cases/:id/steps', { config: WRITE, schema: { tags, params: IdParam, body: s.AddStepBody, response: { 201: s.CaseDetail } } }, async (req, reply) => {
    await svc.addStep(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return reply.status(201).send(await detail(req, req.params.id));
  });

  app.post('/api/procedures/cases/:id/cancel', { config: WRITE, schema: { tags, params: IdParam, body: s.CancelBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.cancelCase(ctx, userOf(req), req.params.id, req.body.reason, actorOf(req));
    return detail(req, req.params.id);
  });

  app.patch('/api/procedures/cases/:id/steps/:stepId/receipt', { config: WRITE, schema: { tags, params: s.StepIdParam, body: s.ReceiptBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.updateReceipt(ctx, userOf(req), req.params.id, req.params.stepId, req.body, actorOf(req));
    return detail(req, req.params.id);
  });

  app.post('/api/procedures/cases/:id/steps/:stepId/approve', { config: APPROVE, schema: { tags, params: s.StepIdParam, body: s.ApproveBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await exec.approveStop(ctx, userOf(req), req.params.id, req.params.stepId, req.body.note, actorOf(req));
    return detail(req, req.params.id);
  });

  app.post('/api/procedures/cases/:id/steps/:stepId/reject', { config: APPROVE, schema: { tags, params: s.StepIdParam, body: s.RejectBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await exec.rejectStop(ctx, userOf(req), req.params.id, req.params.stepId, req.body.reason, actorOf(req));
    return detail(req, req.params.id);
  });

  app.post('/api/procedures/cases/:id/steps/:stepId/confirm', { config: EXECUTE, schema: { tags, params: s.StepIdParam, body: s.ConfirmBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await exec.confirmExecution(ctx, userOf(req), req.params.id, req.params.stepId, req.body, actorOf(req));
    return detail(req, req.params.id);
  });

  // multipart/form-data: field `purpose` (attachment|receipt, default attachment) before the `file` field.
  app.post('/api/procedures/cases/:id/steps/:stepId/attachments', { config: WRITE, schema: { tags, params: s.StepIdParam, response: { 201: s.AttachmentView } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
    const file = await req.file();
    if (!file) throw new AppError('PROC_NO_FILE');
    const content = await file.toBuffer();
    const purposeField = file.fields.purpose as { value?: unknown } | undefined;
    const purpose = z
      .enum(['attachment', 'receipt'])
      .default('attachment')
      .parse(purposeField?.value ?? undefined);
    const id = await files.addAttachment(ctx, userOf(req), req.params.id, req.params.stepId, { filename: file.filename, mimetype: file.mimetype, content }, purpose, actorOf(req));
    const [meta] = await repo.listAttachmentMeta(ctx.db, [req.params.stepId]).then((l) => l.filter((a) => a.id === id));
    return reply.status(201).send({
      id,
      stepId: meta.step_id,
      purpose: meta.purpose,
      filename: meta.filename,
      mime: meta.mime,
      sizeBytes: meta.size_bytes,
      sha256: meta.sha256,
      uploadedAt: meta.uploaded_at.toISOString(),
      uploadedBy: meta.uploaded_by_name,
    });
  });

  app.get('/api/procedures/cases/:id/attachments/:attachmentId', { config: READ, schema: { tags, params: AttachmentParam, response: { 200: Binary } } }, async (req, reply) => {
    const f = await files.getAttachment(ctx, userOf(req), req.params.id, req.params.attachmentId);
    return reply
      .type(f.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .send(f.content);
  });

  app.get(
    '/api/procedures/cases/:id/steps/:stepId/notice.pdf',
    { config: READ, schema: { tags, params: s.StepIdParam, querystring: s.NoticeQuery, response: { 200: Binary } } },
    async (req, reply) => {
      const lang = req.query.lang ?? requestLang(req);
      const data = await loadNoticeData(ctx.db, userOf(req), req.params.id, req.params.stepId);
      const pdf = await noticePdf(data, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${lang === 'en' ? 'payment-notice' : '催款函'}-${data.noticeNo}.pdf`)}`)
        .send(pdf);
    },
  );

  app.get('/api/procedures/operators', { config: WRITE, schema: { tags, querystring: s.CustomerIdQuery, response: { 200: z.array(s.OperatorView) } } }, async (req) => {
    await assertCustomerAccess(ctx.db, userOf(req), req.query.customerId);
    const c = (await repo.findCustomer(ctx.db, req.query.customerId))!;
    return operatorsFor(ctx.db, c);
  });

  // Customer picker for opening a case: customers in the user's scope that are supplied.
  app.get('/api/procedures/customers', { config: WRITE, schema: { tags, querystring: s.CustomerPickQuery, response: { 200: z.object({ items: z.array(s.CustomerPick) }) } } }, async (req) => ({
    items: await q.pickCustomers(ctx.db, userOf(req), req.query.q),
  }));

  app.get('/api/procedures/instructions', { config: EXECUTE, schema: { tags, querystring: s.InstructionQuery, response: { 200: paged(s.InstructionRow) } } }, async (req) =>
    q.listInstructions(ctx.db, userOf(req), req.query),
  );

  app.get('/api/procedures/approvals', { config: APPROVE, schema: { tags, querystring: s.ApprovalQuery, response: { 200: paged(s.InstructionRow) } } }, async (req) =>
    q.listApprovals(ctx.db, userOf(req), req.query),
  );
}
