import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { addDays, daysInMonth, lastCompleteGasDay } from './gas-day.calc';
import { computeQuality } from './gas-quality.calc';
import { customerGcv, dailyVolumesByCustomer } from './usage.service';
import { setQuality } from './testing/factory';
import { makeCustomer, makeSupplySource } from '../customers/testing/factory';

let t: TestApp;
let lead: Client;
let am: Client;
let D: string;
let field: { id: number; code: string };
let station: { id: number; code: string };
let other: { id: number; code: string };
let city: Awaited<ReturnType<typeof makeCustomer>>; // 2 points, one missing yesterday
let ind: Awaited<ReturnType<typeof makeCustomer>>; // jump + above max
let cng: Awaited<ReturnType<typeof makeCustomer>>; // zero use

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  D = lastCompleteGasDay(new Date());
  field = await makeSupplySource(t.db, { name: '老翁场气田' });
  station = await makeSupplySource(t.db, { parentId: field.id, name: '老14井站' });
  other = await makeSupplySource(t.db, { name: '独立气源' });
  city = await makeCustomer(t.db, { type: 'city_gas', city: '宜宾市', managerId: am.userId, sources: [station.id, field.id], name: '宜宾燃气' });
  ind = await makeCustomer(t.db, { type: 'industrial', city: '泸州市', sources: [station.id], name: '泸州玻璃' });
  cng = await makeCustomer(t.db, { type: 'cng', city: '泸州市', sources: [other.id], name: '泸州CNG' });
  // trailing week: every point 1000 m³ a day
  const rows: any[] = [];
  for (let i = 1; i <= 7; i++) for (const c of [city, ind, cng]) for (const p of c.points) rows.push({ meterNo: p.meterNo, gasDay: addDays(D, -i), volumeM3: '1000' });
  rows.push({ meterNo: city.points[0].meterNo, gasDay: D, volumeM3: '1100' }); // city: point 2 missing
  rows.push({ meterNo: ind.points[0].meterNo, gasDay: D, volumeM3: '2000' }); // +100 %, above max 1500
  rows.push({ meterNo: cng.points[0].meterNo, gasDay: D, volumeM3: '0' });
  const r = await lead.post('/api/metering/deliveries/batch', { rows });
  expect(r.body.inserted).toBe(rows.length);
  // quality: the field every day (36 MJ/m³), the station only yesterday (38); the independent source 3 days ago
  for (let i = 0; i <= 7; i++) await setQuality(t.db, field.id, addDays(D, -i), '36');
  await setQuality(t.db, station.id, D, '38');
  await setQuality(t.db, other.id, addDays(D, -3), '35');
  expect((await lead.put(`/api/metering/customers/${ind.id}/daily-max`, { dailyMaxM3: '1500' })).status).toBe(204);
  expect((await lead.put(`/api/metering/customers/${city.id}/plans`, { daily: [{ gasDay: D, plannedM3: '2200' }], monthly: [{ month: D.slice(0, 7), plannedM3: '31000' }] })).status).toBe(204);
  expect((await lead.put(`/api/metering/customers/${ind.id}/plans`, { monthly: [{ month: D.slice(0, 7), plannedM3: String(2000 * daysInMonth(D)) }] })).status).toBe(204);
});
afterAll(async () => t?.close());

