/** Table types of the interactions module (migrations 0150_*). */
import type { Generated } from 'kysely';
import type { DateStr, Timestamp } from '../../platform/db/schema';

export interface CustomerContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  role: string;
  is_primary: Generated<boolean>;
  notes: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: Date | null;
}

export interface InteractionsTable {
  id: Generated<number>;
  customer_id: number;
  kind: string;
  occurred_on: DateStr;
  topic: string;
  summary: string;
  owner_id: number;
  user_ids: Generated<number[]>;
  contact_ids: Generated<number[]>;
  other_participants: string | null;
  next_step: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CustomerIssuesTable {
  id: Generated<number>;
  customer_id: number;
  title: string;
  description: string | null;
  topic: string;
  raised_at: Timestamp;
  owner_id: number;
  due_on: DateStr;
  status: Generated<string>;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  resolution: string | null;
  contact_id: number | null;
  interaction_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface FollowUpTasksTable {
  id: Generated<number>;
  customer_id: number | null;
  title: string;
  notes: string | null;
  due_on: DateStr;
  assignee_id: number;
  status: Generated<string>;
  done_at: Date | null;
  done_by: number | null;
  interaction_id: number | null;
  issue_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    customer_contacts: CustomerContactsTable;
    interactions: InteractionsTable;
    customer_issues: CustomerIssuesTable;
    follow_up_tasks: FollowUpTasksTable;
  }
}
