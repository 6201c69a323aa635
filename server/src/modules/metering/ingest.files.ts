/**
 * Reading delivery files (CSV in UTF-8 or GBK, Excel .xlsx) into raw rows keyed by field name,
 * with the spreadsheet's row numbers (header = row 1), and writing the import template.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors';
import { readSpreadsheet } from '../../platform/files/spreadsheet';
import { HOUR_KEYS, normalizeHeader } from './ingest.calc';
import { ME } from './metering.errors';
import type { Lang } from '@common/lang';

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

/** The template's columns in each language; either language's header is accepted on import (ingest.calc HEADER_ALIASES). */
export const TEMPLATE_COLUMNS: readonly { zh: string; en: string }[] = [
  { zh: '计量表号', en: 'Meter no.' },
  { zh: '燃气日', en: 'Gas day' },
  { zh: '日气量(m³)', en: 'Volume (m³)' },
  { zh: '来源', en: 'Origin' },
  { zh: '备注', en: 'Reason' },
  ...HOUR_KEYS.map((h) => ({ zh: h, en: h })),
];

export function templateHeaders(lang: Lang): string[] {
  return TEMPLATE_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));
}

const HELP: readonly [string, { zh: string; en: string }][] = [
  ['meterNo', { zh: '交接点计量表号（必填）', en: 'Meter number of the delivery point (required)' }],
  ['gasDay', { zh: 'YYYY-MM-DD，燃气日 08:00 至次日 08:00，以开始日期命名（必填）', en: 'YYYY-MM-DD; a gas day runs 08:00 to 08:00 and is named by its start date (required)' }],
  ['volume', { zh: '20 °C、101.325 kPa 下的体积，最多 3 位小数；可留空而填写 24 个小时值', en: 'm³ at 20 °C and 101.325 kPa, at most 3 decimals; may be blank when the 24 hourly values are given' }],
  ['origin', { zh: 'scada / manual / estimate（SCADA/人工/估算），默认 manual', en: 'scada / manual / estimate; manual by default' }],
  ['reason', { zh: '修改已有数据时作为修改原因', en: 'The reason, when a value already recorded is corrected' }],
  ['hours', { zh: '可选：燃气日第 1–24 小时的气量，合计须与日气量相差不超过 0.001 m³', en: 'Optional hourly values of hours 1–24; their sum must match the daily volume within 0.001 m³' }],
];

export async function templateXlsx(example: { meterNo: string; gasDay: string } | null, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Deliveries' : '日气量');
  ws.addRow(templateHeaders(lang));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i < 5 ? 16 : 9));
  if (example) ws.addRow([example.meterNo, example.gasDay, '12345.678', 'manual', en ? 'Example row: delete before importing' : '示例行，导入前请删除']);
  const help = wb.addWorksheet(en ? 'Help' : '说明');
  const names = [...templateHeaders(lang).slice(0, 5), 'h01–h24'];
  HELP.forEach(([, text], i) => help.addRow([names[i], en ? text.en : text.zh]));
  help.columns.forEach((c) => (c.width = 40));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateCsv(lang: Lang): string {
  return '\uFEFF' + templateHeaders(lang).join(',') + '\r\n';
}
