import { describe, expect, it } from 'vitest';
import { diffToTarget, isVolume, splitEvenly, sumVolumes } from './plan-volumes';

describe('plan form helpers', () => {
  it('splits a target evenly in whole thousandths, the remainder on the last month, summing exactly', () => {
    const parts = splitEvenly('1000000', 12);
    expect(parts.slice(0, 11)).toEqual(Array.from({ length: 11 }, () => '83333.333'));
    expect(parts[11]).toBe('83333.337');
    expect(sumVolumes(parts)).toBe('1000000.000');
    expect(splitEvenly('0.005', 3)).toEqual(['0.001', '0.001', '0.003']);
    expect(splitEvenly('100', 0)).toEqual([]);
  });
  it('sums only valid volumes and gives the difference to the target', () => {
    expect(sumVolumes(['0.1', '0.2', '', null, 'abc', '-5'])).toBe('0.300');
    expect(
      diffToTarget(
        '1200',
        Array.from({ length: 12 }, () => '99.999'),
      ),
    ).toBe('-0.012');
    expect(
      diffToTarget(
        '1200',
        Array.from({ length: 12 }, () => '100'),
      ),
    ).toBe('0.000');
  });
  it('accepts volumes with at most 3 decimals', () => {
    expect(isVolume('12.345')).toBe(true);
    expect(isVolume('12.3456')).toBe(false);
    expect(isVolume('-1')).toBe(false);
  });
});
