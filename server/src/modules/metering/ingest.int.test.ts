import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { addDays, lastCompleteGasDay } from './gas-day.calc';
import { countDeliveries, csvForm, fileForm, historyOf } from './testing/factory';
import { makeCustomer, makeSupplySource } from '../customers/testing/factory';
import { auditTrail } from '../../platform/audit/audit';
import { downloadName } from '../../../test/pdf-text';

let t: TestApp;
let lead: Client;
let am: Client;
let D: string;
let c1: Awaited<ReturnType<typeof makeCustomer>>;
let c2: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  D = lastCompleteGasDay(new Date());
  const field = await makeSupplySource(t.db);
  c1 = await makeCustomer(t.db, { managerId: am.userId, sources: [field.id, field.id] });
  c2 = await makeCustomer(t.db, { sources: [field.id] });
});
afterAll(async () => t?.close());

describe('batch JSON ingest is idempotent', () => {
  it('inserts, then leaves the same rows unchanged, then replaces a changed value with one history row', async () => {
    const rows = [0, 1, 2].map((i) => ({ meterNo: c1.points[0].meterNo, gasDay: addDays(D, -10 - i), volumeM3: `${1000 + i}.5` }));
    const first = await lead.post('/api/metering/deliveries/batch', { rows });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'imported', total: 3, valid: 3, invalid: 0, inserted: 3, updated: 0, unchanged: 0 });

    const again = await lead.post('/api/metering/deliveries/batch', { rows });
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await countDeliveries(t.db, [c1.points[0].id])).toBe(3);
    expect(await historyOf(t.db, c1.points[0].id)).toHaveLength(0);

    rows[1].volumeM3 = '2000';
    const changed = await lead.post('/api/metering/deliveries/batch', { rows, reason: 'SCADA 补传' });
    expect(changed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const h = await historyOf(t.db, c1.points[0].id, addDays(D, -11));
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ old_volume_m3: '1001.500', new_volume_m3: '2000.000', old_origin: 'scada', new_origin: 'scada', reason: 'SCADA 补传', channel: 'api' });
    expect(h[0].changed_by).toBe(lead.userId);

    await lead.post('/api/metering/deliveries/batch', { rows });
    expect(await historyOf(t.db, c1.points[0].id)).toHaveLength(1);
    expect(await countDeliveries(t.db, [c1.points[0].id])).toBe(3);
  });

  it('computes the daily volume from 24 hourly values, and checks their sum against a given volume', async () => {
    const hourly = Array.from({ length: 24 }, (_, i) => (i === 0 ? '100.001' : '100'));
    const ok = await lead.post('/api/metering/deliveries/batch', { rows: [{ meterNo: c1.points[1].meterNo, gasDay: addDays(D, -20), hourly }] });
    expect(ok.body.inserted).toBe(1);
    const row = await t.db.selectFrom('daily_deliveries').selectAll().where('delivery_point_id', '=', c1.points[1].id).where('gas_day', '=', addDays(D, -20)).executeTakeFirstOrThrow();
    expect(row.volume_m3).toBe('2400.001');
    expect((row.hourly as string[])[0]).toBe('100.001');

    const within = await lead.post('/api/metering/deliveries/batch', { rows: [{ meterNo: c1.points[1].meterNo, gasDay: addDays(D, -21), hourly, volumeM3: '2400.002' }] });
    expect(within.body.inserted).toBe(1);
    const off = await lead.post('/api/metering/deliveries/batch', { rows: [{ meterNo: c1.points[1].meterNo, gasDay: addDays(D, -22), hourly, volumeM3: '2400.003' }] });
    expect(off.status).toBe(422);
    expect(off.body.details.errors[0].message).toBe('第 1 行「小时数据」：24 小时合计 2400.001 m³ 与日气量 2400.003 m³ 相差超过 0.001 m³');
  });
});

