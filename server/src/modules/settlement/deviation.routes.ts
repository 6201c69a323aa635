/** HTTP of deviation settlement. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { DateStr, DecimalStr, IdParam, MonthStr } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../../platform/auth/scope';
import { SafeText } from '../pricing/pricing.schema';
import { DE } from './settlement.errors';
import * as s from './settlement.schema';
import * as svc from './deviation.service';
import * as q from './deviation.query';
import { confirmationPdf } from './deviation.pdf';

const MAGIC: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
async function readFile(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError(DE.DEVIATION_FILE);
  const part = await req.file();
  if (!part) throw new AppError(DE.DEVIATION_FILE);
  const content = await part.toBuffer();
  const mime = MAGIC.find(([, sig]) => sig.every((b, i) => content[i] === b))?.[0];
  if (!mime) throw new AppError(DE.DEVIATION_FILE);
  return { name: (part.filename || 'file').split('\u0000').join(''), content, mime };
}
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const Cause = s.ClaimCause;

export function deviationRoutes(app: Api, ctx: AppContext) {
  const tags = ['偏差结算 Deviation'];
  const read = { permission: 'contracts:read' as const };
  const write = { permission: 'deviation:write' as const };
  const caseAccess = async (req: FastifyRequest, id: number) => {
    const customerId = await svc.caseCustomer(ctx.db, id);
    if (customerId == null) throw new AppError('NOT_FOUND', { entity: { zh: '偏差结算案例', en: 'Deviation case' } });
    await assertCustomerAccess(ctx.db, userOf(req), customerId);
  };

  app.get('/api/deviation/periods', { config: read, schema: { tags, summary: '偏差结算期间', response: { 200: z.array(s.DevPeriodView) } } }, async (req) => q.listPeriods(ctx.db, userOf(req)));
  app.post(
    '/api/deviation/periods',
    {
      config: write,
      schema: {
        tags,
        summary: '新建偏差结算期间并生成草稿名单',
        body: z.strictObject({ label: SafeText(60).pipe(z.string().min(1)), from: MonthStr, to: MonthStr }),
        response: { 201: s.DevPeriodCreated },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createPeriod(ctx, req.body, actorOf(req))),
  );
  app.get('/api/deviation/periods/:id', { config: read, schema: { tags, summary: '偏差结算草稿名单', params: IdParam, response: { 200: s.DevPeriodDetail } } }, async (req) =>
    q.periodDetail(ctx.db, userOf(req), req.params.id),
  );
  app.post(
    '/api/deviation/periods/:id/confirmations',
    { config: write, schema: { tags, summary: '出具偏差结算确认单（须在草稿名单上）', params: IdParam, body: z.strictObject({ customerId: z.number().int().positive() }) } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.body.customerId);
      return svc.confirmCase(ctx, req.params.id, req.body.customerId, actorOf(req));
    },
  );
  app.get(
    '/api/deviation/summary',
    { config: read, schema: { tags, summary: '年度偏差结算汇总', querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: s.DevYearSummary } } },
    async (req) => q.yearlySummary(ctx.db, userOf(req), req.query.year),
  );
  app.get('/api/deviation/cases/:id', { config: read, schema: { tags, summary: '偏差结算案例（含来函）', params: IdParam, response: { 200: s.DevCaseDetail } } }, async (req) =>
    q.caseDetail(ctx.db, userOf(req), req.params.id),
  );
  app.post(
    '/api/deviation/cases/:id/claims',
    {
      config: write,
      schema: { tags, summary: '登记客户来函', params: IdParam, body: z.strictObject({ cause: Cause, claimed: DecimalStr, description: SafeText(1000).nullish(), receivedOn: DateStr }) },
    },
    async (req, reply) => {
      await caseAccess(req, req.params.id);
      return reply.code(201).send(await svc.addClaim(ctx, req.params.id, req.body, actorOf(req)));
    },
  );
  app.post('/api/deviation/claims/:id/evidence', { config: write, schema: { tags, summary: '上传来函证明材料（multipart）', params: IdParam } }, async (req) => {
    const customerId = await svc.claimCustomer(ctx.db, req.params.id);
    if (customerId == null) throw new AppError('NOT_FOUND', { entity: { zh: '来函', en: 'Claim' } });
    await assertCustomerAccess(ctx.db, userOf(req), customerId);
    await svc.attachEvidence(ctx, req.params.id, await readFile(req), actorOf(req));
    return { ok: true };
  });
  app.post(
    '/api/deviation/cases/:id/review',
    {
      config: { permission: 'deviation:review' },
      schema: {
        tags,
        summary: '专题会商：核定每份来函的免责气量',
        params: IdParam,
        body: z.strictObject({
          heldOn: DateStr,
          participants: SafeText(500).pipe(z.string().min(1)),
          decision: SafeText(2000).pipe(z.string().min(1)),
          claims: z.array(z.strictObject({ claimId: z.number().int().positive(), approved: DecimalStr })).max(100),
        }),
      },
    },
    async (req) => {
      await caseAccess(req, req.params.id);
      return svc.reviewCase(ctx, req.params.id, req.body, actorOf(req));
    },
  );
  app.get('/api/deviation/cases/:id/confirmation.pdf', { config: read, schema: { tags, summary: '偏差结算确认单 PDF', params: IdParam } }, async (req, reply) => {
    const c = await q.caseDetail(ctx.db, userOf(req), req.params.id);
    const lang = requestLang(req);
    const pdf = await confirmationPdf(c, lang, lang === 'en' ? 'The gas seller (Qike)' : '供气方（气客）');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(`${lang === 'en' ? 'deviation-confirmation' : '偏差结算确认单'}-${c.customerCode}-${c.id}.pdf`))
      .send(pdf);
  });
  app.post('/api/deviation/cases/:id/signed-copy', { config: write, schema: { tags, summary: '上传客户回签的确认单（multipart）', params: IdParam } }, async (req) => {
    await caseAccess(req, req.params.id);
    await svc.uploadSignedCopy(ctx, req.params.id, await readFile(req), actorOf(req));
    return { ok: true };
  });
  app.post('/api/deviation/cases/:id/post', { config: { permission: 'settlement:run' }, schema: { tags, summary: '偏差结算费入账', params: IdParam } }, async (req) => {
    await caseAccess(req, req.params.id);
    return svc.postFee(ctx, req.params.id, actorOf(req));
  });
}
