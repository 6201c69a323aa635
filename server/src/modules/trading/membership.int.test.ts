import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer } from '../customers/testing/factory';
import { biddingBody, tradingCustomer } from './testing/factory';

let t: TestApp;
let lead: Client;
let finance: Client;
let manager: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  manager = await t.userClient(['account_manager']);
});
afterAll(async () => t?.close());

describe('exchange membership (会员注册 → 账户绑定 → 培训)', () => {
  it('dates drive the archive status, in order; follow-ups; the needs-help list; scope', async () => {
    const c = await createCustomer(lead);
    await lead.post(`/api/customers/${c.id}/managers`, { userId: manager.userId, kind: 'full_time' });
    const other = await createCustomer(lead);
    expect((await manager.put(`/api/trading/memberships/${other.id}`, { registeredOn: '2026-01-05' })).status).toBe(403);

    const gap = await manager.put(`/api/trading/memberships/${c.id}`, { boundOn: '2026-01-10' });
    expect([gap.status, gap.body.code]).toEqual([400, 'MEMBERSHIP_GAP']);
    const order = await manager.put(`/api/trading/memberships/${c.id}`, { registeredOn: '2026-01-10', boundOn: '2026-01-05' });
    expect([order.status, order.body.code]).toEqual([400, 'MEMBERSHIP_ORDER']);
    const ok = await manager.put(`/api/trading/memberships/${c.id}`, { registeredOn: '2026-01-05', boundOn: '2026-01-10' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ exchangeStatus: 'bound', registeredOn: '2026-01-05', boundOn: '2026-01-10', trainedOn: null });
    expect((await lead.get(`/api/customers/${c.id}`)).body.exchangeStatus).toBe('bound');

    const f = await manager.post(`/api/trading/memberships/${c.id}/followups`, { onDate: '2026-01-12', note: '约定下周参加培训', nextStep: '培训' });
    expect(f.status).toBe(201);
    expect((await manager.post(`/api/trading/memberships/${c.id}/followups`, { onDate: '2026-01-12', note: 'x\u0000' })).status).toBe(400);
    const help = await manager.get('/api/trading/memberships?needsHelp=true');
    expect(help.body.items.map((x: any) => [x.customerId, x.followups, x.lastFollowupOn])).toEqual([[c.id, 1, '2026-01-12']]);
    await manager.put(`/api/trading/memberships/${c.id}`, { trainedOn: '2026-01-20' });
    expect((await manager.get('/api/trading/memberships?needsHelp=true')).body.total).toBe(0);
    expect((await manager.get('/api/trading/memberships?status=trained')).body.items[0]).toMatchObject({ customerId: c.id, trainedOn: '2026-01-20' });
  });
});

describe('statistics, competition board, training feedback', () => {
  it('counts only real cleared sessions; ranks managers; records simulation feedback', async () => {
    const a = await tradingCustomer(lead, finance, 10_000_000);
    await lead.post(`/api/customers/${a.id}/managers`, { userId: manager.userId, kind: 'full_time' });
    const now = Date.now();
    const s = await lead.post('/api/trading/sessions', biddingBody({ deliveryMonth: '2031-05', floorPrice: '2.0000', eligibleCustomerIds: [a.id] }));
    await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: a.id, price: '2.1000', quantity: '500', idempotencyKey: 's1' });
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    await lead.post(`/api/trading/sessions/${s.body.id}/clear`);
    const sim = await lead.post(
      '/api/trading/sessions',
      biddingBody({ kind: 'simulation', deliveryMonth: '2031-05', virtualAccounts: [{ name: '仿真A', userId: manager.userId, balanceFen: 1_000_000 }] }),
    );
    await manager.post(`/api/trading/sessions/${sim.body.id}/bids`, { virtualAccountId: sim.body.virtualAccounts[0].id, price: '2.5000', quantity: '600', idempotencyKey: 'x' });
    await lead.post(`/api/trading/sessions/${sim.body.id}/close`);
    await lead.post(`/api/trading/sessions/${sim.body.id}/clear`);

    const st = await manager.get('/api/trading/stats?year=2031');
    expect(st.body.current).toMatchObject({ sessions: 1, trades: 1, customers: 1, volume: '500.000', amountFen: 105_000, avgPremium: '0.1000' });
    expect(st.body.previous.trades).toBe(0);
    expect(st.body.change.tradesPct).toBeNull();

    const day = (d: number) => new Date(now + d * 86400_000).toISOString().slice(0, 10);
    const board = await manager.get(`/api/trading/board?from=${day(-2)}&to=${day(2)}`);
    expect(board.body.find((r: any) => r.userId === manager.userId)).toMatchObject({ rank: 1, customers: 1, trades: 1, volume: '500.000' });
    expect(board.body.find((r: any) => r.userId === lead.userId)).toMatchObject({ sessions: 1 });

    const fb = await manager.post(`/api/trading/sessions/${sim.body.id}/feedback`, { virtualAccountId: sim.body.virtualAccounts[0].id, topic: 'rules', rating: 4, comment: '边际报价规则需要多讲解' });
    expect(fb.status).toBe(201);
    expect((await manager.post(`/api/trading/sessions/${s.body.id}/feedback`, { topic: 'rules', rating: 4, comment: 'x' })).body.code).toBe('SIMULATION_ONLY');
    const tr = await manager.get(`/api/trading/sessions/${sim.body.id}/training`);
    expect(tr.body.participants).toEqual([expect.objectContaining({ name: '仿真A', bids: 1, wonQuantity: '600.000' })]);
    expect(tr.body.feedback).toEqual([expect.objectContaining({ topic: 'rules', rating: 4, virtualAccountName: '仿真A' })]);
  });
});
