import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidUscc, normalizeUscc, USCC_CHARSET, usccCheckChar, usccProblem } from './uscc.calc';

describe('USCC check digit (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example in GB 32100-2015'],
    ['914403001922038216', '华为技术有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
    ['91110108551385082Q', '北京小米科技有限责任公司'],
    ['91310000717866186P', 'a Shanghai company'],
  ])('accepts the real code %s (%s)', (code) => {
    expect(usccProblem(code)).toBeNull();
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'check_digit'],
    ['914403001922038217', 'check_digit'],
    ['91330100716105852G', 'check_digit'],
    ['911100001000000000', 'check_digit'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000I00Y43', 'charset'],
    ['91350100M000100YO3', 'charset'],
    ['9135010om000100y43', 'charset'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });

  it('computes the check character, with 31 → 0', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    expect(usccCheckChar('short')).toBeNull();
    expect(usccCheckChar('9135010OM000100Y4')).toBeNull();
    // Σ = 0 → 31 − 0 = 31 → '0'
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('normalises case and spaces', () => {
    expect(normalizeUscc(' 9144 0300 7152 6726xg ')).toBe('9144030071526726XG');
  });

  const base = fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

  it('property: any 17-character base plus its computed check character validates', () => {
    fc.assert(fc.property(base, (b) => isValidUscc(b + usccCheckChar(b)!)));
  });

  it('property: any other check character fails', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(...USCC_CHARSET), (b, ch) => {
        fc.pre(ch !== usccCheckChar(b));
        expect(usccProblem(b + ch)).toBe('check_digit');
      }),
    );
  });

  it('property: changing any single character of a valid code is detected', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...USCC_CHARSET), (b, i, ch) => {
        fc.pre(b[i] !== ch);
        const valid = b + usccCheckChar(b)!;
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
    );
  });
});
