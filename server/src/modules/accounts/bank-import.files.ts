/** Reading bank statements: CSV (UTF-8 or GBK) or Excel .xlsx → rows keyed by field, with row numbers. */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors';
import { AE } from './accounts.errors';
import { bankHeader, REQUIRED_BANK_FIELDS, type BankField } from './bank-import.calc';

export interface RawBankRow {
  row: number;
  raw: Partial<Record<BankField, unknown>>;
}

function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); comma, tab or semicolon from the header line. */
function parseCsv(text: string): string[][] {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delim = !first.includes(',') && first.includes('\t') ? '\t' : !first.includes(',') && first.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delim) {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The header row is the first row that names the required columns (bank exports often start with a title). */
function tableToRows(table: unknown[][]): RawBankRow[] {
  const h = table.findIndex((r) => {
    const f = (r ?? []).map(bankHeader);
    return REQUIRED_BANK_FIELDS.every((x) => f.includes(x));
  });
  if (h < 0) throw new AppError(AE.BANK_IMPORT_EMPTY);
  const fields = table[h].map(bankHeader);
  const out: RawBankRow[] = [];
  for (let i = h + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((c) => c == null || String(c).trim() === '')) continue;
    const raw: Partial<Record<BankField, unknown>> = {};
    fields.forEach((f, j) => {
      if (f) raw[f] = cells[j];
    });
    out.push({ row: i + 1, raw });
  }
  if (!out.length) throw new AppError(AE.BANK_IMPORT_EMPTY);
  return out;
}

export async function bankStatementRows(buf: Uint8Array, filename: string): Promise<RawBankRow[]> {
  const isXlsx = buf.length > 3 && buf[0] === 0x50 && buf[1] === 0x4b;
  if (!isXlsx) {
    if (/\.xlsx?$/i.test(filename)) throw new AppError('UPLOAD_TYPE', { type: filename.split('.').pop() ?? '?', allowed: '.csv, .xlsx' });
    return tableToRows(parseCsv(decodeText(buf)));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch {
    throw new AppError('UPLOAD_TYPE', { type: filename.split('.').pop() ?? '?', allowed: '.csv, .xlsx' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(AE.BANK_IMPORT_EMPTY);
  const table: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    table[n - 1] = (r.values as unknown[]).slice(1);
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return tableToRows(table);
}
