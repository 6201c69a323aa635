/**
 * Money in Excel exports, written one way everywhere: amounts are integer fen in the code
 * (common/src/money.ts); a cell holds yuan as a number (fen / 100 is exact to the cent for any
 * amount below 2^53 fen once Excel rounds it to 2 places) with the format '#,##0.00'.
 */
import type ExcelJS from 'exceljs';
import { assertFen } from '@common/money';

export const MONEY_NUM_FMT = '#,##0.00';

/** The cell value of an amount in fen: yuan as a number; `empty` (default '—') for null. */
export function moneyCell(fen: number | null | undefined, empty: string = '—'): number | string {
  return fen == null ? empty : assertFen(fen) / 100;
}

/** Give the listed cells of a row (1-based column numbers) the money format. */
export function formatMoneyCells(row: ExcelJS.Row, columns: number[]): ExcelJS.Row {
  for (const c of columns) row.getCell(c).numFmt = MONEY_NUM_FMT;
  return row;
}
