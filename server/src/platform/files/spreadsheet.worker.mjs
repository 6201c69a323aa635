/**
 * Worker thread of platform/files/spreadsheet.ts: parses one CSV or XLSX file with limits and
 * posts back { ok: true, rows, formats } or { ok: false, code, params }. Runs with a bounded heap
 * (resourceLimits) and is terminated by the parent after the time limit. Plain JavaScript so that
 * it runs without a TypeScript loader in the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Readable } from 'node:stream';

class LimitError extends Error {
  constructor(code, params) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

function decodeText(buf) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

/** Counts rows, columns and cells as they are read; throws as soon as one passes its limit. */
function counter(limits) {
  let cells = 0;
  let rows = 0;
  return {
    /** A row read (once per row): its number and width. */
    row(rowNo, width) {
      rows++;
      if (!(rowNo <= limits.maxRows) || rows > limits.maxRows) throw new LimitError('SHEET_TOO_MANY_ROWS', { limit: limits.maxRows });
      this.width(rowNo, width);
    },
    /** The width of a row being read (checked as fields arrive, so one endless row stops early). */
    width(rowNo, width) {
      if (width > limits.maxColumns) throw new LimitError('SHEET_TOO_MANY_COLUMNS', { limit: limits.maxColumns, row: rowNo });
    },
    cell() {
      if (++cells > limits.maxCells) throw new LimitError('SHEET_TOO_MANY_CELLS', { limit: limits.maxCells });
    },
  };
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); comma, tab or semicolon guessed from the header line. */
function parseCsv(text, limits) {
  const count = counter(limits);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delim = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    if (field !== '') count.cell();
    count.width(rows.length + 1, row.length);
    field = '';
  };
  // A row counts once, when it ends (counting it per field limited a 3-column file to a third of the rows).
  const endRow = () => {
    count.row(rows.length + 1, row.length);
    rows.push(row);
    row = [];
  };
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
    else if (c === delim) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      endRow();
    } else {
      // a run of plain characters at once (one slice, not one concatenation per character)
      let j = i + 1;
      while (j < text.length && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '"') j++;
      field += text.slice(i, j);
      i = j - 1;
    }
  }
  if (field !== '' || row.length) {
    endField();
    endRow();
  }
  return { rows, formats: [] };
}

/** The chosen worksheet of an XLSX file, streamed row by row (exceljs WorkbookReader). */
async function parseXlsx(buf, limits, sheetNames, withFormats) {
  // loaded only for XLSX: importing exceljs costs a CSV parse of 10⁵ rows several times over
  const { default: ExcelJS } = await import('exceljs');
  const count = counter(limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(buf)]), {
    sharedStrings: 'cache',
    styles: withFormats ? 'cache' : 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let chosen = null;
  let first = null;
  for await (const ws of reader) {
    const name = String(ws.name ?? '').toLowerCase();
    const want = sheetNames.length > 0 && sheetNames.includes(name);
    const rows = [];
    const formats = [];
    for await (const row of ws) {
      if (!Number.isInteger(row.number) || row.number < 1) throw new LimitError('SHEET_UNREADABLE', { reason: 'row without a valid number' });
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      count.row(row.number, values.length);
      for (const v of values) if (v !== undefined && v !== null && v !== '') count.cell();
      rows[row.number - 1] = values;
      if (withFormats) {
        const f = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (cell.numFmt) f[col - 1] = String(cell.numFmt);
        });
        if (f.length) formats[row.number - 1] = f;
      }
    }
    const sheet = { name: ws.name ?? '', rows, formats };
    if (want) chosen = sheet;
    if (!first) first = sheet;
    if (chosen) break;
  }
  const sheet = chosen ?? first;
  if (!sheet) return { rows: [], formats: [], sheetName: null };
  for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  return { rows: sheet.rows, formats: sheet.formats, sheetName: sheet.name };
}

async function main() {
  const { kind, buf, limits, sheetNames, withFormats } = workerData;
  try {
    const out = kind === 'csv' ? parseCsv(decodeText(buf), limits) : await parseXlsx(buf, limits, sheetNames ?? [], !!withFormats);
    parentPort.postMessage({ ok: true, ...out });
  } catch (e) {
    if (e instanceof LimitError) parentPort.postMessage({ ok: false, code: e.code, params: e.params });
    else parentPort.postMessage({ ok: false, code: 'SHEET_UNREADABLE', params: { reason: String(e?.message ?? e).slice(0, 200) } });
  }
}

void main();
