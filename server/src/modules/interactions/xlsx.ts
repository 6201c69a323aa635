/** Excel export of plain tables (exceljs): bold frozen header row in the user's language. */
import ExcelJS from 'exceljs';
import type { Lang } from '@common/lang';

export interface Column<T> {
  header: { zh: string; en: string };
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

export interface Sheet<T> {
  name: { zh: string; en: string };
  columns: Column<T>[];
  rows: T[];
}

export async function buildXlsx(lang: Lang, sheets: Sheet<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  for (const s of sheets) {
    const ws = wb.addWorksheet(lang === 'en' ? s.name.en : s.name.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({ header: lang === 'en' ? c.header.en : c.header.zh, key: `c${i}`, width: c.width ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.columns.map((c) => c.value(r) ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition with a UTF-8 file name (Chinese names survive). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
