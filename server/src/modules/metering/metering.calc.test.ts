import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '@common/decimal';
import { convertQuantity, energyGJ, m3ToWan, m3ToYi, monthlyTotals, periodTotal, presentQuantity, pricePerGJ, pricePerM3, volumeFromEnergy, wanToM3, weightedGcv, yiToM3 } from './metering.calc';

describe('energy E[GJ] = V[m³] × GCV[MJ/m³] / 1000 (DOMAIN.md §2)', () => {
  it.each([
    ['10000', '36.5', '365'],
    ['1', '38', '0.038'],
    ['1234567.891', '35.1234', '43362.2218627494'],
    ['0', '36.5', '0'], // zero volume
    ['0.001', '34', '0.000034'],
    ['100000000', '39', '3900000'], // one 亿方
  ])('%s m³ at %s MJ/m³ = %s GJ', (v, gcv, e) => {
    expect(energyGJ(v, gcv).toFixed()).toBe(e);
  });

  it('volume from energy inverts it, and refuses a GCV that is not positive', () => {
    expect(volumeFromEnergy('365', '36.5').toFixed()).toBe('10000');
    expect(() => volumeFromEnergy('1', '0')).toThrow(RangeError);
  });
});

describe('conversions m³ ⇄ 万方 ⇄ 亿方 ⇄ GJ', () => {
  it.each([
    ['12345678', 'm3', 'wan', null, '1234.5678'],
    ['12345678', 'm3', 'yi', null, '0.12345678'],
    ['1.5', 'wan', 'm3', null, '15000'],
    ['2', 'yi', 'wan', null, '20000'],
    ['10000', 'm3', 'gj', '36', '360'],
    ['1', 'wan', 'gj', '35', '350'],
    ['350', 'gj', 'wan', '35', '1'],
    ['0', 'wan', 'gj', '36', '0'],
  ] as const)('%s %s → %s (GCV %s) = %s', (v, from, to, gcv, out) => {
    expect(convertQuantity(v, from, to, gcv)!.toFixed()).toBe(out);
  });

  it('is unknown (null), never zero, when GJ is involved and the GCV is missing', () => {
    expect(convertQuantity('100', 'm3', 'gj', null)).toBeNull();
    expect(convertQuantity('100', 'gj', 'm3', undefined)).toBeNull();
    expect(convertQuantity('100', 'gj', 'm3', '0')).toBeNull();
    expect(presentQuantity('100', null, 'gj')).toBeNull();
    expect(presentQuantity(null, null, 'wan')).toBeNull();
  });

  it('presents with fixed places per unit', () => {
    expect(presentQuantity('12345.6789', null, 'm3')).toBe('12345.679');
    expect(presentQuantity('12345', null, 'wan')).toBe('1.2345');
    expect(presentQuantity('12345', null, 'yi')).toBe('0.000123');
    expect(presentQuantity('12345', '444.42', 'gj')).toBe('444.420');
  });
});

describe('price per m³ ⇄ per GJ: P_GJ = P_m³ × 1000 / GCV (DOMAIN.md §2)', () => {
  it.each([
    ['2.5', '40', '62.5'],
    ['2.5', '36', '69.44444444444444444444444444444444444444'],
    ['3.1', '36.4', '85.16483516483516483516483516483516483516'],
    ['0', '36', '0'],
  ])('%s 元/m³ at %s MJ/m³ = %s 元/GJ', (p, gcv, out) => {
    expect(pricePerGJ(p, gcv).toFixed()).toBe(out);
  });
  it('converts back and refuses a missing GCV', () => {
    expect(pricePerM3('62.5', '40').toFixed()).toBe('2.5');
    expect(() => pricePerGJ('2.5', '0')).toThrow(RangeError);
  });
});

describe('volume-weighted GCV ΣE/ΣV and period totals', () => {
  it('weights by volume', () => {
    const days = [
      { volumeM3: '100', energyGJ: energyGJ('100', '35') },
      { volumeM3: '300', energyGJ: energyGJ('300', '39') },
    ];
    expect(weightedGcv(days)!.toFixed()).toBe('38');
  });
  it('is null for zero volume or no GCV at all', () => {
    expect(weightedGcv([])).toBeNull();
    expect(weightedGcv([{ volumeM3: '0', energyGJ: '0' }])).toBeNull();
    expect(weightedGcv([{ volumeM3: '100', energyGJ: null }])).toBeNull();
  });
  it('a period with a day without GCV has a volume but no energy total', () => {
    const t = periodTotal([
      { volumeM3: '100', energyGJ: '3.6' },
      { volumeM3: '50', energyGJ: null },
    ]);
    expect(t.volumeM3.toFixed()).toBe('150');
    expect(t.energyGJ).toBeNull();
    expect(t.gcvMJm3!.toFixed()).toBe('36');
    expect(t.entriesWithoutEnergy).toBe(1);
  });
  it('totals by month', () => {
    const m = monthlyTotals([
      { gasDay: '2026-10-31', volumeM3: '10', energyGJ: '0.36' },
      { gasDay: '2026-11-01', volumeM3: '20', energyGJ: '0.7' },
      { gasDay: '2026-11-02', volumeM3: '20', energyGJ: '0.74' },
    ]);
    expect(m.map((x) => [x.month, x.total.volumeM3.toFixed(), x.total.energyGJ!.toFixed(), x.total.gcvMJm3!.toFixed()])).toEqual([
      ['2026-10', '10', '0.36', '36'],
      ['2026-11', '40', '1.44', '36'],
    ]);
  });
});

const volume = fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => dec(n).div(1000)); // m³, 3 places
const gcv = fc.integer({ min: 300_000, max: 450_000 }).map((n) => dec(n).div(10_000)); // 30–45 MJ/m³
const price = fc.integer({ min: 1, max: 100_000 }).map((n) => dec(n).div(10_000));

describe('properties', () => {
  it('m³ → 万方 → 亿方 → m³ is exact', () => {
    fc.assert(fc.property(volume, (v) => yiToM3(m3ToYi(wanToM3(m3ToWan(v)))).eq(v)));
  });
  it('m³ → GJ → m³ returns the volume (to 20 places)', () => {
    fc.assert(fc.property(volume, gcv, (v, g) => volumeFromEnergy(energyGJ(v, g), g).toDecimalPlaces(20).eq(v)));
  });
  it('price per m³ → per GJ → per m³ returns the price (to 20 places)', () => {
    fc.assert(fc.property(price, gcv, (p, g) => pricePerM3(pricePerGJ(p, g), g).toDecimalPlaces(20).eq(p)));
  });
  it('energy is additive in volume', () => {
    fc.assert(fc.property(volume, volume, gcv, (a, b, g) => energyGJ(a.plus(b), g).eq(energyGJ(a, g).plus(energyGJ(b, g)))));
  });
  it('the weighted GCV lies between the smallest and largest daily GCV', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(volume, gcv), { minLength: 1, maxLength: 40 }), (days) => {
        const w = weightedGcv(days.map(([v, g]) => ({ volumeM3: v, energyGJ: energyGJ(v, g) })));
        const used = days.filter(([v]) => v.gt(0)).map(([, g]) => g);
        if (!used.length) return w === null;
        const min = used.reduce((a, b) => (a.lt(b) ? a : b));
        const max = used.reduce((a, b) => (a.gt(b) ? a : b));
        return w !== null && w.gte(min.minus('1e-30')) && w.lte(max.plus('1e-30'));
      }),
    );
  });
});
