/**
 * Pure rules of notices and receipts (告知函/回执, DOMAIN.md §6): placeholders in the bilingual
 * title and body, filling them per recipient, receipt states and the completion rate.
 */
import { dec, decFixed } from '@common/decimal';

export const NOTICE_KINDS = ['price_change', 'settlement', 'deviation', 'curtailment', 'emergency', 'trading', 'onboarding', 'manager_letter', 'payment_notice', 'general'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const RECEIPT_STATUSES = ['not_required', 'pending', 'returned'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const CHANNELS = ['print', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface TemplateField {
  key: string;
  label: string;
  labelEn: string;
}

/** Placeholders filled from each recipient and the notice itself; everything else is a custom field. */
export const BUILTIN_PLACEHOLDERS = ['customerName', 'customerCode', 'managerName', 'managerPhone', 'managers', 'date', 'noticeNo', 'dueDate'] as const;
export type BuiltinPlaceholder = (typeof BUILTIN_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]{0,39})\}/g;
export const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** The distinct placeholder names of a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Placeholders of the texts that are neither built in nor among `fieldKeys`, with the text they occur in. */
export function unknownPlaceholders(texts: Record<string, string>, fieldKeys: readonly string[]): { field: string; placeholder: string }[] {
  const known = new Set<string>([...BUILTIN_PLACEHOLDERS, ...fieldKeys]);
  const out: { field: string; placeholder: string }[] = [];
  for (const [field, text] of Object.entries(texts)) for (const p of placeholdersOf(text)) if (!known.has(p)) out.push({ field, placeholder: p });
  return out;
}

/**
 * Replace every known placeholder by its value. A value is inserted literally (braces in a
 * customer's name are not expanded again); an unknown placeholder stays as written.
 */
export function fillText(text: string, values: Readonly<Record<string, string | null | undefined>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    const v = values[key];
    return v === undefined ? whole : (v ?? '—');
  });
}

export interface RecipientValues {
  customerName: string;
  customerCode: string;
  managerName: string | null;
  managerPhone: string | null;
  managers: string | null;
}

/** The values of one recipient's letter in one language: builtins (missing ones print as —) then custom fields. */
export function letterValues(r: RecipientValues, n: { no: string; sentOn: string; receiptDueOn: string | null; fieldValues: Record<string, string> }, lang: 'zh' | 'en'): Record<string, string> {
  return {
    ...n.fieldValues,
    customerName: r.customerName,
    customerCode: r.customerCode,
    managerName: r.managerName ?? '—',
    managerPhone: r.managerPhone ?? '',
    managers: r.managers ?? '—',
    date: formatDate(n.sentOn, lang),
    noticeNo: n.no,
    dueDate: n.receiptDueOn ? formatDate(n.receiptDueOn, lang) : '—',
  };
}

export function formatDate(d: string, lang: 'zh' | 'en'): string {
  const [y, m, day] = d.split('-').map(Number);
  return lang === 'en' ? d : `${y}年${m}月${day}日`;
}

/**
 * Completion rate of a notice's receipts in percent, one decimal, half-up: returned ÷ required ×
 * 100 (DOMAIN.md §6 Notices and receipts: each receipt tracked to return). null when no receipt is
 * required (nothing to complete).
 */
export function completionRate(returned: number, required: number): string | null {
  if (!Number.isInteger(returned) || !Number.isInteger(required) || returned < 0 || required < 0 || returned > required) throw new RangeError(`bad counts ${returned}/${required}`);
  if (required === 0) return null;
  return decFixed(dec(returned).mul(100).div(required), 1);
}

/** A pending receipt is overdue from the day after its due date. */
export function isOverdue(status: ReceiptStatus, dueOn: string | null, today: string): boolean {
  return status === 'pending' && dueOn !== null && today > dueOn;
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic on UTC dates). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);
}

/** Notice number: GZ + the sending date + the id, e.g. GZ20261207-000042. */
export function noticeNo(sentOn: string, id: number): string {
  return `GZ${sentOn.replaceAll('-', '')}-${String(id).padStart(6, '0')}`;
}
