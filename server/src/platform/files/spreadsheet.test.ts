import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { decodeText, looksLikeXlsx, parseCsv, readTable } from './spreadsheet';

describe('parseCsv', () => {
  it.each([
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a,b\n"x, y","say ""hi"""\n', [['a', 'b'], ['x, y', 'say "hi"']]],
    ['a,b\n"two\nlines",2\n', [['a', 'b'], ['two\nlines', '2']]],
    ['a\tb\n1,5\t2\n', [['a', 'b'], ['1,5', '2']]],
    ['a;b\n1,5;2\n', [['a', 'b'], ['1,5', '2']]],
    ['a,b\n,\n', [['a', 'b'], ['', '']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM, and GBK', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF表号,气量'))).toBe('表号,气量');
    expect(decodeText(new TextEncoder().encode('表号'))).toBe('表号');
    expect(decodeText(Uint8Array.from([0xb1, 0xed, 0xba, 0xc5]))).toBe('表号'); // GBK
  });
});

describe('readTable', () => {
  it('reads the first worksheet of an .xlsx, CSV otherwise, and reports a broken workbook through the caller', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['表号', '气量']);
    ws.addRow([]);
    ws.addRow(['M1', 12.5]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(looksLikeXlsx(buf)).toBe(true);
    expect(await readTable(buf, (r) => new Error(r))).toEqual([['表号', '气量'], [], ['M1', 12.5]]);
    expect(await readTable(new TextEncoder().encode('a,b\n1,2\n'), (r) => new Error(r))).toEqual([['a', 'b'], ['1', '2']]);
    await expect(readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), () => new Error('not a workbook'))).rejects.toThrow('not a workbook');
  });
});
