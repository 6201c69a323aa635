/**
 * The usage board is built once per data version and narrowed per user (board.service.ts,
 * platform/db/versioned-cache.ts). A write through another server process on the same database is
 * on the next read of this one; each user still sees only their customers; the cached board equals
 * the board's statement run directly with the user's scope (the path before the cache).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerApp, startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeCustomer, makeDeliveryPoint } from '../customers/testing/factory';
import { inCustomerScope } from '../customers';
import { lastCompleteGasDay, addDays } from './gas-day.calc';
import { boardRows } from './board.repo';
import { getSettings } from './settings.repo';
import { toItem } from './board.service';

let t: TestApp;
let peer: Awaited<ReturnType<typeof startPeerApp>>;
let lead: Client;
let am: Client;
let D: string;
let mine: Awaited<ReturnType<typeof makeCustomer>>;
let theirs: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  peer = await startPeerApp(t);
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  D = lastCompleteGasDay(new Date());
  mine = await makeCustomer(t.db, { name: '缓存甲', managerId: am.userId, points: 1 });
  theirs = await makeCustomer(t.db, { name: '缓存乙', points: 1 });
  const rows = [mine, theirs].flatMap((c) => [1, 2, 3].map((i) => ({ meterNo: c.points[0].meterNo, gasDay: addDays(D, -i), volumeM3: '1000' })));
  rows.push({ meterNo: mine.points[0].meterNo, gasDay: D, volumeM3: '1000' }, { meterNo: theirs.points[0].meterNo, gasDay: D, volumeM3: '2000' });
  expect((await lead.post('/api/metering/deliveries/batch', { rows })).body.inserted).toBe(rows.length);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

const boardOf = async (c: Client) => {
  const r = await c.get(`/api/metering/board?day=${D}&pageSize=500&sort=code`);
  expect(r.status).toBe(200);
  return r.body as { total: number; summary: { customers: number; volumeM3: string }; items: { customerId: number; volumeM3: string | null; pointCount: number; flags: string[] }[] };
};
const row = (b: Awaited<ReturnType<typeof boardOf>>, id: number) => b.items.find((i) => i.customerId === id);

describe('usage board cache across server processes', () => {
  it('shows another process’s correction and new delivery point on the next read', async () => {
    expect(row(await boardOf(lead), theirs.id)?.volumeM3).toBe('2000.000');
    expect(row(await boardOf(lead), theirs.id)?.volumeM3).toBe('2000.000'); // served from the cache
    // a correction through the peer's API
    const fix = await peer.as(lead).post('/api/metering/deliveries/batch', { rows: [{ meterNo: theirs.points[0].meterNo, gasDay: D, volumeM3: '2500' }] });
    expect(fix.status).toBe(200);
    expect(row(await boardOf(lead), theirs.id)?.volumeM3).toBe('2500.000');
    // a new delivery point written by the peer's connection (customers' tables)
    await makeDeliveryPoint(peer.db, theirs.id, {});
    expect(row(await boardOf(lead), theirs.id)?.pointCount).toBe(2);
  });

  it('narrows the company-wide board to the user’s customers, per request', async () => {
    const a = await boardOf(am);
    expect(a.items.map((i) => i.customerId)).toEqual([mine.id]);
    expect(a.summary).toMatchObject({ customers: 1, volumeM3: '1000.000' });
    // the lead's board is cached by now: the manager's view is still only theirs
    await boardOf(lead);
    expect((await boardOf(am)).items.map((i) => i.customerId)).toEqual([mine.id]);
  });

  it('equals the board statement run directly with each user’s scope', async () => {
    const s = await getSettings(t.db);
    for (const [c, roles] of [
      [lead, ['sales_lead']],
      [am, ['account_manager']],
    ] as const) {
      const direct = (await boardRows(t.db, inCustomerScope({ id: c.userId, roles: [...roles] }, 'c.id'), D, s.avgDays, s.gcvLookbackDays)).map((r) => toItem(r, D, s.jumpPct));
      const cached = await boardOf(c);
      const pick = (i: { customerId: number; volumeM3: string | null; pointCount: number; flags: string[] }) => [i.customerId, i.volumeM3, i.pointCount, i.flags.join()];
      expect(cached.items.map(pick).sort()).toEqual(direct.map(pick).sort());
    }
  });
});
