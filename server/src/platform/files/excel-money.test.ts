import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatMoneyCells, moneyCell, MONEY_NUM_FMT } from './excel-money';

describe('money in Excel', () => {
  it.each([
    [0, 0],
    [1, 0.01],
    [-250, -2.5],
    [123456789, 1234567.89],
  ])('%i fen → %d yuan', (fen, yuan) => {
    expect(moneyCell(fen)).toBe(yuan);
  });
  it('writes a dash (or the given text) for no amount and refuses a non-integer fen amount', () => {
    expect(moneyCell(null)).toBe('—');
    expect(moneyCell(undefined, '')).toBe('');
    expect(() => moneyCell(1.5)).toThrow(RangeError);
  });
  it('formats the listed cells only, and the value survives a round trip', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    formatMoneyCells(ws.addRow(['x', moneyCell(100001), 3]), [2]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as any);
    const r = back.worksheets[0].getRow(1);
    expect(r.getCell(2).value).toBe(1000.01);
    expect(r.getCell(2).numFmt).toBe(MONEY_NUM_FMT);
    expect(r.getCell(3).numFmt).toBeUndefined();
  });
});
