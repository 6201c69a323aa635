/** Reading bank statements: CSV (UTF-8 or GBK) or Excel .xlsx → rows keyed by field, with row numbers. */
import { AppError } from '../../platform/http/errors';
import { readSpreadsheet } from '../../platform/files/spreadsheet';
import { AE } from './accounts.errors';
import { bankHeader, REQUIRED_BANK_FIELDS, type BankField } from './bank-import.calc';

export interface RawBankRow {
  row: number;
  raw: Partial<Record<BankField, unknown>>;
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

export async function bankStatementRows(buf: Uint8Array, filename: string, owner: string | number = 'cli'): Promise<RawBankRow[]> {
  const isXlsx = buf.length > 3 && buf[0] === 0x50 && buf[1] === 0x4b;
  if (!isXlsx && /\.xlsx?$/i.test(filename)) throw new AppError('UPLOAD_TYPE', { type: filename.split('.').pop() ?? '?', allowed: '.csv, .xlsx' });
  // The platform's bounded reader: limits on rows, columns, cells and size; parsed in a worker.
  let table: unknown[][];
  try {
    table = (await readSpreadsheet(buf, { owner, kind: isXlsx ? 'xlsx' : 'csv' })).rows;
  } catch (e) {
    if (e instanceof AppError && e.code === 'SHEET_UNREADABLE') throw new AppError('UPLOAD_TYPE', { type: filename.split('.').pop() ?? '?', allowed: '.csv, .xlsx' });
    throw e;
  }
  if (isXlsx && !table.length) throw new AppError(AE.BANK_IMPORT_EMPTY);
  return tableToRows(table);
}
