/**
 * Use cases of notices and receipts (告知函/回执, DOMAIN.md §6): templates, composing a letter for
 * a set of customers, sending it (printed and/or in-app) inside one transaction, tracking each
 * receipt (待回执 → 已回执 with date, signer and signed copy), reminders for overdue receipts.
 * Customers are read through the customers module's published functions only.
 */
import crypto from 'node:crypto';
import type { Lang, Msg } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { JobDef } from '../../platform/jobs/jobs';
import { localParts } from '../../platform/jobs/jobs';
import { notify } from '../../platform/notify';
import type { NoticeDraft } from '../../platform/ports';
import { noticeAddressees, noticeCustomerIds, sniffFileType, SNIFFED_MIME, type NoticeAddressee } from '../customers';
import { getPaymentStatus } from '../accounts';
import { userDisplayNames } from '../identity';
import * as repo from './notices.repo';
import { addDays, BUILTIN_PLACEHOLDERS, completionRate, fillText, isOverdue, letterValues, noticeNo, unknownPlaceholders, type Channel, type NoticeKind, type TemplateField } from './notices.calc';
import type { ComposeBody, ListFilter, RecipientFilter } from './notices.schema';
import { renderNotices, type PrintedLetter } from './notices.pdf';
import './notices.errors';

type Scoped = Pick<SessionUser, 'id' | 'roles'>;
/** One letter goes to at most this many customers from the UI (the port has no limit). */
export const MAX_RECIPIENTS = 2000;
export const MAX_PDF_PAGES = 500;
export const MAX_EXPORT_ROWS = 20_000;
export const ALLOWED_UPLOADS = 'PDF, JPG, PNG';

export function todayOf(ctx: AppContext, now = new Date()): string {
  return localParts(now, ctx.config.timeZone).date;
}

// ---------------------------------------------------------------- templates

const templateView = (t: NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>) => ({
  id: t.id,
  code: t.code,
  kind: t.kind,
  name: t.name,
  nameEn: t.name_en,
  title: t.title,
  titleEn: t.title_en,
  body: t.body,
  bodyEn: t.body_en,
  fields: t.fields,
  requireReceipt: t.require_receipt,
  receiptDays: t.receipt_days,
  builtin: t.builtin,
  active: t.active,
  updatedAt: new Date(t.updated_at).toISOString(),
});

export async function listTemplates(ctx: AppContext) {
  return (await repo.listTemplates(ctx.db)).map(templateView);
}

interface TemplateInput {
  kind?: NoticeKind;
  name?: string;
  nameEn?: string;
  title?: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  fields?: TemplateField[];
  requireReceipt?: boolean;
  receiptDays?: number;
  active?: boolean;
}

function checkTemplateTexts(t: Required<Pick<TemplateInput, 'title' | 'titleEn' | 'body' | 'bodyEn' | 'fields'>>) {
  for (const f of t.fields) if ((BUILTIN_PLACEHOLDERS as readonly string[]).includes(f.key)) throw new AppError('NOTICE_FIELD_KEY_RESERVED', { key: f.key });
  checkPlaceholders({ title: t.title, titleEn: t.titleEn, body: t.body, bodyEn: t.bodyEn }, t.fields.map((f) => f.key));
}

const FIELD_NAMES: Record<string, Msg> = { title: { zh: '标题', en: 'the title' }, titleEn: { zh: '英文标题', en: 'the English title' }, body: { zh: '正文', en: 'the body' }, bodyEn: { zh: '英文正文', en: 'the English body' } };

function checkPlaceholders(texts: Record<string, string>, fieldKeys: readonly string[]) {
  const bad = unknownPlaceholders(texts, fieldKeys);
  if (bad.length) throw new AppError('NOTICE_UNKNOWN_PLACEHOLDER', { field: FIELD_NAMES[bad[0].field] ?? bad[0].field, placeholder: `{${bad[0].placeholder}}`, known: [...BUILTIN_PLACEHOLDERS, ...fieldKeys].map((k) => `{${k}}`).join(' ') }, { unknown: bad });
}

