/**
 * Fault test (issue 10.2): spreadsheet bombs. A workbook that inflates beyond the limit is refused
 * from its ZIP directory before parsing; one with too many rows (even when its headers lie about
 * the size) is refused while streaming; three at once neither stall other requests nor hold the
 * server's memory; the upload-size message names the limit.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@common/roles';
import { startTestApp, type Client, type TestApp } from '../harness';

let t: TestApp;
let user: Client;
let others: Client[];

beforeAll(async () => {
  t = await startTestApp();
  user = await t.userClient([...ROLES], { department: '市场部' as any });
  others = [await t.userClient([...ROLES], { department: '市场部' as any }), await t.userClient([...ROLES], { department: '市场部' as any })];
});
afterAll(async () => t?.close());

/** A minimal ZIP writer (deflate). `declaredSize` lets an entry lie about its uncompressed size. */
function zip(entries: { name: string; data: Buffer | (() => Iterable<Buffer>); declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const chunks = typeof e.data === 'function' ? e.data() : [e.data];
    const deflate: Buffer[] = [];
    let crc = 0;
    let size = 0;
    const all: Buffer[] = [];
    for (const c of chunks) {
      crc = zlib.crc32(c, crc);
      size += c.length;
      all.push(c);
      if (all.length >= 64) deflate.push(zlib.deflateRawSync(Buffer.concat(all.splice(0)), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    deflate.push(zlib.deflateRawSync(Buffer.concat(all), { level: 9 }));
    const data = Buffer.concat(deflate);
    const name = Buffer.from(e.name);
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(cd, name);
    offset += local.length + name.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

const skeleton = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
  { name: 'xl/sharedStrings.xml', data: Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>') },
];

/** A sheet of `rows` empty rows (Excel writes <row r="n"/> for formatted empty rows). */
function* emptyRows(rows: number): Iterable<Buffer> {
  yield Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  for (let r = 1; r <= rows; r += 10_000) {
    let s = '';
    for (let i = r; i < Math.min(r + 10_000, rows + 1); i++) s += `<row r="${i}"/>`;
    yield Buffer.from(s);
  }
  yield Buffer.from('</sheetData></worksheet>');
}

function upload(c: Client, content: Buffer, name = 'bomb.xlsx') {
  const fd = new FormData();
  fd.append('dryRun', 'true');
  fd.append('file', new Blob([new Uint8Array(content)]), name);
  return c.req('POST', '/api/metering/deliveries/import', fd);
}

describe('spreadsheet bombs', () => {
  it('refuses a workbook that inflates beyond the limit before parsing it', async () => {
    const pad = () =>
      (function* () {
        const mb = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 150; i++) yield mb;
      })();
    const bomb = zip([...skeleton, { name: 'xl/worksheets/sheet1.xml', data: () => emptyRows(10) }, { name: 'xl/media/pad.xml', data: pad }]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const t0 = Date.now();
    const r = await upload(user, bomb);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('SHEET_TOO_LARGE_UNCOMPRESSED');
    expect(r.body.message).toContain('上限 100 MB');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('stops a sheet of millions of rows at the row limit, even when its headers lie about its size; three at once do not stall the server or hold its memory', async () => {
    const bomb = zip([...skeleton, { name: 'xl/worksheets/sheet1.xml', data: () => emptyRows(2_000_000), declaredSize: 4096 }]);
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let slowest = 0;
    let pings = 0;
    let done = false;
    const pinger = (async () => {
      while (!done) {
        const t0 = Date.now();
        const r = await t.anon().get('/api/health');
        expect(r.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - t0);
        pings++;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((res) => setTimeout(res, 25));
      }
    })();
    const t0 = Date.now();
    const rs = await Promise.all([upload(user, bomb), upload(others[0], bomb), upload(others[1], bomb)]);
    const ms = Date.now() - t0;
    done = true;
    await pinger;
    for (const r of rs) {
      expect(r.status).toBe(413);
      expect(r.body.code).toBe('SHEET_TOO_MANY_ROWS');
      expect(r.body.message).toContain('100000');
    }
    const after = process.memoryUsage();
    console.log(
      `3 bombs (${(bomb.length / 1048576).toFixed(1)} MB each, 2,000,000 rows) refused in ${ms} ms; health answered ${pings}× (slowest ${slowest} ms); RSS +${((peakRss - base.rss) / 1048576).toFixed(0)} MB at peak, heap +${((after.heapUsed - base.heapUsed) / 1048576).toFixed(0)} MB after`,
    );
    expect(pings).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1500);
    expect(peakRss - base.rss).toBeLessThan(1200 * 1048576);
    expect(after.heapUsed - base.heapUsed).toBeLessThan(200 * 1048576);
  });

  it('limits concurrent imports per user', async () => {
    const bomb = zip([...skeleton, { name: 'xl/worksheets/sheet1.xml', data: () => emptyRows(2_000_000), declaredSize: 4096 }]);
    const rs = await Promise.all([upload(user, bomb), upload(user, bomb), upload(user, bomb)]);
    const busy = rs.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy[0].body.code).toBe('IMPORT_BUSY');
  });

  it('names the size limit when a file is too large', async () => {
    const r = await upload(user, Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.csv');
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('UPLOAD_TOO_LARGE');
    expect(r.body.message).toContain('上限 10 MB');
  });
});
