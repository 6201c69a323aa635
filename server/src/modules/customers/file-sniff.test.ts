import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sniffFileType, zipEntryNames } from './file-sniff';

/** A minimal ZIP (stored entries) with the given names, built by hand. */
function zip(names: string[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const n = enc.encode(name);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, names.length, true);
  ev.setUint16(10, names.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((s, a) => s + a.length, 0));
  let p = 0;
  for (const a of all) {
    out.set(a, p);
    p += a.length;
  }
  return out;
}

describe('file type sniffing by magic bytes', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(sniffFileType(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    expect(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
  });

  it('tells xlsx from docx by the zip entries, and refuses other zips', () => {
    expect(sniffFileType(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toBe('xlsx');
    expect(sniffFileType(zip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(sniffFileType(zip(['readme.txt']))).toBeNull();
    expect(zipEntryNames(zip(['a', 'b/c']))).toEqual(['a', 'b/c']);
  });

  it('recognises a real workbook written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['x']);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffFileType(buf)).toBe('xlsx');
  });

  it('refuses text, executables, a renamed file and truncated zips', () => {
    expect(sniffFileType(new TextEncoder().encode('hello, world'))).toBeNull();
    expect(sniffFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeNull(); // MZ
    expect(sniffFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(sniffFileType(new Uint8Array([]))).toBeNull();
  });
});
