/**
 * Excel exports of the board and of a customer's usage, in the unit the user chose
 * (m³ / 万方 / 亿方 / GJ). Values are converted exactly (metering.calc.ts) and rounded once per
 * unit for display; missing values stay empty cells, never 0.
 */
import ExcelJS from 'exceljs';
import { tr, type Lang, type Msg } from '@common/lang';
import { Decimal, dec } from '@common/decimal';
import { presentQuantity, UNIT_LABELS, unitDecimals, type Unit } from './metering.calc';
import type { BoardItem } from './board.service';
import type { UsagePoint } from './usage.service';
import type { BoardFlag } from './board.calc';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a UTF-8 file name (Chinese names survive). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const FLAG_LABELS: Record<BoardFlag, Msg> = {
  missing: { zh: '数据缺失', en: 'Missing data' },
  zero: { zh: '零用气', en: 'Zero use' },
  jump: { zh: '波动异常', en: 'Jump' },
  above_max: { zh: '超合同日最大量', en: 'Above contract max' },
  estimate: { zh: '估算值', en: 'Estimate' },
};

export const TYPE_LABELS: Record<string, Msg> = {
  city_gas: { zh: '城市燃气', en: 'City gas' },
  industrial: { zh: '工业', en: 'Industrial' },
  cng: { zh: 'CNG', en: 'CNG' },
  power: { zh: '发电', en: 'Power' },
  chemical: { zh: '化工', en: 'Chemical' },
  commercial: { zh: '商业', en: 'Commercial' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * A quantity for an Excel cell: the exactly converted, once-rounded decimal string becomes the
 * cell's number (spreadsheet cells are binary doubles by format; no arithmetic happens here).
 */
function cell(v: string | null): number | null {
  return v == null ? null : Number(v);
}

function numFmt(unit: Unit): string {
  const dp = unitDecimals(unit);
  return dp ? `#,##0.${'0'.repeat(dp)}` : '#,##0';
}

interface Col {
  header: Msg;
  width: number;
  qty?: boolean;
}

async function workbook(lang: Lang, sheet: Msg, title: string, cols: Col[], rows: (string | number | null)[][], unit: Unit): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(tr(sheet, lang), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 12 };
  ws.addRow(cols.map((c) => tr(c.header, lang))).font = { bold: true };
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.qty) col.numFmt = numFmt(unit);
  });
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function boardXlsx(items: BoardItem[], day: string, unit: Unit, lang: Lang): Promise<Buffer> {
  const u = tr(UNIT_LABELS[unit], lang);
  const gj = unit === 'gj';
  const q = (m3: string | null, e: string | null) => cell(presentQuantity(m3, e, unit));
  const cols: Col[] = [
    { header: { zh: '客户编码', en: 'Code' }, width: 12 },
    { header: { zh: '客户名称', en: 'Customer' }, width: 30 },
    { header: { zh: '类型', en: 'Type' }, width: 10 },
    { header: { zh: '地区', en: 'Region' }, width: 16 },
    { header: { zh: '客户经理', en: 'Manager' }, width: 10 },
    { header: { zh: `日用气量(${u})`, en: `Volume (${u})` }, width: 16, qty: true },
    { header: { zh: `日计划(${u})`, en: `Plan (${u})` }, width: 16, qty: true },
    { header: { zh: `日指定(${u})`, en: `Nomination (${u})` }, width: 16, qty: true },
    { header: { zh: '计划/指定偏差%', en: 'vs nomination/plan %' }, width: 12 },
    { header: { zh: `近期日均(${u})`, en: `Trailing avg (${u})` }, width: 16, qty: true },
    { header: { zh: '较均值%', en: 'vs avg %' }, width: 10 },
    { header: { zh: `合同日最大量(${u})`, en: `Contract daily max (${u})` }, width: 18, qty: true },
    { header: { zh: '高位发热量 MJ/m³', en: 'GCV MJ/m³' }, width: 12 },
    { header: { zh: '发热量沿用自（气日）', en: 'GCV carried from (gas day)' }, width: 14 },
    { header: { zh: '上报/交接点', en: 'Reported/points' }, width: 10 },
    { header: { zh: '标记', en: 'Flags' }, width: 30 },
  ];
  const rows = items.map((i) => [
    i.code,
    i.name,
    tr(TYPE_LABELS[i.type] ?? { zh: i.type, en: i.type }, lang),
    [i.province, i.city, i.county].filter(Boolean).join(' '),
    i.manager,
    q(i.volumeM3, i.energyGJ),
    q(i.planM3, i.planGJ),
    q(i.nominationM3, i.nominationGJ),
    cell(i.planDeviationPct),
    gj ? cell(presentQuantity(null, i.avgGJ, unit)) : q(i.avgM3, null),
    cell(i.changePct),
    q(i.dailyMaxM3, i.dailyMaxGJ),
    cell(i.gcvMJm3),
    i.gcvCarriedFrom ?? null,
    `${i.reportedPoints}/${i.pointCount}`,
    i.flags.map((f) => tr(FLAG_LABELS[f], lang)).join(lang === 'en' ? ', ' : '、'),
  ]);
  const title = lang === 'en' ? `Daily usage board — gas day ${day} (${u})` : `日用气监控 — 燃气日 ${day}（单位：${u}）`;
  return workbook(lang, { zh: '日用气监控', en: 'Daily usage' }, title, cols, rows, unit);
}

export async function usageXlsx(customer: { code: string; name: string }, granularity: 'day' | 'month', series: UsagePoint[], unit: Unit, lang: Lang): Promise<Buffer> {
  const u = tr(UNIT_LABELS[unit], lang);
  const cols: Col[] = [
    { header: granularity === 'day' ? { zh: '燃气日', en: 'Gas day' } : { zh: '月份', en: 'Month' }, width: 12 },
    { header: { zh: `用气量(${u})`, en: `Volume (${u})` }, width: 16, qty: true },
    { header: { zh: `上年同期(${u})`, en: `Previous year (${u})` }, width: 16, qty: true },
    { header: { zh: '同比%', en: 'YoY %' }, width: 10 },
    { header: { zh: '加权高位发热量 MJ/m³', en: 'Weighted GCV MJ/m³' }, width: 14 },
    { header: { zh: '有数据天数', en: 'Days with data' }, width: 10 },
    { header: { zh: '含估算', en: 'Estimated' }, width: 8 },
  ];
  const rows = series.map((p) => {
    const cur = presentQuantity(p.volumeM3, p.energyGJ, unit);
    const prev = presentQuantity(p.prevYearVolumeM3, p.prevYearEnergyGJ, unit);
    return [p.period, cell(cur), cell(prev), cell(yoyPct(cur, prev)), cell(p.gcvMJm3), p.daysWithData, p.estimated ? (lang === 'en' ? 'yes' : '是') : ''];
  });
  const title =
    lang === 'en'
      ? `${customer.name} (${customer.code}) — ${granularity === 'day' ? 'daily' : 'monthly'} usage (${u})`
      : `${customer.name}（${customer.code}）${granularity === 'day' ? '日' : '月'}用气量（单位：${u}）`;
  return workbook(lang, { zh: '用气量', en: 'Usage' }, title, cols, rows, unit);
}

/** Year over year: (cur − prev) / prev × 100, 1 place; null when unknown or prev is 0. */
export function yoyPct(cur: string | null, prev: string | null): string | null {
  if (cur == null || prev == null) return null;
  return yoy(cur, prev);
}

function yoy(cur: string, prev: string): string | null {
  const p = dec(prev);
  if (p.isZero()) return null;
  return dec(cur).minus(p).div(p).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}
