/** HTTP of notices and receipts (告知函/回执): templates, compose/preview/send, lists, PDF, receipts, export. */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { Lang } from '@common/lang';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { IdParam, paged } from '../../platform/http/schemas';
import * as s from './notices.schema';
import * as compose from './notices.service';
import * as templates from './templates.service';
import * as queries from './queries.service';
import * as receipts from './receipts.service';

const tags = ['告知函 Notices'];
const READ = { permission: 'customers:read' as const };
const SEND = { permission: 'notices:send' as const };
const RECEIPT = { permission: 'notices:receipt' as const };
const TEMPLATES = { permission: 'notices:templates' as const };
const Binary = { 200: z.any() };

export function attachment(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** One multipart file and the text fields sent before it; the size limit is the multipart plugin's. */
async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: { name: string; content: Buffer } | null }> {
  if (!req.isMultipart()) throw new AppError('NOTICE_UPLOAD_MISSING');
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer(); // FST_REQ_FILE_TOO_LARGE → 413 UPLOAD_TOO_LARGE
      if (content.length) file = { name: part.filename || 'receipt', content };
    } else fields[part.fieldname] = String(part.value);
  }
  return { fields, file };
}

const KIND_LABELS: Record<string, { zh: string; en: string }> = {
  price_change: { zh: '价格调整', en: 'Price change' },
  settlement: { zh: '结算', en: 'Settlement' },
  deviation: { zh: '偏差结算', en: 'Deviation' },
  curtailment: { zh: '限气', en: 'Curtailment' },
  emergency: { zh: '应急', en: 'Emergency' },
  trading: { zh: '线上交易', en: 'Online trading' },
  onboarding: { zh: '客户开发', en: 'Onboarding' },
  manager_letter: { zh: '客户经理告知', en: 'Account managers' },
  payment_notice: { zh: '催款函', en: 'Payment notice' },
  general: { zh: '通用', en: 'General' },
};

