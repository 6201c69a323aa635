/** Table types of the customers module (migrations 0100_*). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';

export interface SupplySourcesTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'gas_field' | 'well_station' | 'purification_plant' | 'pipeline' | 'valve_room';
  parent_id: number | null;
  region: string | null;
  created_at: Generated<Date>;
}

export interface CustomersTable {
  id: Generated<number>;
  code: string;
  name: string;
  uscc: string | null;
  type: string;
  price_category: string;
  province: string | null;
  city: string | null;
  county: string | null;
  address: string | null;
  status: Generated<string>;
  serves_residents: Generated<boolean>;
  residential_share: Numeric | null;
  use_structure_verified_on: DateStr | null;
  exchange_status: Generated<string>;
  tags: Generated<string[]>;
  notes: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CustomerManagersTable {
  id: Generated<number>;
  customer_id: number;
  user_id: number;
  kind: 'full_time' | 'part_time';
  assigned_at: Generated<Date>;
  assigned_by: number | null;
  unassigned_at: Date | null;
  reason: string | null;
}

export interface CustomerGrantsTable {
  user_id: number;
  customer_id: number;
  granted_by: number | null;
  granted_at: Generated<Date>;
}

export interface DeliveryPointsTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
  kind: 'distribution_station' | 'gate_station';
  meter_no: string;
  pressure_level: string | null;
  supply_source_id: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    supply_sources: SupplySourcesTable;
    customers: CustomersTable;
    customer_managers: CustomerManagersTable;
    customer_grants: CustomerGrantsTable;
    delivery_points: DeliveryPointsTable;
  }
}
