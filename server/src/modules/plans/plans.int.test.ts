/**
 * Sales plans and nominations through HTTP: a version whose months must sum to the target (or a
 * flagged deviation), allocation to operation areas and customers with exact roll-ups, approval
 * and locking, managers' proposals, the ledger against metering data (+ Excel), nominations
 * entered/imported/refused, accuracy and the `nominations` capability.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer, setCustomerFields } from '../customers/testing/factory';
import { upsertNominations } from './plans.repo';
import { downloadName } from '../../../test/pdf-text';

let t: TestApp;
let lead: Client, am: Client, viewer: Client;
let lz: { id: number; code: string }, yb: { id: number; code: string }, cq: { id: number; code: string };
let versionId: number;
// last year by the clock: fully in the past and inside metering's two-year import window on any date
const Y = new Date().getUTCFullYear() - 1;
const months = (vols: string[]) => vols.map((v, i) => ({ month: i + 1, volumeM3: v, revenueFen: 100_000 }));
const twelve = (v: string) => Array.from({ length: 12 }, () => v);

async function withPoint(c: { id: number }, meterNo: string) {
  const r = await lead.post(`/api/customers/${c.id}/delivery-points`, { name: `${meterNo}分输站`, kind: 'distribution_station', meterNo });
  expect(r.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  viewer = await t.userClient(['viewer']);
  for (const d of ['泸州作业区', '宜宾作业区', '重庆作业区']) await t.userClient(['operation_area'], { department: d });
  lz = await createCustomer(lead, { name: '泸州某化工有限公司', type: 'chemical', priceCategory: 'industrial', city: '泸州市', county: '纳溪区' });
  yb = await createCustomer(lead, { name: '宜宾某燃气有限公司', type: 'city_gas', priceCategory: 'residential', city: '宜宾市', county: '翠屏区' });
  cq = await createCustomer(lead, { name: '永川某陶瓷有限公司', type: 'industrial', priceCategory: 'industrial', province: '重庆市', city: '永川区', county: null });
  await lead.post(`/api/customers/${lz.id}/managers`, { userId: am.userId, kind: 'full_time' });
  await withPoint(lz, 'PL-LZ-1');
  await withPoint(yb, 'PL-YB-1');
  await withPoint(cq, 'PL-CQ-1');
  // actuals: Jan and Feb 2031
  const rows: any[] = [];
  for (let d = 1; d <= 31; d++) rows.push({ meterNo: 'PL-LZ-1', gasDay: `${Y}-01-${String(d).padStart(2, '0')}`, volumeM3: '1000.5' });
  for (let d = 1; d <= 28; d++) rows.push({ meterNo: 'PL-YB-1', gasDay: `${Y}-02-${String(d).padStart(2, '0')}`, volumeM3: '2000' });
  rows.push({ meterNo: 'PL-CQ-1', gasDay: `${Y}-01-15`, volumeM3: '500.125' });
  const r = await lead.post('/api/metering/deliveries/batch', { rows });
  expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
});
afterAll(async () => t?.close());

describe('sales plan versions', () => {
  it('refuses monthly plans that do not sum to the target unless flagged, and writes nothing', async () => {
    const bad = await lead.post('/api/plans/versions', { year: Y, kind: 'initial', targetVolumeM3: '1200000', targetRevenueFen: 1_200_000, months: months(twelve('99999.999')) });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('PLAN_MONTHS_NOT_SUM');
    expect(bad.body.message).toContain('1199999.988');
    expect(bad.body.message).toContain('-0.012');
    expect((await lead.get(`/api/plans/versions?year=${Y}`)).body).toEqual([]);
    const flagged = await lead.post('/api/plans/versions', {
      year: Y,
      kind: 'initial',
      targetVolumeM3: '1200000',
      targetRevenueFen: 1_200_000,
      months: months(twelve('99999.999')),
      acceptDeviation: true,
      deviationNote: '四舍五入',
    });
    expect(flagged.status).toBe(201);
    expect(flagged.body).toMatchObject({ deviationFlag: true, deviationNote: '四舍五入', monthsSumM3: '1199999.988', monthsDiffM3: '-0.012', status: 'draft', seq: 1 });
    versionId = flagged.body.id;
    const exact = await lead.put(`/api/plans/versions/${versionId}`, { targetVolumeM3: '1200000', targetRevenueFen: 1_200_000, months: months(twelve('100000')) });
    expect(exact.body).toMatchObject({ deviationFlag: false, deviationNote: null, monthsDiffM3: '0.000' });
    expect((await am.post('/api/plans/versions', { year: Y + 1, kind: 'initial', targetVolumeM3: '0', targetRevenueFen: 0, months: months(twelve('0')) })).status).toBe(403);
  });

  it('allocates to areas and customers with exact roll-ups; approval needs the areas to add up', async () => {
    const areas = (await lead.get('/api/plans/areas')).body;
    expect(areas).toEqual(['宜宾作业区', '泸州作业区', '重庆作业区']);
    const unknown = await lead.put(`/api/plans/versions/${versionId}/areas`, { allocations: [{ month: 1, area: '成都作业区', volumeM3: '1' }] });
    expect(unknown.status).toBe(400);
    const allocs = [];
    for (let m = 1; m <= 12; m++)
      allocs.push(
        { month: m, area: '泸州作业区', volumeM3: '50000.001' },
        { month: m, area: '宜宾作业区', volumeM3: '29999.999' },
        { month: m, area: '重庆作业区', volumeM3: m === 3 ? '19999' : '20000' },
      );
    const a = await lead.put(`/api/plans/versions/${versionId}/areas`, { allocations: allocs });
    expect(a.body.areaGaps).toEqual([{ month: 3, planM3: '100000.000', allocatedM3: '99999.000' }]);
    const refused = await lead.post(`/api/plans/versions/${versionId}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PLAN_AREAS_NOT_SUM');
    allocs.find((x) => x.month === 3 && x.area === '重庆作业区')!.volumeM3 = '20000';
    expect((await lead.put(`/api/plans/versions/${versionId}/areas`, { allocations: allocs })).body.areaGaps).toEqual([]);
    const cust = [];
    for (let m = 1; m <= 12; m++)
      cust.push(
        { customerId: lz.id, month: m, area: '泸州作业区', volumeM3: '30000' },
        { customerId: yb.id, month: m, area: '宜宾作业区', volumeM3: '25000.25' },
        { customerId: cq.id, month: m, area: '重庆作业区', volumeM3: '10000' },
      );
    const c = await lead.put(`/api/plans/versions/${versionId}/customers`, { allocations: cust });
    expect(c.status).toBe(200);
    expect(c.body.customerCount).toBe(3);
    expect(c.body.months[0]).toMatchObject({ month: 1, volumeM3: '100000.000', areasM3: '100000.000', customersM3: '65000.250' });
    expect(c.body.areas.find((x: any) => x.month === 1 && x.area === '宜宾作业区')).toMatchObject({ volumeM3: '29999.999', customersM3: '25000.250' });
  });

  it('approves and locks the version; an adjusted version supersedes it', async () => {
    const ok = await lead.post(`/api/plans/versions/${versionId}/approve`);
    expect(ok.body.status).toBe('approved');
    const locked = await lead.put(`/api/plans/versions/${versionId}`, { targetVolumeM3: '1', targetRevenueFen: 1, months: months(twelve('0')), acceptDeviation: true, deviationNote: 'x' });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toBe(`计划版本（${Y}年 第1版）已批准并锁定，不能修改；请新建“调整”版本`);
    expect((await lead.put(`/api/plans/versions/${versionId}/areas`, { allocations: [] })).status).toBe(409);
    expect((await lead.post('/api/plans/versions', { year: Y, kind: 'initial', targetVolumeM3: '0', targetRevenueFen: 0, months: months(twelve('0')) })).body.code).toBe('PLAN_INITIAL_EXISTS');
    const adj = await lead.post('/api/plans/versions', { year: Y + 5, kind: 'adjusted', targetVolumeM3: '0', targetRevenueFen: 0, months: months(twelve('0')) });
    expect(adj.body.code).toBe('PLAN_NO_APPROVED');
  });
});

describe('proposals and the plan ledger', () => {
  it('managers propose per customer and month; the roll-up sums them by month and area', async () => {
    expect((await am.put('/api/plans/proposals', { customerId: lz.id, month: `${Y}-03`, volumeM3: '31000.5' })).status).toBe(204);
    expect((await am.put('/api/plans/proposals', { customerId: lz.id, month: `${Y}-04`, volumeM3: '29000' })).status).toBe(204);
    expect((await am.put('/api/plans/proposals', { customerId: yb.id, month: `${Y}-03`, volumeM3: '1' })).status).toBe(403);
    expect((await lead.put('/api/plans/proposals', { customerId: yb.id, month: `${Y}-03`, volumeM3: '26000' })).status).toBe(204);
    const mine = (await am.get(`/api/plans/proposals?year=${Y}`)).body;
    expect(mine.items).toHaveLength(2);
    const all = (await lead.get(`/api/plans/proposals?year=${Y}`)).body;
    expect(all.byMonth).toEqual([
      { month: `${Y}-03`, volumeM3: '57000.500', customers: 2 },
      { month: `${Y}-04`, volumeM3: '29000.000', customers: 1 },
    ]);
    expect(all.byArea).toEqual([
      { area: '宜宾作业区', volumeM3: '26000.000' },
      { area: '泸州作业区', volumeM3: '60000.500' },
    ]);
  });

  it('compares plan with metering by month with YTD, and by area, type and customer', async () => {
    const m = (await viewer.get(`/api/plans/ledger?year=${Y}&groupBy=month`)).body;
    expect(m.versionId).toBe(versionId);
    expect(m.rows[0]).toEqual({
      key: '1',
      label: '1月',
      planM3: '100000.000',
      actualM3: '31515.625',
      deviationM3: '-68484.375',
      deviationPct: '-68.48',
      ytdPlanM3: '100000.000',
      ytdActualM3: '31515.625',
      ytdDeviationM3: '-68484.375',
      ytdDeviationPct: '-68.48',
    });
    expect(m.rows[1]).toMatchObject({ key: '2', actualM3: '56000.000', ytdPlanM3: '200000.000', ytdActualM3: '87515.625', ytdDeviationPct: '-56.24' });
    expect(m.series).toHaveLength(12);
    expect(m.actualThrough).toBe(`${Y}-02`);
    const area = (await viewer.get(`/api/plans/ledger?year=${Y}&groupBy=area&month=2`)).body;
    expect(area.rows.find((r: any) => r.key === '宜宾作业区')).toMatchObject({
      planM3: '29999.999',
      actualM3: '56000.000',
      deviationM3: '26000.001',
      ytdPlanM3: '59999.998',
      ytdActualM3: '56000.000',
    });
    const type = (await viewer.get(`/api/plans/ledger?year=${Y}&groupBy=type&month=1`)).body;
    expect(type.rows.find((r: any) => r.key === 'chemical')).toMatchObject({ label: '化工', planM3: '30000.000', actualM3: '31015.500', deviationM3: '1015.500', deviationPct: '3.39' });
    const cust = (await am.get(`/api/plans/ledger?year=${Y}&groupBy=customer`)).body;
    expect(cust.rows).toEqual([expect.objectContaining({ key: String(lz.id), label: '泸州某化工有限公司', planM3: '360000.000', actualM3: '31015.500' })]);
  });

  it('exports the ledger to Excel', async () => {
    const r = await lead.get(`/api/plans/ledger/export.xlsx?year=${Y}&groupBy=month`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.body) as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).getCell(2).value).toBe('计划(m³)');
    expect(ws.getRow(3).values).toEqual([undefined, '1月', 100000, 31515.625, -68484.375, -68.48, 100000, 31515.625, -68484.375, -68.48]);
  });
});

describe('daily nominations', () => {
  const future = '2099-01-10';
  it('are entered by the manager and posted by API; refused past the cut-off and for closed customers', async () => {
    const r = await am.post('/api/plans/nominations', { items: [{ customerId: lz.id, gasDay: future, volumeM3: '1200.5' }] });
    expect(r.body).toEqual({ saved: 1 });
    expect((await am.post('/api/plans/nominations', { items: [{ customerId: yb.id, gasDay: future, volumeM3: '1' }] })).status).toBe(403);
    const past = await lead.post('/api/plans/nominations', { items: [{ customerId: yb.id, gasDay: '2025-01-05', volumeM3: '1' }] });
    expect(past.status).toBe(409);
    expect(past.body.code).toBe('NOM_PAST_CUTOFF');
    const closed = await createCustomer(lead, { name: '已销户测试公司' });
    expect((await lead.post(`/api/customers/${closed.id}/transitions`, { to: 'closed', reason: '项目取消' })).status).toBe(200);
    const refused = await lead.post('/api/plans/nominations', {
      items: [
        { customerId: yb.id, gasDay: future, volumeM3: '5' },
        { customerId: closed.id, gasDay: future, volumeM3: '5' },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOM_CUSTOMER_CLOSED');
    expect((await lead.get(`/api/plans/nominations?customerId=${yb.id}&from=${future}&to=${future}`)).body).toEqual([]);
  });

  it('imports a CSV all or nothing, and reports row errors', async () => {
    const csv = `客户编号,燃气日,指定气量(m³)\n${lz.code},2099-01-11,1300\n${yb.code},2099-01-11,2500.25\n`;
    const f = new FormData();
    f.append('file', new Blob([csv]), 'nominations.csv');
    const ok = await lead.req('POST', '/api/plans/nominations/import', f);
    expect(ok.body).toEqual({ imported: 2, errors: [] });
    const bad = `客户编号,燃气日,指定气量(m³)\n${lz.code},2099-01-12,1300\nKH-NONE,2099-01-12,5\n${yb.code},2099-13-01,-1\n`;
    const g = new FormData();
    g.append('file', new Blob([bad]), 'bad.csv');
    const r = await lead.req('POST', '/api/plans/nominations/import', g);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('NOM_IMPORT_INVALID');
    expect(r.body.details.errors.map((e: any) => [e.row, e.field])).toEqual([
      [3, 'customerCode'],
      [4, 'gasDay'],
      [4, 'volumeM3'],
    ]);
    const list = (await lead.get(`/api/plans/nominations?from=2099-01-10&to=2099-01-12`)).body;
    expect(list.map((n: any) => [n.customerId, n.gasDay, n.volumeM3, n.source])).toEqual([
      [lz.id, '2099-01-10', '1200.500', 'api'],
      [lz.id, '2099-01-11', '1300.000', 'import'],
      [yb.id, '2099-01-11', '2500.250', 'import'],
    ]);
  });

  it('reports every row error of an import as row-by-row checking did, and refuses out-of-scope, closed and past rows set-wise', async () => {
    const post = (c: Client, lines: string[]) => {
      const f = new FormData();
      f.append('file', new Blob([['客户编号,燃气日,指定气量(m³)', ...lines].join('\n')]), 'report.csv');
      return c.req('POST', '/api/plans/nominations/import', f);
    };
    // unknown and empty codes, a bad day and volume with an unknown code (all three in one row), an
    // unreadable row that does not count as the first of its customer-day, a pair and a triple
    const r = await post(lead, [
      `${lz.code},2099-03-20,5`, // 2 first
      `${lz.code},2099-03-20,6`, // 3 duplicate
      'KH-NONE,2099-13-01,x', // 4 day, volume, code
      ',2099-03-21,7', // 5 empty code
      `${yb.code},2099-03-21,-1`, // 6 volume (not the first of yb 03-21)
      `${yb.code},2099-03-21,8`, // 7 first
      `${yb.code},2099-03-21,9`, // 8 duplicate
      `${lz.code},2099-03-20,10`, // 9 duplicate (a triple)
      `${lz.code},2099-03-22,11`, // 10 fine
    ]);
    expect(r.status).toBe(400);
    const dup = '同一客户同一燃气日重复';
    expect(r.body.details.errors).toEqual([
      { row: 3, field: 'gasDay', message: dup },
      { row: 4, field: 'gasDay', message: '燃气日无效（YYYY-MM-DD）' },
      { row: 4, field: 'volumeM3', message: '气量无效（非负数，最多 3 位小数）' },
      { row: 4, field: 'customerCode', message: '客户编号不存在: KH-NONE' },
      { row: 5, field: 'customerCode', message: '客户编号不存在: ' },
      { row: 6, field: 'volumeM3', message: '气量无效（非负数，最多 3 位小数）' },
      { row: 8, field: 'gasDay', message: dup },
      { row: 9, field: 'gasDay', message: dup },
    ]);
    expect(r.body.message).toContain('8');
    // all valid, but one customer outside the manager's scope / one closed / a day past its cut-off: nothing written
    expect((await post(am, [`${lz.code},2099-03-23,1`, `${yb.code},2099-03-23,1`])).status).toBe(403);
    const closed = await createCustomer(lead, { name: '已销户导入测试公司' });
    expect((await lead.post(`/api/customers/${closed.id}/transitions`, { to: 'closed', reason: '项目取消' })).status).toBe(200);
    const c = await post(lead, [`${lz.code},2099-03-23,1`, `${closed.code},2099-03-23,1`]);
    expect([c.status, c.body.code]).toEqual([409, 'NOM_CUSTOMER_CLOSED']);
    expect(c.body.message).toContain(closed.code);
    const past = await post(lead, [`${lz.code},2099-03-23,1`, `${yb.code},2025-01-05,1`]);
    expect([past.status, past.body.code]).toEqual([409, 'NOM_PAST_CUTOFF']);
    expect((await lead.get('/api/plans/nominations?from=2099-03-20&to=2099-03-23')).body).toEqual([]);
    expect((await post(am, [`${lz.code},2099-03-23,1.5`])).body).toEqual({ imported: 1, errors: [] });
  });

  it('limits the rows of one import (NOMINATION_IMPORT_MAX_ROWS, header not counted) and writes nothing past it', async () => {
    const config = t.built.ctx.config;
    const before = config.nominationImportMaxRows;
    config.nominationImportMaxRows = 2;
    try {
      const file = (n: number) => {
        const lines = ['客户编号,燃气日,指定气量(m³)', ...Array.from({ length: n }, (_, i) => `${lz.code},2099-02-${String(i + 1).padStart(2, '0')},10${i}`)];
        const f = new FormData();
        f.append('file', new Blob([lines.join('\r\n') + '\r\n']), 'limit.csv');
        return f;
      };
      // exactly at the limit: 2 rows of 3 columns (each row counts once, not once per field)
      expect((await lead.req('POST', '/api/plans/nominations/import', file(2))).body).toEqual({ imported: 2, errors: [] });
      const over = await lead.req('POST', '/api/plans/nominations/import', file(3));
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ code: 'NOM_IMPORT_TOO_MANY_ROWS', message: '一次最多导入 2 条日指定（不含表头；上限由 NOMINATION_IMPORT_MAX_ROWS 配置），请拆分文件' });
      expect((await lead.get(`/api/plans/nominations?customerId=${lz.id}&from=2099-02-03&to=2099-02-03`)).body).toEqual([]);
    } finally {
      config.nominationImportMaxRows = before;
    }
  });

  it('gives the import template in the user’s language and accepts either language’s headers', async () => {
    const zh = await lead.get('/api/plans/nominations/template?format=csv');
    expect(String(zh.body).replace(/^\uFEFF/, '')).toBe('客户编号,燃气日,指定气量(m³)\r\n');
    expect(downloadName(zh.headers.get('content-disposition'))).toBe('日指定导入模板.csv');
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const x = await en.get('/api/plans/nominations/template');
    expect(downloadName(x.headers.get('content-disposition'))).toBe('nomination-import-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as any);
    expect(wb.worksheets[0].name).toBe('Nominations');
    expect((wb.worksheets[0].getRow(1).values as any[]).slice(1)).toEqual(['Customer code', 'Gas day', 'Nominated volume (m³)']);
    // the English headers imported by a Chinese user, the Chinese ones by an English user
    const up = async (c: Client, text: string) => {
      const f = new FormData();
      f.append('file', new Blob([text]), 'n.csv');
      return (await c.req('POST', '/api/plans/nominations/import', f)).body;
    };
    expect(await up(lead, `Customer code,Gas day,Nominated volume (m³)\n${lz.code},2099-02-01,100\n`)).toEqual({ imported: 1, errors: [] });
    expect(await up(en, `客户编号,燃气日,指定气量(m³)\n${lz.code},2099-02-02,200\n`)).toEqual({ imported: 1, errors: [] });
  });

  it('provides the nominations capability and computes accuracy against metering', async () => {
    const port = t.built.ctx.capabilities.nominations!;
    expect(await port.nominations(t.db, [yb.id], '2099-01-01', '2099-01-31')).toEqual([{ customerId: yb.id, gasDay: '2099-01-11', volumeM3: '2500.250' }]);
    // Nominations for past days go in directly (the cut-off applies to users); Feb 2031: yb took 2000/day.
    await upsertNominations(
      t.db,
      [
        { customerId: yb.id, gasDay: `${Y}-02-01`, volumeM3: '2500' },
        { customerId: yb.id, gasDay: `${Y}-02-02`, volumeM3: '1500' },
        { customerId: yb.id, gasDay: `${Y}-03-05`, volumeM3: '1000' },
      ],
      'manual',
      null,
    );
    const acc = (await lead.get(`/api/plans/nominations/accuracy?month=${Y}-02`)).body;
    expect(acc).toEqual([
      { customerId: yb.id, customerCode: yb.code, customerName: '宜宾某燃气有限公司', daysNominated: 2, daysCompared: 2, nominatedM3: '4000.000', actualM3: '4000.000', errorPct: '25.00' },
    ]);
  });

  it('show on the daily usage board: the deviation is against the nomination where one exists, else the plan', async () => {
    // yb: 2000 m³ on both days; nominations 2500 (${Y}-02-01) and 1500 (${Y}-02-02) from the test above.
    await setCustomerFields(t.db, yb.id, { status: 'active' }); // the board shows supplied customers
    const day1 = (await lead.get(`/api/metering/board?day=${Y}-02-01&q=${encodeURIComponent('宜宾某燃气')}`)).body;
    expect(day1.items, JSON.stringify(day1).slice(0, 400)).toHaveLength(1);
    expect(day1.items[0]).toMatchObject({ customerId: yb.id, volumeM3: '2000.000', nominationM3: '2500.000', planBasis: 'nomination', planDeviationPct: '-20.0' });
    const day2 = (await lead.get(`/api/metering/board?day=${Y}-02-02&q=${encodeURIComponent('宜宾某燃气')}`)).body;
    expect(day2.items[0]).toMatchObject({ nominationM3: '1500.000', planBasis: 'nomination', planDeviationPct: '33.3' });
    // No nomination on ${Y}-02-03 and no metering plan: nothing to compare with.
    const day3 = (await lead.get(`/api/metering/board?day=${Y}-02-03&q=${encodeURIComponent('宜宾某燃气')}`)).body;
    expect(day3.items[0]).toMatchObject({ volumeM3: '2000.000', nominationM3: null, planBasis: null, planDeviationPct: null });
  });
});
