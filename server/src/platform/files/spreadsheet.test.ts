import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipUncompressedSize, isZip } from './spreadsheet';
import { AppError } from '../http/errors';

describe('zipUncompressedSize', () => {
  it('sums the uncompressed sizes of a real workbook from its central directory', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (let i = 0; i < 2000; i++) ws.addRow([i, `row ${i}`, 'x'.repeat(20)]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(isZip(buf)).toBe(true);
    const size = zipUncompressedSize(buf);
    // The sheet alone holds 2,000 rows of ~60 bytes of XML each; the file is much smaller.
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeGreaterThan(buf.length);
  });

  it('refuses what is not a ZIP', () => {
    expect(() => zipUncompressedSize(Buffer.from('meter_no,gas_day\n'))).toThrow(AppError);
  });
});