describe('CSV and Excel upload', () => {
  it('the same CSV twice leaves the same rows, a changed CSV writes one history row per change', async () => {
    const csv = (v: string) => `计量表号,燃气日,日气量(m³),来源\r\n${c2.points[0].meterNo},${addDays(D, -5)},500,scada\r\n${c2.points[0].meterNo},${addDays(D, -4)},${v},SCADA\r\n`;
    const a = await lead.req('POST', '/api/metering/deliveries/import', csvForm(csv('600')));
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ inserted: 2, updated: 0 });
    const b = await lead.req('POST', '/api/metering/deliveries/import', csvForm(csv('600')));
    expect(b.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const c = await lead.req('POST', '/api/metering/deliveries/import', csvForm(csv('650.25'), { reason: '表计校准后修正' }));
    expect(c.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await countDeliveries(t.db, [c2.points[0].id])).toBe(2);
    const h = await historyOf(t.db, c2.points[0].id);
    expect(h.map((x) => [x.gas_day, x.old_volume_m3, x.new_volume_m3, x.reason, x.channel])).toEqual([[addDays(D, -4), '600.000', '650.250', '表计校准后修正', 'csv']]);
  });

  it('reports every invalid row with row number, field and message, and imports nothing by default', async () => {
    const before = await countDeliveries(t.db, [c2.points[0].id, c1.points[0].id]);
    const m = c2.points[0].meterNo;
    const csv = [
      'meter_no,gas_day,volume_m3',
      `${m},${addDays(D, -30)},100`, // row 2 valid
      `NO-SUCH-METER,${addDays(D, -30)},100`, // 3 unknown meter
      `${m},${addDays(D, -31)},-5`, // 4 negative
      `${m},${addDays(D, 3)},100`, // 5 future
      `${m},${addDays(D, -800)},100`, // 6 too old
      `${m},${addDays(D, -32)},100`, // 7 duplicate of 8
      `${m},${addDays(D, -32)},101`, // 8
      `${m},2026-13-01,100`, // 9 bad date
      `${m},${addDays(D, -33)},abc`, // 10 bad number
      `${m},${addDays(D, -34)},`, // 11 missing volume
    ].join('\n');
    const r = await lead.req('POST', '/api/metering/deliveries/import', csvForm(csv));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('METERING_IMPORT_INVALID');
    expect(r.body.message).toBe('导入数据有 9 行错误，未导入任何数据（可选择“仅导入有效行”）');
    const errs = r.body.details.errors.map((e: any) => [e.row, e.field, e.code]);
    expect(errs).toEqual([
      [3, 'meterNo', 'UNKNOWN_METER'],
      [4, 'volumeM3', 'NEGATIVE'],
      [5, 'gasDay', 'FUTURE_DAY'],
      [6, 'gasDay', 'TOO_OLD'],
      [7, 'meterNo', 'DUPLICATE'],
      [8, 'meterNo', 'DUPLICATE'],
      [9, 'gasDay', 'BAD_DATE'],
      [10, 'volumeM3', 'BAD_NUMBER'],
      [11, 'volumeM3', 'REQUIRED'],
    ]);
    const byRow = Object.fromEntries(r.body.details.errors.map((e: any) => [e.row, e.message]));
    expect(byRow[3]).toBe('第 3 行「计量表号」：计量表号“NO-SUCH-METER”不存在');
    expect(byRow[4]).toBe('第 4 行「日气量(m³)」：不能为负数（-5）');
    expect(byRow[7]).toBe('第 7 行「计量表号」：与第 8 行重复（同一计量表、同一燃气日）');
    expect(r.body.details).toMatchObject({ total: 10, valid: 1, invalid: 9, inserted: 0 });
    expect(await countDeliveries(t.db, [c2.points[0].id, c1.points[0].id])).toBe(before);

    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const r2 = await en.req('POST', '/api/metering/deliveries/import', csvForm(csv));
    expect(r2.body.details.errors.find((e: any) => e.row === 4).message).toBe('Row 4, daily volume (m³): must not be negative (-5)');

    const valid = await lead.req('POST', '/api/metering/deliveries/import', csvForm(csv, { validOnly: 'true' }));
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ status: 'partial', inserted: 1, invalid: 9, valid: 1 });
    expect(await countDeliveries(t.db, [c2.points[0].id, c1.points[0].id])).toBe(before + 1);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await countDeliveries(t.db, [c2.points[0].id]);
    const r = await lead.req('POST', '/api/metering/deliveries/import', csvForm(`meter_no,gas_day,volume_m3\n${c2.points[0].meterNo},${addDays(D, -40)},1\n`, { dryRun: 'true' }));
    expect(r.body).toMatchObject({ status: 'dry_run', inserted: 1 });
    expect(await countDeliveries(t.db, [c2.points[0].id])).toBe(before);
  });

  it('imports an Excel file with dates, numbers and hourly columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['计量表号', '燃气日', '日气量(m³)', '来源', ...Array.from({ length: 24 }, (_, i) => `h${String(i + 1).padStart(2, '0')}`)]);
    ws.addRow([c2.points[0].meterNo, new Date(addDays(D, -50) + 'T00:00:00Z'), 1234.5, '估算']);
    ws.addRow([c2.points[0].meterNo, addDays(D, -51), null, '人工', ...Array.from({ length: 24 }, () => 10)]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await lead.req('POST', '/api/metering/deliveries/import', fileForm(buf, 'deliveries.xlsx'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inserted: 2, invalid: 0 });
    const rows = await t.db
      .selectFrom('daily_deliveries')
      .select(['gas_day', 'volume_m3', 'origin'])
      .where('delivery_point_id', '=', c2.points[0].id)
      .where('gas_day', 'in', [addDays(D, -50), addDays(D, -51)])
      .orderBy('gas_day')
      .execute();
    expect(rows).toEqual([
      { gas_day: addDays(D, -51), volume_m3: '240.000', origin: 'manual' },
      { gas_day: addDays(D, -50), volume_m3: '1234.500', origin: 'estimate' },
    ]);
  });

  it('offers an import template (xlsx and csv)', async () => {
    const r = await lead.get('/api/metering/deliveries/template?format=xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as any);
    expect((wb.worksheets[0].getRow(1).values as any[]).slice(1, 4)).toEqual(['计量表号', '燃气日', '日气量(m³)']);
    const csv = await lead.get('/api/metering/deliveries/template?format=csv');
    expect(String(csv.body)).toContain('计量表号,燃气日,日气量(m³),来源,备注,h01');
    expect(downloadName(csv.headers.get('content-disposition'))).toBe('日气量导入模板.csv');
  });

  it('gives the template in the user’s language and accepts either language’s headers', async () => {
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const r = await en.get('/api/metering/deliveries/template?format=xlsx');
    expect(downloadName(r.headers.get('content-disposition'))).toBe('delivery-import-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Deliveries', 'Help']);
    expect((wb.worksheets[0].getRow(1).values as any[]).slice(1, 6)).toEqual(['Meter no.', 'Gas day', 'Volume (m³)', 'Origin', 'Reason']);
    const csv = await en.get('/api/metering/deliveries/template?format=csv');
    const header = String(csv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    expect(downloadName(csv.headers.get('content-disposition'))).toBe('delivery-import-template.csv');
    // the English template filled in, imported by a Chinese user; the Chinese one by an English user
    const point = c2.points[0].meterNo;
    const enFile = `${header}\r\n${point},${addDays(D, -90)},321.5,manual\r\n`;
    const zhFile = `计量表号,燃气日,日气量(m³),来源,备注\r\n${point},${addDays(D, -91)},123.25,manual,\r\n`;
    expect((await lead.req('POST', '/api/metering/deliveries/import', csvForm(enFile))).body).toMatchObject({ inserted: 1 });
    expect((await en.req('POST', '/api/metering/deliveries/import', csvForm(zhFile))).body).toMatchObject({ inserted: 1 });
  });

  it('refuses rows of customers outside the account manager’s responsibility', async () => {
    const r = await am.post('/api/metering/deliveries/batch', {
      rows: [
        { meterNo: c2.points[0].meterNo, gasDay: addDays(D, -60), volumeM3: '1' },
        { meterNo: c1.points[0].meterNo, gasDay: addDays(D, -60), volumeM3: '1' },
      ],
    });
    expect(r.status).toBe(422);
    expect(r.body.details.errors).toEqual([{ row: 1, field: 'meterNo', code: 'OUT_OF_SCOPE', message: `第 1 行「计量表号」：计量表“${c2.points[0].meterNo}”所属客户不在您的负责范围内` }]);
    const viewer = await t.userClient(['viewer']);
    expect((await viewer.post('/api/metering/deliveries/batch', { rows: [{ meterNo: 'x' }] })).status).toBe(403);
  });
});

