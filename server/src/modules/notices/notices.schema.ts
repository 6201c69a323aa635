/** zod shapes of the notices HTTP API (告知函/回执). Every text refuses NUL (U+0000). */
import { z } from 'zod';
import { CUSTOMER_TYPES } from '@common/customers';
import { DateStr, Page } from '../../platform/http/schemas';
import { CHANNELS, FIELD_KEY, NOTICE_KINDS, RECEIPT_STATUSES } from './notices.calc';

const noNul = (s: string) => !s.includes('\u0000');
/** Trimmed text of at most `max` characters without NUL. */
export const Text = (max: number) => z.string().trim().max(max).refine(noNul, '不能包含空字符（NUL）/ must not contain NUL');
/** Multi-line text: kept as written (no trim), without NUL. */
const LongText = (max: number) => z.string().max(max).refine(noNul, '不能包含空字符（NUL）/ must not contain NUL');
const Ids = z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).max(5000));

export const Kind = z.enum(NOTICE_KINDS);
export const TemplateFieldSchema = z.strictObject({ key: z.string().regex(FIELD_KEY, '字段名只能由字母、数字和下划线组成，以字母开头'), label: Text(50).min(1), labelEn: Text(80).min(1) });

const TemplateFields = {
  kind: Kind,
  name: Text(60).min(1),
  nameEn: Text(100).min(1),
  title: Text(200).min(1),
  titleEn: Text(300).min(1),
  body: LongText(8000).refine((s) => s.trim().length > 0, '正文不能为空'),
  bodyEn: LongText(12000).refine((s) => s.trim().length > 0, 'The English body is empty'),
  fields: z.array(TemplateFieldSchema).max(20),
  requireReceipt: z.boolean(),
  receiptDays: z.number().int().min(1).max(365),
  active: z.boolean(),
};
export const TemplateBody = z.strictObject({
  ...TemplateFields,
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '模板编码只能由小写字母、数字和下划线组成'),
  fields: TemplateFields.fields.default([]),
  requireReceipt: TemplateFields.requireReceipt.default(true),
  receiptDays: TemplateFields.receiptDays.default(7),
  active: TemplateFields.active.default(true),
});
/** A patch: only the fields sent change (no defaults). */
export const TemplatePatch = z.strictObject(TemplateFields).partial();

export const TemplateView = z.object({
  id: z.number(),
  code: z.string(),
  kind: Kind,
  name: z.string(),
  nameEn: z.string(),
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string() })),
  requireReceipt: z.boolean(),
  receiptDays: z.number(),
  builtin: z.boolean(),
  active: z.boolean(),
  updatedAt: z.string(),
});

export const RecipientFilter = z.strictObject({
  type: z.array(z.enum(CUSTOMER_TYPES)).max(10).optional(),
  region: Text(50).optional(),
  managerId: z.number().int().positive().optional(),
  level: z
    .array(z.enum(['normal', 'warning', 'reduce', 'stop']))
    .max(4)
    .optional(),
  tag: z.array(Text(50)).max(20).optional(),
  customerIds: z.array(z.number().int().positive()).max(5000).optional(),
});
export type RecipientFilter = z.infer<typeof RecipientFilter>;

export const ComposeBody = z.strictObject({
  templateId: z.number().int().positive().nullish(),
  kind: Kind,
  title: Text(200).min(1),
  titleEn: Text(300).min(1),
  body: LongText(8000).refine((s) => s.trim().length > 0, '正文不能为空'),
  bodyEn: LongText(12000).refine((s) => s.trim().length > 0, 'The English body is empty'),
  fieldValues: z.record(z.string().regex(FIELD_KEY), Text(500)).default({}),
  recipients: RecipientFilter,
  channels: z.array(z.enum(CHANNELS)).min(1, '请至少选择一种发送方式').max(2),
  requireReceipt: z.boolean(),
  receiptDueOn: DateStr.nullish(),
});
export type ComposeBody = z.infer<typeof ComposeBody>;

export const RecipientBrief = z.object({ customerId: z.number(), code: z.string(), name: z.string(), managerName: z.string().nullable() });
export const PreviewView = z.object({
  count: z.number(),
  recipients: z.array(RecipientBrief),
  sample: z.object({ title: z.string(), titleEn: z.string(), body: z.string(), bodyEn: z.string() }).nullable(),
});

export const ListQuery = z.strictObject({
  ...Page,
  kind: Kind.optional(),
  q: Text(100).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  status: z.enum(['incomplete', 'complete', 'overdue']).optional(),
});
export const ExportQuery = ListQuery.omit({ page: true, pageSize: true });
export type ListFilter = z.infer<typeof ExportQuery>;

export const NoticeRow = z.object({
  id: z.number(),
  no: z.string(),
  kind: Kind,
  title: z.string(),
  titleEn: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  requireReceipt: z.boolean(),
  receiptDueOn: z.string().nullable(),
  sentOn: z.string(),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  source: z.object({ module: z.string(), entity: z.string(), id: z.string() }).nullable(),
  /** Counts over the recipients the user may see. */
  recipients: z.number(),
  required: z.number(),
  returned: z.number(),
  pending: z.number(),
  overdue: z.number(),
  completionRate: z.string().nullable(),
});
export const NoticeDetail = NoticeRow.extend({ body: z.string(), bodyEn: z.string(), fieldValues: z.record(z.string(), z.string()), templateId: z.number().nullable() });

export const RecipientsQuery = z.strictObject({ ...Page, status: z.enum([...RECEIPT_STATUSES, 'overdue']).optional(), q: Text(100).optional() });
export const RecipientView = z.object({
  noticeId: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  managerName: z.string().nullable(),
  receiptStatus: z.enum(RECEIPT_STATUSES),
  overdue: z.boolean(),
  returnedOn: z.string().nullable(),
  signer: z.string().nullable(),
  receiptNote: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  file: z.object({ name: z.string(), mime: z.string(), size: z.number() }).nullable(),
});
export const CustomerNoticeView = RecipientView.extend({ no: z.string(), kind: Kind, title: z.string(), titleEn: z.string(), sentOn: z.string(), receiptDueOn: z.string().nullable() });

export const ReceiptFields = z.strictObject({ returnedOn: DateStr, signer: Text(100).min(1, '请填写签收人'), note: Text(500).optional() });

export const NoticeParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const RecipientParam = z.strictObject({ id: z.coerce.number().int().positive(), customerId: z.coerce.number().int().positive() });
export const PdfQuery = z.strictObject({ customerId: Ids.optional() });
