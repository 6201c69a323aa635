/** Table types of the accounts module (migrations 0300_*). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric } from '../../platform/db/schema';
import type { AccountKind, PaymentLevel, TxKind } from './accounts.calc';

export type ChargePriceSource = 'contract' | 'provisional';

export interface LedgerAccountsTable {
  id: Generated<number>;
  kind: AccountKind;
  customer_id: number | null;
  name: string;
  name_en: string;
  created_at: Generated<Date>;
}

export interface AccountingPeriodsTable {
  month: DateStr;
  closed_at: Generated<Date>;
  closed_by: number | null;
  note: string | null;
}

export interface LedgerTransactionsTable {
  id: Generated<number>;
  kind: TxKind;
  customer_id: number;
  business_date: DateStr;
  period: string;
  charge_day: DateStr | null;
  reference: string | null;
  payer_name: string | null;
  payer_account: string | null;
  note: string | null;
  reverses_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  /** Daily charges: where the price came from (migration 202612071000); null otherwise. */
  price_source: ChargePriceSource | null;
}

export interface LedgerPostingsTable {
  transaction_id: number;
  line: number;
  account_id: number;
  customer_id: number | null;
  amount_fen: number;
  /** The business date of its transaction (partition key, checked by the ledger trigger). */
  business_date: DateStr;
}

/** Each customer's balance (Σ of its postings), written only by the ledger trigger with the postings. */
export interface CustomerBalancesTable {
  customer_id: number;
  balance_fen: number;
}

export interface LedgerAdjustmentsTable {
  id: Generated<number>;
  customer_id: number;
  amount_fen: number;
  business_date: DateStr;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  entered_by: number;
  entered_at: Generated<Date>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  transaction_id: number | null;
}

export interface CustomerProvisionalPricesTable {
  customer_id: number;
  effective_from: DateStr;
  price: Numeric;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CustomerPaymentThresholdsTable {
  customer_id: number;
  warn_days: Numeric | null;
  reduce_days: Numeric | null;
  avg_days: number | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface CustomerPaymentLevelsTable {
  customer_id: number;
  level: PaymentLevel;
  since_day: DateStr;
  as_of_day: DateStr;
  balance_fen: number;
  window_charge_fen: number | null;
  window_days: number;
  avg_daily_charge_fen: number | null;
  available_days: Numeric | null;
  day_volume_m3: Numeric | null;
  day_charge_fen: number | null;
  warn_days: Numeric;
  reduce_days: Numeric;
  updated_at: Generated<Date>;
}

export interface PaymentLevelChangesTable {
  id: Generated<number>;
  customer_id: number;
  gas_day: DateStr;
  from_level: PaymentLevel | null;
  to_level: PaymentLevel;
  balance_fen: number;
  available_days: Numeric | null;
  at: Generated<Date>;
}

export interface CustomerDayChargesTable {
  customer_id: number;
  gas_day: DateStr;
  volume_m3: Numeric;
  charge_fen: number | null;
  price_source: ChargePriceSource | null;
  /** What the daily run priced (migration 202612071428): quantity in `basis` units × price (元/m³ | 元/GJ). */
  quantity: Generated<Numeric | null>;
  basis: Generated<'m3' | 'GJ' | null>;
  price: Generated<Numeric | null>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    ledger_accounts: LedgerAccountsTable;
    accounting_periods: AccountingPeriodsTable;
    ledger_transactions: LedgerTransactionsTable;
    ledger_postings: LedgerPostingsTable;
    ledger_adjustments: LedgerAdjustmentsTable;
    customer_provisional_prices: CustomerProvisionalPricesTable;
    customer_payment_thresholds: CustomerPaymentThresholdsTable;
    customer_payment_levels: CustomerPaymentLevelsTable;
    payment_level_changes: PaymentLevelChangesTable;
    customer_day_charges: CustomerDayChargesTable;
    customer_balances: CustomerBalancesTable;
  }
}

export interface BankStatementImportsTable {
  id: Generated<number>;
  filename: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
  lines: number;
  posted: number;
  unmatched: number;
}

export type BankLineStatus = 'posted' | 'duplicate' | 'unmatched' | 'ignored' | 'rejected';
export type MatchedBy = 'account' | 'name' | 'customer_name' | 'manual';

export interface BankStatementLinesTable {
  id: Generated<number>;
  import_id: number;
  row_no: number;
  bank_ref: string;
  value_date: DateStr;
  amount_fen: number;
  payer_name: string | null;
  payer_account: string | null;
  memo: string | null;
  status: BankLineStatus;
  reason: string | null;
  customer_id: number | null;
  matched_by: MatchedBy | null;
  transaction_id: number | null;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface BankPayerMappingsTable {
  id: Generated<number>;
  payer_account: string | null;
  payer_name: string | null;
  customer_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    bank_statement_imports: BankStatementImportsTable;
    bank_statement_lines: BankStatementLinesTable;
    bank_payer_mappings: BankPayerMappingsTable;
  }
}
