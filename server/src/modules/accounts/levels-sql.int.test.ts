/**
 * Levels in SQL (issue 15 item 3): the set-based statement equals the TypeScript reference.
 *  - property: levelColumns (the SQL form of assessPayment) on random inputs, on the real database;
 *  - rewrite: the stored rows after the one-statement recompute equal the previous path's rows
 *    (levelInputs + assessPayment per row) on the same random ledger and day charges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { dec, decFixed } from '@common/decimal';
import { startTestApp, type TestApp } from '../../../test/harness';
import { assessPayment } from './accounts.calc';
import { levelColumns } from './levels.repo';
import { recomputeLevels } from './levels.service';
import { bulkInsertTransactions } from './ledger.repo';
import { referenceLevels } from './testing/levels-reference';
import { makeBilledCustomer, balanceDrift } from './testing/factory';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const thresholdsArb = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 90 }))
  .map(([a, b, n]) => ({ warnDays: dec(Math.max(a, b)).div(100).toFixed(2), reduceDays: dec(Math.min(a, b)).div(100).toFixed(2), avgDays: n }));
const rowArb = fc.record({
  balanceFen: fc.oneof(fc.integer({ min: -5_000_000, max: 50_000_000 }), fc.constantFrom(0, 1, -1), fc.integer({ min: -(2 ** 45), max: 2 ** 45 })),
  windowChargeFen: fc.oneof(fc.constant(null), fc.constantFrom(0, 1, -1, 7), fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.integer({ min: 1, max: 2 ** 40 })),
  thresholds: thresholdsArb,
});

describe('levels in SQL', () => {
  it('levelColumns equals assessPayment on random inputs (level, average per day, available days)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 200 }), async (rows) => {
        const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
        const { rows: got } = await sql<{ i: number; level: string; avg_fen: number | null; available_days: string | null }>`
          SELECT f.i, ${levelColumns}
            FROM unnest(${rows.map((_, i) => i)}::int[], ${col((r) => r.balanceFen)}::bigint[], ${col((r) => r.windowChargeFen)}::bigint[],
                        ${col((r) => r.thresholds.avgDays)}::int[], ${col((r) => r.thresholds.warnDays)}::numeric[], ${col((r) => r.thresholds.reduceDays)}::numeric[])
                 AS f(i, balance, window_fen, n, warn, red)
           ORDER BY f.i`.execute(t.db);
        expect(got).toHaveLength(rows.length);
        rows.forEach((r, i) => {
          const want = assessPayment(r);
          expect({ level: got[i].level, avg: got[i].avg_fen == null ? null : Number(got[i].avg_fen), days: got[i].available_days }).toEqual({
            level: want.level,
            avg: want.avgDailyChargeFen === null ? null : want.avgDailyChargeFen + 0, // -0 fen is 0 fen
            days: want.availableDays ? want.availableDays.toDecimalPlaces(4).toFixed(4) : null,
          });
        });
      }),
      { numRuns: 40 },
    );
  });

  it('the one-statement recompute stores what the previous per-row path computes, on random data', async () => {
    const day = '2026-03-20';
    const rnd = fc.sample(
      fc.record({
        payFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30_000_000 })),
        debitFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
        days: fc.array(fc.record({ back: fc.integer({ min: 0, max: 12 }), fen: fc.oneof(fc.constant(null), fc.integer({ min: -50_000, max: 900_000 })) }), { maxLength: 8 }),
        own: fc.option(fc.record({ warn: fc.integer({ min: 300, max: 900 }), red: fc.integer({ min: 50, max: 299 }), n: fc.integer({ min: 1, max: 10 }) })),
      }),
      { numRuns: 60, seed: 150 },
    );
    const ids: number[] = [];
    for (let k = 0; k < rnd.length; k++) ids.push((await makeBilledCustomer(t.db, { points: 1 })).id);
    const tx = rnd.flatMap((r, k) => [
      ...(r.payFen ? [{ kind: 'payment' as const, customerId: ids[k], businessDate: '2026-03-01', reference: `LV-P-${ids[k]}`, amountFen: r.payFen, counter: 'bank' as const }] : []),
      ...(r.debitFen ? [{ kind: 'adjustment' as const, customerId: ids[k], businessDate: '2026-03-02', reference: `LV-A-${ids[k]}`, amountFen: -r.debitFen, counter: 'adjustments' as const }] : []),
    ]);
    await bulkInsertTransactions(t.db as any, tx, null);
    // the balances kept with the postings (read by recomputeLevels) equal the sums the reference reads
    expect(await balanceDrift(t.db)).toBe(0);
    const dayRows = rnd.flatMap((r, k) => {
      const seen = new Set<number>();
      return r.days.filter((d) => !seen.has(d.back) && seen.add(d.back)).map((d) => ({ customer_id: ids[k], gas_day: addDay(day, -d.back), volume_m3: '100.000', charge_fen: d.fen }));
    });
    if (dayRows.length) await t.db.insertInto('customer_day_charges').values(dayRows).execute();
    const own = rnd.flatMap((r, k) => (r.own ? [{ customer_id: ids[k], warn_days: dec(r.own.warn).div(100).toFixed(2), reduce_days: dec(r.own.red).div(100).toFixed(2), avg_days: r.own.n }] : []));
    if (own.length) await t.db.insertInto('customer_payment_thresholds').values(own).execute();

    for (const asOf of [addDay(day, -3), day, day]) {
      const want = await referenceLevels(t.db as any, asOf);
      const r = await t.db.transaction().execute((trx) => recomputeLevels(t.built.ctx, trx, { asOfDay: asOf }));
      expect(r.computed).toBe(want.length);
      expect(r.changes.map((c) => c.customerId).sort((a, b) => a - b)).toEqual(want.filter((w) => w.changed).map((w) => w.customer_id));
      const stored = await t.db
        .selectFrom('customer_payment_levels')
        .select([
          'customer_id',
          'level',
          'since_day',
          'balance_fen',
          'window_charge_fen',
          'window_days',
          'avg_daily_charge_fen',
          'available_days',
          'day_volume_m3',
          'day_charge_fen',
          'warn_days',
          'reduce_days',
        ])
        .where(
          'customer_id',
          'in',
          want.map((w) => w.customer_id),
        )
        .orderBy('customer_id')
        .execute();
      const norm = (x: Record<string, unknown>) => ({
        ...x,
        customer_id: Number(x.customer_id),
        day_volume_m3: x.day_volume_m3 == null ? null : decFixed(x.day_volume_m3 as string, 3),
        warn_days: decFixed(x.warn_days as string, 2),
        reduce_days: decFixed(x.reduce_days as string, 2),
      });
      expect(stored.map(norm)).toEqual(want.map(({ changed: _c, ...w }) => norm(w)));
    }
  });
});

function addDay(d: string, n: number) {
  const x = new Date(d + 'T00:00:00Z');
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}
