/**
 * Ledger transaction kinds of online trading (线上交易, DOMAIN.md §4), kept apart from the base
 * kinds so that the trading module's needs are one small file here. A frozen deposit moves money
 * from the customer's account to the trading-deposits account, so it lowers the balance that
 * pay-before-gas monitoring uses (DOMAIN.md §6); release and application move it back (applied
 * deposits then pay for the gas won, which the daily charges bill); fees go to trading fees.
 */
export const TRADING_TX_KINDS = ['trading_deposit', 'trading_deposit_release', 'trading_deposit_applied', 'trading_fee'] as const;
export type TradingTxKind = (typeof TRADING_TX_KINDS)[number];

export const TRADING_COUNTER_ACCOUNT: Record<TradingTxKind, 'trading_deposits' | 'trading_fees'> = {
  trading_deposit: 'trading_deposits',
  trading_deposit_release: 'trading_deposits',
  trading_deposit_applied: 'trading_deposits',
  trading_fee: 'trading_fees',
};

export const TRADING_KIND_LABELS: Record<TradingTxKind, { zh: string; en: string }> = {
  trading_deposit: { zh: '交易保证金冻结', en: 'Trading deposit frozen' },
  trading_deposit_release: { zh: '交易保证金释放', en: 'Trading deposit released' },
  trading_deposit_applied: { zh: '保证金转气款', en: 'Trading deposit applied to gas' },
  trading_fee: { zh: '交易手续费', en: 'Trading fee' },
};
