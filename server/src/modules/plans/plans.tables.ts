/** Table types of the plans module (migration 202612070741_plans_core.sql). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';

export type VersionKind = 'initial' | 'adjusted';
export type VersionStatus = 'draft' | 'approved' | 'superseded';

export interface PlanVersionsTable {
  id: Generated<number>;
  year: number;
  kind: VersionKind;
  seq: number;
  status: Generated<VersionStatus>;
  target_volume_m3: Numeric;
  target_revenue_fen: number;
  deviation_flag: Generated<boolean>;
  deviation_note: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  approved_by: number | null;
  approved_at: Timestamp | null;
  updated_at: Timestamp;
}
export interface PlanMonthsTable {
  version_id: number;
  month: number;
  volume_m3: Numeric;
  revenue_fen: number;
}
export interface PlanAreaAllocationsTable {
  version_id: number;
  month: number;
  area: string;
  volume_m3: Numeric;
}
export interface PlanCustomerAllocationsTable {
  customer_id: number;
  version_id: number;
  month: number;
  area: string;
  volume_m3: Numeric;
}
export interface PlanProposalsTable {
  customer_id: number;
  month: string;
  volume_m3: Numeric;
  note: string | null;
  proposed_by: number | null;
  proposed_at: Timestamp;
}
export interface NominationsTable {
  customer_id: number;
  gas_day: DateStr;
  volume_m3: Numeric;
  source: 'manual' | 'import' | 'api';
  entered_by: number | null;
  entered_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    plan_versions: PlanVersionsTable;
    plan_months: PlanMonthsTable;
    plan_area_allocations: PlanAreaAllocationsTable;
    plan_customer_allocations: PlanCustomerAllocationsTable;
    plan_proposals: PlanProposalsTable;
    nominations: NominationsTable;
  }
}