export async function createTemplate(ctx: AppContext, b: TemplateInput & { code: string }, actor: Actor) {
  checkTemplateTexts(b as any);
  return inTx(ctx.db, async (trx) => {
    if (await repo.findTemplateByCode(trx, b.code)) throw new AppError('NOTICE_TEMPLATE_CODE_TAKEN', { code: b.code });
    const row = await trx
      .insertInto('notice_templates')
      .values({ code: b.code, kind: b.kind!, name: b.name!, name_en: b.nameEn!, title: b.title!, title_en: b.titleEn!, body: b.body!, body_en: b.bodyEn!, fields: JSON.stringify(b.fields ?? []), require_receipt: b.requireReceipt, receipt_days: b.receiptDays, active: b.active, updated_at: new Date(), updated_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'notice.template.create', entity: 'notice_template', entityId: row.id, after: templateView(row) });
    return templateView(row);
  });
}

export async function updateTemplate(ctx: AppContext, id: number, patch: TemplateInput, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const before = await repo.findTemplate(trx, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: { zh: '告知函模板', en: 'Notice template' } });
    const merged = { title: patch.title ?? before.title, titleEn: patch.titleEn ?? before.title_en, body: patch.body ?? before.body, bodyEn: patch.bodyEn ?? before.body_en, fields: patch.fields ?? before.fields };
    checkTemplateTexts(merged);
    const row = await trx
      .updateTable('notice_templates')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
        title: merged.title,
        title_en: merged.titleEn,
        body: merged.body,
        body_en: merged.bodyEn,
        fields: JSON.stringify(merged.fields),
        ...(patch.requireReceipt !== undefined && { require_receipt: patch.requireReceipt }),
        ...(patch.receiptDays !== undefined && { receipt_days: patch.receiptDays }),
        ...(patch.active !== undefined && { active: patch.active }),
        updated_at: new Date(),
        updated_by: actor.userId,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'notice.template.update', entity: 'notice_template', entityId: id, before: templateView(before), after: templateView(row) });
    return templateView(row);
  });
}

// ---------------------------------------------------------------- recipients and composing

/** The customers a letter goes to: the filter within the user's scope, not closed; explicit ids must all qualify. */
export async function resolveRecipients(db: Tx, user: Scoped, f: RecipientFilter): Promise<number[]> {
  let ids = await noticeCustomerIds(db, user, { type: f.type, region: f.region, managerId: f.managerId, tag: f.tag, customerIds: f.customerIds });
  if (f.customerIds?.length) {
    const found = new Set(ids);
    const missing = [...new Set(f.customerIds)].filter((id) => !found.has(id));
    if (missing.length) throw new AppError('NOTICE_RECIPIENT_UNKNOWN', { ids: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ' …' : '') });
  }
  if (f.level?.length && ids.length) {
    const status = await getPaymentStatus(db, ids);
    ids = ids.filter((id) => {
      const s = status.get(id);
      return s !== undefined && f.level!.includes(s.level);
    });
  }
  if (!ids.length) throw new AppError('NOTICE_NO_RECIPIENTS');
  return ids;
}

/** Fields of the template that have no value, and placeholders of the texts that nothing fills. */
async function checkCompose(db: Tx, b: ComposeBody, today: string) {
  const template = b.templateId ? await repo.findTemplate(db, b.templateId) : undefined;
  if (b.templateId && !template) throw new AppError('NOT_FOUND', { entity: { zh: '告知函模板', en: 'Notice template' } });
  if (template && !template.active) throw new AppError('NOTICE_TEMPLATE_INACTIVE', { name: template.name });
  for (const f of template?.fields ?? []) if (!b.fieldValues[f.key]?.trim()) throw new AppError('NOTICE_FIELD_MISSING', { key: f.key, label: { zh: f.label, en: f.labelEn } });
  checkPlaceholders({ title: b.title, titleEn: b.titleEn, body: b.body, bodyEn: b.bodyEn }, Object.keys(b.fieldValues));
  if (b.requireReceipt && !b.receiptDueOn) throw new AppError('NOTICE_DUE_REQUIRED');
  if (b.requireReceipt && b.receiptDueOn! < today) throw new AppError('NOTICE_DUE_BEFORE_SENT', { sentOn: today });
}

function managersText(a: Pick<NoticeAddressee, 'managers'>['managers'], lang: 'zh' | 'en'): string | null {
  if (!a.length) return null;
  return a
    .map((m) => (lang === 'en' ? `${m.kind === 'full_time' ? 'Full-time' : 'Part-time'} account manager: ${m.displayName}${m.phone ? `, phone ${m.phone}` : ''}${m.email ? `, ${m.email}` : ''}` : `${m.kind === 'full_time' ? '专职' : '兼职'}客户经理：${m.displayName}${m.phone ? `，电话 ${m.phone}` : ''}${m.email ? `，邮箱 ${m.email}` : ''}`))
    .join('\n');
}

