/** Table types of the supply module (migration 202612070710_supply_core.sql). */
import type { Generated } from 'kysely';
import type { DateStr, Json, Numeric } from '../../platform/db/schema';

export interface SupplyNodeSettingsTable {
  node_ref: string;
  capacity_m3: Numeric | null;
  link_capacity_m3: Numeric | null;
  upstream_ref: string | null;
  note: string | null;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface SupplyNodeHistoryTable {
  id: Generated<number>;
  node_ref: string;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string | null;
  reason: string;
  before: Json | null;
  after: Json | null;
}

export interface SupplyCustomerProfilesTable {
  customer_id: number;
  priority_class: 'public' | 'key' | 'other' | 'interruptible' | null;
  households: number | null;
  note: string | null;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface SupplyEmergenciesTable {
  id: Generated<number>;
  kind: 'earthquake' | 'pipeline_failure' | 'source_failure' | 'other';
  occurred_at: Date;
  title: string;
  description: Generated<string>;
  node_refs: Generated<string[]>;
  region: string | null;
  status: Generated<'open' | 'closed'>;
  created_by: number | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
}

export interface SupplyEmergencyCustomersTable {
  customer_id: number;
  emergency_id: number;
  via_nodes: Generated<string[]>;
  households: number | null;
  contacted: Generated<boolean>;
  site_checked: Generated<boolean>;
  supply_status: Generated<'unknown' | 'normal' | 'reduced' | 'interrupted' | 'restored'>;
  demand_change_m3: Numeric | null;
  notes: string | null;
  updated_at: Date | null;
  updated_by: number | null;
  updated_by_name: string | null;
}

export interface SupplyEmergencyLogTable {
  id: Generated<number>;
  emergency_id: number;
  at: Generated<Date>;
  kind: 'declared' | 'coordination' | 'check' | 'notice' | 'closed';
  customer_id: number | null;
  text: string;
  actor_id: number | null;
  actor_name: string | null;
}

export interface SupplyPlansTable {
  id: Generated<number>;
  name: string;
  from_day: DateStr;
  to_day: DateStr;
  status: Generated<'proposed' | 'approved'>;
  availability: Json;
  inputs_hash: string;
  computed_at: Generated<Date>;
  computed_by: number | null;
  approved_at: Date | null;
  approved_by: number | null;
  approved_by_name: string | null;
  notice_id: number | null;
  noticed_at: Date | null;
  created_at: Generated<Date>;
  created_by: number | null;
}

export interface SupplyPlanLinesTable {
  customer_id: number;
  plan_id: number;
  gas_day: DateStr;
  class: string;
  demand_m3: Numeric;
  demand_source: 'nomination' | 'contract' | 'average' | 'none';
  residential_demand_m3: Numeric;
  computed_allowed_m3: Numeric;
  allowed_m3: Numeric;
  reason: string;
  binding_node: string | null;
  adjust_reason: string | null;
  adjusted_by: number | null;
  adjusted_at: Date | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    supply_node_settings: SupplyNodeSettingsTable;
    supply_node_history: SupplyNodeHistoryTable;
    supply_customer_profiles: SupplyCustomerProfilesTable;
    supply_emergencies: SupplyEmergenciesTable;
    supply_emergency_customers: SupplyEmergencyCustomersTable;
    supply_emergency_log: SupplyEmergencyLogTable;
    supply_plans: SupplyPlansTable;
    supply_plan_lines: SupplyPlanLinesTable;
  }
}
