/**
 * Excel exports of trading lists (sessions, a session's results, year statistics, the competition
 * board) in the user's language; money through the platform's one helper (excel-money.ts).
 */
import ExcelJS from 'exceljs';
import { moneyCell, formatMoneyCells } from '../../platform/files/excel-money';

type Lang = 'zh-CN' | 'en';
export interface Column<T> {
  zh: string;
  en: string;
  value: (row: T) => string | number | null;
  /** The value is fen: written as yuan with the money format. */
  money?: boolean;
  width?: number;
}

const L = {
  zh: { kind: { real: '正式', simulation: '仿真' }, mode: { listing: '挂牌', bidding: '竞价', agreement: '协议' } },
  en: { kind: { real: 'Real', simulation: 'Simulation' }, mode: { listing: 'Listing', bidding: 'Bidding', agreement: 'Agreement' } },
};
export const labels = (lang: Lang) => (lang === 'en' ? L.en : L.zh);

/** One sheet with a header row in the user's language, one row per item. */
export async function sheetXlsx<T>(lang: Lang, sheet: { zh: string; en: string }, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'en' ? sheet.en : sheet.zh);
  ws.columns = columns.map((c) => ({ header: lang === 'en' ? c.en : c.zh, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  const moneyCols = columns.flatMap((c, i) => (c.money ? [i + 1] : []));
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => (c.money ? moneyCell(c.value(r) as number | null) : c.value(r))));
    formatMoneyCells(row, moneyCols);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
