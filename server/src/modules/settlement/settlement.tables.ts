/** Table types of the settlement module (migrations 202612070622_settlement_core, …_deviation). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric } from '../../platform/db/schema';
import type { LineKind } from './settlement.calc';

export type MonthStatus = 'draft' | 'confirmed' | 'closed';

export interface SettlementMonthsTable {
  month: DateStr;
  status: Generated<MonthStatus>;
  runs: Generated<number>;
  last_run_at: Date | null;
  last_run_by: number | null;
  confirmed_at: Date | null;
  confirmed_by: number | null;
  closed_at: Date | null;
  closed_by: number | null;
  reopened_at: Date | null;
  reopened_by: number | null;
  reopen_reason: string | null;
}
export interface SettlementStatementsTable {
  customer_id: number;
  month: DateStr;
  contract_id: number | null;
  contract_no: string | null;
  basis: 'm3' | 'GJ';
  actual: Numeric;
  contracted: Numeric;
  total_fen: number;
  daily_charges_fen: number;
  true_up_posted_fen: Generated<number>;
  over_take: Generated<boolean>;
  updated_at: Generated<Date>;
}
export interface SettlementLinesTable {
  customer_id: number;
  month: DateStr;
  line_no: number;
  kind: LineKind;
  tag: string;
  quantity: Numeric;
  price: Numeric | null;
  amount_fen: number;
  award_id: number | null;
  from_day: DateStr | null;
  to_day: DateStr | null;
  adjusts_month: DateStr | null;
  daily_drift_fen: Generated<number>;
}

declare module '../../platform/db/schema' {
  interface DB {
    settlement_months: SettlementMonthsTable;
    settlement_statements: SettlementStatementsTable;
    settlement_lines: SettlementLinesTable;
  }
}
