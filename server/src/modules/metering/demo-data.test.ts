import { describe, expect, it } from 'vitest';
import { dec } from '@common/decimal';
import { Rng } from '../../platform/demo/rng';
import { demoComposition, demoDeliveries, heatingFactor, type DemoDay } from './demo-data';
import { computeQuality } from './gas-quality.calc';

const points = [
  { pointId: 1, customerId: 1, type: 'city_gas', status: 'active' },
  { pointId: 2, customerId: 2, type: 'industrial', status: 'active' },
  { pointId: 3, customerId: 3, type: 'cng', status: 'active' },
];

function rows(seed = 7) {
  const out: DemoDay[] = [];
  demoDeliveries(points, '2024-11-27', '2026-11-26', new Rng(seed), (r) => out.push(r));
  return out;
}
const mean = (list: DemoDay[]) => list.reduce((a, r) => a.plus(dec(r.volume)), dec(0)).div(list.length || 1);

describe('demo delivery shapes', () => {
  const all = rows();
  it('is deterministic and writes exact 3-place volumes', () => {
    expect(rows().slice(0, 50)).toEqual(all.slice(0, 50));
    expect(all.every((r) => /^\d+\.\d{3}$/.test(r.volume))).toBe(true);
    expect(all.length).toBeGreaterThan(3 * 700);
  });
  it('city gas peaks in the heating season', () => {
    const city = all.filter((r) => r.customerId === 1);
    const jan = city.filter((r) => r.gasDay.slice(5, 7) === '01');
    const jul = city.filter((r) => r.gasDay.slice(5, 7) === '07');
    expect(mean(jan).div(mean(jul)).toNumber()).toBeGreaterThan(1.4);
    expect(heatingFactor('2026-07-15')).toBe(1);
    expect(heatingFactor('2026-01-15')).toBeGreaterThan(1.8);
  });
  it('industry dips at weekends', () => {
    const ind = all.filter((r) => r.customerId === 2 && r.gasDay.slice(5, 7) >= '04' && r.gasDay.slice(5, 7) <= '10');
    const weekend = ind.filter((r) => [0, 6].includes(new Date(r.gasDay + 'T00:00:00Z').getUTCDay()));
    const weekday = ind.filter((r) => ![0, 6].includes(new Date(r.gasDay + 'T00:00:00Z').getUTCDay()));
    expect(mean(weekend).div(mean(weekday)).toNumber()).toBeLessThan(0.85);
  });
  it('has a few estimates and missing days', () => {
    expect(all.some((r) => r.origin === 'estimate')).toBe(true);
    expect(all.length).toBeLessThan(3 * 730);
  });
  it('demo compositions sum to exactly 1 and give a GCV of 34–39 MJ/m³', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 20; i++) {
      const c = demoComposition(rng);
      expect(
        Object.values(c)
          .reduce((a, v) => a.plus(dec(v)), dec(0))
          .toFixed(),
      ).toBe('1');
      const g = dec(computeQuality(c as any).gcvMJm3);
      expect(g.gte(34) && g.lte(39)).toBe(true);
    }
  });
});
