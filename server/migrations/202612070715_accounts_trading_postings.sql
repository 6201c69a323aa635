-- Ledger transaction kinds for online trading (trading module, DOMAIN.md §4): deposits frozen,
-- released and applied against the trading-deposits account, fees against trading fees.
-- The reference of a trading posting is unique per kind so that a retried clearing posts once.
ALTER TABLE ledger_transactions DROP CONSTRAINT IF EXISTS ledger_transactions_kind_check;
ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check CHECK (kind IN (
  'payment', 'daily_charge', 'settlement_true_up', 'adjustment', 'refund', 'reversal',
  'trading_deposit', 'trading_deposit_release', 'trading_deposit_applied', 'trading_fee'));
ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_trading_ref CHECK (kind NOT LIKE 'trading\_%' OR reference IS NOT NULL);
CREATE UNIQUE INDEX ledger_transactions_trading_ref_once ON ledger_transactions(kind, reference) WHERE kind LIKE 'trading\_%';
