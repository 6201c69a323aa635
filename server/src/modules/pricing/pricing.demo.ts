/**
 * Demo data of the price book (order 390, after accounts): benchmark city-gate price with a 30 %
 * cap, contract/shale/peak prices per price category with a heating-season rise and one price
 * change a year in (history kept), monthly reference prices. Deterministic (seeded).
 */
import { dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import { inTx } from '../../platform/db/database';
import { addDays } from '../metering';
import { monthsBetween } from '../contracts';

const PRICES: Record<string, [string, string]> = {
  // category → [all-year, heating season] 元/m³ (benchmark 2.20 + 30 % cap = 2.86 for non-residential)
  residential: ['1.9500', '1.9500'],
  non_residential: ['2.4500', '2.5500'],
  industrial: ['2.6000', '2.7500'],
  cng: ['2.5000', '2.6000'],
  power: ['2.3500', '2.4500'],
  chemical_feedstock: ['2.2500', '2.3500'],
  commercial: ['2.8000', '2.8500'],
};

/** First month of the demo's first contract year: the first full month of the two-year window. */
export function demoContractStart(lastDay: string): string {
  const from = addDays(lastDay, -729);
  return from.endsWith('-01') ? from.slice(0, 7) : monthsBetween(from.slice(0, 7), '9999-12')[1];
}

export const pricingDemo = {
  order: 390,
  async run(ctx: DemoContext) {
    const rng = ctx.rng('pricing');
    const lead = ctx.users.get('lead') ?? null;
    const from = addDays(ctx.lastDay, -729);
    const months = monthsBetween(from.slice(0, 7), '9999-12').slice(0, 26);
    const year2 = monthsBetween(demoContractStart(ctx.lastDay), '9999-12')[12];
    await inTx(ctx.app.db, async (trx) => {
      await trx.insertInto('price_benchmarks').values({ effective_from: from, price: '2.2000', float_cap_pct: '30', note: '基准门站价（演示）', created_by: lead }).execute();
      const rows: { tag: string; category: string; basis: 'm3'; season: 'all' | 'heating'; price: string; effective_from: string; note: string | null; created_by: number | null }[] = Object.entries(
        PRICES,
      ).flatMap(([category, [all, heat]]) => [
        { tag: 'contract', category, basis: 'm3' as const, season: 'all' as const, price: all, effective_from: from, note: null, created_by: lead },
        { tag: 'contract', category, basis: 'm3' as const, season: 'heating' as const, price: heat, effective_from: from, note: '采暖季上浮', created_by: lead },
        { tag: 'shale', category, basis: 'm3' as const, season: 'all' as const, price: dec(all).plus('0.05').toFixed(4), effective_from: from, note: null, created_by: lead },
        { tag: 'peak', category, basis: 'm3' as const, season: 'all' as const, price: dec(heat).plus('0.05').toFixed(4), effective_from: from, note: null, created_by: lead },
      ]);
      rows.push({ tag: 'contract', category: 'industrial', basis: 'm3', season: 'all', price: '2.6500', effective_from: `${year2}-01`, note: '年度调价', created_by: lead });
      await trx.insertInto('price_entries').values(rows).execute();
      await trx
        .insertInto('price_reference_months')
        .values(
          months.map((m) => ({
            month: `${m}-01`,
            basis: 'm3' as const,
            price: dec(2950 + rng.int(0, 20) * 10)
              .div(1000)
              .toFixed(4),
            created_by: lead,
          })),
        )
        .execute();
    });
  },
};