type StoredManagers = { kind: 'full_time' | 'part_time'; name: string; phone: string | null }[];
interface LetterSource {
  no: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  field_values: Record<string, string>;
  sent_on: string;
  receipt_due_on: string | null;
}

/** One recipient's letter in both languages. */
export function letterOf(n: LetterSource, r: { customer_code: string; customer_name: string; manager_name: string | null; manager_phone: string | null; managers: StoredManagers }) {
  const managers = r.managers.map((m) => ({ userId: 0, displayName: m.name, phone: m.phone, email: null, kind: m.kind }));
  const v = (lang: 'zh' | 'en') =>
    letterValues({ customerName: r.customer_name, customerCode: r.customer_code, managerName: r.manager_name, managerPhone: r.manager_phone, managers: managersText(managers, lang) }, { no: n.no, sentOn: n.sent_on, receiptDueOn: n.receipt_due_on, fieldValues: n.field_values }, lang);
  const zh = v('zh');
  const en = v('en');
  return { title: fillText(n.title, zh), titleEn: fillText(n.title_en, en), body: fillText(n.body, zh), bodyEn: fillText(n.body_en, en) };
}

function addresseeRow(a: NoticeAddressee) {
  const ft = a.managers.find((m) => m.kind === 'full_time') ?? a.managers[0];
  return { customer_code: a.code, customer_name: a.name, manager_name: ft?.displayName ?? null, manager_phone: ft?.phone ?? null, managers: a.managers.map((m) => ({ kind: m.kind, name: m.displayName, phone: m.phone })) };
}

export async function preview(ctx: AppContext, user: Scoped, b: ComposeBody) {
  const today = todayOf(ctx);
  await checkCompose(ctx.db, b, today);
  const ids = await resolveRecipients(ctx.db, user, b.recipients);
  const shown = await noticeAddressees(ctx.db, ids.slice(0, 200));
  const first = shown[0];
  const sample = first ? letterOf({ no: noticeNo(today, 0), title: b.title, title_en: b.titleEn, body: b.body, body_en: b.bodyEn, field_values: b.fieldValues, sent_on: today, receipt_due_on: b.requireReceipt ? b.receiptDueOn ?? null : null }, addresseeRow(first)) : null;
  return { count: ids.length, recipients: shown.map((a) => ({ customerId: a.id, code: a.code, name: a.name, managerName: addresseeRow(a).manager_name })), sample };
}

export interface SendInput {
  kind: NoticeKind;
  templateId: number | null;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  fieldValues: Record<string, string>;
  customerIds: number[];
  channels: Channel[];
  requireReceipt: boolean;
  receiptDueOn: string | null;
  filter: unknown;
  source: NoticeDraft['source'] | null;
}

