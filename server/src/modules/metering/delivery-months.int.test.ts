/**
 * The monthly roll-up `delivery_months` (migration 202612071421) stays equal to Σ daily_deliveries
 * per customer and month through every kind of write: multi-row insert, upsert (insert + update in
 * one statement), update moving a row to another month and customer-month, delete, and a month
 * emptied of rows (its roll-up row goes). (The ingest paths, COPY included, end in one such
 * INSERT … ON CONFLICT on daily_deliveries: deliveries.repo.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCustomer, type MadeCustomer } from '../customers/testing/factory';
import { setDeliveries, setDelivery } from './testing/factory';
import { deliveredVolumesByMonth } from './published-plans';

let t: TestApp;
let a: MadeCustomer, b: MadeCustomer;

async function rollup() {
  const { rows } = await sql<{ customer_id: number; month: string; v: string; days: number }>`
    SELECT customer_id, to_char(month, 'YYYY-MM') AS month, volume_m3::numeric(20,3)::text AS v, days FROM delivery_months ORDER BY 1, 2`.execute(t.db);
  return rows.map((r) => ({ ...r, customer_id: Number(r.customer_id), days: Number(r.days) }));
}
async function fromDays() {
  const { rows } = await sql<{ customer_id: number; month: string; v: string; days: number }>`
    SELECT customer_id, to_char(gas_day, 'YYYY-MM') AS month, sum(volume_m3)::numeric(20,3)::text AS v, count(*)::int AS days FROM daily_deliveries GROUP BY 1, 2 ORDER BY 1, 2`.execute(t.db);
  return rows.map((r) => ({ ...r, customer_id: Number(r.customer_id), days: Number(r.days) }));
}

beforeAll(async () => {
  t = await startTestApp();
  a = await makeCustomer(t.db, { points: 2 });
  b = await makeCustomer(t.db, { points: 1 });
});
afterAll(async () => t?.close());

describe('delivery_months roll-up', () => {
  it('follows inserts, upserts, updates across months and deletes', async () => {
    await setDeliveries(t.db, [
      { customerId: a.id, pointId: a.points[0].id, gasDay: '2024-01-31', volumeM3: '100.125' },
      { customerId: a.id, pointId: a.points[1].id, gasDay: '2024-01-31', volumeM3: '0.875' },
      { customerId: a.id, pointId: a.points[0].id, gasDay: '2024-02-01', volumeM3: '50' },
      { customerId: b.id, pointId: b.points[0].id, gasDay: '2024-02-29', volumeM3: '7.001' },
    ]);
    expect(await rollup()).toEqual([
      { customer_id: a.id, month: '2024-01', v: '101.000', days: 2 },
      { customer_id: a.id, month: '2024-02', v: '50.000', days: 1 },
      { customer_id: b.id, month: '2024-02', v: '7.001', days: 1 },
    ]);
    // upsert: one row updated, one inserted
    await setDelivery(t.db, a.id, a.points[0].id, '2024-01-31', '0.125');
    await setDelivery(t.db, a.id, a.points[0].id, '2024-03-01', '3');
    // an update that changes nothing leaves the roll-up as it is; one moving a day to another month moves its volume
    await sql`UPDATE daily_deliveries SET volume_m3 = volume_m3 WHERE customer_id = ${a.id}`.execute(t.db);
    await sql`UPDATE daily_deliveries SET gas_day = '2024-04-15' WHERE customer_id = ${b.id}`.execute(t.db);
    expect(await rollup()).toEqual([
      { customer_id: a.id, month: '2024-01', v: '1.000', days: 2 },
      { customer_id: a.id, month: '2024-02', v: '50.000', days: 1 },
      { customer_id: a.id, month: '2024-03', v: '3.000', days: 1 },
      { customer_id: b.id, month: '2024-04', v: '7.001', days: 1 },
    ]);
    await sql`DELETE FROM daily_deliveries WHERE customer_id = ${a.id} AND gas_day = '2024-02-01'`.execute(t.db);
    await sql`DELETE FROM daily_deliveries WHERE delivery_point_id = ${a.points[1].id}`.execute(t.db);
    expect(await rollup()).toEqual(await fromDays());
    expect((await rollup()).map((r) => r.month)).toEqual(['2024-01', '2024-03', '2024-04']);
  });

  it('the published fragment reads it per month of a year', async () => {
    const HY = 2025;
    const c = await makeCustomer(t.db, { points: 1 });
    await setDeliveries(
      t.db,
      [1, 2, 3].map((d) => ({ customerId: c.id, pointId: c.points[0].id, gasDay: `${HY}-05-0${d}`, volumeM3: '10.5' })),
    );
    expect(await rollup()).toEqual(await fromDays());
    const year = async (y: number) =>
      (await sql<{ customer_id: number; month: number; volume_m3: string }>`SELECT * FROM (${deliveredVolumesByMonth(y)}) m ORDER BY 1, 2`.execute(t.db)).rows.map((x) => [
        Number(x.customer_id),
        Number(x.month),
        x.volume_m3,
      ]);
    expect(await year(HY)).toEqual([[c.id, 5, '31.500']]);
    expect(await year(2024)).toEqual([
      [a.id, 1, '0.125'], // the second point's 0.875 was deleted above
      [a.id, 3, '3.000'],
      [b.id, 4, '7.001'],
    ]);
    expect(await year(2023)).toEqual([]);
  });
});
