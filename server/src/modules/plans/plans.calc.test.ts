import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '@common/decimal';
import { allocationGaps, areaForCustomer, deviation, monthsVsTarget, nominationAccuracy, withYtd } from './plans.calc';

const qty = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => `${i}.${String(f).padStart(3, '0')}`);

describe('sales plan calculations (DOMAIN.md §5)', () => {
  it('compares the months with the annual target exactly', () => {
    expect(monthsVsTarget('1200000', Array(12).fill('100000'))).toEqual({ sumM3: '1200000.000', diffM3: '0.000', matches: true });
    expect(monthsVsTarget('1200000', Array(12).fill('99999.999'))).toEqual({ sumM3: '1199999.988', diffM3: '-0.012', matches: false });
    // 0.1 twelve times is exactly 1.2 (binary floats would not say so)
    expect(monthsVsTarget('1.2', Array(12).fill('0.1')).matches).toBe(true);
  });

  it.each([
    ['100', '110', '10.000', '10.00'],
    ['100000', '31515.625', '-68484.375', '-68.48'],
    ['3', '1', '-2.000', '-66.67'],
    ['0', '5', '5.000', null],
  ])('deviation of plan %s vs actual %s', (p, a, m3, pct) => {
    expect(deviation(p, a)).toEqual({ deviationM3: m3, deviationPct: pct });
  });

  it('finds months whose area allocations miss the plan', () => {
    expect(
      allocationGaps(
        [
          { month: 1, volumeM3: '10' },
          { month: 2, volumeM3: '5' },
        ],
        [
          { month: 1, volumeM3: '4.5' },
          { month: 1, volumeM3: '5.5' },
          { month: 2, volumeM3: '4.999' },
        ],
      ),
    ).toEqual([{ month: 2, planM3: '5.000', allocatedM3: '4.999' }]);
  });

  it('YTD of the last month equals the sums of all months (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(qty, qty), { minLength: 12, maxLength: 12 }), (pairs) => {
        const rows = withYtd(pairs.map(([p, a], i) => ({ month: i + 1, planM3: p, actualM3: a })));
        const sp = pairs.reduce((s, [p]) => s.plus(dec(p)), dec(0));
        const sa = pairs.reduce((s, [, a]) => s.plus(dec(a)), dec(0));
        expect(rows[11].ytdPlanM3).toBe(sp.toFixed(3));
        expect(rows[11].ytdActualM3).toBe(sa.toFixed(3));
        expect(dec(rows[11].ytdDeviationM3).eq(sa.minus(sp))).toBe(true);
      }),
    );
  });

  it('nomination accuracy: Σ|actual − nomination| / Σ nomination over days with a reading', () => {
    expect(
      nominationAccuracy([
        { nominationM3: '2500', actualM3: '2000' },
        { nominationM3: '1500', actualM3: '2000' },
        { nominationM3: '999', actualM3: null },
      ]),
    ).toEqual({ errorPct: '25.00', daysCompared: 2, nominatedM3: '4000.000', actualM3: '4000.000' });
    expect(nominationAccuracy([{ nominationM3: '0', actualM3: '10' }]).errorPct).toBeNull();
    expect(nominationAccuracy([]).daysCompared).toBe(0);
  });

  it('maps a customer to the operation area named after its place', () => {
    const areas = ['宜宾作业区', '泸州采气作业区', '重庆作业区'];
    expect(areaForCustomer(areas, { province: '四川省', city: '泸州市', county: '纳溪区' })).toBe('泸州采气作业区');
    expect(areaForCustomer(areas, { province: '重庆市', city: '永川区', county: null })).toBe('重庆作业区');
    expect(areaForCustomer(areas, { province: '四川省', city: '自贡市', county: null })).toBeNull();
  });
});
