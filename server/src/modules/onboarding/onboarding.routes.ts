/** HTTP routes of new-customer onboarding: parse → authorize → one service call → present. */
import { z } from 'zod';
import { MILESTONE_KINDS, SECTION_KINDS } from '@common/onboarding';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { IdParam, paged } from '../../platform/http/schemas';
import * as s from './onboarding.schema';
import * as svc from './onboarding.service';
import * as q from './onboarding.queries';
import * as files from './onboarding.files';
import { reportPdf, reviewFormPdf } from './onboarding.pdf';

const READ = { permission: 'onboarding:read' as const };
const WRITE = { permission: 'onboarding:write' as const };
const REVIEW = { permission: 'onboarding:review' as const };
const APPROVE = { permission: 'onboarding:approve' as const };
const Binary = z.any().describe('binary file');

export function onboardingRoutes(app: Api, ctx: AppContext) {
  const tags = ['新增客户 Onboarding'];
  const detail = (req: any, id: number) => q.caseDetail(ctx.db, userOf(req), id);

  app.get('/api/onboarding/cases', { config: READ, schema: { tags, querystring: s.CaseListQuery, response: { 200: paged(s.CaseRow) } } }, async (req) => q.listCases(ctx.db, userOf(req), req.query));
  app.get('/api/onboarding/todo', { config: READ, schema: { tags, response: { 200: z.array(s.TodoItem) } } }, async (req) => q.todo(ctx.db, userOf(req)));
  app.get('/api/onboarding/board', { config: READ, schema: { tags, response: { 200: s.BoardView } } }, async (req) => q.board(ctx.db, userOf(req)));
  app.get('/api/onboarding/yearly', { config: READ, schema: { tags, querystring: s.YearQuery, response: { 200: s.YearCountsView } } }, async (req) =>
    q.yearly(ctx.db, userOf(req), req.query.from, req.query.to),
  );

  app.post('/api/onboarding/cases', { config: WRITE, schema: { tags, body: s.OpenCaseBody, response: { 201: s.CaseDetail } } }, async (req, reply) => {
    const id = await svc.openCase(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(201).send(await detail(req, id));
  });
  app.get('/api/onboarding/cases/:id', { config: READ, schema: { tags, params: IdParam, response: { 200: s.CaseDetail } } }, async (req) => detail(req, req.params.id));

  app.put('/api/onboarding/cases/:id/survey', { config: WRITE, schema: { tags, params: IdParam, body: s.SurveyBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.scheduleSurvey(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.put('/api/onboarding/cases/:id/sections/:section', { config: REVIEW, schema: { tags, params: s.SectionParam, body: s.SectionBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.completeSection(ctx, userOf(req), req.params.id, req.params.section, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.put('/api/onboarding/cases/:id/combined', { config: WRITE, schema: { tags, params: IdParam, body: s.CombinedBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.setCombined(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.post('/api/onboarding/cases/:id/submit', { config: WRITE, schema: { tags, params: IdParam, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.submit(ctx, userOf(req), req.params.id, actorOf(req));
    return detail(req, req.params.id);
  });
  app.post('/api/onboarding/cases/:id/approve', { config: APPROVE, schema: { tags, params: IdParam, body: s.ApproveBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.approve(ctx, userOf(req), req.params.id, req.body.note, actorOf(req));
    return detail(req, req.params.id);
  });
  app.post('/api/onboarding/cases/:id/return', { config: APPROVE, schema: { tags, params: IdParam, body: s.ReturnBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.returnCase(ctx, userOf(req), req.params.id, req.body.reason, actorOf(req));
    return detail(req, req.params.id);
  });
  app.get('/api/onboarding/cases/:id/contracts', { config: READ, schema: { tags, params: IdParam, response: { 200: z.array(s.ContractBriefView) } } }, async (req) =>
    q.caseContracts(ctx.db, userOf(req), req.params.id),
  );
  app.put('/api/onboarding/cases/:id/contract-link', { config: WRITE, schema: { tags, params: IdParam, body: s.ContractLinkBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.linkContract(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.put('/api/onboarding/cases/:id/contract', { config: WRITE, schema: { tags, params: IdParam, body: s.ContractBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.recordContract(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.put('/api/onboarding/cases/:id/milestones/:kind', { config: WRITE, schema: { tags, params: s.MilestoneParam, body: s.MilestoneBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.updateMilestone(ctx, userOf(req), req.params.id, req.params.kind, req.body, actorOf(req));
    return detail(req, req.params.id);
  });
  app.post('/api/onboarding/cases/:id/commission', { config: WRITE, schema: { tags, params: IdParam, body: s.CommissionBody, response: { 200: s.CaseDetail } } }, async (req) => {
    await svc.commission(ctx, userOf(req), req.params.id, req.body, actorOf(req));
    return detail(req, req.params.id);
  });

  // multipart/form-data: `section` or `milestone` field before the `file` field.
  app.post('/api/onboarding/cases/:id/files', { config: READ, schema: { tags, params: IdParam, response: { 201: s.CaseDetail } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
    const file = await req.file();
    if (!file) throw new AppError('ONB_NO_FILE');
    const content = await file.toBuffer();
    const field = (n: string) => (file.fields[n] as { value?: unknown } | undefined)?.value;
    const target = z
      .union([z.strictObject({ section: z.enum(SECTION_KINDS) }), z.strictObject({ milestone: z.enum(MILESTONE_KINDS) })])
      .parse(field('section') ? { section: field('section') } : { milestone: field('milestone') });
    await files.addFile(ctx, userOf(req), req.params.id, target, { filename: file.filename, content }, actorOf(req));
    return reply.status(201).send(await detail(req, req.params.id));
  });
  app.get('/api/onboarding/cases/:id/files/:fileId', { config: READ, schema: { tags, params: s.FileParam, response: { 200: Binary } } }, async (req, reply) => {
    const f = await files.getFile(ctx, userOf(req), req.params.id, req.params.fileId);
    return reply
      .type(f.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .send(f.content);
  });

  for (const kind of ['report', 'review'] as const) {
    app.get(`/api/onboarding/cases/:id/${kind}.pdf`, { config: READ, schema: { tags, params: IdParam, querystring: s.PdfQuery, response: { 200: Binary } } }, async (req, reply) => {
      const lang = req.query.lang ?? requestLang(req);
      const d = await detail(req, req.params.id);
      const pdf = kind === 'report' ? await reportPdf(d, lang) : await reviewFormPdf(d, lang);
      const name = kind === 'report' ? (lang === 'en' ? 'survey-report' : '新增市场（客户）调查报告') : lang === 'en' ? 'review-opinion-form' : '天然气新增市场（客户）审查意见表';
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${name}-${d.id}.pdf`)}`)
        .send(pdf);
    });
  }
}
