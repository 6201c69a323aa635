import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { chineseIn, downloadName, pdfText } from '../../../test/pdf-text';
import { balanceFen, contract, customerWithPoint, deliver } from './test/factory';

// Metering imports only the last two years: the tests use last year's months (each fixed within the year).
const Y = new Date().getUTCFullYear() - 1;
let t: TestApp;
let admin: Client;
let lead: Client;
let reviewer: Client;
let d: Awaited<ReturnType<typeof customerWithPoint>>;
let e: Awaited<ReturnType<typeof customerWithPoint>>;
const PDF = new TextEncoder().encode('%PDF-1.4\n% signed copy\n');

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  reviewer = await t.userClient(['reviewer'], { department: 'production' });
  d = await customerWithPoint(admin);
  e = await customerWithPoint(admin);
  const months = (q: string) => [
    { month: `${Y}-06`, quantity: q },
    { month: `${Y}-07`, quantity: q },
  ];
  await contract(lead, { customerId: d.id, contractNo: `PC-D-${d.id}`, yearLabel: `${Y}`, startMonth: `${Y}-06`, endMonth: `${Y}-07`, basePrice: '2.5', months: months('1000') });
  await contract(lead, { customerId: e.id, contractNo: `PC-E-${e.id}`, yearLabel: `${Y}`, startMonth: `${Y}-06`, endMonth: `${Y}-07`, basePrice: '2.5', months: months('1000') });
  await deliver(admin, d.meterNo, [
    [`${Y}-06-10`, '600'],
    [`${Y}-07-10`, '800'],
  ]);
  await deliver(admin, e.meterNo, [
    [`${Y}-06-10`, '1000'],
    [`${Y}-07-10`, '1000'],
  ]);
});
afterAll(async () => t?.close());

