/**
 * The one reader of uploaded tables (every import uses it): CSV in UTF-8 (with or without BOM) or
 * GBK (what Chinese Excel saves), RFC 4180 quoting, comma / tab / semicolon guessed from the
 * header line; Excel .xlsx through exceljs. A table is rows of cell values, row 1 first.
 */
import ExcelJS from 'exceljs';

/** Decode a text file: UTF-8 (with or without BOM); files saved by Chinese Excel are often GBK. */
export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); the delimiter is guessed from the header line. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delim = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delim) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
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

/** Whether the bytes start like a zip container ('PK'), as an .xlsx workbook does. */
export function looksLikeXlsx(buf: Uint8Array): boolean {
  return buf.length > 3 && buf[0] === 0x50 && buf[1] === 0x4b;
}

/** Load an .xlsx workbook; `fail(reason)` builds the caller's error when the file is not one. */
export async function loadWorkbook(buf: Uint8Array, fail: (reason: string) => Error): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch (e: any) {
    throw fail(String(e?.message ?? e).slice(0, 200));
  }
  return wb;
}

/** A worksheet as a table of cell values (exceljs rows are 1-based; blank rows become []). */
export function worksheetTable(ws: ExcelJS.Worksheet): unknown[][] {
  const table: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    table[n - 1] = (r.values as unknown[]).slice(1);
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

/**
 * An uploaded table: the first worksheet of an .xlsx (recognised by its bytes), else CSV text.
 * Returns null for a workbook without worksheets; `fail(reason)` builds the error for a broken workbook.
 */
export async function readTable(buf: Uint8Array, fail: (reason: string) => Error): Promise<unknown[][] | null> {
  if (!looksLikeXlsx(buf)) return parseCsv(decodeText(buf));
  const ws = (await loadWorkbook(buf, fail)).worksheets[0];
  return ws ? worksheetTable(ws) : null;
}