/** Write the notice and one recipient row per customer, notify managers in-app, audit — in `trx`. */
export async function sendIn(ctx: AppContext, trx: Tx, input: SendInput, actor: Actor, at?: { sentOn: string; sentAt: Date }): Promise<{ noticeId: number; recipients: number; no: string }> {
  const sentOn = at?.sentOn ?? todayOf(ctx);
  const addressees = await noticeAddressees(trx, [...new Set(input.customerIds)]);
  if (addressees.length !== new Set(input.customerIds).size) {
    const found = new Set(addressees.map((a) => a.id));
    throw new AppError('NOTICE_RECIPIENT_UNKNOWN', { ids: input.customerIds.filter((id) => !found.has(id)).slice(0, 10).join(', ') });
  }
  if (!addressees.length) throw new AppError('NOTICE_NO_RECIPIENTS');
  const id = await repo.nextNoticeId(trx);
  const no = noticeNo(sentOn, id);
  await trx
    .insertInto('notices')
    .values({
      id,
      no,
      kind: input.kind,
      template_id: input.templateId,
      title: input.title,
      title_en: input.titleEn,
      body: input.body,
      body_en: input.bodyEn,
      field_values: JSON.stringify(input.fieldValues),
      channels: input.channels,
      require_receipt: input.requireReceipt,
      receipt_due_on: input.requireReceipt ? input.receiptDueOn : null,
      recipient_filter: input.filter == null ? null : JSON.stringify(input.filter),
      source_module: input.source?.module ?? null,
      source_entity: input.source?.entity ?? null,
      source_id: input.source ? String(input.source.id) : null,
      recipients: addressees.length,
      sent_by: actor.userId,
      sent_at: at?.sentAt ?? new Date(),
      sent_on: sentOn,
    } as any)
    .execute();
  for (let i = 0; i < addressees.length; i += 1000) {
    await trx
      .insertInto('notice_recipients')
      .values(addressees.slice(i, i + 1000).map((a) => ({ customer_id: a.id, notice_id: id, ...addresseeRow(a), managers: JSON.stringify(addresseeRow(a).managers), receipt_status: input.requireReceipt ? ('pending' as const) : ('not_required' as const) })))
      .execute();
  }
  if (input.channels.includes('in_app')) {
    const managerIds = [...new Set(addressees.flatMap((a) => a.managers.map((m) => m.userId)))];
    await notify(trx, managerIds, {
      kind: 'notice.sent',
      title: { zh: `告知函已发出：${input.title}`, en: `Notice sent: ${input.titleEn}` },
      body: { zh: `编号 ${no}，共 ${addressees.length} 家客户${input.requireReceipt ? `，回执截止 ${input.receiptDueOn}` : ''}`, en: `No. ${no}, ${addressees.length} customers${input.requireReceipt ? `, receipts due ${input.receiptDueOn}` : ''}` },
      link: `/notices/${id}`,
      dedupeKey: `notice:${id}`,
    });
  }
  await audit(trx, actor, { action: 'notice.send', entity: 'notice', entityId: id, customerId: addressees.length === 1 ? addressees[0].id : null, after: { no, kind: input.kind, title: input.title, recipients: addressees.length, channels: input.channels, requireReceipt: input.requireReceipt, receiptDueOn: input.receiptDueOn, source: input.source ?? null } });
  return { noticeId: id, recipients: addressees.length, no };
}

export async function compose(ctx: AppContext, user: Scoped, b: ComposeBody, actor: Actor) {
  const today = todayOf(ctx);
  await checkCompose(ctx.db, b, today);
  return inTx(ctx.db, async (trx) => {
    const ids = await resolveRecipients(trx, user, b.recipients);
    if (ids.length > MAX_RECIPIENTS) throw new AppError('NOTICE_TOO_MANY', { max: MAX_RECIPIENTS, count: ids.length });
    return sendIn(ctx, trx, { kind: b.kind, templateId: b.templateId ?? null, title: b.title, titleEn: b.titleEn, body: b.body, bodyEn: b.bodyEn, fieldValues: b.fieldValues, customerIds: ids, channels: b.channels, requireReceipt: b.requireReceipt, receiptDueOn: b.receiptDueOn ?? null, filter: b.recipients, source: null }, actor);
  });
}

const hasNul = (s: string) => s.includes('\u0000');

/** The port other modules call (ctx.capabilities.notices.send): compose and send in the caller's transaction. */
export async function sendDraft(ctx: AppContext, trx: Tx, d: NoticeDraft, actor: Actor): Promise<{ noticeId: number; recipients: number }> {
  if ([d.title.zh, d.title.en, d.body.zh, d.body.en].some(hasNul)) throw new AppError('BAD_REQUEST', { reason: 'NUL (U+0000) in the notice text' });
  checkPlaceholders({ title: d.title.zh, titleEn: d.title.en, body: d.body.zh, bodyEn: d.body.en }, []);
  if (!d.customerIds.length) throw new AppError('NOTICE_NO_RECIPIENTS');
  const sentOn = todayOf(ctx);
  const due = d.requireReceipt ? (d.receiptDueOn ?? addDays(sentOn, 7)) : null;
  if (due && due < sentOn) throw new AppError('NOTICE_DUE_BEFORE_SENT', { sentOn });
  const template = await repo.findTemplateByCode(trx, d.kind === 'settlement' ? 'settlement_terms' : d.kind);
  const r = await sendIn(ctx, trx, { kind: d.kind, templateId: template?.id ?? null, title: d.title.zh, titleEn: d.title.en, body: d.body.zh, bodyEn: d.body.en, fieldValues: {}, customerIds: d.customerIds, channels: ['print', 'in_app'], requireReceipt: d.requireReceipt, receiptDueOn: due, filter: null, source: d.source ?? null }, actor);
  return { noticeId: r.noticeId, recipients: r.recipients };
}