describe('GCV of a delivery point: walk up the supply chain, then back in time', () => {
  it('uses the source’s own value, the parent’s value, or the nearest previous day within the lookback', async () => {
    const l = await lead.get(`/api/metering/deliveries?from=${D}&to=${D}`);
    const by = Object.fromEntries(l.body.items.map((i: any) => [i.meterNo, i]));
    expect(by[city.points[0].meterNo]).toMatchObject({ volumeM3: '1100.000', gcvMJm3: '38.000000', energyGJ: '41.8' }); // station's own
    expect(by[ind.points[0].meterNo]).toMatchObject({ gcvMJm3: '38.000000', energyGJ: '76' });
    expect(by[cng.points[0].meterNo]).toMatchObject({ gcvMJm3: '35.000000', energyGJ: '0', gcvCarriedFrom: addDays(D, -3) }); // 3 days back, marked as carried
    expect(by[city.points[0].meterNo].gcvCarriedFrom).toBeNull();
    const earlier = await lead.get(`/api/metering/deliveries?customerId=${city.id}&from=${addDays(D, -1)}&to=${addDays(D, -1)}`);
    expect(earlier.body.items.map((i: any) => i.gcvMJm3)).toEqual(['36.000000', '36.000000']); // station has no data that day → field
    expect(earlier.body.items.map((i: any) => i.gcvCarriedFrom)).toEqual([null, null]); // the parent's value of the same day is not carried
  });

  it('is unknown beyond the lookback window (7 days), never a default', async () => {
    expect(await customerGcv(t.db, cng.id, addDays(D, 4))).toBe('35.000000'); // D−3 is 7 days back
    expect(await customerGcv(t.db, cng.id, addDays(D, 5))).toBeNull(); // 8 days back
  });

  it('customer GCV is ΣE/ΣV of the day, or its source’s GCV without deliveries', async () => {
    expect(await customerGcv(t.db, city.id, D)).toBe('38.000000');
    expect(await customerGcv(t.db, city.id, addDays(D, -1))).toBe('36.000000');
    expect(await customerGcv(t.db, cng.id, addDays(D, -4))).toBeNull(); // before any quality data
  });

  it('exports daily volumes per customer for the accounts module', async () => {
    const rows = await dailyVolumesByCustomer(t.db, [city.id, cng.id], addDays(D, -1), D);
    expect(rows).toEqual([
      { customerId: city.id, gasDay: addDays(D, -1), volumeM3: '2000.000', energyGJ: '72' },
      { customerId: city.id, gasDay: D, volumeM3: '1100.000', energyGJ: '41.8' },
      { customerId: cng.id, gasDay: addDays(D, -1), volumeM3: '1000.000', energyGJ: '35' },
      { customerId: cng.id, gasDay: D, volumeM3: '0.000', energyGJ: '0' },
    ]);
    expect(await dailyVolumesByCustomer(t.db, [], D, D)).toEqual([]);
  });
});

