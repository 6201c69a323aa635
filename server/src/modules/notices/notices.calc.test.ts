import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completionRate, fillText, isOverdue, letterValues, noticeNo, placeholdersOf, unknownPlaceholders } from './notices.calc';

describe('placeholders', () => {
  it.each([
    ['{customerName}：价格自{effectiveDate}起调整', ['customerName', 'effectiveDate']],
    ['{a}{a}{b}', ['a', 'b']],
    ['no placeholders {} { x } {1abc} {中文}', []],
    ['{x_1}', ['x_1']],
  ])('finds the placeholders of %s', (text, expected) => expect(placeholdersOf(text)).toEqual(expected));

  it('reports unknown placeholders with the text they are in', () => {
    expect(unknownPlaceholders({ title: '{customerName}', body: '自{effectiveDate}起，{newPrice}元，{oops}' }, ['effectiveDate', 'newPrice'])).toEqual([{ field: 'body', placeholder: 'oops' }]);
    expect(unknownPlaceholders({ body: '{managers}{date}{noticeNo}{dueDate}{customerCode}{managerPhone}' }, [])).toEqual([]);
  });

  it('fills values literally and keeps unknown placeholders as written', () => {
    expect(fillText('{customerName}：{x} {y}', { customerName: '泸州{x}燃气', x: '1' })).toBe('泸州{x}燃气：1 {y}');
    expect(fillText('经理 {managerName}', { managerName: null })).toBe('经理 —');
  });

  it('fills builtins per language', () => {
    const n = { no: 'GZ20261201-000001', sentOn: '2026-12-01', receiptDueOn: '2026-12-11', fieldValues: { newPrice: '2.36' } };
    const r = { customerName: '甲公司', customerCode: 'KH00001', managerName: '张伟', managerPhone: '139', managers: null };
    expect(fillText('{date}/{dueDate}/{newPrice}/{managers}', letterValues(r, n, 'zh'))).toBe('2026年12月1日/2026年12月11日/2.36/—');
    expect(fillText('{date}/{dueDate}', letterValues(r, n, 'en'))).toBe('2026-12-01/2026-12-11');
    // A custom field cannot override a builtin
    expect(fillText('{customerName}', letterValues(r, { ...n, fieldValues: { customerName: 'x' } }, 'zh'))).toBe('甲公司');
  });

  it('never leaves a known placeholder unfilled (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('customerName', 'customerCode', 'date', 'k1'), { maxLength: 8 }), fc.string({ maxLength: 20 }), (keys, v) => {
        const text = keys.map((k) => `{${k}}`).join('-');
        const out = fillText(text, { customerName: v, customerCode: v, date: v, k1: v });
        return out === keys.map(() => v).join('-');
      }),
    );
  });
});

describe('completion rate (returned ÷ required, %, one decimal half-up)', () => {
  it.each([
    [0, 0, null],
    [0, 3, '0.0'],
    [3, 3, '100.0'],
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [1, 8, '12.5'],
    [1, 16, '6.3'], // 6.25 → 6.3 half-up
    [29, 40, '72.5'],
  ])('%i of %i → %s', (returned, required, expected) => expect(completionRate(returned, required)).toBe(expected));

  it('refuses impossible counts', () => {
    expect(() => completionRate(4, 3)).toThrow(RangeError);
    expect(() => completionRate(-1, 3)).toThrow(RangeError);
  });

  it('stays within 0–100 and grows with returned receipts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (required, r) => {
        const returned = r % (required + 1);
        const rate = Number(completionRate(returned, required));
        const next = returned < required ? Number(completionRate(returned + 1, required)) : 100;
        return rate >= 0 && rate <= 100 && next >= rate;
      }),
    );
  });
});

describe('receipts and numbers', () => {
  it('is overdue only when pending after the due day', () => {
    expect(isOverdue('pending', '2026-12-10', '2026-12-10')).toBe(false);
    expect(isOverdue('pending', '2026-12-10', '2026-12-11')).toBe(true);
    expect(isOverdue('returned', '2026-12-10', '2026-12-11')).toBe(false);
    expect(isOverdue('not_required', null, '2026-12-11')).toBe(false);
  });
  it('numbers notices by date and id', () => expect(noticeNo('2026-12-07', 42)).toBe('GZ20261207-000042'));
});