describe('deviation settlement', () => {
  it('needs the period’s months settled and confirmed', async () => {
    const r = await lead.post('/api/deviation/periods', { label: `${Y}年6–7月`, from: `${Y}-06`, to: `${Y}-07` });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DEVIATION_MONTHS_UNSETTLED');
    for (const m of [`${Y}-06`, `${Y}-07`]) {
      expect((await lead.post(`/api/settlement/months/${m}/run`)).status).toBe(200);
      expect((await lead.post(`/api/settlement/months/${m}/confirm`)).status).toBe(200);
    }
  });

  it('runs draft list → claim → review → confirmation form → signed copy → fee posted', async () => {
    const p = await lead.post('/api/deviation/periods', { label: `${Y}年6–7月`, from: `${Y}-06`, to: `${Y}-07` });
    expect(p.status).toBe(201);
    const list = await lead.get(`/api/deviation/periods/${p.body.id}`);
    expect(list.body.cases.map((c: any) => [c.customerId, c.contracted, c.actual, c.shortfall, c.feeFen])).toEqual([[d.id, '2000', '1400', '400', 25000]]); // 400 × 2.5 × 0.25
    const caseId = list.body.cases[0].id;
    const claim = await lead.post(`/api/deviation/cases/${caseId}/claims`, { cause: 'maintenance', claimed: '300', description: '锅炉检修停产', receivedOn: `${Y}-08-03` });
    expect(claim.status).toBe(201);
    const fd = new FormData();
    fd.append('file', new Blob([PDF]), '检修证明.pdf');
    expect((await lead.req('POST', `/api/deviation/claims/${claim.body.id}/evidence`, fd)).status).toBe(200);
    // the confirmation waits for the review of the claim
    expect((await lead.post(`/api/deviation/periods/${p.body.id}/confirmations`, { customerId: d.id })).body.code).toBe('DEVIATION_REVIEW_PENDING');
    const tooMuch = await reviewer.post(`/api/deviation/cases/${caseId}/review`, {
      heldOn: `${Y}-08-10`,
      participants: '生产运行科、开发科、质安科、管道与销售部',
      decision: '部分认可',
      claims: [{ claimId: claim.body.id, approved: '300.001' }],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.code).toBe('DEVIATION_EXEMPT_EXCEEDS_CLAIM');
    const rev = await reviewer.post(`/api/deviation/cases/${caseId}/review`, {
      heldOn: `${Y}-08-10`,
      participants: '生产运行科、开发科、质安科、管道与销售部',
      decision: '核定免责 150 m³',
      claims: [{ claimId: claim.body.id, approved: '150' }],
    });
    expect(rev.status).toBe(200);
    expect(rev.body).toEqual({ exempt: '150', shortfall: '250', feeFen: 15625 }); // 250 × 2.5 × 0.25 = 156.25
    const notOnList = await lead.post(`/api/deviation/periods/${p.body.id}/confirmations`, { customerId: e.id });
    expect(notOnList.status).toBe(400);
    expect(notOnList.body.code).toBe('DEVIATION_NOT_ON_DRAFT');
    expect((await lead.post(`/api/deviation/periods/${p.body.id}/confirmations`, { customerId: d.id })).status).toBe(200);
    const pdf = await lead.get(`/api/deviation/cases/${caseId}/confirmation.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdfText(pdf.body)).toContain(`需方：${d.name}（${d.code}）`);
    // in English: no Chinese labels or full-width punctuation, only the customer's registered name
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const pdfEn = await en.get(`/api/deviation/cases/${caseId}/confirmation.pdf`);
    const enText = pdfText(pdfEn.body);
    expect(enText).toContain(`Buyer: ${d.name} (${d.code})`);
    expect(enText).toMatch(/Deviation fee F = Q_s × P_c × k: 156\.25 yuan/);
    // what users entered stays as entered: the period label, the claim, the review participants and decision
    expect(chineseIn(enText, [d.name, `${Y}年6–7月`, '锅炉检修停产', '生产运行科、开发科、质安科、管道与销售部', '核定免责'])).toEqual([]);
    expect(downloadName(pdfEn.headers.get('content-disposition'))).toMatch(/^deviation-confirmation-/);
    expect((await lead.post(`/api/deviation/cases/${caseId}/post`)).status).toBe(409); // not signed yet
    const sf = new FormData();
    sf.append('file', new Blob([PDF]), '回签.pdf');
    expect((await lead.req('POST', `/api/deviation/cases/${caseId}/signed-copy`, sf)).status).toBe(200);
    const before = await balanceFen(lead, d.id);
    const posted = await lead.post(`/api/deviation/cases/${caseId}/post`);
    expect(posted.status).toBe(200);
    expect(await balanceFen(lead, d.id)).toBe(before - 15625);
    expect((await lead.post(`/api/deviation/cases/${caseId}/post`)).status).toBe(409); // once
    // the declared responses (API contract) carry what the web shows
    const detail = await lead.get(`/api/deviation/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: caseId,
      status: 'posted',
      feeFen: 15625,
      period: { from: `${Y}-06`, to: `${Y}-07` },
      claims: [{ id: claim.body.id, cause: 'maintenance', claimed: '300', approved: '150', receivedOn: `${Y}-08-03`, evidenceName: '检修证明.pdf' }],
    });
    expect(typeof detail.body.postedAt).toBe('string');
    const periods = await lead.get('/api/deviation/periods');
    expect(periods.body.find((x: any) => x.id === p.body.id)).toMatchObject({ from: `${Y}-06`, to: `${Y}-07`, cases: 1, feeFen: 15625, posted: 1 });
    const sum = await lead.get(`/api/deviation/summary?year=${Y}`);
    expect(sum.body.customerTimes).toBe(1);
    expect(sum.body.feeFen).toBe(15625);
    expect(sum.body.byBasis[0]).toMatchObject({ basis: 'm3', shortfall: '250.000', exempt: '150.000', claims: 1 });
  });
});
