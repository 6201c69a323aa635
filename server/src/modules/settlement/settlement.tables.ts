/** Table types of the settlement module (migrations 202612070732_settlement_core, …_deviation). */
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
    settlement_corrected_months: { month: DateStr; marked_at: Generated<Date> };
  }
}

export type DeviationStatus = 'draft' | 'reviewed' | 'confirmed' | 'signed' | 'posted';
export type ClaimCause = 'force_majeure' | 'supplier_curtailment' | 'earthquake' | 'maintenance' | 'other';

export interface DeviationPeriodsTable {
  id: Generated<number>;
  label: string;
  from_month: DateStr;
  to_month: DateStr;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface DeviationCasesTable {
  id: Generated<number>;
  period_id: number;
  customer_id: number;
  contract_id: number | null;
  contract_no: string | null;
  basis: 'm3' | 'GJ';
  theta: Numeric;
  k: Numeric;
  contract_price: Numeric;
  contracted: Numeric;
  actual: Numeric;
  exempt: Generated<string>;
  shortfall: Numeric;
  fee_fen: number;
  status: Generated<DeviationStatus>;
  review_held_on: DateStr | null;
  review_participants: string | null;
  review_decision: string | null;
  confirmed_at: Date | null;
  signed_file_name: string | null;
  signed_file_mime: string | null;
  signed_file: Buffer | null;
  signed_at: Date | null;
  ledger_tx_id: number | null;
  posted_at: Date | null;
  updated_at: Generated<Date>;
}
export interface DeviationClaimsTable {
  id: Generated<number>;
  case_id: number;
  customer_id: number;
  cause: ClaimCause;
  claimed: Numeric;
  description: string | null;
  received_on: DateStr;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence: Buffer | null;
  approved: Numeric | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    deviation_periods: DeviationPeriodsTable;
    deviation_cases: DeviationCasesTable;
    deviation_claims: DeviationClaimsTable;
  }
}
