/**
 * Bank statement lines (DOMAIN.md §6, payments arrive by bank transfer): header recognition, row
 * parsing and customer matching. Pure functions, no I/O.
 */
import { parseYuan } from '@common/money';
import { tr, type Lang, type Msg } from '@common/lang';

export type BankField = 'bankRef' | 'valueDate' | 'amount' | 'payerName' | 'payerAccount' | 'memo';

/** The import template's columns, in the order of BankField (either language is accepted: HEADERS). */
export const BANK_TEMPLATE = {
  name: { zh: '银行流水导入模板', en: 'bank-statement-import-template' },
  sheet: { zh: '银行流水', en: 'Bank statement' },
  columns: [
    { zh: '流水号', en: 'Bank reference' },
    { zh: '交易日期', en: 'Value date' },
    { zh: '金额', en: 'Amount' },
    { zh: '付款人名称', en: 'Payer name' },
    { zh: '付款账号', en: 'Payer account' },
    { zh: '摘要', en: 'Memo' },
  ],
};

/** Column headers as Chinese banks and people write them, and the template's English ones. */
const HEADERS: Record<BankField, string[]> = {
  bankRef: ['流水号', '交易流水号', '银行流水号', '凭证号', '交易参考号', 'reference', 'bankref', 'bank_ref', 'ref', 'bankreference'],
  valueDate: ['日期', '交易日期', '记账日期', '到账日期', '入账日期', 'date', 'valuedate', 'value_date'],
  amount: ['金额', '贷方金额', '收入金额', '收入', '入账金额', 'amount', 'credit'],
  payerName: ['付款人', '付款人名称', '对方户名', '对方名称', '付款单位', 'payer', 'payername', 'payer_name'],
  payerAccount: ['付款账号', '对方账号', '付款人账号', 'account', 'payeraccount', 'payer_account'],
  memo: ['摘要', '用途', '附言', '备注', 'memo', 'note'],
};

export function bankHeader(h: unknown): BankField | null {
  const s = String(h ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s（）()]/g, '');
  for (const [f, names] of Object.entries(HEADERS) as [BankField, string[]][]) if (names.some((n) => s === n.toLowerCase().replace(/\s/g, ''))) return f;
  return null;
}

export const REQUIRED_BANK_FIELDS: BankField[] = ['bankRef', 'valueDate', 'amount'];

export interface BankLine {
  row: number;
  bankRef: string;
  valueDate: string;
  amountFen: number;
  payerName: string | null;
  payerAccount: string | null;
  memo: string | null;
}

const text = (v: unknown): string | null => {
  if (v == null) return null;
  if (typeof v === 'object' && v && 'text' in (v as any)) return String((v as any).text).trim() || null; // exceljs rich text
  const s = String(v).trim();
  return s === '' ? null : s;
};

function parseDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const s = text(v);
  if (!s) return null;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const t = new Date(d + 'T00:00:00Z');
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d) ? d : null;
}

/** Labels of the statement's fields in row messages (zh/en). */
export const BANK_FIELD_LABELS: Record<BankField, Msg> = {
  bankRef: { zh: '流水号', en: 'reference' },
  valueDate: { zh: '日期', en: 'date' },
  amount: { zh: '金额', en: 'amount' },
  payerName: { zh: '付款人', en: 'payer' },
  payerAccount: { zh: '付款账号', en: 'payer account' },
  memo: { zh: '摘要', en: 'memo' },
};

/** Row problems of a statement; each message is shown with the row and the field. */
export const BANK_ROW_ERRORS = {
  REQUIRED: { zh: '不能为空', en: 'is required' },
  BAD_DATE: { zh: '“{value}”不是有效日期（应为 YYYY-MM-DD）', en: '"{value}" is not a valid date (YYYY-MM-DD)' },
  BAD_AMOUNT: { zh: '“{value}”不是有效金额（元，最多两位小数）', en: '"{value}" is not a valid amount (yuan, at most two decimals)' },
} satisfies Record<string, Msg>;
export type BankRowErrorCode = keyof typeof BANK_ROW_ERRORS;

export interface BankRowError {
  row: number;
  field: BankField;
  code: BankRowErrorCode;
  value?: string;
}

/** "第 3 行「日期」：…" / "Row 3, date: …" in the user's language. */
export function bankRowMessage(e: BankRowError, lang: Lang): string {
  const label = tr(BANK_FIELD_LABELS[e.field], lang);
  const detail = tr(BANK_ROW_ERRORS[e.code], lang, { value: e.value ?? '' });
  return lang === 'en' ? `Row ${e.row}, ${label}: ${detail}` : `第 ${e.row} 行「${label}」：${detail}`;
}

/**
 * One row of a statement → a credit line, `{ skip }` for a debit/zero line (not a payment), or
 * `{ error }` naming the field and what is wrong.
 */
export function parseBankRow(row: number, raw: Partial<Record<BankField, unknown>>): BankLine | { skip: string } | { error: BankRowError } {
  const bankRef = text(raw.bankRef);
  if (!bankRef) return { error: { row, field: 'bankRef', code: 'REQUIRED' } };
  const valueDate = parseDate(raw.valueDate);
  if (!valueDate) return { error: text(raw.valueDate) ? { row, field: 'valueDate', code: 'BAD_DATE', value: text(raw.valueDate)! } : { row, field: 'valueDate', code: 'REQUIRED' } };
  const a = raw.amount;
  let amountFen: number;
  try {
    amountFen = parseYuan(typeof a === 'number' ? String(a) : (text(a) ?? ''));
  } catch {
    return { error: text(a) || typeof a === 'number' ? { row, field: 'amount', code: 'BAD_AMOUNT', value: typeof a === 'number' ? String(a) : text(a)! } : { row, field: 'amount', code: 'REQUIRED' } };
  }
  if (amountFen <= 0) return { skip: 'not a credit' };
  return { row, bankRef, valueDate, amountFen, payerName: text(raw.payerName), payerAccount: text(raw.payerAccount)?.replace(/\s/g, '') ?? null, memo: text(raw.memo) };
}

export interface Mapping {
  payerAccount: string | null;
  payerName: string | null;
  customerId: number;
}

/**
 * The customer a line belongs to: a learned mapping of the payer account first, then of the payer
 * name, then a customer whose registered name is exactly the payer name; else null (queue).
 */
export function matchLine(
  line: Pick<BankLine, 'payerName' | 'payerAccount'>,
  mappings: readonly Mapping[],
  customerByName: ReadonlyMap<string, number>,
): { customerId: number; by: 'account' | 'name' | 'customer_name' } | null {
  if (line.payerAccount) {
    const m = mappings.find((x) => x.payerAccount === line.payerAccount);
    if (m) return { customerId: m.customerId, by: 'account' };
  }
  if (line.payerName) {
    const m = mappings.find((x) => x.payerAccount === null && x.payerName === line.payerName);
    if (m) return { customerId: m.customerId, by: 'name' };
    const c = customerByName.get(line.payerName);
    if (c) return { customerId: c, by: 'customer_name' };
  }
  return null;
}
