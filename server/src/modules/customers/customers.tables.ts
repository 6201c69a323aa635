/** Table types of the customers module (migrations 0100_*, 0101_*). */
import type { ColumnType, Generated } from 'kysely';
import type { DateStr, Json, Numeric, Timestamp } from '../../platform/db/schema';

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
  /** KH + digits from customer_code_seq (column default). */
  code: Generated<string>;
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
  /** Pinyin initials of the name, computed at write time (pinyin-pro). */
  pinyin: Generated<string>;
  created_by: number | null;
  closed_at: Date | null;
  /** Generated: lower(code|name|uscc|pinyin). Read-only. */
  search_text: ColumnType<string, never, never>;
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
  unassigned_by: Generated<number | null>;
  unassign_reason: Generated<string | null>;
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
  updated_at: Generated<Date>;
  notes: string | null;
}

export interface CustomerTransitionsTable {
  id: Generated<number>;
  customer_id: number;
  from_status: string;
  to_status: string;
  reason: string;
  actor_id: number | null;
  actor_name: string | null;
  at: Generated<Date>;
}

export interface CustomerHistoryTable {
  id: Generated<number>;
  customer_id: number;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
}

export interface CustomerDocumentsTable {
  id: Generated<number>;
  customer_id: number;
  kind: string;
  title: string;
  doc_no: string | null;
  issued_on: DateStr | null;
  expires_on: DateStr | null;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface CustomerDocumentFilesTable {
  document_id: number;
  content: Uint8Array;
}

declare module '../../platform/db/schema' {
  interface DB {
    supply_sources: SupplySourcesTable;
    customers: CustomersTable;
    customer_managers: CustomerManagersTable;
    customer_grants: CustomerGrantsTable;
    delivery_points: DeliveryPointsTable;
    customer_transitions: CustomerTransitionsTable;
    customer_history: CustomerHistoryTable;
    customer_documents: CustomerDocumentsTable;
    customer_document_files: CustomerDocumentFilesTable;
  }
}
