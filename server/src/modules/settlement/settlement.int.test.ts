import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { chineseIn, downloadName, pdfText } from '../../../test/pdf-text';
import { balanceFen, contract, customerWithPoint, dailyRun, deliver, yearMonths } from './test/factory';

// Metering imports only the last two years: the tests use last year's months (each fixed within the year).
const Y = new Date().getUTCFullYear() - 1;
let t: TestApp;
let admin: Client;
let lead: Client;
let finance: Client;
let a: Awaited<ReturnType<typeof customerWithPoint>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  // price book: benchmark 2.00 + 20 % cap; contract gas for industrial 2.30; reference prices
  expect((await lead.post('/api/pricing/benchmarks', { effectiveFrom: `${Y}-01-01`, price: '2.0000', floatCapPct: '20' })).status).toBe(201);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3000', effectiveFrom: `${Y}-01-01` })).status).toBe(201);
  for (const month of [`${Y}-03`, `${Y}-04`]) expect((await lead.put('/api/pricing/reference-prices', { month, price: '3.0000' })).status).toBe(200);
  a = await customerWithPoint(admin);
  expect((await admin.put(`/api/accounts/customers/${a.id}/prices`, { effectiveFrom: `${Y}-01-01`, price: '2.0000' })).status).toBe(200);
  await contract(lead, { customerId: a.id, contractNo: `HT-A-${a.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, months: yearMonths(Y, '1000') });
});
afterAll(async () => t?.close());

describe('price book', () => {
  it('refuses a non-residential price above the benchmark float cap and keeps history append-only', async () => {
    const over = await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.4001', effectiveFrom: `${Y}-06-01` });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('PRICE_ABOVE_CAP');
    expect(over.body.message).toContain('2.4000');
    const dup = await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3500', effectiveFrom: `${Y}-01-01` });
    expect(dup.status).toBe(409);
    const five = await lead.post('/api/pricing/prices', { tag: 'contract', category: 'residential', price: '2.12345', effectiveFrom: `${Y}-01-01` });
    expect(five.status).toBe(400);
    expect((await finance.post('/api/pricing/prices', { tag: 'contract', category: 'cng', price: '2.1', effectiveFrom: `${Y}-01-01` })).status).toBe(403);
    const nul = await lead.post('/api/pricing/prices', { tag: 'contract', category: 'cng', price: '2.1', effectiveFrom: `${Y}-01-01`, note: 'a\u0000b' });
    expect(nul.status).toBe(400);
  });

  it('sends a price-change notice to the category’s customers when the notices module is present', async () => {
    const am = await t.userClient(['account_manager']);
    expect((await lead.post(`/api/customers/${a.id}/managers`, { userId: am.userId, kind: 'full_time' })).status).toBe(200);
    for (const to of ['survey', 'review', 'contracted']) {
      const tr = await lead.post(`/api/customers/${a.id}/transitions`, { to, reason: '签约' });
      expect(tr.status, JSON.stringify(tr.body)).toBe(200);
    }
    const sent: any[] = [];
    const caps = t.built.ctx.capabilities;
    caps.notices = { send: async (_ctx, _trx, draft) => (sent.push(draft), { noticeId: 1, recipients: draft.customerIds.length }) };
    try {
      const r = await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3500', effectiveFrom: `${Y}-09-01` });
      expect(r.status).toBe(201);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'price_change', requireReceipt: true });
      expect(sent[0].customerIds).toContain(a.id);
      expect(r.body.notified).toBe(sent[0].customerIds.length);
    } finally {
      delete caps.notices;
    }
  });
});

describe('contracts', () => {
  it('refuses missing monthly volumes and overlapping contracts, writing nothing', async () => {
    const b = await customerWithPoint(admin);
    const missing = await lead.post('/api/contracts', {
      customerId: b.id,
      contractNo: `HT-M-${b.id}`,
      yearLabel: `${Y}年度`,
      startMonth: `${Y}-01`,
      endMonth: `${Y}-12`,
      months: yearMonths(Y, '10').filter((m) => m.month !== `${Y}-07` && m.month !== `${Y}-09`),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('CONTRACT_MONTHS_MISSING');
    expect(missing.body.message).toContain(`${Y}-07、${Y}-09`);
    const overlap = await lead.post('/api/contracts', {
      customerId: a.id,
      contractNo: `HT-O-${a.id}`,
      yearLabel: `${Y}-${Y + 1}年度`,
      startMonth: `${Y}-11`,
      endMonth: `${Y + 1}-10`,
      months: [...yearMonths(Y, '1'), ...yearMonths(Y + 1, '1')].filter((m) => m.month >= `${Y}-11` && m.month <= `${Y + 1}-10`),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('CONTRACT_OVERLAP');
    const list = await lead.get(`/api/contracts?customerId=${b.id}`);
    expect(list.body.total).toBe(0);
  });

  it('amends monthly volumes from a month as a new version, shows the year view with the τ flag', async () => {
    const b = await customerWithPoint(admin);
    const id = await contract(lead, {
      customerId: b.id,
      contractNo: `HT-V-${b.id}`,
      yearLabel: `${Y}年度`,
      startMonth: `${Y}-01`,
      endMonth: `${Y}-03`,
      months: [
        { month: `${Y}-01`, quantity: '100' },
        { month: `${Y}-02`, quantity: '100' },
        { month: `${Y}-03`, quantity: '100' },
      ],
    });
    const am = await lead.post(`/api/contracts/${id}/amendments`, {
      effectiveMonth: `${Y}-02`,
      reason: '客户扩产',
      months: [
        { month: `${Y}-02`, quantity: '150' },
        { month: `${Y}-03`, quantity: '160' },
      ],
    });
    expect(am.status).toBe(201);
    const d = await lead.get(`/api/contracts/${id}`);
    expect(d.body.months.map((m: any) => [m.month, m.quantity, m.version])).toEqual([
      [`${Y}-01`, '100.000', 1],
      [`${Y}-02`, '150.000', 2],
      [`${Y}-03`, '160.000', 2],
    ]);
    await deliver(admin, b.meterNo, [
      [`${Y}-01-05`, '111'],
      [`${Y}-02-05`, '150'],
    ]);
    const y = await lead.get(`/api/contracts/${id}/year-view`);
    expect(y.body.months.map((m: any) => [m.month, m.actual, m.overTake])).toEqual([
      [`${Y}-01`, '111.000', true],
      [`${Y}-02`, '150.000', false],
      [`${Y}-03`, null, false],
    ]);
  });
});

describe('monthly settlement', () => {
  it('settles base at the contract price and the rest as 额外气 at the reference price, and trues up the ledger', async () => {
    await deliver(admin, a.meterNo, [
      [`${Y}-03-01`, '600'],
      [`${Y}-03-02`, '600'],
    ]);
    await dailyRun(admin, [`${Y}-03-01`, `${Y}-03-02`]);
    // daily charges are priced at the contract price of the base tag (2.30; the provisional 2.00 is only a fallback)
    expect(await balanceFen(finance, a.id)).toBe(-lineAmountFen('1200', '2.3000'));
    const r = await finance.post(`/api/settlement/months/${Y}-03/run`);
    expect(r.status).toBe(200);
    const st = await finance.get(`/api/settlement/months/${Y}-03/customers/${a.id}`);
    expect(st.body.lines.map((l: any) => [l.kind, l.tag, l.quantity, l.price, l.amountFen])).toEqual([
      ['base', 'contract', '1000', '2.3000', 230000],
      ['extra', 'extra', '200', '3.0000', 60000],
    ]);
    expect(st.body.totalFen).toBe(290000);
    expect(st.body.dailyChargesFen).toBe(276000);
    expect(st.body.trueUpFen).toBe(14000);
    // ledger: daily charges + true-up = settled total
    expect(await balanceFen(finance, a.id)).toBe(-290000);
    // a re-run of the draft month posts nothing more
    expect((await finance.post(`/api/settlement/months/${Y}-03/run`)).status).toBe(200);
    expect(await balanceFen(finance, a.id)).toBe(-290000);
    const pdf = await finance.get(`/api/settlement/months/${Y}-03/customers/${a.id}/statement.pdf`);
    expect(pdf.headers.get('content-type')).toContain('pdf');
    const xlsx = await finance.get(`/api/settlement/months/${Y}-03/customers/${a.id}/statement.xlsx`);
    expect(xlsx.status).toBe(200);
    // in English: labels, punctuation and currency in English, the customer's name as registered, an English file name
    const zhText = pdfText(pdf.body);
    expect(zhText).toContain(`客户：${a.name}（${a.code}）`);
    expect(zhText).toMatch(/结算金额合计（元）：2,900\.00/);
    expect(downloadName(pdf.headers.get('content-disposition'))).toBe(`结算单-${a.code}-${Y}-03.pdf`);
    const en = await t.userClient(['finance'], { lang: 'en' });
    const pdfEn = await en.get(`/api/settlement/months/${Y}-03/customers/${a.id}/statement.pdf`);
    const enText = pdfText(pdfEn.body);
    expect(enText).toContain(`Customer: ${a.name} (${a.code})`);
    expect(enText).toMatch(/Settled total \(yuan\): 2,900\.00/);
    expect(chineseIn(enText, [a.name])).toEqual([]);
    expect(downloadName(pdfEn.headers.get('content-disposition'))).toBe(`settlement-${a.code}-${Y}-03.pdf`);
  });

  it('two runs of the same month at once: at most one posts, the ledger stays right', async () => {
    const [r1, r2] = await Promise.all([finance.post(`/api/settlement/months/${Y}-03/run`), lead.post(`/api/settlement/months/${Y}-03/run`)]);
    expect([r1.status, r2.status].every((s) => s === 200 || s === 409)).toBe(true);
    expect([r1.status, r2.status]).toContain(200);
    for (const r of [r1, r2]) if (r.status === 409) expect(r.body.code).toBe('SETTLEMENT_RUNNING');
    expect(await balanceFen(finance, a.id)).toBe(-290000);
  });

  it('locks a closed month, reopens only by the sales lead with a reason', async () => {
    expect((await finance.post(`/api/settlement/months/${Y}-03/confirm`)).status).toBe(200);
    expect((await finance.post(`/api/settlement/months/${Y}-03/close`)).status).toBe(403);
    expect((await lead.post(`/api/settlement/months/${Y}-03/close`)).status).toBe(200);
    const rerun = await finance.post(`/api/settlement/months/${Y}-03/run`);
    expect(rerun.status).toBe(409);
    expect(rerun.body.code).toBe('SETTLEMENT_MONTH_LOCKED');
    expect((await lead.post(`/api/settlement/months/${Y}-03/reopen`, {})).status).toBe(400);
    expect((await finance.post(`/api/settlement/months/${Y}-03/reopen`, { reason: '计量更正' })).status).toBe(403);
    expect((await lead.post(`/api/settlement/months/${Y}-03/reopen`, { reason: '计量更正复核' })).status).toBe(200);
    const months = await lead.get('/api/settlement/months');
    expect(months.body.find((m: any) => m.month === `${Y}-03`)).toMatchObject({ status: 'draft', reopenReason: '计量更正复核' });
    expect((await finance.post(`/api/settlement/months/${Y}-03/confirm`)).status).toBe(200);
    expect((await lead.post(`/api/settlement/months/${Y}-03/close`)).status).toBe(200);
  });

  it('a correction of a closed month becomes an adjustment line in the next open month; the ledger equals settled totals', async () => {
    const fix = await admin.put('/api/metering/deliveries', { deliveryPointId: a.pointId, gasDay: `${Y}-03-02`, volumeM3: '700', origin: 'manual', reason: '表计校准' });
    expect(fix.status).toBe(200);
    await dailyRun(admin, [`${Y}-03-02`]); // +100 m³ × 2.30 at the contract price
    const before = await finance.get(`/api/settlement/months/${Y}-03/customers/${a.id}`);
    expect(before.body.totalFen).toBe(290000); // the closed month is not silently changed
    expect((await finance.post(`/api/settlement/months/${Y}-04/run`)).status).toBe(200);
    const apr = await finance.get(`/api/settlement/months/${Y}-04/customers/${a.id}`);
    expect(apr.body.lines.map((l: any) => [l.kind, l.adjustsMonth, l.quantity, l.amountFen])).toEqual([['adjustment', `${Y}-03`, '100', 30000]]);
    expect(apr.body.totalFen).toBe(30000);
    expect(await balanceFen(finance, a.id)).toBe(-(290000 + 30000));
    // re-running April does not carry the adjustment twice
    expect((await finance.post(`/api/settlement/months/${Y}-04/run`)).status).toBe(200);
    expect(await balanceFen(finance, a.id)).toBe(-(290000 + 30000));
  });

  it('stops and lists every missing price; never prices at zero; nothing written', async () => {
    const b = await customerWithPoint(admin, { priceCategory: 'power', type: 'power' });
    await contract(lead, { customerId: b.id, contractNo: `HT-P-${b.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-05`, endMonth: `${Y}-05`, months: [{ month: `${Y}-05`, quantity: '100' }] });
    const c = await customerWithPoint(admin);
    await deliver(admin, b.meterNo, [
      [`${Y}-05-01`, '50'],
      [`${Y}-05-02`, '50'],
      [`${Y}-05-04`, '10'],
    ]);
    await deliver(admin, c.meterNo, [[`${Y}-05-03`, '10']]);
    const r = await finance.post(`/api/settlement/months/${Y}-05/run`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SETTLEMENT_MISSING_PRICES');
    expect(r.body.message).toContain(b.name);
    expect(r.body.message).toContain(`${Y}-05-01~02`);
    expect(r.body.message).not.toContain(`${Y}-05-04`); // above Q_c: needs the reference price, not the base price
    expect(r.body.message).toContain(c.name);
    expect((await lead.get('/api/settlement/months')).body.some((m: any) => m.month === `${Y}-05`)).toBe(false);
    expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'power', price: '2.2000', effectiveFrom: `${Y}-05-01` })).status).toBe(201);
    expect((await lead.put('/api/pricing/reference-prices', { month: `${Y}-05`, price: '2.9' })).status).toBe(200);
    const ok = await finance.post(`/api/settlement/months/${Y}-05/run`);
    expect(ok.status).toBe(200);
    const sb = await finance.get(`/api/settlement/months/${Y}-05/customers/${b.id}`);
    expect(sb.body.lines.map((l: any) => [l.kind, l.quantity, l.amountFen])).toEqual([
      ['base', '100', 22000],
      ['extra', '10', 2900],
    ]);
    const sc = await finance.get(`/api/settlement/months/${Y}-05/customers/${c.id}`);
    expect(sc.body.lines.map((l: any) => [l.kind, l.quantity, l.amountFen])).toEqual([['extra', '10', 2900]]);
    const x = await finance.get(`/api/settlement/months/${Y}-05/statements.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const sum = await finance.get(`/api/settlement/months/${Y}-05/summary`);
    expect(sum.body.byTag.find((g: any) => g.key === 'extra').amountFen).toBe(5800);
  });

  it('a correction older than the recent three months still becomes an adjustment line (bounded by metering’s correction window)', async () => {
    for (const m of [`${Y}-04`, `${Y}-05`]) {
      expect((await finance.post(`/api/settlement/months/${m}/confirm`)).status).toBe(200);
      expect((await lead.post(`/api/settlement/months/${m}/close`)).status).toBe(200);
    }
    for (const m of [`${Y}-06`, `${Y}-07`]) {
      expect((await finance.post(`/api/settlement/months/${m}/run`)).status).toBe(200);
      expect((await finance.post(`/api/settlement/months/${m}/confirm`)).status).toBe(200);
    }
    const balance = await balanceFen(finance, a.id);
    // March is five months before August: outside the recent window, corrected after it was closed
    const fix = await admin.put('/api/metering/deliveries', { deliveryPointId: a.pointId, gasDay: `${Y}-03-02`, volumeM3: '800', origin: 'manual', reason: '表计二次校准' });
    expect(fix.status).toBe(200);
    await dailyRun(admin, [`${Y}-03-02`]); // +100 m³ × 2.00 provisional
    expect((await finance.post(`/api/settlement/months/${Y}-08/run`)).status).toBe(200);
    const aug = await finance.get(`/api/settlement/months/${Y}-08/customers/${a.id}`);
    expect(
      aug.body.lines.map((l: any) => [l.kind, l.adjustsMonth, l.quantity, l.amountFen]),
      JSON.stringify(aug.body.lines),
    ).toEqual([['adjustment', `${Y}-03`, '100', 30000]]);
    // the ledger: the daily charge of the corrected day (−20000) plus the true-up of the difference (−10000)
    expect(await balanceFen(finance, a.id)).toBe(balance - 30000);
    const mar = await finance.get(`/api/settlement/months/${Y}-03/customers/${a.id}`);
    expect(mar.body.totalFen).toBe(290000); // the closed month itself is never changed
  });
});
