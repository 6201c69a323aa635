/** Table types of the contracts module (migration 202612070731_contracts_core). */
import type { ColumnType, Generated } from 'kysely';
import type { DateStr, Numeric } from '../../platform/db/schema';

export type ContractStatus = 'draft' | 'active' | 'terminated';

export interface SalesContractsTable {
  id: Generated<number>;
  customer_id: number;
  contract_no: string;
  year_label: string;
  start_month: DateStr;
  end_month: DateStr;
  basis: 'm3' | 'GJ';
  base_tag: string;
  price_category: string;
  base_price: Numeric | null;
  theta: ColumnType<string, string | undefined, string>;
  tau: ColumnType<string, string | undefined, string>;
  k: ColumnType<string, string | undefined, string>;
  prepayment_terms: string | null;
  status: Generated<ContractStatus>;
  terminated_reason: string | null;
  signed_file_name: string | null;
  signed_file_mime: string | null;
  signed_file: Buffer | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ContractVersionsTable {
  contract_id: number;
  version: number;
  effective_month: DateStr;
  reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface ContractMonthVolumesTable {
  contract_id: number;
  version: number;
  month: DateStr;
  quantity: Numeric;
}

declare module '../../platform/db/schema' {
  interface DB {
    sales_contracts: SalesContractsTable;
    contract_versions: ContractVersionsTable;
    contract_month_volumes: ContractMonthVolumesTable;
  }
}
