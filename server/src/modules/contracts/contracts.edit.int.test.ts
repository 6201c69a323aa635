import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../platform/audit/audit';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { contract, customerWithPoint, yearMonths } from '../settlement/test/factory';

// Editing a draft contract's terms (PUT /api/contracts/:id): only 草稿, same checks as a new contract,
// nothing half-written, audited, within the user's customer scope. Months fixed within one year.
const Y = new Date().getUTCFullYear() - 1;
let t: TestApp;
let admin: Client;
let lead: Client;
let a: Awaited<ReturnType<typeof customerWithPoint>>;
let draft: number;
const terms = (over: Record<string, unknown> = {}) => ({
  contractNo: `HT-E-${a.id}`,
  yearLabel: `${Y}年度`,
  startMonth: `${Y}-01`,
  endMonth: `${Y}-06`,
  months: yearMonths(Y, '100').slice(0, 6),
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  a = await customerWithPoint(admin);
  // an active contract for the second half of the year, and a draft for the first half
  await contract(lead, { customerId: a.id, contractNo: `HT-E2-${a.id}`, yearLabel: `${Y}下半年`, startMonth: `${Y}-07`, endMonth: `${Y}-12`, months: yearMonths(Y, '50').slice(6) });
  draft = await contract(lead, { customerId: a.id, ...terms() }, false);
});
afterAll(async () => t?.close());

describe('editing a draft contract', () => {
  it('replaces the terms and the monthly volumes, audited with before and after', async () => {
    const r = await lead.put(`/api/contracts/${draft}`, {
      ...terms({ endMonth: `${Y}-05`, months: yearMonths(Y, '120', { [`${Y}-02`]: '80.5' }).slice(0, 5) }),
      basis: 'GJ',
      baseTag: 'shale',
      basePrice: '62.1234',
      theta: '0.85',
      tau: '0.2',
      k: '0.3',
      prepaymentTerms: '每月 25 日前预付下月气款',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = await lead.get(`/api/contracts/${draft}`);
    expect(d.body).toMatchObject({
      endMonth: `${Y}-05`,
      basis: 'GJ',
      baseTag: 'shale',
      basePrice: '62.1234',
      theta: '0.8500',
      tau: '0.2000',
      k: '0.3000',
      prepaymentTerms: '每月 25 日前预付下月气款',
      status: 'draft',
    });
    expect(d.body.months.map((m: any) => [m.month, m.quantity, m.version])).toEqual([
      [`${Y}-01`, '120.000', 1],
      [`${Y}-02`, '80.500', 1],
      [`${Y}-03`, '120.000', 1],
      [`${Y}-04`, '120.000', 1],
      [`${Y}-05`, '120.000', 1],
    ]);
    expect(d.body.versions).toHaveLength(1);
    const rows = await t.db.selectFrom(auditTrail().as('x')).select(['action', 'before', 'after']).where('entity_id', '=', String(draft)).where('action', '=', 'contract.update_draft').execute();
    expect(rows).toHaveLength(1);
    expect((rows[0].before as any).end_month).toBe(`${Y}-06`);
    expect((rows[0].after as any).endMonth).toBe(`${Y}-05`);
  });

  it('refuses missing months, negative volumes and overlapping periods with clear zh/en errors, writing nothing', async () => {
    const en = await t.userClient(['sales_lead'], { lang: 'en' });
    const missing = await lead.put(`/api/contracts/${draft}`, terms({ months: yearMonths(Y, '100').slice(0, 4) }));
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('CONTRACT_MONTHS_MISSING');
    expect(missing.body.message).toContain(`${Y}-05、${Y}-06`);
    const neg = await en.put(`/api/contracts/${draft}`, terms({ months: yearMonths(Y, '100', { [`${Y}-03`]: '-5' }).slice(0, 6) }));
    expect(neg.status).toBe(400);
    expect(neg.body.code).toBe('CONTRACT_QUANTITY');
    expect(neg.body.message).toContain(`The contracted quantity for ${Y}-03 must be ≥ 0`);
    const overlap = await en.put(`/api/contracts/${draft}`, terms({ endMonth: `${Y}-08`, months: yearMonths(Y, '100').slice(0, 8) }));
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('CONTRACT_OVERLAP');
    expect(overlap.body.message).toContain(`HT-E2-${a.id}`);
    const zh = await lead.put(`/api/contracts/${draft}`, terms({ endMonth: `${Y}-08`, months: yearMonths(Y, '100').slice(0, 8) }));
    expect(zh.body.message).toContain('合同期间不能重叠');
    const ratio = await en.put(`/api/contracts/${draft}`, terms({ theta: '1.5' }));
    expect(ratio.status).toBe(400);
    expect(ratio.body.message).toContain('theta must be between 0 and 1');
    // nothing was written by the refused edits
    const d = await lead.get(`/api/contracts/${draft}`);
    expect(d.body.endMonth).toBe(`${Y}-05`);
    expect(d.body.months).toHaveLength(5);
  });

  it('edits only drafts, within the user’s customer scope', async () => {
    const active = (await lead.get(`/api/contracts?customerId=${a.id}&status=active`)).body.items[0].id;
    const r = await lead.put(`/api/contracts/${active}`, terms({ contractNo: `HT-E2-${a.id}`, startMonth: `${Y}-07`, endMonth: `${Y}-12`, months: yearMonths(Y, '1').slice(6) }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CONTRACT_STATUS');
    expect(r.body.message).toContain('不能修改');
    const am = await t.userClient(['account_manager']);
    const out = await am.put(`/api/contracts/${draft}`, terms());
    expect(out.status).toBe(403);
    const viewer = await t.userClient(['viewer']);
    expect((await viewer.put(`/api/contracts/${draft}`, terms())).status).toBe(403);
  });
});