describe('corrections and estimates', () => {
  it('keeps the previous value with reason and actor; estimates are flagged until replaced', async () => {
    const p = c1.points[0].id;
    const day = addDays(D, -70);
    const created = await am.put('/api/metering/deliveries', { deliveryPointId: p, gasDay: day, volumeM3: '800', origin: 'estimate' });
    expect(created.body).toMatchObject({ status: 'created', volumeM3: '800.000', origin: 'estimate' });
    let list = await am.get(`/api/metering/deliveries?customerId=${c1.id}&from=${day}&to=${day}`);
    expect(list.body.items[0]).toMatchObject({ estimated: true, origin: 'estimate', corrections: 0 });

    const noReason = await am.put('/api/metering/deliveries', { deliveryPointId: p, gasDay: day, volumeM3: '812.5', origin: 'scada' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('METERING_REASON_REQUIRED');

    const fixed = await am.put('/api/metering/deliveries', { deliveryPointId: p, gasDay: day, volumeM3: '812.5', origin: 'scada', reason: 'SCADA 实测值到达' });
    expect(fixed.body.status).toBe('corrected');
    list = await am.get(`/api/metering/deliveries?customerId=${c1.id}&from=${day}&to=${day}`);
    expect(list.body.items[0]).toMatchObject({ estimated: false, volumeM3: '812.500', corrections: 1 });

    const hist = await am.get(`/api/metering/deliveries/history?deliveryPointId=${p}&gasDay=${day}`);
    expect(hist.body).toHaveLength(1);
    expect(hist.body[0]).toMatchObject({ oldVolumeM3: '800.000', oldOrigin: 'estimate', newVolumeM3: '812.500', newOrigin: 'scada', reason: 'SCADA 实测值到达', channel: 'manual' });

    const overMeasured = await am.put('/api/metering/deliveries', { deliveryPointId: p, gasDay: day, volumeM3: '1', origin: 'estimate', reason: 'x' });
    expect(overMeasured.status).toBe(400);
    expect(overMeasured.body.message).toContain('不能用估算值覆盖');
    const batchOver = await lead.post('/api/metering/deliveries/batch', { rows: [{ meterNo: c1.points[0].meterNo, gasDay: day, volumeM3: '1', origin: 'estimate' }] });
    expect(batchOver.status).toBe(422);
    expect(batchOver.body.details.errors[0].code).toBe('ESTIMATE_OVER_MEASURED');
    expect((await historyOf(t.db, p, day)).length).toBe(1);

    const audit = await t.db
      .selectFrom(auditTrail().as('a'))
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'daily_delivery')
      .where('entity_id', '=', `${p}:${day}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['metering.delivery.create', 'metering.delivery.correct']);
  });

  it('refuses a correction for a customer outside the scope', async () => {
    const r = await am.put('/api/metering/deliveries', { deliveryPointId: c2.points[0].id, gasDay: addDays(D, -1), volumeM3: '1', origin: 'manual' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('OUT_OF_SCOPE');
  });
});
