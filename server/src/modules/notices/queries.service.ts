/** Reading notices: the list (with completion rates), one notice, its recipients, a customer's notices, printing. */
import type { Lang } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { userDisplayNames } from '../identity';
import * as repo from './notices.repo';
import { completionRate, fillText, isOverdue, letterValues } from './notices.calc';
import type { ListFilter } from './notices.schema';
import { renderNotices, type PrintedLetter } from './notices.pdf';
import './notices.errors';
import { letterOf, todayOf } from './notices.service';

type Scoped = Pick<SessionUser, 'id' | 'roles'>;
export const MAX_PDF_PAGES = 500;
export const MAX_EXPORT_ROWS = 20_000;

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
  const names = await userDisplayNames(
    ctx.db,
    r.items.map((x) => x.sent_by),
  );
  return { total: r.total, items: r.items.map((x) => noticeRowView(x, names)) };
}

export async function exportNotices(ctx: AppContext, user: Scoped, f: ListFilter) {
  const r = await repo.listNotices(ctx.db, user, f, todayOf(ctx), { limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  if (r.total > MAX_EXPORT_ROWS) throw new AppError('NOTICE_EXPORT_TOO_LARGE', { count: r.total, max: MAX_EXPORT_ROWS });
  const names = await userDisplayNames(
    ctx.db,
    r.items.map((x) => x.sent_by),
  );
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
  return {
    ...noticeRowView(row, await userDisplayNames(ctx.db, [row.sent_by])),
    body: fillText(n.body, n.field_values),
    bodyEn: fillText(n.body_en, n.field_values),
    fieldValues: n.field_values,
    templateId: n.template_id,
  };
}

export function recipientView(r: repo.RecipientRow, dueOn: string | null, today: string, names: Names) {
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
  const names = await userDisplayNames(
    ctx.db,
    r.items.map((x) => x.recorded_by),
  );
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
  const names = await userDisplayNames(
    ctx.db,
    rows.map((x) => x.recorded_by),
  );
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
    const v = letterValues(
      { customerName: r.customer_name, customerCode: r.customer_code, managerName: null, managerPhone: null, managers: null },
      { no: n.no, sentOn: n.sent_on, receiptDueOn: n.receipt_due_on, fieldValues: {} },
      l,
    );
    return {
      no: n.no,
      customerCode: r.customer_code,
      title: l === 'en' ? t.titleEn : t.title,
      body: l === 'en' ? t.bodyEn : t.body,
      date: v.date,
      dueDate: n.require_receipt ? v.dueDate : null,
      requireReceipt: n.require_receipt,
    };
  });
  return { pdf: await renderNotices(letters, l), no: n.no, single: rows.length === 1 ? rows[0].customer_code : null };
}