// ---------------------------------------------------------------- reading

type Names = Map<number, string>;

function noticeRowView(r: repo.NoticeListRow, names: Names) {
  const required = Number(r.required);
  const returned = Number(r.returned);
  return {
    id: r.id,
    no: r.no,
    kind: r.kind,
    // Custom fields filled (e.g. 关于{period}调减供气量…); per-customer placeholders stay as written.
    title: fillText(r.title, r.field_values),
    titleEn: fillText(r.title_en, r.field_values),
    channels: r.channels,
    requireReceipt: r.require_receipt,
    receiptDueOn: r.receipt_due_on,
    sentOn: r.sent_on,
    sentAt: new Date(r.sent_at).toISOString(),
    sentBy: r.sent_by ? (names.get(r.sent_by) ?? null) : null,
    source: r.source_module ? { module: r.source_module, entity: r.source_entity ?? '', id: r.source_id ?? '' } : null,
    recipients: Number(r.recipients),
    required,
    returned,
    pending: Number(r.pending),
    overdue: Number(r.overdue),
    completionRate: completionRate(returned, required),
  };
}

export async function listNotices(ctx: AppContext, user: Scoped, q: ListFilter & { page: number; pageSize: number }) {
  const { page, pageSize, ...f } = q;
  const r = await repo.listNotices(ctx.db, user, f, todayOf(ctx), { limit: pageSize, offset: (page - 1) * pageSize });
  const names = await userDisplayNames(ctx.db, r.items.map((x) => x.sent_by));
  return { total: r.total, items: r.items.map((x) => noticeRowView(x, names)) };
}

