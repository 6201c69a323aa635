/** Table types of the notices module (migration 202612070705_notices_core.sql). */
import type { Generated } from 'kysely';
import type { DateStr, Json, Timestamp } from '../../platform/db/schema';
import type { Channel, NoticeKind, ReceiptStatus, TemplateField } from './notices.calc';

export interface NoticeTemplatesTable {
  id: Generated<number>;
  code: string;
  kind: NoticeKind;
  name: string;
  name_en: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  fields: Json<TemplateField[]>;
  require_receipt: Generated<boolean>;
  receipt_days: Generated<number>;
  builtin: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface NoticesTable {
  id: Generated<number>;
  no: string;
  kind: NoticeKind;
  template_id: number | null;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  field_values: Json<Record<string, string>>;
  channels: Channel[];
  require_receipt: boolean;
  receipt_due_on: DateStr | null;
  recipient_filter: Json<unknown> | null;
  source_module: string | null;
  source_entity: string | null;
  source_id: string | null;
  recipients: number;
  sent_by: number | null;
  sent_at: Timestamp;
  sent_on: DateStr;
}

export interface NoticeRecipientsTable {
  customer_id: number;
  notice_id: number;
  customer_code: string;
  customer_name: string;
  manager_name: string | null;
  manager_phone: string | null;
  managers: Json<{ kind: 'full_time' | 'part_time'; name: string; phone: string | null }[]>;
  receipt_status: ReceiptStatus;
  returned_on: DateStr | null;
  signer: string | null;
  receipt_note: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  file_sha256: string | null;
  last_reminded_on: DateStr | null;
}

export interface NoticeReceiptFilesTable {
  customer_id: number;
  notice_id: number;
  content: Uint8Array;
}

declare module '../../platform/db/schema' {
  interface DB {
    notice_templates: NoticeTemplatesTable;
    notices: NoticesTable;
    notice_recipients: NoticeRecipientsTable;
    notice_receipt_files: NoticeReceiptFilesTable;
  }
}
