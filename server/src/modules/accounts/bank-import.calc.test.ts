import { describe, expect, it } from 'vitest';
import { bankHeader, bankRowMessage, matchLine, parseBankRow } from './bank-import.calc';

describe('bank statement rows', () => {
  it('recognises Chinese and English headers', () => {
    expect(['交易流水号', '交易日期', '贷方金额', '对方户名', '对方账号', '摘要', 'Amount', '其他'].map(bankHeader)).toEqual([
      'bankRef',
      'valueDate',
      'amount',
      'payerName',
      'payerAccount',
      'memo',
      'amount',
      null,
    ]);
  });
  it.each([
    [
      { bankRef: 'B1', valueDate: '2026/3/5', amount: '12,345.60', payerName: ' 某公司 ', payerAccount: '6222 0001' },
      { row: 2, bankRef: 'B1', valueDate: '2026-03-05', amountFen: 1_234_560, payerName: '某公司', payerAccount: '62220001', memo: null },
    ],
    [
      { bankRef: 'B2', valueDate: new Date('2026-03-06T00:00:00Z'), amount: 100.1 },
      { row: 2, bankRef: 'B2', valueDate: '2026-03-06', amountFen: 10_010, payerName: null, payerAccount: null, memo: null },
    ],
    [{ bankRef: 'B3', valueDate: '20260307', amount: '-50' }, { skip: 'not a credit' }],
    [{ bankRef: 'B4', valueDate: '2026-02-30', amount: '1' }, { error: { row: 2, field: 'valueDate', code: 'BAD_DATE', value: '2026-02-30' } }],
    [{ bankRef: 'B5', valueDate: '2026-13-01', amount: '1' }, { error: { row: 2, field: 'valueDate', code: 'BAD_DATE', value: '2026-13-01' } }],
    [{ bankRef: '', valueDate: '2026-03-01', amount: '1' }, { error: { row: 2, field: 'bankRef', code: 'REQUIRED' } }],
    [{ bankRef: 'B6', valueDate: '2026-03-01', amount: '1.234' }, { error: { row: 2, field: 'amount', code: 'BAD_AMOUNT', value: '1.234' } }],
    [{ bankRef: 'B7', valueDate: '2026-03-01' }, { error: { row: 2, field: 'amount', code: 'REQUIRED' } }],
  ])('%o', (raw, expected) => {
    expect(parseBankRow(2, raw as any)).toEqual(expected);
  });
  it("words a row error in the user's language only", () => {
    const e = { row: 4, field: 'amount', code: 'BAD_AMOUNT', value: '1.234' } as const;
    expect(bankRowMessage(e, 'zh-CN')).toBe('第 4 行「金额」：“1.234”不是有效金额（元，最多两位小数）');
    expect(bankRowMessage(e, 'en')).toBe('Row 4, amount: "1.234" is not a valid amount (yuan, at most two decimals)');
    expect(bankRowMessage(e, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('matches by learned account, then learned name, then the customer name', () => {
    const maps = [
      { payerAccount: '111', payerName: 'A公司', customerId: 1 },
      { payerAccount: null, payerName: 'B公司', customerId: 2 },
    ];
    const names = new Map([['C公司', 3]]);
    expect(matchLine({ payerAccount: '111', payerName: '别名' }, maps, names)).toEqual({ customerId: 1, by: 'account' });
    expect(matchLine({ payerAccount: '999', payerName: 'B公司' }, maps, names)).toEqual({ customerId: 2, by: 'name' });
    expect(matchLine({ payerAccount: null, payerName: 'C公司' }, maps, names)).toEqual({ customerId: 3, by: 'customer_name' });
    expect(matchLine({ payerAccount: '999', payerName: 'A公司' }, maps, names)).toBeNull();
  });
});
