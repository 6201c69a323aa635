/**
 * Composing and sending notices (告知函, DOMAIN.md §6): a letter for a set of customers (filter or
 * list, within the user's scope), checked placeholders, preview, and sending — printed and/or
 * in-app — in one transaction, from the UI or from another module through the port. The other
 * use cases: templates.service (templates), queries.service (lists, printing), receipts.service
 * (回执), reminders.service (overdue reminders). Customers are read through their module only.
 */
import type { Msg } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { localParts } from '../../platform/jobs/jobs';
import { notify } from '../../platform/notify';
import type { NoticeDraft } from '../../platform/ports';
import { noticeAddressees, noticeCustomerIds, type NoticeAddressee } from '../customers';
import { getPaymentStatus } from '../accounts';
import * as repo from './notices.repo';
import { addDays, BUILTIN_PLACEHOLDERS, fillText, letterValues, noticeNo, unknownPlaceholders, type Channel, type NoticeKind } from './notices.calc';
import type { ComposeBody, RecipientFilter } from './notices.schema';
import './notices.errors';

type Scoped = Pick<SessionUser, 'id' | 'roles'>;
/** One letter goes to at most this many customers from the UI (the port has no limit). */
export const MAX_RECIPIENTS = 2000;

export function todayOf(ctx: AppContext, now = new Date()): string {
  return localParts(now, ctx.config.timeZone).date;
}

const FIELD_NAMES: Record<string, Msg> = {
  title: { zh: '标题', en: 'the title' },
  titleEn: { zh: '英文标题', en: 'the English title' },
  body: { zh: '正文', en: 'the body' },
  bodyEn: { zh: '英文正文', en: 'the English body' },
};

export function checkPlaceholders(texts: Record<string, string>, fieldKeys: readonly string[]) {
  const bad = unknownPlaceholders(texts, fieldKeys);
  if (bad.length)
    throw new AppError(
      'NOTICE_UNKNOWN_PLACEHOLDER',
      { field: FIELD_NAMES[bad[0].field] ?? bad[0].field, placeholder: `{${bad[0].placeholder}}`, known: [...BUILTIN_PLACEHOLDERS, ...fieldKeys].map((k) => `{${k}}`).join(' ') },
      { unknown: bad },
    );
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
    .map((m) =>
      lang === 'en'
        ? `${m.kind === 'full_time' ? 'Full-time' : 'Part-time'} account manager: ${m.displayName}${m.phone ? `, phone ${m.phone}` : ''}${m.email ? `, ${m.email}` : ''}`
        : `${m.kind === 'full_time' ? '专职' : '兼职'}客户经理：${m.displayName}${m.phone ? `，电话 ${m.phone}` : ''}${m.email ? `，邮箱 ${m.email}` : ''}`,
    )
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
    letterValues(
      { customerName: r.customer_name, customerCode: r.customer_code, managerName: r.manager_name, managerPhone: r.manager_phone, managers: managersText(managers, lang) },
      { no: n.no, sentOn: n.sent_on, receiptDueOn: n.receipt_due_on, fieldValues: n.field_values },
      lang,
    );
  const zh = v('zh');
  const en = v('en');
  return { title: fillText(n.title, zh), titleEn: fillText(n.title_en, en), body: fillText(n.body, zh), bodyEn: fillText(n.body_en, en) };
}

function addresseeRow(a: NoticeAddressee) {
  const ft = a.managers.find((m) => m.kind === 'full_time') ?? a.managers[0];
  return {
    customer_code: a.code,
    customer_name: a.name,
    manager_name: ft?.displayName ?? null,
    manager_phone: ft?.phone ?? null,
    managers: a.managers.map((m) => ({ kind: m.kind, name: m.displayName, phone: m.phone })),
  };
}