describe('gas quality ingest', () => {
  const good = { CH4: '0.9247', C2H6: '0.035', C3H8: '0.0098', iC4H10: '0.0022', nC4H10: '0.0034', iC5H12: '0.0006', nC5H12: '0.0005', C6plus: '0.0003', N2: '0.0175', CO2: '0.006' };

  it('computes GCV/NCV/d/Wobbe from a composition and stores them with it; a report GCV is stored as given', async () => {
    const r = await lead.post('/api/metering/quality', {
      rows: [
        { sourceCode: other.code, gasDay: addDays(D, -20), composition: good },
        { supplySourceId: field.id, gasDay: addDays(D, -20), gcvMJm3: '36.25' },
      ],
    });
    expect(r.status).toBe(200);
    const q = computeQuality(good);
    expect(r.body.items[0]).toMatchObject({ method: 'composition', gcvMJm3: q.gcvMJm3, ncvMJm3: q.ncvMJm3, relativeDensity: q.relativeDensity, wobbeMJm3: q.wobbeMJm3 });
    const list = await lead.get(`/api/metering/quality?supplySourceId=${other.id}&from=${addDays(D, -20)}&to=${addDays(D, -20)}`);
    expect(list.body.items[0].composition).toEqual(good);
    expect(Number(list.body.items[0].gcvMJm3)).toBeGreaterThan(34);
  });

  it('rejects a composition not summing to 1 with an error naming the row, and saves nothing of the batch', async () => {
    const bad = { ...good, CH4: '0.9047' };
    const r = await lead.post('/api/metering/quality', {
      rows: [
        { sourceCode: field.code, gasDay: addDays(D, -21), gcvMJm3: '36' },
        { sourceCode: other.code, gasDay: addDays(D, -21), composition: bad },
      ],
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('METERING_QUALITY_INVALID');
    expect(r.body.details.errors).toEqual([{ row: 2, field: 'composition', code: 'COMPOSITION_SUM_NOT_ONE', message: '第 2 行「组分」：组分摩尔分数之和为 0.98，应为 1' }]);
    const saved = await t.db.selectFrom('gas_quality').select('gcv_mj_m3').where('gas_day', '=', addDays(D, -21)).execute();
    expect(saved).toEqual([]);
  });

  it('validates GCV, unknown sources and both-or-neither', async () => {
    const r = await lead.post('/api/metering/quality', {
      rows: [
        { sourceCode: 'NOPE', gasDay: D, gcvMJm3: '36' },
        { sourceCode: field.code, gasDay: D, gcvMJm3: '360' },
        { sourceCode: field.code, gasDay: addDays(D, -1) },
      ],
    });
    expect(r.body.details.errors.map((e: any) => e.code)).toEqual(['UNKNOWN_SOURCE', 'GCV_RANGE', 'GCV_XOR_COMPOSITION']);
    expect((await am.post('/api/metering/quality', { rows: [{ sourceCode: field.code, gasDay: D, gcvMJm3: '36' }] })).status).toBe(403);
  });

  it('addresses a source by id alone, by code alone, or by both (an id-only request answered 500 before)', async () => {
    const byId = await lead.post('/api/metering/quality', { rows: [{ supplySourceId: field.id, gasDay: addDays(D, -30), gcvMJm3: '36.10' }] });
    expect(byId.status).toBe(200);
    expect(byId.body.items[0]).toMatchObject({ supplySourceId: field.id, gcvMJm3: '36.1' });
    const byCode = await lead.post('/api/metering/quality', { rows: [{ sourceCode: field.code, gasDay: addDays(D, -31), gcvMJm3: '36.20' }] });
    expect(byCode.body.items[0]).toMatchObject({ supplySourceId: field.id });
    const both = await lead.post('/api/metering/quality', { rows: [{ supplySourceId: other.id, sourceCode: other.code, gasDay: addDays(D, -32), gcvMJm3: '36.30' }] });
    expect(both.body.items[0]).toMatchObject({ supplySourceId: other.id });
    const unknownId = await lead.post('/api/metering/quality', { rows: [{ supplySourceId: 999_999, gasDay: addDays(D, -33), gcvMJm3: '36' }] });
    expect(unknownId.status).toBe(422);
    expect(unknownId.body.details.errors.map((e: any) => e.code)).toEqual(['UNKNOWN_SOURCE']);
  });
});

describe('daily usage board', () => {
  it('flags missing data, zero use, jumps and volumes above the contract maximum', async () => {
    const r = await lead.get(`/api/metering/board?day=${D}&sort=name&order=asc&pageSize=100`);
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.items.filter((i: any) => [city.id, ind.id, cng.id].includes(i.customerId)).map((i: any) => [i.customerId, i]));
    expect(by[city.id]).toMatchObject({ flags: ['missing'], volumeM3: '1100.000', reportedPoints: 1, pointCount: 2, avgM3: '2000.000', planM3: '2200.000', planDeviationPct: null, changePct: null });
    expect(by[ind.id]).toMatchObject({
      flags: ['jump', 'above_max'],
      volumeM3: '2000.000',
      avgM3: '1000.000',
      changePct: '100.0',
      dailyMaxM3: '1500.000',
      planM3: '2000.000',
      energyGJ: '76.000',
      gcvMJm3: '38.0000',
      dailyMaxGJ: '57.000',
    });
    expect(by[cng.id]).toMatchObject({ flags: ['zero', 'jump'], volumeM3: '0.000', planM3: null, dailyMaxM3: null, gcvMJm3: '35.0000', gcvCarriedFrom: addDays(D, -3) });
    expect(by[ind.id].gcvCarriedFrom).toBeNull();
    expect(r.body.summary.flags).toMatchObject({ missing: 1, zero: 1, jump: 2, above_max: 1 });
  });

  it('shows missing as missing, never as zero', async () => {
    const r = await lead.get(`/api/metering/board?day=${addDays(D, 1)}&pageSize=100`);
    const i = r.body.items.find((x: any) => x.customerId === ind.id);
    expect(i).toMatchObject({ volumeM3: null, energyGJ: null, flags: ['missing'] });
  });

  it('filters and sorts, also by energy', async () => {
    const jumps = await lead.get(`/api/metering/board?day=${D}&flag=jump&sort=volume&order=desc`);
    expect(jumps.body.items.map((i: any) => i.customerId)).toEqual([ind.id, cng.id]);
    const byType = await lead.get(`/api/metering/board?day=${D}&type=city_gas`);
    expect(byType.body.items.map((i: any) => i.customerId)).toEqual([city.id]);
    const gj = await lead.get(`/api/metering/board?day=${D}&sort=volume&order=asc&unit=gj`);
    expect(gj.body.items.map((i: any) => i.customerId)).toEqual([cng.id, city.id, ind.id]);
  });

  it('an account manager sees only the customers in their responsibility; the sales lead sees all', async () => {
    const mine = await am.get(`/api/metering/board?day=${D}`);
    expect(mine.body.items.map((i: any) => i.customerId)).toEqual([city.id]);
    expect((await lead.get(`/api/metering/board?day=${D}`)).body.total).toBe(3);
    expect((await am.get(`/api/metering/customers/${ind.id}/usage?from=${D}&to=${D}`)).status).toBe(403);
    expect((await am.get(`/api/metering/deliveries?from=${D}&to=${D}`)).body.items.every((i: any) => i.customerId === city.id)).toBe(true);
    const agg = await am.get(`/api/metering/aggregate?groupBy=type&from=${D}&to=${D}`);
    expect(agg.body.rows).toEqual([{ month: D.slice(0, 7), group: 'city_gas', volumeM3: '1100.000', energyGJ: '41.8', customers: 1 }]);
  });

  it('uses the configured jump percentage', async () => {
    expect((await am.put('/api/metering/settings', { jumpPct: '150' })).status).toBe(403);
    expect((await lead.put('/api/metering/settings', { jumpPct: '150' })).body.jumpPct).toBe('150');
    const r = await lead.get(`/api/metering/board?day=${D}`);
    expect(r.body.items.find((i: any) => i.customerId === ind.id).flags).toEqual(['above_max']);
    await lead.put('/api/metering/settings', { jumpPct: '30' });
  });

  it('exports the board to Excel in the chosen unit', async () => {
    const r = await lead.get(`/api/metering/board/export?day=${D}&unit=wan&sort=name&order=asc`);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as any);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('单位：万方');
    expect(ws.getCell('F2').value).toBe('日用气量(万方)');
    const row = ws.getRows(3, 3)!.find((x) => x.getCell(1).value === ind.code)!;
    expect(row.getCell(6).value).toBe(0.2);
    expect(ws.getCell('H2').value).toBe('日指定(万方)');
    expect(row.getCell(16).value).toBe('波动异常、超合同日最大量');
    // a GCV carried forward from an earlier day is marked with the day it came from (issue 9 item 8)
    expect(ws.getCell('N2').value).toBe('发热量沿用自（气日）');
    expect(row.getCell(14).value).toBeNull();
    const carried = ws.getRows(3, ws.rowCount - 2)!.find((x) => x.getCell(1).value === cng.code)!;
    expect(carried.getCell(14).value).toBe(addDays(D, -3));
  });

  it('exports the board in English with English headers and list separators', async () => {
    const leadEn = await t.userClient(['sales_lead'], { lang: 'en' });
    const r = await leadEn.get(`/api/metering/board/export?day=${D}&unit=m3&sort=name&order=asc`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as any);
    const ws = wb.worksheets[0];
    expect(ws.getCell('N2').value).toBe('GCV carried from (gas day)');
    const row = ws.getRows(3, ws.rowCount - 2)!.find((x) => x.getCell(1).value === ind.code)!;
    expect(row.getCell(16).value).toBe('Jump, Above contract max');
  });
});

