/** Table types of the onboarding module (migration 202612070740_onboarding_core.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';
import type { CaseStatus, MilestoneKind, Opinion, SectionKind } from '@common/onboarding';
import type { Department } from '@common/roles';

export interface Participant {
  department: Department;
  names: string;
}

export interface OnboardingCasesTable {
  id: Generated<number>;
  customer_id: number;
  status: Generated<CaseStatus>;
  project_name: string;
  expected_daily_m3: Numeric | null;
  expected_annual_m3: Numeric | null;
  survey_date: DateStr | null;
  survey_place: string | null;
  survey_participants: ColumnType<Participant[], string | undefined, string>;
  combined_conclusion: Opinion | null;
  combined_opinion: string | null;
  combined_conditions: string | null;
  combined_by: number | null;
  combined_at: Timestamp | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decision_note: string | null;
  contract_no: string | null;
  /** The linked sales contract (contracts module), migration 202612071105_onboarding_contract_link.sql. */
  contract_id: number | null;
  contract_signed_on: DateStr | null;
  contracted_annual_m3: Numeric | null;
  commissioned_on: DateStr | null;
  opened_by: number | null;
  opened_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface OnboardingSectionsTable {
  case_id: number;
  section: SectionKind;
  customer_id: number;
  department: Department;
  findings: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  opinion: Opinion | null;
  conditions: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  completed_at: Timestamp | null;
}

export interface OnboardingMilestonesTable {
  case_id: number;
  kind: MilestoneKind;
  customer_id: number;
  planned_on: DateStr | null;
  done_on: DateStr | null;
  note: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface OnboardingFilesTable {
  id: Generated<number>;
  case_id: number;
  customer_id: number;
  section: SectionKind | null;
  milestone: MilestoneKind | null;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface OnboardingEventsTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  note: string | null;
  actor_id: number | null;
  actor_name: string | null;
  at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    onboarding_cases: OnboardingCasesTable;
    onboarding_sections: OnboardingSectionsTable;
    onboarding_milestones: OnboardingMilestonesTable;
    onboarding_files: OnboardingFilesTable;
    onboarding_events: OnboardingEventsTable;
  }
}
