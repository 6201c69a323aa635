/**
 * New customer from survey to 投产 in the browser (account manager/lead, each department's
 * reviewer, the sales lead), and the plan ledger with its chart — screenshots in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chinaToday, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

async function call(page: Page, method: 'get' | 'post' | 'put', path: string, data?: unknown) {
  const r = await page.request[method](path, data === undefined ? undefined : { data });
  const body = await r.json().catch(() => null);
  expect(r.status(), `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

describe.skipIf(!avail.run)('onboarding (新增客户) and the plan ledger', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('takes a prospect from the joint survey to 投产', async () => {
    const lead = await newPage(browser);
    await signIn(lead, 'lead');
    // a prospect without a case
    const prospects = (await call(lead, 'get', '/api/customers?status=prospect&pageSize=100')).items as { id: number; name: string }[];
    const withCase = new Set(((await call(lead, 'get', '/api/onboarding/cases?pageSize=500')).items as { customerId: number }[]).map((c) => c.customerId));
    const cust = prospects.find((p) => !withCase.has(p.id))!;
    expect(cust).toBeTruthy();
    // Its full-time manager works the case (am01 is made its manager when it has none yet).
    const managers = (await call(lead, 'get', `/api/customers/${cust.id}/managers`)) as { kind: string; username: string }[];
    let manager = managers.find((m) => m.kind === 'full_time')?.username;
    const am = await newPage(browser);
    if (!manager) {
      await signIn(am, 'am01');
      await call(lead, 'post', `/api/customers/${cust.id}/managers`, { userId: (await call(am, 'get', '/api/auth/me')).id, kind: 'full_time' });
      manager = 'am01';
    } else await signIn(am, manager);
    const opened = await call(am, 'post', '/api/onboarding/cases', { customerId: cust.id, projectName: '新建陶瓷生产线用气项目', expectedDailyM3: '60000', expectedAnnualM3: '19800000' });
    const id = opened.id as number;
    await call(am, 'put', `/api/onboarding/cases/${id}/survey`, {
      surveyDate: '2026-01-20',
      surveyPlace: '客户厂区会议室',
      participants: [
        { department: 'production', names: '何工' },
        { department: 'development', names: '罗工' },
        { department: 'quality_safety', names: '高工' },
        { department: 'pipeline_sales', names: '林工' },
      ],
    });

    // The quality & safety reviewer sees the section in the to-do list and completes it in the page.
    const qs = await newPage(browser);
    await signIn(qs, 'rev_qs');
    await qs.goto('/');
    await qs.getByTestId('onboarding-todo').getByText(cust.name).first().waitFor();
    await qs.goto(`/onboarding/cases/${id}`);
    const card = qs.getByTestId('section-qualification');
    await card.getByRole('button', { name: /填\s*写/ }).click();
    const dialog = qs.locator('.ant-modal-content');
    await dialog.locator('textarea').first().fill('营业执照、安全生产许可证均在有效期内。');
    await dialog.locator('.ant-select').click();
    await qs
      .locator('.ant-select-item-option')
      .filter({ hasText: /^同意$/ })
      .click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await card.locator('.ant-tag').filter({ hasText: '同意' }).waitFor();
    // Another department's section has no button for this reviewer.
    expect(
      await qs
        .getByTestId('section-capacity')
        .getByRole('button', { name: /填\s*写/ })
        .count(),
    ).toBe(0);
    await qs.context().close();

    for (const [user, sections] of [
      ['rev_prod', ['capacity', 'informatization']],
      ['rev_dev', ['gas_use']],
      ['rev_ps', ['basics', 'connection']],
    ] as const) {
      const p = await newPage(browser);
      await signIn(p, user);
      for (const s of sections)
        await call(p, 'put', `/api/onboarding/cases/${id}/sections/${s}`, {
          findings: `${s} 现场核实情况良好`,
          opinion: s === 'capacity' ? 'conditional' : 'agree',
          ...(s === 'capacity' && { conditions: '冬季服从调峰' }),
        });
      await p.context().close();
    }
    await call(am, 'put', `/api/onboarding/cases/${id}/combined`, { conclusion: 'conditional', opinion: '各科室一致同意接入。', conditions: '冬季服从调峰' });
    await am.goto(`/onboarding/cases/${id}`);
    await am.getByTestId('section-capacity').getByText('有条件同意').waitFor();
    await screenshot(am, 'onboarding-case-zh');
    await am.getByRole('button', { name: '报公司审批' }).click();
    await am.getByText('待审批').first().waitFor();

    await lead.goto(`/onboarding/cases/${id}`);
    await lead.getByRole('button', { name: /批\s*准/ }).click();
    await lead.getByText('已批准').first().waitFor();
    await call(am, 'put', `/api/onboarding/cases/${id}/contract`, { contractNo: 'HT-E2E-001', signedOn: chinaToday(), contractedAnnualM3: '18000000' });
    const today = chinaToday();
    for (const k of ['takeover', 'metering', 'scada']) await call(am, 'put', `/api/onboarding/cases/${id}/milestones/${k}`, { doneOn: today });
    const done = await call(am, 'post', `/api/onboarding/cases/${id}/commission`, { commissionedOn: today });
    expect(done.status).toBe('commissioned');
    expect((await call(am, 'get', `/api/customers/${cust.id}`)).status).toBe('active');
    await am.goto(`/onboarding/cases/${id}`);
    await am.getByText('已投产').first().waitFor();
    await am.getByText(/投产/).last().waitFor();
    await am.goto('/onboarding');
    await am.getByRole('tab', { name: '项目看板' }).click();
    await am.getByTestId('onboarding-board').getByText(cust.name).first().waitFor();
    await screenshot(am, 'onboarding-board-zh');

    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    await en.request.put('/api/auth/lang', { data: { lang: 'en' } });
    try {
      await en.goto(`/onboarding/cases/${id}`);
      await en.getByText('English', { exact: true }).click();
      await en.getByTestId('section-capacity').waitFor();
      await en.getByText('Agree with conditions').first().waitFor();
      await screenshot(en, 'onboarding-case-en');
    } finally {
      await en.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    }
    await en.context().close();
    await am.context().close();
    await lead.context().close();
  });

  it('shows the plan ledger with its chart in both languages', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/plans/ledger');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('ledger-chart').locator('canvas').first().waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(12);
    await page.getByText('1月', { exact: true }).first().waitFor();
    await screenshot(page, 'plans-ledger-zh');
    await page.getByText('按作业区').click();
    await page.locator('tbody tr.ant-table-row').filter({ hasText: '泸州作业区' }).waitFor();
    await page.context().close();
    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    await en.request.put('/api/auth/lang', { data: { lang: 'en' } });
    try {
      await en.goto('/plans/ledger');
      await en.getByText('English', { exact: true }).click();
      await en.locator('tbody tr.ant-table-row').first().waitFor();
      await en.getByTestId('ledger-chart').locator('canvas').first().waitFor();
      await en.getByText('Plan vs actual').waitFor();
      await screenshot(en, 'plans-ledger-en');
    } finally {
      await en.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    }
    await en.context().close();
  });

  it('creates a plan version (sum check, flagged deviation), allocates it to the areas, approves and locks it', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    // a year without versions, derived from the clock (the demo plans cover last year and this year)
    const versions = (await call(page, 'get', '/api/plans/versions')) as { year: number }[];
    const year = Math.max(new Date().getFullYear() + 2, ...versions.map((v) => v.year + 1));
    await page.goto('/plans');
    await page.getByTestId('new-version').click();
    const form = page.getByTestId('version-form');
    await form.locator('input#year').fill(String(year));
    await form.getByTestId('target-volume').fill('1200000');
    await form.getByTestId('target-revenue').fill('3600000');
    await form.getByTestId('split-months').click();
    await form.getByTestId('months-check').filter({ hasText: '各月合计等于年度目标' }).waitFor();
    await form.locator('input#months_0_volumeM3').fill('100000.5');
    await form.getByTestId('months-check').filter({ hasText: '差 0.500 m³' }).waitFor();
    await screenshot(page, 'plans-version-form-zh');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.getByText('各月合计与年度目标不一致：请调整各月计划').first().waitFor();
    await form.locator('.ant-checkbox-label', { hasText: '保留该偏差并标记' }).click();
    await form.locator('textarea#deviationNote').fill('一月份新用户提前投产');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.getByText('已新建版本').waitFor();
    await page.getByText('月度计划合计与年度目标不一致（已标记偏差）').waitFor();
    const v = (await call(page, 'get', `/api/plans/versions?year=${year}`)) as { id: number; deviationFlag: boolean; deviationNote: string }[];
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ deviationFlag: true, deviationNote: '一月份新用户提前投产' });
    // operation areas: split each month evenly, save, approve → locked
    await page.getByRole('button', { name: '作业区分配' }).click();
    await page.getByTestId('split-areas').click();
    await screenshot(page, 'plans-version-areas-zh');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.getByText('已保存').waitFor();
    await page.getByRole('button', { name: '批准并锁定' }).click();
    await page.getByText('已锁定').waitFor();
    const d = await call(page, 'get', `/api/plans/versions/${v[0].id}`);
    expect(d).toMatchObject({ status: 'approved', areaGaps: [] });
    await screenshot(page, 'plans-versions-zh');
    await page.context().close();
    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    await en.request.put('/api/auth/lang', { data: { lang: 'en' } });
    try {
      await en.goto('/plans');
      await en.getByText('English', { exact: true }).click();
      await en.getByTestId('new-version').click();
      await en.getByTestId('version-form').getByTestId('target-volume').fill('1000');
      await en.getByTestId('version-form').getByTestId('split-months').click();
      await en.getByText('The months add up to the annual target').waitFor();
      await screenshot(en, 'plans-version-form-en');
    } finally {
      await en.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    }
    await en.context().close();
  });
});