describe('customer usage', () => {
  it('gives daily values with the previous year alongside, missing days as null', async () => {
    const r = await lead.get(`/api/metering/customers/${city.id}/usage?granularity=day&from=${addDays(D, -1)}&to=${addDays(D, 1)}`);
    expect(r.status).toBe(200);
    expect(r.body.series.map((s: any) => [s.period, s.volumeM3, s.energyGJ, s.prevYearVolumeM3])).toEqual([
      [addDays(D, -1), '2000.000', '72', null],
      [D, '1100.000', '41.8', null],
      [addDays(D, 1), null, null, null],
    ]);
    // counted per point-day (issue 9 item 8): the day on which point 2 is missing is not a day with data
    expect(r.body.total).toMatchObject({ volumeM3: '3100.000', energyGJ: '113.8', daysWithData: 1, days: 3, pointDaysWithData: 3, pointDays: 6 });
    expect(r.body.series.map((s: any) => [s.daysWithData, s.missingPoints])).toEqual([
      [1, 0],
      [0, 1],
      [0, 2],
    ]);
    expect(r.body.points).toHaveLength(2);
  });

  it('gives monthly totals with the weighted GCV and exports them in GJ', async () => {
    const r = await lead.get(`/api/metering/customers/${ind.id}/usage?granularity=month&from=${addDays(D, -7)}&to=${D}`);
    const total = r.body.total;
    expect(total.volumeM3).toBe('9000.000');
    const x = await lead.get(`/api/metering/customers/${ind.id}/usage/export?granularity=day&from=${D}&to=${D}&unit=gj`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as any);
    expect(wb.worksheets[0].getCell('B2').value).toBe('用气量(GJ)');
    expect(wb.worksheets[0].getCell('B3').value).toBe(76);
  });
});
