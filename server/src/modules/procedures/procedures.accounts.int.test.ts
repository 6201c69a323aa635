/**
 * With the real accounts module: daily charges drive a customer to 预警/减气 (a case opens by
 * itself), the procedure runs, and a real payment lifts the level to 正常, which proposes
 * restoring; the restore is confirmed and the case closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { addPointAndPrice } from './testing/factory';
import { makeCustomer } from '../customers/testing/factory';
import { setDelivery } from '../metering/testing/factory';

let t: TestApp;
let am: Client, lead: Client, finance: Client, ops: Client;

beforeAll(async () => {
  t = await startTestApp();
  am = await t.userClient(['account_manager']);
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  ops = await t.userClient(['operation_area'], { department: '泸州作业区' });
});
afterAll(async () => t?.close());

const run = async (day: string) => {
  const r = await lead.post('/api/jobs/accounts.daily/run', { key: day });
  expect(r.body.status).toBe('succeeded');
};
const last = (d: any) => d.steps[d.steps.length - 1];

describe('procedure driven by payment levels', () => {
  it('opens on 预警, follows 减气, proposes restoring after a real payment, closes on confirmation', async () => {
    const c = await makeCustomer(t.db, { managerId: am.userId, city: '泸州市' });
    const point = await addPointAndPrice(t.db, c.id, '2.0000');
    // 1,000 m³ × 2 元 = 2,000 元 a day against 10,000 元 prepaid
    await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 1_000_000, bankRef: `PR-${c.id}-1`, valueDate: '2026-04-01' });
    for (let d = 1; d <= 7; d++) await setDelivery(t.db, c.id, point, `2026-04-0${d}`, '1000');
    for (let d = 1; d <= 3; d++) await run(`2026-04-0${d}`);
    let list = (await am.get(`/api/procedures/cases?customerId=${c.id}`)).body;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ openedVia: 'auto', triggerLevel: 'warning', level: 'warning', levelGasDay: '2026-04-03', status: 'open' });
    const id = list.items[0].id;
    await run('2026-04-04');
    let d = (await am.get(`/api/procedures/cases/${id}`)).body;
    expect(d).toMatchObject({ level: 'reduce', levelGasDay: '2026-04-04' });
    expect(d.payment).toMatchObject({ level: 'reduce', balanceFen: 200_000 });
    // the manager walks the procedure
    await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'warning' });
    const n = await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'notice' });
    const pdf = await am.get(`/api/procedures/cases/${id}/steps/${last(n.body).id}/notice.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    d = (await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'reduce', targetVolumeM3: '500' })).body;
    expect(last(d)).toMatchObject({ levelAt: 'reduce', operators: [{ id: ops.userId }] });
    await ops.post(`/api/procedures/cases/${id}/steps/${last(d).id}/confirm`, { executedAt: new Date().toISOString(), executorName: '调度员', actualVolumeM3: '500' });
    expect((await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'restore' })).body.code).toBe('PROC_RESTORE_NEEDS_PAYMENT');

    // a real payment: 50,000 元 → 正常 → restoring proposed, managers told
    const p = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 5_000_000, bankRef: `PR-${c.id}-2`, valueDate: '2026-04-05' });
    expect(p.body.status.level).toBe('normal');
    d = (await am.get(`/api/procedures/cases/${id}`)).body;
    expect(d).toMatchObject({ status: 'restore_proposed', level: 'normal' });
    expect(d.options.find((o: any) => o.kind === 'restore')).toMatchObject({ allowed: true, needsReason: false });
    const titles = (await am.get('/api/notifications?limit=200')).body.items.map((x: any) => x.title);
    expect(titles).toContain(`客户已缴费，建议恢复供气：${c.name}`);

    d = (await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'restore' })).body;
    expect(last(d)).toMatchObject({ kind: 'restore', status: 'pending_execution' });
    d = (await ops.post(`/api/procedures/cases/${id}/steps/${last(d).id}/confirm`, { executedAt: new Date().toISOString(), executorName: '调度员' })).body;
    expect(d.status).toBe('closed');
    // re-running a day with the same result opens nothing new
    await run('2026-04-05');
    list = (await am.get(`/api/procedures/cases?customerId=${c.id}`)).body;
    expect(list.items.map((x: any) => x.status)).toEqual(['closed']);
  });

  it('withdraws a pending reduce instruction by itself when a payment brings the level back to 正常', async () => {
    const c = await makeCustomer(t.db, { managerId: am.userId, city: '泸州市' });
    const point = await addPointAndPrice(t.db, c.id, '2.0000');
    await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 1_000_000, bankRef: `PW-${c.id}-1`, valueDate: '2026-05-01' });
    for (let d = 1; d <= 7; d++) await setDelivery(t.db, c.id, point, `2026-05-0${d}`, '1000');
    for (let d = 1; d <= 4; d++) await run(`2026-05-0${d}`);
    const id = (await am.get(`/api/procedures/cases?customerId=${c.id}`)).body.items[0].id;
    await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'warning' });
    await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'notice' });
    let d = (await am.post(`/api/procedures/cases/${id}/steps`, { kind: 'reduce', targetVolumeM3: '500' })).body;
    const reduce = last(d);
    expect(reduce).toMatchObject({ kind: 'reduce', status: 'pending_execution' });

    // the customer pays before the operation area acts
    const p = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 5_000_000, bankRef: `PW-${c.id}-2`, valueDate: '2026-05-05' });
    expect(p.body.status.level).toBe('normal');
    d = (await am.get(`/api/procedures/cases/${id}`)).body;
    expect(d.status).toBe('restore_proposed');
    const step = d.steps.find((s: any) => s.id === reduce.id);
    expect(step.status).toBe('cancelled');
    // the operation area is told, and can no longer confirm the withdrawn instruction
    const opsTitles = (await ops.get('/api/notifications?limit=200')).body.items.map((x: any) => x.title);
    expect(opsTitles.some((x: string) => x.includes('已撤回') && x.includes(c.name))).toBe(true);
    const confirm = await ops.post(`/api/procedures/cases/${id}/steps/${reduce.id}/confirm`, { executedAt: new Date().toISOString(), executorName: '调度员', actualVolumeM3: '500' });
    expect(confirm.status).toBe(409);
    expect(confirm.body.code).toBe('PROC_NOT_PENDING_EXECUTION');
  });
});