export async function preview(ctx: AppContext, user: Scoped, b: ComposeBody) {
  const today = todayOf(ctx);
  await checkCompose(ctx.db, b, today);
  const ids = await resolveRecipients(ctx.db, user, b.recipients);
  const shown = await noticeAddressees(ctx.db, ids.slice(0, 200));
  const first = shown[0];
  const sample = first
    ? letterOf(
        {
          no: noticeNo(today, 0),
          title: b.title,
          title_en: b.titleEn,
          body: b.body,
          body_en: b.bodyEn,
          field_values: b.fieldValues,
          sent_on: today,
          receipt_due_on: b.requireReceipt ? (b.receiptDueOn ?? null) : null,
        },
        addresseeRow(first),
      )
    : null;
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
    throw new AppError('NOTICE_RECIPIENT_UNKNOWN', {
      ids: input.customerIds
        .filter((id) => !found.has(id))
        .slice(0, 10)
        .join(', '),
    });
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
      .values(
        addressees.slice(i, i + 1000).map((a) => ({
          customer_id: a.id,
          notice_id: id,
          ...addresseeRow(a),
          managers: JSON.stringify(addresseeRow(a).managers),
          receipt_status: input.requireReceipt ? ('pending' as const) : ('not_required' as const),
        })),
      )
      .execute();
  }
  if (input.channels.includes('in_app')) {
    const managerIds = [...new Set(addressees.flatMap((a) => a.managers.map((m) => m.userId)))];
    await notify(trx, managerIds, {
      kind: 'notice.sent',
      title: { zh: `告知函已发出：${input.title}`, en: `Notice sent: ${input.titleEn}` },
      body: {
        zh: `编号 ${no}，共 ${addressees.length} 家客户${input.requireReceipt ? `，回执截止 ${input.receiptDueOn}` : ''}`,
        en: `No. ${no}, ${addressees.length} customers${input.requireReceipt ? `, receipts due ${input.receiptDueOn}` : ''}`,
      },
      link: `/notices/${id}`,
      dedupeKey: `notice:${id}`,
    });
  }
  await audit(trx, actor, {
    action: 'notice.send',
    entity: 'notice',
    entityId: id,
    customerId: addressees.length === 1 ? addressees[0].id : null,
    after: {
      no,
      kind: input.kind,
      title: input.title,
      recipients: addressees.length,
      channels: input.channels,
      requireReceipt: input.requireReceipt,
      receiptDueOn: input.receiptDueOn,
      source: input.source ?? null,
    },
  });
  return { noticeId: id, recipients: addressees.length, no };
}

export async function compose(ctx: AppContext, user: Scoped, b: ComposeBody, actor: Actor) {
  const today = todayOf(ctx);
  await checkCompose(ctx.db, b, today);
  return inTx(ctx.db, async (trx) => {
    const ids = await resolveRecipients(trx, user, b.recipients);
    if (ids.length > MAX_RECIPIENTS) throw new AppError('NOTICE_TOO_MANY', { max: MAX_RECIPIENTS, count: ids.length });
    return sendIn(
      ctx,
      trx,
      {
        kind: b.kind,
        templateId: b.templateId ?? null,
        title: b.title,
        titleEn: b.titleEn,
        body: b.body,
        bodyEn: b.bodyEn,
        fieldValues: b.fieldValues,
        customerIds: ids,
        channels: b.channels,
        requireReceipt: b.requireReceipt,
        receiptDueOn: b.receiptDueOn ?? null,
        filter: b.recipients,
        source: null,
      },
      actor,
    );
  });
}

const hasNul = (s: string) => s.includes('\u0000');

/**
 * The port other modules call (ctx.capabilities.notices.send): compose and send in the caller's
 * transaction (a failure of either rolls both back). Title and body may use the built-in
 * placeholders ({customerName}, {customerCode}, {managerName}, {managerPhone}, {managers}, {date},
 * {noticeNo}, {dueDate}); any other {name} is refused (NOTICE_UNKNOWN_PLACEHOLDER), as are an empty
 * customer list (NOTICE_NO_RECIPIENTS) and unknown customer ids. Sent printed and in-app to the
 * managers; receipts due on `receiptDueOn` or 7 days after sending. No scope check: the caller
 * decided who gets it.
 */
export async function sendDraft(ctx: AppContext, trx: Tx, d: NoticeDraft, actor: Actor): Promise<{ noticeId: number; recipients: number }> {
  if ([d.title.zh, d.title.en, d.body.zh, d.body.en].some(hasNul)) throw new AppError('BAD_REQUEST', { reason: 'NUL (U+0000) in the notice text' });
  checkPlaceholders({ title: d.title.zh, titleEn: d.title.en, body: d.body.zh, bodyEn: d.body.en }, []);
  if (!d.customerIds.length) throw new AppError('NOTICE_NO_RECIPIENTS');
  const sentOn = todayOf(ctx);
  const due = d.requireReceipt ? (d.receiptDueOn ?? addDays(sentOn, 7)) : null;
  if (due && due < sentOn) throw new AppError('NOTICE_DUE_BEFORE_SENT', { sentOn });
  const template = await repo.findTemplateByCode(trx, d.kind === 'settlement' ? 'settlement_terms' : d.kind);
  const r = await sendIn(
    ctx,
    trx,
    {
      kind: d.kind,
      templateId: template?.id ?? null,
      title: d.title.zh,
      titleEn: d.title.en,
      body: d.body.zh,
      bodyEn: d.body.en,
      fieldValues: {},
      customerIds: d.customerIds,
      channels: ['print', 'in_app'],
      requireReceipt: d.requireReceipt,
      receiptDueOn: due,
      filter: null,
      source: d.source ?? null,
    },
    actor,
  );
  return { noticeId: r.noticeId, recipients: r.recipients };
}