async function exportXlsx(rows: Awaited<ReturnType<typeof queries.exportNotices>>, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(en ? 'Notices' : '告知函', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols: [string, string, number, (r: (typeof rows)[number]) => string | number | null][] = [
    ['编号', 'No.', 20, (r) => r.no],
    ['类别', 'Kind', 12, (r) => (en ? KIND_LABELS[r.kind].en : KIND_LABELS[r.kind].zh)],
    ['标题', 'Title', 40, (r) => (en ? r.titleEn : r.title)],
    ['发送日期', 'Sent on', 12, (r) => r.sentOn],
    ['发送人', 'Sent by', 12, (r) => r.sentBy],
    ['回执截止', 'Receipts due', 12, (r) => r.receiptDueOn],
    ['客户数', 'Customers', 10, (r) => r.recipients],
    ['需回执', 'Receipts required', 10, (r) => r.required],
    ['已回执', 'Returned', 10, (r) => r.returned],
    ['待回执', 'Pending', 10, (r) => r.pending],
    ['逾期', 'Overdue', 10, (r) => r.overdue],
    ['完成率(%)', 'Completion (%)', 12, (r) => r.completionRate],
  ];
  ws.columns = cols.map(([zh, e, width], i) => ({ header: en ? e : zh, key: `c${i}`, width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cols.map(([, , , v]) => v(r) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function noticeRoutes(app: Api, ctx: AppContext) {
  // templates
  app.get('/api/notice-templates', { config: READ, schema: { tags, response: { 200: z.array(s.TemplateView) } } }, async () => templates.listTemplates(ctx));
  app.post('/api/notice-templates', { config: TEMPLATES, schema: { tags, body: s.TemplateBody, response: { 201: s.TemplateView } } }, async (req, reply) =>
    reply.status(201).send(await templates.createTemplate(ctx, req.body, actorOf(req))),
  );
  app.patch('/api/notice-templates/:id', { config: TEMPLATES, schema: { tags, params: IdParam, body: s.TemplatePatch, response: { 200: s.TemplateView } } }, async (req) =>
    templates.updateTemplate(ctx, req.params.id, req.body, actorOf(req)),
  );

  // compose and send
  app.post('/api/notices/preview', { config: SEND, schema: { tags, body: s.ComposeBody, response: { 200: s.PreviewView } } }, async (req) => compose.preview(ctx, userOf(req), req.body));
  app.post('/api/notices', { config: SEND, schema: { tags, body: s.ComposeBody, response: { 201: z.object({ noticeId: z.number(), recipients: z.number(), no: z.string() }) } } }, async (req, reply) =>
    reply.status(201).send(await compose.compose(ctx, userOf(req), req.body, actorOf(req))),
  );

  // lists
  app.get('/api/notices', { config: READ, schema: { tags, querystring: s.ListQuery, response: { 200: paged(s.NoticeRow) } } }, async (req) => queries.listNotices(ctx, userOf(req), req.query));
  app.get('/api/notices/export', { config: READ, schema: { tags, querystring: s.ExportQuery, response: Binary } }, async (req, reply) => {
    const lang = requestLang(req);
    const buf = await exportXlsx(await queries.exportNotices(ctx, userOf(req), req.query), lang);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${lang === 'en' ? 'notices' : '告知函'}_${compose.todayOf(ctx)}.xlsx`))
      .send(buf);
  });
  app.get('/api/notices/:id', { config: READ, schema: { tags, params: s.NoticeParam, response: { 200: s.NoticeDetail } } }, async (req) => queries.noticeDetail(ctx, userOf(req), req.params.id));
  app.get('/api/notices/:id/recipients', { config: READ, schema: { tags, params: s.NoticeParam, querystring: s.RecipientsQuery, response: { 200: paged(s.RecipientView) } } }, async (req) =>
    queries.listRecipients(ctx, userOf(req), req.params.id, req.query),
  );
  app.get('/api/customers/:id/notices', { config: READ, schema: { tags, params: IdParam, response: { 200: z.array(s.CustomerNoticeView) } } }, async (req) =>
    queries.customerNotices(ctx, userOf(req), req.params.id),
  );

  // printing: the whole batch (one PDF) or chosen customers
  app.get('/api/notices/:id/pdf', { config: READ, schema: { tags, params: s.NoticeParam, querystring: s.PdfQuery, response: Binary } }, async (req, reply) => {
    const lang = requestLang(req);
    const r = await queries.noticePdf(ctx, userOf(req), req.params.id, req.query.customerId, lang);
    const name = `${lang === 'en' ? 'notice' : '告知函'}_${r.no}${r.single ? `_${r.single}` : ''}.pdf`;
    return reply.type('application/pdf').header('content-disposition', attachment(name, true)).send(r.pdf);
  });

  // receipts
  app.post(
    '/api/notices/:id/recipients/:customerId/receipt',
    { config: RECEIPT, schema: { tags, params: s.RecipientParam, description: 'multipart: returnedOn, signer, note? then file? (signed copy: PDF/JPG/PNG)', response: { 200: s.RecipientView } } },
    async (req) => {
      const up = await readUpload(req);
      const fields = s.ReceiptFields.parse({ returnedOn: up.fields.returnedOn, signer: up.fields.signer, note: up.fields.note || undefined });
      return receipts.recordReceipt(ctx, userOf(req), req.params.id, req.params.customerId, fields, up.file, actorOf(req));
    },
  );
  app.get('/api/notices/:id/recipients/:customerId/receipt-file', { config: READ, schema: { tags, params: s.RecipientParam, response: Binary } }, async (req, reply) => {
    const f = await receipts.receiptFile(ctx, userOf(req), req.params.id, req.params.customerId);
    return reply.header('content-type', f.mime).header('content-disposition', attachment(f.name)).header('x-content-type-options', 'nosniff').send(f.content);
  });
}
