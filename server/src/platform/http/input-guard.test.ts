import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNul } from './input-guard';

describe('findNul', () => {
  it.each([
    ['plain', null],
    ['a\u0000b', '(value)'],
  ])('%j → %s', (v, want) => expect(findNul(v)).toBe(want));

  it('finds NUL in nested values and keys, with their path', () => {
    expect(findNul({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toBe('a[1].c');
    expect(findNul({ ['k\u0000']: 1 })).toBe('k\\0');
    expect(findNul({ a: 1, b: null, c: [true, 2.5] })).toBeNull();
  });

  it('finds a NUL wherever it is put in any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (v, s) => {
        expect(findNul({ wrap: v, s: `${s}\u0000` })).not.toBeNull();
        const clean = JSON.parse(JSON.stringify(v), (_k, x) => (typeof x === 'string' ? x.split('\u0000').join('') : x));
        if (JSON.stringify(clean).includes('\\u0000')) return; // a NUL in a key stays (fast-check rarely makes one)
        expect(findNul(clean)).toBeNull();
      }),
    );
  });
});
