/**
 * New-customer onboarding through HTTP with each reviewer role: survey → six sections (refused
 * from another department) → combined opinion → PDFs (text extracted contains the opinions) →
 * submission → return → approval → contract → milestones → 投产, and the lifecycle transitions
 * it triggers in the customers module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from '../customers/testing/factory';
import { pdfText } from '../../../test/pdf-text';

let t: TestApp;
let am: Client, lead: Client, other: Client;
const rev: Record<string, Client> = {};
let cust: { id: number; name: string };
let caseId: number;

const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex'));
const form = (fields: Record<string, string>, bytes: Uint8Array, name: string) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return f;
};
const status = async () => (await lead.get(`/api/customers/${cust.id}`)).body.status as string;

const SECTIONS: [string, string, string, string | null][] = [
  ['basics', 'pipeline_sales', '玻璃厂新建两条浮法线，用地手续齐全。', null],
  ['gas_use', 'development', '日用气 12 万方，年 3600 万方，负荷平稳。', null],
  ['qualification', 'quality_safety', '营业执照、安全生产许可证在有效期内。', null],
  ['capacity', 'production', '挂接纳溪分输站，富余能力 20 万方/日。', '冬季高峰须服从调峰安排'],
  ['connection', 'pipeline_sales', '新建 DN200 支线 3.2 公里接入。', null],
  ['informatization', 'production', '计量数据接入 SCADA，远传频率 5 分钟。', null],
];

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  other = await t.userClient(['account_manager']);
  for (const d of ['production', 'development', 'quality_safety', 'pipeline_sales']) rev[d] = await t.userClient(['reviewer'], { department: d });
  cust = await createCustomer(lead, { name: '泸州某玻璃有限公司', type: 'industrial', priceCategory: 'industrial' });
  const a = await lead.post(`/api/customers/${cust.id}/managers`, { userId: am.userId, kind: 'full_time' });
  expect(a.status).toBe(200);
});
afterAll(async () => t?.close());

describe('onboarding case, survey to 投产', () => {
  it('opens a case for a prospect; others outside the scope cannot', async () => {
    expect(await status()).toBe('prospect');
    const no = await other.post('/api/onboarding/cases', { customerId: cust.id, projectName: '浮法玻璃生产线用气项目' });
    expect(no.status).toBe(403);
    const r = await am.post('/api/onboarding/cases', { customerId: cust.id, projectName: '浮法玻璃生产线用气项目', expectedDailyM3: '120000', expectedAnnualM3: '36000000' });
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({ status: 'draft', customerName: '泸州某玻璃有限公司', sectionsDone: 0, expectedAnnualM3: '36000000.000' });
    expect(r.body.sections.map((s: any) => [s.section, s.department])).toEqual(SECTIONS.map(([k, d]) => [k, d]));
    const again = await am.post('/api/onboarding/cases', { customerId: cust.id, projectName: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ONB_CASE_EXISTS');
  });

  it('refuses NUL characters with 400 and writes nothing', async () => {
    const r = await am.put(`/api/onboarding/cases/${caseId}/survey`, { surveyDate: '2026-03-10', surveyPlace: '纳溪\u0000区', participants: [{ department: 'production', names: '何工' }] });
    expect(r.status).toBe(400);
    expect((await am.get(`/api/onboarding/cases/${caseId}`)).body.surveyDate).toBeNull();
  });

  it('sections wait for the survey; scheduling it moves the customer to 调研', async () => {
    const early = await rev.production.put(`/api/onboarding/cases/${caseId}/sections/capacity`, { findings: '待现场', opinion: 'agree' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ONB_SURVEY_NOT_SCHEDULED');
    const r = await am.put(`/api/onboarding/cases/${caseId}/survey`, {
      surveyDate: '2026-03-10',
      surveyPlace: '泸州市纳溪区工业园',
      participants: [
        { department: 'production', names: '何工' },
        { department: 'development', names: '罗工' },
        { department: 'quality_safety', names: '高工' },
        { department: 'pipeline_sales', names: '林工、客户经理' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.participants).toHaveLength(4);
    expect(await status()).toBe('survey');
    const timeline = (await lead.get(`/api/customers/${cust.id}/timeline`)).body as any[];
    expect(timeline.some((x) => x.fromStatus === 'prospect' && x.toStatus === 'survey' && x.reason.includes('联合现场调研'))).toBe(true);
  });

  it('shows each department its own sections in the to-do list', async () => {
    const todo = (await rev.quality_safety.get('/api/onboarding/todo')).body as any[];
    expect(todo.filter((x) => x.caseId === caseId).map((x) => x.section)).toEqual(['qualification']);
    const prod = (await rev.production.get('/api/onboarding/todo')).body as any[];
    expect(
      prod
        .filter((x) => x.caseId === caseId)
        .map((x) => x.section)
        .sort(),
    ).toEqual(['capacity', 'informatization']);
  });

  it('refuses a section completed by another department, and an account manager', async () => {
    const r = await rev.production.put(`/api/onboarding/cases/${caseId}/sections/basics`, { findings: '越权填写', opinion: 'agree' });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ code: 'ONB_WRONG_DEPARTMENT', message: '“项目基本情况”由管道与销售部填写，您所在科室（生产运行科）不能填写' });
    const en = await t.userClient(['reviewer'], { department: 'development', lang: 'en' });
    const r2 = await en.put(`/api/onboarding/cases/${caseId}/sections/basics`, { findings: 'xx', opinion: 'agree' });
    expect(r2.body.message).toBe('“Project basics” is completed by Pipelines & Sales; your department (Development) cannot complete it');
    expect((await am.put(`/api/onboarding/cases/${caseId}/sections/basics`, { findings: '经理填写', opinion: 'agree' })).status).toBe(403);
    const d = (await am.get(`/api/onboarding/cases/${caseId}`)).body;
    expect(d.sections.find((s: any) => s.section === 'basics')).toMatchObject({ opinion: null, findings: null });
  });

  it('refuses submission with sections missing, naming them', async () => {
    const r = await am.post(`/api/onboarding/cases/${caseId}/submit`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ONB_SECTIONS_MISSING');
    expect(r.body.message).toContain('项目基本情况、用气论证、资质审查、输供能力、接管方案、信息化建设');
    expect(await status()).toBe('survey');
  });

  it('each department completes its sections; conditions are required with 有条件同意', async () => {
    const bad = await rev.production.put(`/api/onboarding/cases/${caseId}/sections/capacity`, { findings: '富余能力有限', opinion: 'conditional' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ONB_CONDITIONS_REQUIRED');
    for (const [section, dept, findings, conditions] of SECTIONS) {
      const body: any = { findings, opinion: conditions ? 'conditional' : 'agree', ...(conditions && { conditions }) };
      if (section === 'gas_use') body.data = { equipment: '浮法玻璃熔窑 2 座', dailyM3: 120000, residentialShare: 0 };
      const r = await rev[dept].put(`/api/onboarding/cases/${caseId}/sections/${section}`, body);
      expect(r.status, `${section}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const up = await rev.quality_safety.req('POST', `/api/onboarding/cases/${caseId}/files`, form({ section: 'qualification' }, PNG, '安全生产许可证.png'));
    expect(up.status).toBe(201);
    const d = (await am.get(`/api/onboarding/cases/${caseId}`)).body;
    expect(d.sectionsDone).toBe(6);
    expect(d.suggestedConclusion).toBe('conditional');
    expect(d.sections.find((s: any) => s.section === 'qualification').files[0]).toMatchObject({ filename: '安全生产许可证.png', mime: 'image/png' });
    expect(d.sections.find((s: any) => s.section === 'gas_use').data).toEqual({ equipment: '浮法玻璃熔窑 2 座', dailyM3: 120000, residentialShare: 0 });
    expect((await am.get('/api/onboarding/todo')).body.some((x: any) => x.caseId === caseId && x.kind === 'combine')).toBe(true);
  });

  it('the combined opinion cannot be 同意 while a department disagrees', async () => {
    await rev.production.put(`/api/onboarding/cases/${caseId}/sections/capacity`, { findings: '富余能力不足', opinion: 'disagree', conditions: '纳溪分输站已满负荷' });
    const r = await am.put(`/api/onboarding/cases/${caseId}/combined`, { conclusion: 'agree', opinion: '同意接入' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('输供能力');
    await rev.production.put(`/api/onboarding/cases/${caseId}/sections/capacity`, { findings: SECTIONS[3][2], opinion: 'conditional', conditions: SECTIONS[3][3] });
    const ok = await am.put(`/api/onboarding/cases/${caseId}/combined`, { conclusion: 'conditional', opinion: '各科室一致认为项目可行，同意接入。', conditions: '冬季服从调峰' });
    expect(ok.status).toBe(200);
    expect(ok.body.combined).toMatchObject({ conclusion: 'conditional', conditions: '冬季服从调峰' });
  });

  it('generates the survey report and the review opinion form whose text holds every opinion', async () => {
    const rep = await am.get(`/api/onboarding/cases/${caseId}/report.pdf`);
    expect(rep.status).toBe(200);
    expect(rep.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(rep.body);
    expect(text).toContain('新增市场（客户）调查报告');
    expect(text).toContain('泸州某玻璃有限公司');
    for (const [, , findings] of SECTIONS) expect(text.replace(/\n/g, '')).toContain(findings);
    expect(text).toContain('审查意见：有条件同意；条件/理由：冬季高峰须服从调峰安排');
    expect((text.match(/审查意见：同意/g) ?? []).length).toBe(5);
    expect(text).toContain('综合意见');
    const form1 = pdfText((await am.get(`/api/onboarding/cases/${caseId}/review.pdf`)).body);
    expect(form1).toContain('天然气新增市场（客户）审查意见表');
    for (const name of ['生产运行科', '开发科', '质安科', '管道与销售部']) expect(form1).toContain(name);
    expect((form1.match(/^有条件同意$/gm) ?? []).length).toBe(1);
    expect((form1.match(/^同意$/gm) ?? []).length).toBe(5);
    const en = pdfText((await am.get(`/api/onboarding/cases/${caseId}/review.pdf?lang=en`)).body);
    expect(en).toContain('Natural Gas New Market (Customer) Review Opinion Form');
    expect(en).toContain('Agree with conditions');
    expect(en).toContain('Quality & Safety');
  });

  it('submits to the sales lead (customer → 审查); the lead returns with a reason, then approves', async () => {
    const s = await am.post(`/api/onboarding/cases/${caseId}/submit`);
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('submitted');
    expect(await status()).toBe('review');
    const locked = await rev.production.put(`/api/onboarding/cases/${caseId}/sections/capacity`, { findings: '修改意见', opinion: 'agree' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('ONB_CASE_LOCKED');
    expect((await lead.get('/api/onboarding/todo')).body.some((x: any) => x.caseId === caseId && x.kind === 'approve')).toBe(true);
    expect((await am.post(`/api/onboarding/cases/${caseId}/approve`, {})).status).toBe(403);
    const noReason = await lead.post(`/api/onboarding/cases/${caseId}/return`, { reason: '' });
    expect(noReason.status).toBe(400);
    const ret = await lead.post(`/api/onboarding/cases/${caseId}/return`, { reason: '请补充调峰承诺书' });
    expect(ret.body).toMatchObject({ status: 'returned', decisionNote: '请补充调峰承诺书' });
    expect(ret.body.events.at(-1)).toMatchObject({ action: 'return', note: '请补充调峰承诺书' });
    expect((await am.post(`/api/onboarding/cases/${caseId}/submit`)).status).toBe(200);
    const ok = await lead.post(`/api/onboarding/cases/${caseId}/approve`, { note: '同意，按条件执行' });
    expect(ok.body.status).toBe('approved');
    expect(await status()).toBe('review');
  });

  it('refuses editing an approved case', async () => {
    const r = await am.put(`/api/onboarding/cases/${caseId}/combined`, { conclusion: 'agree', opinion: '改为同意' });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('案件当前状态为“已批准”，不能再修改调研内容');
    const s = await am.put(`/api/onboarding/cases/${caseId}/survey`, { surveyDate: '2026-03-11', surveyPlace: '改地点', participants: [{ department: 'production', names: '何工' }] });
    expect(s.status).toBe(409);
    expect((await am.get(`/api/onboarding/cases/${caseId}`)).body.surveyPlace).toBe('泸州市纳溪区工业园');
  });

  it('the contract step creates a draft contract in the contracts module, links it, and shows its status', async () => {
    const both = await am.put(`/api/onboarding/cases/${caseId}/contract-link`, { contractId: 1, draft: { contractNo: 'X', startMonth: '2099-07', endMonth: '2100-06', monthlyM3: '1' } });
    expect(both.status).toBe(400);
    const missing = await am.put(`/api/onboarding/cases/${caseId}/contract-link`, { contractId: 999_999 });
    expect(missing.status).toBe(404);
    const r = await am.put(`/api/onboarding/cases/${caseId}/contract-link`, { draft: { contractNo: 'HT-2026-031', startMonth: '2099-07', endMonth: '2100-06', monthlyM3: '2500000' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.linkedContract).toMatchObject({ contractNo: 'HT-2026-031', status: 'draft', startMonth: '2099-07', endMonth: '2100-06', basis: 'm3', totalQuantity: '30000000.000' });
    expect(r.body.events.at(-1)).toMatchObject({ action: 'contractLink', note: 'HT-2026-031（草稿）' });
    // The contract is the contracts module's own record: 12 months of 2,500,000 m³, 草稿.
    const k = (await lead.get(`/api/contracts/${r.body.linkedContract.id}`)).body;
    expect(k).toMatchObject({ customerId: cust.id, contractNo: 'HT-2026-031', status: 'draft', totalQuantity: '30000000.000' });
    expect(k.months).toHaveLength(12);
    // The same number again is refused by the contracts module's rules, and nothing is half-written.
    const dup = await am.put(`/api/onboarding/cases/${caseId}/contract-link`, { draft: { contractNo: 'HT-2026-031', startMonth: '2101-01', endMonth: '2101-12', monthlyM3: '1' } });
    expect(dup.status).toBe(409);
    const list = (await am.get(`/api/onboarding/cases/${caseId}/contracts`)).body;
    expect(list.map((x: any) => x.contractNo)).toEqual(['HT-2026-031']);
    // Picking an existing contract of the customer; the status follows the contracts module.
    expect((await lead.post(`/api/contracts/${k.id}/activate`)).status).toBe(200);
    const picked = await am.put(`/api/onboarding/cases/${caseId}/contract-link`, { contractId: k.id });
    expect(picked.body.linkedContract).toMatchObject({ id: k.id, status: 'active' });
    // Signing records the linked contract's number only.
    const wrong = await am.put(`/api/onboarding/cases/${caseId}/contract`, { contractNo: 'HT-OTHER', signedOn: '2099-04-01', contractedAnnualM3: '30000000' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('ONB_CONTRACT_NO_MISMATCH');
  });

  it('contract → milestones with photos → 投产 moves the customer to 供气 with the date', async () => {
    const early = await am.post(`/api/onboarding/cases/${caseId}/commission`, { commissionedOn: '2026-06-01' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ONB_NOT_CONTRACTED');
    const c = await am.put(`/api/onboarding/cases/${caseId}/contract`, { contractNo: 'HT-2026-031', signedOn: '2099-04-01', contractedAnnualM3: '30000000' });
    expect(c.status).toBe(200);
    expect(await status()).toBe('contracted');
    const open = await am.post(`/api/onboarding/cases/${caseId}/commission`, { commissionedOn: '2099-06-01' });
    expect(open.status).toBe(409);
    expect(open.body.message).toContain('接管工程、计量设施、信息化联调');
    for (const [kind, day] of [
      ['takeover', '2099-05-10'],
      ['metering', '2099-05-20'],
      ['scada', '2099-05-25'],
    ]) {
      const r = await am.put(`/api/onboarding/cases/${caseId}/milestones/${kind}`, { plannedOn: day, doneOn: day, note: '完成' });
      expect(r.status).toBe(200);
    }
    const photo = await am.req('POST', `/api/onboarding/cases/${caseId}/files`, form({ milestone: 'metering' }, PNG, '计量橇.png'));
    expect(photo.status).toBe(201);
    const before = await am.post(`/api/onboarding/cases/${caseId}/commission`, { commissionedOn: '2099-05-24' });
    expect(before.status).toBe(400);
    expect(await status()).toBe('contracted');
    const ok = await am.post(`/api/onboarding/cases/${caseId}/commission`, { commissionedOn: '2099-06-01' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'commissioned', commissionedOn: '2099-06-01' });
    expect(ok.body.milestones.find((m: any) => m.kind === 'metering').files[0].filename).toBe('计量橇.png');
    expect(await status()).toBe('active');
    const tl = (await lead.get(`/api/customers/${cust.id}/timeline`)).body as any[];
    expect(tl.map((x) => x.toStatus).sort()).toEqual(['active', 'contracted', 'review', 'survey']);
    expect(tl.find((x) => x.toStatus === 'active').reason).toContain('投产 2099-06-01');
  });

  it('counts the project on the board and in the yearly figures', async () => {
    const y = (await lead.get('/api/onboarding/yearly?from=2099&to=2099')).body;
    expect(y).toEqual([{ year: 2099, newCustomers: 1, projectsCommissioned: 1, newContractedM3: '30000000.000', contractsSigned: 1 }]);
    const b = (await lead.get('/api/onboarding/board')).body;
    const done = b.stages.find((s: any) => s.stage === 'commissioned');
    expect(done.cases.map((c: any) => c.id)).toContain(caseId);
  });
});
