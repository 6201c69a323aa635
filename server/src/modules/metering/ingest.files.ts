/**
 * Reading delivery files (CSV in UTF-8 or GBK, Excel .xlsx) into raw rows keyed by field name,
 * with the spreadsheet's row numbers (header = row 1), and writing the import template.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors';
import { readSpreadsheet } from '../../platform/files/spreadsheet';
import { HOUR_KEYS, normalizeHeader } from './ingest.calc';
import { ME } from './metering.errors';

export interface RawRow {
  row: number;
  raw: Record<string, unknown>;
}

const REQUIRED = ['meterNo', 'gasDay'] as const;

/** Map a table (first row = headers) to raw rows; blank lines are skipped; unknown columns ignored. */
export function tableToRows(table: unknown[][], firstRowNo = 1): RawRow[] {
  if (!table.length) throw new AppError(ME.METERING_IMPORT_EMPTY);
  const headers = table[0].map(normalizeHeader);
  const missing = REQUIRED.filter((f) => !headers.includes(f));
  const hasVolume = headers.includes('volumeM3') || HOUR_KEYS.every((k) => headers.includes(k));
  if (missing.length || !hasVolume) {
    const names = [...missing.map((f) => (f === 'meterNo' ? '计量表号 meter_no' : '燃气日 gas_day')), ...(hasVolume ? [] : ['日气量(m³) volume_m3'])];
    throw new AppError(ME.METERING_IMPORT_HEADER, { columns: names.join('、') });
  }
  const out: RawRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells || cells.every((c) => c == null || String(c).trim() === '')) continue;
    const raw: Record<string, unknown> = {};
    headers.forEach((h, j) => {
      if (h) raw[h] = cells[j];
    });
    out.push({ row: firstRowNo + i, raw });
  }
  if (!out.length) throw new AppError(ME.METERING_IMPORT_EMPTY);
  return out;
}

/**
 * Rows of an uploaded .csv or .xlsx (first worksheet), read by the platform's bounded reader
 * (limits on rows, columns, cells and size; parsed in a worker). `owner`: the user, for the
 * per-user concurrency limit.
 */
export async function fileRows(buf: Uint8Array, kind: 'csv' | 'xlsx', owner: string | number): Promise<RawRow[]> {
  try {
    return tableToRows((await readSpreadsheet(buf, { owner, kind })).rows);
  } catch (e) {
    if (e instanceof AppError && e.code === 'SHEET_UNREADABLE') throw new AppError(ME.METERING_IMPORT_FORMAT, { reason: String(e.params.reason ?? '') });
    throw e;
  }
}

/** The first worksheet of an .xlsx workbook. */
export async function xlsxRows(buf: Uint8Array, owner: string | number = 'cli'): Promise<RawRow[]> {
  return fileRows(buf, 'xlsx', owner);
}

export const TEMPLATE_HEADERS = ['计量表号 meter_no', '燃气日 gas_day', '日气量(m³) volume_m3', '来源 origin', '备注 reason', ...HOUR_KEYS];

/** Template headers carry both languages; strip to the first word when reading. */
export function templateHeader(h: string): string {
  return h.split(' ')[0];
}

export async function templateXlsx(example: { meterNo: string; gasDay: string } | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日气量 deliveries');
  ws.addRow(TEMPLATE_HEADERS.map(templateHeader));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i < 5 ? 16 : 9));
  if (example) ws.addRow([example.meterNo, example.gasDay, '12345.678', 'manual', '示例行，导入前请删除']);
  const help = wb.addWorksheet('说明 help');
  for (const line of [
    ['计量表号', '交接点计量表号（必填）', 'meter number (required)'],
    ['燃气日', 'YYYY-MM-DD，燃气日 08:00 至次日 08:00，以开始日期命名（必填）', 'gas day, named by its start date (required)'],
    ['日气量(m³)', '20 °C、101.325 kPa 下的体积，最多 3 位小数；可留空而填写 24 个小时值', 'm³ at 20 °C, 101.325 kPa; may be blank when 24 hourly values are given'],
    ['来源', 'scada / manual / estimate（SCADA/人工/估算），默认 manual', 'origin, default manual'],
    ['备注', '修改已有数据时作为修改原因', 'reason, used when a value is corrected'],
    ['h01–h24', '可选：燃气日第 1–24 小时的气量，合计须与日气量相差不超过 0.001 m³', 'optional hourly values; their sum must match the daily volume within 0.001 m³'],
  ])
    help.addRow(line);
  help.columns.forEach((c) => (c.width = 40));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateCsv(): string {
  return '\uFEFF' + TEMPLATE_HEADERS.map(templateHeader).join(',') + '\r\n';
}