export async function exportNotices(ctx: AppContext, user: Scoped, f: ListFilter) {
  const r = await repo.listNotices(ctx.db, user, f, todayOf(ctx), { limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  if (r.total > MAX_EXPORT_ROWS) throw new AppError('NOTICE_EXPORT_TOO_LARGE', { count: r.total, max: MAX_EXPORT_ROWS });
  const names = await userDisplayNames(ctx.db, r.items.map((x) => x.sent_by));
  return r.items.map((x) => noticeRowView(x, names));
}

async function visibleNotice(ctx: AppContext, user: Scoped, id: number) {
  const row = await repo.noticeForUser(ctx.db, user, id, todayOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', { entity: { zh: '告知函', en: 'Notice' } });
  return row;
}

export async function noticeDetail(ctx: AppContext, user: Scoped, id: number) {
  const row = await visibleNotice(ctx, user, id);
  const n = (await repo.noticeRow(ctx.db, id))!;
  return { ...noticeRowView(row, await userDisplayNames(ctx.db, [row.sent_by])), body: fillText(n.body, n.field_values), bodyEn: fillText(n.body_en, n.field_values), fieldValues: n.field_values, templateId: n.template_id };
}

function recipientView(r: repo.RecipientRow, dueOn: string | null, today: string, names: Names) {
  return {
    noticeId: r.notice_id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    managerName: r.manager_name,
    receiptStatus: r.receipt_status,
    overdue: isOverdue(r.receipt_status, dueOn, today),
    returnedOn: r.returned_on,
    signer: r.signer,
    receiptNote: r.receipt_note,
    recordedBy: r.recorded_by ? (names.get(r.recorded_by) ?? null) : null,
    recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
    file: r.file_name ? { name: r.file_name, mime: r.file_mime!, size: r.file_size! } : null,
  };
}

export async function listRecipients(ctx: AppContext, user: Scoped, id: number, q: { page: number; pageSize: number; status?: any; q?: string }) {
  const n = await visibleNotice(ctx, user, id);
  const today = todayOf(ctx);
  const r = await repo.listRecipients(ctx.db, user, id, q, n.receipt_due_on, today, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const names = await userDisplayNames(ctx.db, r.items.map((x) => x.recorded_by));
  return { total: r.total, items: r.items.map((x) => recipientView(x, n.receipt_due_on, today, names)) };
}

/** The titles as this customer's letter reads them. */
function letterTitles(r: Parameters<typeof letterOf>[1] & { no: string; title: string; title_en: string; field_values: Record<string, string>; sent_on: string; receipt_due_on: string | null }) {
  const l = letterOf({ no: r.no, title: r.title, title_en: r.title_en, body: '', body_en: '', field_values: r.field_values, sent_on: r.sent_on, receipt_due_on: r.receipt_due_on }, r);
  return { title: l.title, titleEn: l.titleEn };
}

export async function customerNotices(ctx: AppContext, user: Scoped, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const today = todayOf(ctx);
  const rows = await repo.customerNotices(ctx.db, customerId);
  const names = await userDisplayNames(ctx.db, rows.map((x) => x.recorded_by));
  return rows.map((r) => ({ ...recipientView(r, r.receipt_due_on, today, names), no: r.no, kind: r.kind, ...letterTitles(r), sentOn: r.sent_on, receiptDueOn: r.receipt_due_on }));
}

// ---------------------------------------------------------------- printing

/** The printed letters of a notice: the requested customers (all the user may see when omitted), one page each. */
export async function noticePdf(ctx: AppContext, user: Scoped, id: number, customerIds: number[] | undefined, lang: Lang) {
  await visibleNotice(ctx, user, id);
  const n = (await repo.noticeRow(ctx.db, id))!;
  if (customerIds?.length === 1) await assertCustomerAccess(ctx.db, user, customerIds[0]);
  const rows = await repo.recipientsOf(ctx.db, id, customerIds ?? null, inCustomerScope(user, 'r.customer_id'));
  if (!rows.length) throw new AppError('NOT_FOUND', { entity: { zh: '告知函收件客户', en: 'Notice recipient' } });
  if (rows.length > MAX_PDF_PAGES) throw new AppError('NOTICE_TOO_MANY', { max: MAX_PDF_PAGES, count: rows.length });
  const l = lang === 'en' ? 'en' : 'zh';
  const letters: PrintedLetter[] = rows.map((r) => {
    const t = letterOf(n, r as any);
    const v = letterValues({ customerName: r.customer_name, customerCode: r.customer_code, managerName: null, managerPhone: null, managers: null }, { no: n.no, sentOn: n.sent_on, receiptDueOn: n.receipt_due_on, fieldValues: {} }, l);
    return { no: n.no, customerCode: r.customer_code, title: l === 'en' ? t.titleEn : t.title, body: l === 'en' ? t.bodyEn : t.body, date: v.date, dueDate: n.require_receipt ? v.dueDate : null, requireReceipt: n.require_receipt };
  });
  return { pdf: await renderNotices(letters, l), no: n.no, single: rows.length === 1 ? rows[0].customer_code : null };
}

// ---------------------------------------------------------------- receipts

export async function recordReceipt(ctx: AppContext, user: Scoped, id: number, customerId: number, f: { returnedOn: string; signer: string; note?: string }, file: { name: string; content: Buffer } | null, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const type = file ? sniffFileType(file.content) : null;
  if (file && (!type || !['pdf', 'jpg', 'png'].includes(type))) throw new AppError('UPLOAD_TYPE', { type: type ?? (file.name.split('.').pop() || '?'), allowed: ALLOWED_UPLOADS });
  const today = todayOf(ctx);
  return inTx(ctx.db, async (trx) => {
    const n = await repo.noticeRow(trx, id);
    const before = n && (await repo.findRecipient(trx, id, customerId, true));
    if (!n || !before) throw new AppError('NOT_FOUND', { entity: { zh: '告知函收件客户', en: 'Notice recipient' } });
    if (before.receipt_status === 'not_required') throw new AppError('NOTICE_NO_RECEIPT');
    if (f.returnedOn < n.sent_on || f.returnedOn > today) throw new AppError('NOTICE_RETURNED_BEFORE_SENT', { sentOn: n.sent_on });
    const fileCols = file ? { file_name: file.name.slice(0, 200), file_mime: SNIFFED_MIME[type!], file_size: file.content.length, file_sha256: crypto.createHash('sha256').update(file.content).digest('hex') } : {};
    await trx
      .updateTable('notice_recipients')
      .set({ receipt_status: 'returned', returned_on: f.returnedOn, signer: f.signer, receipt_note: f.note ?? null, recorded_by: actor.userId, recorded_at: new Date(), ...fileCols })
      .where('notice_id', '=', id)
      .where('customer_id', '=', customerId)
      .execute();
    if (file) {
      await trx
        .insertInto('notice_receipt_files')
        .values({ customer_id: customerId, notice_id: id, content: file.content })
        .onConflict((oc) => oc.columns(['customer_id', 'notice_id']).doUpdateSet({ content: file.content }))
        .execute();
    }
    const view = (r: typeof before) => ({ status: r.receipt_status, returnedOn: r.returned_on, signer: r.signer, note: r.receipt_note, file: r.file_name });
    const after = (await repo.findRecipient(trx, id, customerId))!;
    await audit(trx, actor, { action: 'notice.receipt', entity: 'notice', entityId: id, customerId, before: view(before), after: { ...view(after), sha256: after.file_name ? fileCols.file_sha256 ?? null : null } });
    return recipientView(after, n.receipt_due_on, today, await userDisplayNames(trx, [after.recorded_by]));
  });
}

export async function receiptFile(ctx: AppContext, user: Scoped, id: number, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const r = await repo.findRecipient(ctx.db, id, customerId);
  const f = r?.file_name ? await ctx.db.selectFrom('notice_receipt_files').select('content').where('notice_id', '=', id).where('customer_id', '=', customerId).executeTakeFirst() : undefined;
  if (!r || !f) throw new AppError('NOT_FOUND', { entity: { zh: '回执扫描件', en: 'Signed receipt' } });
  return { name: r.file_name!, mime: r.file_mime!, content: Buffer.from(f.content) };
}

// ---------------------------------------------------------------- reminders

/**
 * Daily reminder of overdue receipts (待回执 past the due date) to each customer's current
 * managers: one notification per manager and notice per day (dedupe key), so re-running a day
 * sends nothing new.
 */
export async function remindOverdue(ctx: AppContext, day: string, actor: Actor) {
  const rows = await repo.overdueRecipients(ctx.db, day);
  if (!rows.length) return { notices: 0, receipts: 0, notifications: 0 };
  const addressees = await noticeAddressees(ctx.db, [...new Set(rows.map((r) => r.customer_id))]);
  const managersOf = new Map(addressees.map((a) => [a.id, a.managers.map((m) => m.userId)]));
  // notice → manager → overdue customers
  const plan = new Map<number, { row: (typeof rows)[number]; byManager: Map<number, string[]> }>();
  for (const r of rows) {
    const p = plan.get(r.notice_id) ?? { row: r, byManager: new Map<number, string[]>() };
    for (const m of managersOf.get(r.customer_id) ?? []) p.byManager.set(m, [...(p.byManager.get(m) ?? []), r.customer_name]);
    plan.set(r.notice_id, p);
  }
  let sent = 0;
  await inTx(ctx.db, async (trx) => {
    for (const [noticeId, p] of plan) {
      for (const [userId, names] of p.byManager) {
        const list = names.slice(0, 5).join('、') + (names.length > 5 ? ` 等` : '');
        const listEn = names.slice(0, 5).join(', ') + (names.length > 5 ? ' and others' : '');
        sent += await notify(trx, [userId], {
          kind: 'notice.receipt_overdue',
          title: { zh: `告知函回执逾期：${p.row.title}（${names.length} 家）`, en: `Overdue receipts: ${p.row.title_en} (${names.length})` },
          body: { zh: `编号 ${p.row.no}，回执截止 ${p.row.receipt_due_on}：${list}`, en: `No. ${p.row.no}, due ${p.row.receipt_due_on}: ${listEn}` },
          link: `/notices/${noticeId}`,
          dedupeKey: `notice-overdue:${noticeId}:${day}`,
        });
      }
    }
    await trx.updateTable('notice_recipients').set({ last_reminded_on: day }).where('receipt_status', '=', 'pending').where('notice_id', 'in', [...plan.keys()]).where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', day)])).execute();
    await audit(trx, actor, { action: 'notice.remind', entity: 'notice', entityId: null, after: { day, notices: plan.size, receipts: rows.length, notifications: sent } });
  });
  return { notices: plan.size, receipts: rows.length, notifications: sent };
}

export const receiptReminderJob: JobDef = {
  name: 'notices.receipt_reminders',
  description: { zh: '告知函回执逾期提醒（通知客户经理，每天每函一次）', en: 'Reminders of overdue notice receipts to the managers (once a day per notice)' },
  dailyAt: '08:40',
  defaultKey: (now, ctx) => todayOf(ctx, now),
  validateKey: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k) && new Date(k + 'T00:00:00Z').toISOString().startsWith(k),
  run: (ctx, key, actor) => remindOverdue(ctx, key, actor),
};
