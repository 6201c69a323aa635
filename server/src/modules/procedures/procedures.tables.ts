/** Table types of the procedures module (migrations 0350_*). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';
import type { CaseStatus, Level, StepKind, StepStatus } from './procedures.calc';

export interface ProcedureCasesTable {
  id: Generated<number>;
  customer_id: number;
  status: Generated<CaseStatus>;
  current_step: StepKind | null;
  opened_via: 'manual' | 'auto';
  trigger_level: Level | null;
  level: Level | null;
  level_gas_day: DateStr | null;
  note: string | null;
  opened_at: Timestamp;
  opened_by: number | null;
  restore_proposed_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: number | null;
  close_reason: string | null;
  updated_at: Timestamp;
}

export interface ProcedureStepsTable {
  id: Generated<number>;
  case_id: number;
  customer_id: number;
  seq: number;
  kind: StepKind;
  status: StepStatus;
  actor_id: number | null;
  acted_at: Timestamp;
  note: string | null;
  level_at: Level | null;
  override_reason: string | null;
  notice_no: string | null;
  notice_sent_at: Timestamp | null;
  receipt_delivered_at: Timestamp | null;
  receipt_signed_at: Timestamp | null;
  receipt_signer: string | null;
  operator_ids: Generated<number[]>;
  target_volume_m3: Numeric | null;
  approved_by: number | null;
  approved_at: Timestamp | null;
  approval_note: string | null;
  rejected_by: number | null;
  rejected_at: Timestamp | null;
  reject_reason: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  executed_at: Timestamp | null;
  executor_name: string | null;
  confirmed_by: number | null;
  confirmed_at: Timestamp | null;
  actual_volume_m3: Numeric | null;
  valve_closed: boolean | null;
  execution_note: string | null;
}

export interface ProcedureAttachmentsTable {
  id: Generated<number>;
  case_id: number;
  step_id: number;
  customer_id: number;
  purpose: 'attachment' | 'receipt';
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    procedure_cases: ProcedureCasesTable;
    procedure_steps: ProcedureStepsTable;
    procedure_attachments: ProcedureAttachmentsTable;
  }
}
