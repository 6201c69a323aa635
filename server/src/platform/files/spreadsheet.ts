/**
 * The one way to read an uploaded spreadsheet (CSV or XLSX) — every import uses it (issue 10.2).
 * - Limits on rows, columns, non-empty cells and, for XLSX, the uncompressed size of the ZIP
 *   (checked in its central directory before anything is inflated); each limit rejects the file
 *   as soon as it is passed, with an error naming the limit.
 * - Parsing runs in a worker thread with a bounded heap and a time limit, so one file can never
 *   stall the server or hold its memory; the XLSX is streamed (exceljs WorkbookReader).
 * - A user may run at most `perUser` parses at once, the server at most `total`.
 */
import { Worker } from 'node:worker_threads';
import { AppError, defineErrors } from '../http/errors';

export const SHEET_ERRORS = defineErrors({
  SHEET_TOO_MANY_ROWS: { status: 413, zh: '表格行数超出上限（最多 {limit} 行）', en: 'The sheet has too many rows (limit {limit} rows)' },
  SHEET_TOO_MANY_COLUMNS: { status: 413, zh: '表格列数超出上限（第 {row} 行超过 {limit} 列）', en: 'The sheet has too many columns (row {row} exceeds {limit} columns)' },
  SHEET_TOO_MANY_CELLS: { status: 413, zh: '表格单元格数超出上限（最多 {limit} 个非空单元格）', en: 'The sheet has too many cells (limit {limit} non-empty cells)' },
  SHEET_TOO_LARGE_UNCOMPRESSED: {
    status: 413,
    zh: '表格解压后过大（上限 {limitMb} MB，本文件 {sizeMb} MB）',
    en: 'The workbook is too large when uncompressed (limit {limitMb} MB, this file {sizeMb} MB)',
  },
  SHEET_TOO_COMPLEX: { status: 413, zh: '表格过于复杂，解析所需内存超出上限（{limitMb} MB）', en: 'The workbook is too complex: parsing it needs more than the memory limit ({limitMb} MB)' },
  SHEET_TIMEOUT: { status: 413, zh: '表格解析超时（上限 {seconds} 秒），请拆分为较小的文件', en: 'Reading the sheet took too long (limit {seconds} s); split it into smaller files' },
  SHEET_UNREADABLE: { status: 400, zh: '无法读取表格文件：{reason}', en: 'The spreadsheet cannot be read: {reason}' },
  IMPORT_BUSY: { status: 429, zh: '您已有 {limit} 个导入正在处理，请等待完成后再试', en: 'You already have {limit} imports in progress; wait for them to finish' },
  IMPORTS_BUSY_SERVER: { status: 503, zh: '服务器正在处理较多导入（上限 {limit} 个同时进行），请稍后再试', en: 'The server is processing many imports (limit {limit} at once); try again shortly' },
});

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
  maxCells: number;
  /** Sum of the uncompressed sizes of the XLSX's ZIP entries. */
  maxUncompressedBytes: number;
  timeoutMs: number;
  /** Heap of the parsing worker. */
  maxHeapMb: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxRows: 100_000,
  maxColumns: 200,
  maxCells: 2_000_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  timeoutMs: 30_000,
  maxHeapMb: 512,
};

export const CONCURRENCY = { perUser: 2, total: 4 };

export interface SheetTable {
  kind: 'csv' | 'xlsx';
  /** Rows (0-based; row i is the spreadsheet's row i + 1) of cell values (0-based columns). */
  rows: unknown[][];
  /** XLSX number formats of the cells that have one, when asked for (withFormats). */
  formats: (string | undefined)[][];
  sheetName: string | null;
}

export const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Sum of the uncompressed sizes declared in the ZIP's central directory (ZIP64 counts as too
 * large). The streaming parse still enforces the row/cell limits and the worker's heap, so a file
 * whose headers lie is stopped too.
 */
export function zipUncompressedSize(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    if (entries === 0xffff || p === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new AppError('SHEET_UNREADABLE', { reason: 'ZIP central directory' });
      const size = buf.readUInt32LE(p + 24);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  throw new AppError('SHEET_UNREADABLE', { reason: 'not a ZIP file' });
}

const perUser = new Map<string, number>();
let total = 0;

/**
 * Read a CSV or XLSX upload into a table. `owner` identifies the user for the concurrency limit.
 * `kind` defaults to the content (a ZIP is XLSX, anything else CSV). `sheetNames`: preferred
 * worksheet names (lower case), else the first sheet.
 */
export async function readSpreadsheet(
  buf: Uint8Array,
  opts: { owner: string | number; kind?: 'csv' | 'xlsx'; sheetNames?: string[]; withFormats?: boolean; limits?: Partial<SheetLimits> },
): Promise<SheetTable> {
  const limits = { ...DEFAULT_SHEET_LIMITS, ...opts.limits };
  const kind = opts.kind ?? (isZip(buf) ? 'xlsx' : 'csv');
  if (kind === 'xlsx') {
    const size = zipUncompressedSize(buf);
    if (size > limits.maxUncompressedBytes) throw new AppError('SHEET_TOO_LARGE_UNCOMPRESSED', { limitMb: mb(limits.maxUncompressedBytes), sizeMb: Number.isFinite(size) ? mb(size) : '>4096' });
  }
  const owner = String(opts.owner);
  const mine = perUser.get(owner) ?? 0;
  if (mine >= CONCURRENCY.perUser) throw new AppError('IMPORT_BUSY', { limit: CONCURRENCY.perUser });
  if (total >= CONCURRENCY.total) throw new AppError('IMPORTS_BUSY_SERVER', { limit: CONCURRENCY.total });
  perUser.set(owner, mine + 1);
  total++;
  try {
    return await parseInWorker(buf, kind, limits, opts.sheetNames ?? [], !!opts.withFormats);
  } finally {
    total--;
    const left = (perUser.get(owner) ?? 1) - 1;
    if (left > 0) perUser.set(owner, left);
    else perUser.delete(owner);
  }
}

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

function parseInWorker(buf: Uint8Array, kind: 'csv' | 'xlsx', limits: SheetLimits, sheetNames: string[], withFormats: boolean): Promise<SheetTable> {
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(buf); // transferred to the worker
    const worker = new Worker(new URL('./spreadsheet.worker.mjs', import.meta.url), {
      workerData: { kind, buf: copy, limits: { maxRows: limits.maxRows, maxColumns: limits.maxColumns, maxCells: limits.maxCells }, sheetNames, withFormats },
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => done(() => reject(new AppError('SHEET_TIMEOUT', { seconds: Math.round(limits.timeoutMs / 1000) }))), limits.timeoutMs);
    worker.on('message', (m: { ok: true; rows: unknown[][]; formats: (string | undefined)[][]; sheetName: string | null } | { ok: false; code: string; params: Record<string, unknown> }) =>
      done(() => (m.ok ? resolve({ kind, rows: m.rows, formats: m.formats ?? [], sheetName: m.sheetName ?? null }) : reject(new AppError(m.code, m.params)))),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      done(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('SHEET_TOO_COMPLEX', { limitMb: limits.maxHeapMb }) : new AppError('SHEET_UNREADABLE', { reason: String(e.message).slice(0, 200) }),
        ),
      ),
    );
    worker.on('exit', (code) => done(() => reject(new AppError('SHEET_UNREADABLE', { reason: `parser stopped (${code})` }))));
  });
}
