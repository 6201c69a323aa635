/**
 * The global search and the customer's activity timeline (issue 9 items 6 and 7), through HTTP:
 * every module's source is asked, results respect the user's customer scope, the timeline merges
 * lifecycle changes, payments, visits and issues newest first, filters by kind and speaks the
 * user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { assignManager, createCustomer, makeCustomer } from '../customers/testing/factory';
import { dayFromToday } from '../interactions/testing/factory';

let t: TestApp;
let lead: Client, am1: Client, am2: Client, am1en: Client, finance: Client;
let prospect: { id: number; code: string; name: string };
let active: { id: number; code: string; name: string; points: { meterNo: string }[] };
const suffix = String(process.pid % 100000);

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am1 = await t.userClient(['account_manager']);
  am2 = await t.userClient(['account_manager']);
  finance = await t.userClient(['finance']);
  am1en = await t.userClient(['account_manager'], { lang: 'en' });
  // 璧山测试能源有限公司 → pinyin initials bscsnyyxgs
  prospect = await createCustomer(lead, { name: `璧山测试能源有限公司${suffix}` });
  await assignManager(t.db, prospect.id, am1.userId, 'full_time');
  await assignManager(t.db, prospect.id, am1en.userId, 'part_time');
  active = await makeCustomer(t.db, { managerId: am2.userId, points: 1, name: `江津燃气${suffix}` });
});
afterAll(async () => t?.close());

const search = async (c: Client, q: string) => {
  const r = await c.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(r.status).toBe(200);
  return r.body.items as { kind: string; id: string; title: string; subtitle: string | null; path: string }[];
};

describe('global search', () => {
  it('finds a customer by pinyin initials, by code and by name, within the manager’s scope', async () => {
    const byInitials = await search(am1, 'bscsny');
    expect(byInitials.find((h) => h.kind === 'customer' && h.id === String(prospect.id))).toMatchObject({ title: prospect.name, path: `/customers/${prospect.id}` });
    const byCode = await search(am1, prospect.code.toLowerCase());
    expect(byCode[0]).toMatchObject({ kind: 'customer', id: String(prospect.id) });
    expect(byCode[0].subtitle).toContain('潜在');
    // am1 does not manage the other customer: neither it nor its meter is found
    expect((await search(am1, active.name)).some((h) => h.id === String(active.id))).toBe(false);
    expect((await search(am1, active.points[0].meterNo)).filter((h) => h.kind === 'delivery_point')).toEqual([]);
  });

  it('finds a delivery point by meter number for those who may see it', async () => {
    for (const c of [am2, lead]) {
      const hits = (await search(c, active.points[0].meterNo)).filter((h) => h.kind === 'delivery_point');
      expect(hits).toHaveLength(1);
      expect(hits[0].path).toBe(`/customers/${active.id}?tab=delivery-points`);
      expect(hits[0].subtitle).toContain(active.name);
    }
  });

  it('finds issues by title and answers an empty query with nothing', async () => {
    const r = await am2.post('/api/issues', { customerId: active.id, title: `计量偏差投诉${suffix}`, topic: 'quality_metering', ownerId: am2.userId, dueOn: dayFromToday(7) });
    expect(r.status).toBe(201);
    const hits = await search(am2, `计量偏差投诉${suffix}`);
    expect(hits.find((h) => h.kind === 'issue')).toMatchObject({ id: String(r.body.id), path: `/customers/${active.id}?tab=issues` });
    expect((await search(am1, `计量偏差投诉${suffix}`)).some((h) => h.kind === 'issue')).toBe(false);
    expect(await search(am2, '   ')).toEqual([]);
    expect((await am2.get('/api/search')).status).toBe(400);
  });
});

describe('customer activity timeline', () => {
  it('merges lifecycle, payments, visits and issues, newest first', async () => {
    const today = dayFromToday(0);
    expect((await lead.post(`/api/customers/${prospect.id}/transitions`, { to: 'survey', reason: '安排联合调研' })).status).toBe(200);
    const pay = await finance.post('/api/accounts/payments', { customerId: prospect.id, amountFen: 1234567, bankRef: `TL-${suffix}`, valueDate: dayFromToday(-1) });
    expect(pay.status).toBeLessThan(300);
    const visit = await am1.post('/api/interactions', { customerId: prospect.id, kind: 'visit', occurredOn: dayFromToday(-2), topic: 'payment', summary: '走访确认预付款安排' });
    expect(visit.status).toBe(201);
    const issue = await am1.post('/api/issues', { customerId: prospect.id, title: '开户资料补充', topic: 'other', ownerId: am1.userId, dueOn: dayFromToday(5) });
    expect(issue.status).toBe(201);

    const r = await am1.get(`/api/customers/${prospect.id}/activity`);
    expect(r.status).toBe(200);
    expect(r.body.to).toBe(today);
    const items = r.body.items as { kind: string; at: string; title: string; detail: string | null; amountFen: number | null }[];
    const kinds = new Set(items.map((e) => e.kind));
    for (const k of ['lifecycle', 'payment', 'visit', 'issue']) expect(kinds).toContain(k);
    expect(items.find((e) => e.kind === 'lifecycle')).toMatchObject({ title: '状态 潜在 → 调研', detail: '安排联合调研' });
    expect(items.find((e) => e.kind === 'payment')).toMatchObject({ title: '收款 12,345.67 元', amountFen: 1234567 });
    expect(items.find((e) => e.kind === 'visit')).toMatchObject({ detail: '走访确认预付款安排' });
    expect(items.find((e) => e.kind === 'issue')?.title).toBe('提出问题：开户资料补充');
    const ats = items.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
  });

  it('filters by kind and range, speaks English, and keeps other managers out', async () => {
    const visits = await am1.get(`/api/customers/${prospect.id}/activity?kinds=visit`);
    expect(visits.body.items.map((e: any) => e.kind)).toEqual(['visit']);
    const tooEarly = await am1.get(`/api/customers/${prospect.id}/activity?from=2020-01-01&to=2020-12-31`);
    expect(tooEarly.body.items).toEqual([]);
    const en = await am1en.get(`/api/customers/${prospect.id}/activity?kinds=lifecycle,payment`);
    expect(en.body.items.map((e: any) => e.title).sort()).toEqual(['Payment 12,345.67 yuan', 'Status Prospect → Survey']);
    expect((await am2.get(`/api/customers/${prospect.id}/activity`)).body.code).toBe('OUT_OF_SCOPE');
    expect((await am1.get(`/api/customers/${prospect.id}/activity?kinds=nonsense`)).status).toBe(400);
    expect((await am1.get(`/api/customers/${prospect.id}/activity?from=2026-02-01&to=2026-01-01`)).status).toBe(400);
  });
});
