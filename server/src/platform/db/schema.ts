/**
 * The Kysely database interface. Each module adds its tables by declaration merging in its own
 * `<feature>.tables.ts`:  declare module '../../platform/db/schema' { interface DB ... }
 * so no shared file lists every table.
 */
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** NUMERIC columns travel as decimal strings on both drivers. */
export type Numeric = ColumnType<string, string, string>;
/** DATE columns travel as 'YYYY-MM-DD' strings on both drivers. */
export type DateStr = ColumnType<string, string, string>;
export type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  department: string | null;
  phone: string | null;
  email: string | null;
  lang: Generated<string>;
  /** Chosen volume unit (m3 | wan | gj), null = not chosen. */
  volume_unit: string | null;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  customer_id: number | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

export interface SettingsTable {
  key: string;
  value: unknown;
  updated_at: Generated<Date>;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  run_key: string;
  status: string;
  started_at: Generated<Date>;
  finished_at: Date | null;
  result: unknown;
  error: string | null;
  triggered_by: string | null;
  heartbeat_at: Generated<Date>;
  owner: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  title_en: string;
  body: string | null;
  body_en: string | null;
  link: string | null;
  customer_id: number | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface ReactionQueueTable {
  id: Generated<number>;
  event: string;
  reaction: string;
  payload: Json;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

/** One row per (domain, writing transaction): see versioned-cache.ts and migration 202612080500. */
export interface DataChangesTable {
  domain: string;
  xid: string;
}

export interface DB {
  data_changes: DataChangesTable;
  reaction_queue: ReactionQueueTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  job_runs: JobRunsTable;
  notifications: NotificationsTable;
}
