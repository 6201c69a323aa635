import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '@common/decimal';
import { boardVerdict, codeKey, compareCodes, dayPlan, fromMilli, milli, pctChange, sumMilli, trailingAverage, type BoardFacts } from './board.calc';

const base: BoardFacts = { volumeM3: '1000', pointCount: 1, reportedPoints: 1, estimated: false, avgM3: '1000', planM3: '1000', dailyMaxM3: '2000' };
const v = (over: Partial<BoardFacts>, jump = 30) => boardVerdict({ ...base, ...over }, jump);

describe('board flags', () => {
  it.each<[string, Partial<BoardFacts>, string[]]>([
    ['normal day', {}, []],
    ['no data at all is missing (not zero)', { volumeM3: null, reportedPoints: 0 }, ['missing']],
    ['one of two points missing', { pointCount: 2, reportedPoints: 1 }, ['missing']],
    ['zero use', { volumeM3: '0' }, ['zero', 'jump']],
    ['zero use after zero average is not a jump', { volumeM3: '0', avgM3: '0' }, ['zero']],
    ['+30 % exactly is not a jump', { volumeM3: '1300' }, []],
    ['+30.1 % is a jump', { volumeM3: '1301' }, ['jump']],
    ['−31 % is a jump', { volumeM3: '690' }, ['jump']],
    ['use after an average of zero is a jump', { avgM3: '0', volumeM3: '5' }, ['jump']],
    ['no average: no jump', { avgM3: null, volumeM3: '5000', dailyMaxM3: null }, []],
    ['above the contract maximum', { volumeM3: '2000.001', avgM3: '2000' }, ['above_max']],
    ['at the maximum is fine', { volumeM3: '2000', avgM3: '2000' }, []],
    ['partial data already above max', { pointCount: 2, reportedPoints: 1, volumeM3: '2500' }, ['missing', 'above_max']],
    ['partial data is never a jump', { pointCount: 2, reportedPoints: 1, volumeM3: '100' }, ['missing']],
    ['estimate', { estimated: true }, ['estimate']],
  ])('%s', (_name, over, flags) => {
    expect(v(over).flags).toEqual(flags);
  });

  it('uses the configured jump percentage', () => {
    expect(v({ volumeM3: '1150' }, 10).flags).toEqual(['jump']);
    expect(v({ volumeM3: '1150' }, 20).flags).toEqual([]);
  });

  it('computes the change against the average and the plan deviation', () => {
    const r = v({ volumeM3: '1234', avgM3: '1000', planM3: '1100' });
    expect(r.changePct).toBe('23.4');
    expect(r.planDeviationPct).toBe('12.2');
    expect(v({ volumeM3: null, reportedPoints: 0 }).changePct).toBeNull();
    expect(v({ planM3: '0' }).planDeviationPct).toBeNull();
    expect(v({ pointCount: 2, volumeM3: '1234', planM3: '1100' })).toMatchObject({ changePct: null, planDeviationPct: null }); // partial day
  });

  it('trailing average: per point mean over its days with data, summed over points', () => {
    expect(trailingAverage('2000.5004', 2)).toBe('2000.500');
    expect(trailingAverage('3.3335', 1)).toBe('3.334');
    expect(trailingAverage(null, 0)).toBeNull();
    expect(trailingAverage('0', 0)).toBeNull();
  });

  it('day plan: own plan first, else month spread evenly', () => {
    expect(dayPlan('500', '30000', 30)).toBe('500.000');
    expect(dayPlan(null, '30000', 30)).toBe('1000.000');
    expect(dayPlan(null, '100', 31)).toBe('3.226');
    expect(dayPlan(null, null, 30)).toBeNull();
  });

  it('property: a missing day never carries the zero or jump flag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.option(fc.integer({ min: 0, max: 10000 })), (points, reported, vol) => {
        fc.pre(reported < points);
        const r = boardVerdict({ ...base, pointCount: points, reportedPoints: reported, volumeM3: vol == null ? null : String(vol) }, 30);
        return r.flags.includes('missing') && !r.flags.includes('zero') && !r.flags.includes('jump');
      }),
    );
  });

  it('fixed point: thousandths parse and print exactly', () => {
    expect(milli('1001.5')).toBe(1001500n);
    expect(milli('0')).toBe(0n);
    expect(milli('-2.25')).toBe(-2250n);
    expect(() => milli('1.2345')).toThrow(RangeError);
    expect(fromMilli(5n)).toBe('0.005');
    expect(fromMilli(-1500n)).toBe('-1.500');
    expect(sumMilli(['1.5', null, '2.25'])).toBe('3.750');
    expect(pctChange(1250n, 1000n)).toBe('25.0');
    expect(pctChange(1000n, 3000n)).toBe('-66.7');
    expect(pctChange(10005n, 10000n)).toBe('0.1'); // 0.05 % rounds half-up
    expect(pctChange(9995n, 10000n)).toBe('-0.1'); // away from zero
  });

  const q3 = fc.integer({ min: 0, max: 10 ** 12 }).map((n) => fromMilli(BigInt(n)));
  it('property: the percentage equals the Decimal formula (V − B) / B × 100 rounded half-up to 1 place', () => {
    fc.assert(
      fc.property(q3, q3, (a, b) => {
        fc.pre(dec(b).gt(0));
        const ref = dec(a)
          .minus(b)
          .div(b)
          .times(100)
          .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
          .toFixed(1)
          .replace(/^-0\.0$/, '0.0');
        return pctChange(milli(a), milli(b)) === ref;
      }),
    );
  });
  it('property: the jump flag equals |V − avg| / avg × 100 > pct in Decimal', () => {
    const pctArb = fc.integer({ min: 1, max: 200_000 }).map((n) => fromMilli(BigInt(n)));
    fc.assert(
      fc.property(q3, q3, pctArb, (vol, avg, p) => {
        fc.pre(dec(avg).gt(0));
        const ref = dec(vol).minus(avg).abs().div(avg).times(100).gt(p);
        return boardVerdict({ ...base, volumeM3: vol, avgM3: avg, dailyMaxM3: null }, p).flags.includes('jump') === ref;
      }),
    );
  });
});

describe('compareCodes', () => {
  const sign = (x: number) => Math.sign(x);
  it.each([
    ['KH00001', 'KH00002'],
    ['KH99999', 'KH100000'],
    ['KH1', 'KH10'],
    ['A', 'a'],
    ['kh-01', 'KH01'],
    ['KH01', 'KH01'],
    ['', 'KH'],
  ])('%s vs %s as localeCompare', (a, b) => {
    expect(sign(compareCodes(codeKey(a), codeKey(b)))).toBe(sign(a.localeCompare(b)));
    expect(sign(compareCodes(codeKey(b), codeKey(a)))).toBe(sign(b.localeCompare(a)));
  });
  it('orders any codes as localeCompare does (plain and not)', () => {
    const code = fc.stringMatching(/^[0-9A-Za-z_\-. ]{0,8}$/);
    const plain = fc.stringMatching(/^[0-9A-Z]{0,8}$/);
    fc.assert(
      fc.property(fc.oneof(plain, code), fc.oneof(plain, code), (a, b) => {
        expect(sign(compareCodes(codeKey(a), codeKey(b)))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });
});
