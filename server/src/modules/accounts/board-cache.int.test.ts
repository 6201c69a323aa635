/**
 * The payment board is built once per data version and narrowed per user (board.service.ts,
 * platform/db/versioned-cache.ts): a payment through another server process on the same database is
 * on the next read of this one; each user sees only their customers; the cached board equals the
 * board's statement run directly with the user's scope (the path before the cache).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerApp, startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeBilledCustomer } from './testing/factory';
import { board } from './board.repo';

let t: TestApp;
let peer: Awaited<ReturnType<typeof startPeerApp>>;
let finance: Client;
let am: Client;
let a: Awaited<ReturnType<typeof makeBilledCustomer>>;
let b: Awaited<ReturnType<typeof makeBilledCustomer>>;
const pay = (c: Client, customerId: number, amountFen: number, ref: string) =>
  c.post('/api/accounts/payments', { customerId, amountFen, bankRef: ref, valueDate: '2026-05-01' }).then((r) => expect(r.status).toBe(201));

beforeAll(async () => {
  t = await startTestApp();
  peer = await startPeerApp(t);
  finance = await t.userClient(['finance']);
  am = await t.userClient(['account_manager']);
  a = await makeBilledCustomer(t.db, { managerId: am.userId, price: '1.0000', points: 1, name: '缓存看板甲' });
  b = await makeBilledCustomer(t.db, { price: '1.0000', points: 1, name: '缓存看板乙' });
  await pay(finance, a.id, 100_000, `BC-${a.id}-1`);
  await pay(finance, b.id, 200_000, `BC-${b.id}-1`);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

type Board = { total: number; items: { customerId: number; balanceFen: number; level: string }[]; counts: Record<string, number> };
const boardOf = async (c: Client, qs = 'pageSize=500') => {
  const r = await c.get(`/api/accounts/board?${qs}`);
  expect(r.status).toBe(200);
  return r.body as Board;
};
const balanceOf = (x: Board, id: number) => x.items.find((i) => i.customerId === id)?.balanceFen;

describe('payment board cache across server processes', () => {
  it('shows a payment booked through another process on the next read', async () => {
    expect(balanceOf(await boardOf(finance), b.id)).toBe(200_000);
    expect(balanceOf(await boardOf(finance), b.id)).toBe(200_000); // from the cache
    await pay(peer.as(finance), b.id, 50_000, `BC-${b.id}-2`);
    expect(balanceOf(await boardOf(finance), b.id)).toBe(250_000);
  });

  it('narrows to the user’s customers: items, total, counts and pages', async () => {
    const mine = await boardOf(am);
    expect(mine.items.map((i) => i.customerId)).toEqual([a.id]);
    expect(mine.total).toBe(1);
    expect(Object.values(mine.counts).reduce((x, y) => x + y, 0)).toBe(1);
    const all = await boardOf(finance);
    const page2 = await boardOf(finance, 'page=2&pageSize=1');
    expect(page2.items).toEqual(all.items.slice(1, 2));
    expect(page2.total).toBe(all.total);
  });

  it('equals the board statement run directly with each user’s scope, unfiltered and filtered', async () => {
    for (const [c, roles] of [
      [finance, ['finance']],
      [am, ['account_manager']],
    ] as const) {
      const user = { id: c.userId, roles: [...roles] } as any;
      const direct = await board(t.db, user, { page: 1, pageSize: 500 });
      const cached = await boardOf(c);
      expect(cached.items).toEqual(direct.items);
      expect(cached.total).toBe(direct.total);
      const counts = Object.fromEntries(['normal', 'warning', 'reduce', 'stop'].map((l) => [l, direct.items.filter((i) => i.level === l).length]));
      expect(cached.counts).toEqual(counts);
      const level = direct.items[0].level;
      expect((await boardOf(c, `level=${level}&pageSize=500`)).items).toEqual((await board(t.db, user, { level: [level], page: 1, pageSize: 500 })).items);
    }
  });
});
