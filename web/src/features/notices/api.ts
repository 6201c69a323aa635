/** API types and hooks of notices and receipts (server: server/src/modules/notices). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const KEY = ['notices'] as const;
export const NOTICE_KINDS = ['price_change', 'settlement', 'deviation', 'curtailment', 'emergency', 'trading', 'onboarding', 'manager_letter', 'payment_notice', 'general'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type ReceiptStatus = 'not_required' | 'pending' | 'returned';
export const BUILTIN_PLACEHOLDERS = ['customerName', 'customerCode', 'managerName', 'managerPhone', 'managers', 'date', 'noticeNo', 'dueDate'] as const;

export interface TemplateField {
  key: string;
  label: string;
  labelEn: string;
}
export interface Template {
  id: number;
  code: string;
  kind: NoticeKind;
  name: string;
  nameEn: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  fields: TemplateField[];
  requireReceipt: boolean;
  receiptDays: number;
  builtin: boolean;
  active: boolean;
  updatedAt: string;
}
export interface NoticeRow {
  id: number;
  no: string;
  kind: NoticeKind;
  title: string;
  titleEn: string;
  channels: string[];
  requireReceipt: boolean;
  receiptDueOn: string | null;
  sentOn: string;
  sentAt: string;
  sentBy: string | null;
  source: { module: string; entity: string; id: string } | null;
  recipients: number;
  required: number;
  returned: number;
  pending: number;
  overdue: number;
  completionRate: string | null;
}
export interface NoticeDetail extends NoticeRow {
  body: string;
  bodyEn: string;
  fieldValues: Record<string, string>;
  templateId: number | null;
}
export interface Recipient {
  noticeId: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  managerName: string | null;
  receiptStatus: ReceiptStatus;
  overdue: boolean;
  returnedOn: string | null;
  signer: string | null;
  receiptNote: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  file: { name: string; mime: string; size: number } | null;
}
export interface CustomerNotice extends Recipient {
  no: string;
  kind: NoticeKind;
  title: string;
  titleEn: string;
  sentOn: string;
  receiptDueOn: string | null;
}
export interface RecipientFilter {
  type?: string[];
  region?: string;
  managerId?: number;
  level?: string[];
  tag?: string[];
  customerIds?: number[];
}
export interface ComposeBody {
  templateId?: number | null;
  kind: NoticeKind;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  fieldValues: Record<string, string>;
  recipients: RecipientFilter;
  channels: ('print' | 'in_app')[];
  requireReceipt: boolean;
  receiptDueOn?: string | null;
}
export interface Preview {
  count: number;
  recipients: { customerId: number; code: string; name: string; managerName: string | null }[];
  sample: { title: string; titleEn: string; body: string; bodyEn: string } | null;
}
export interface ListFilter {
  kind?: string;
  status?: string;
  q?: string;
  from?: string;
  to?: string;
}

export const useTemplates = () => useQuery({ queryKey: [...KEY, 'templates'], queryFn: () => api.get<Template[]>('/api/notice-templates'), staleTime: 60_000 });
export const useNotices = (f: ListFilter & { page: number; pageSize: number }) => useQuery({ queryKey: [...KEY, 'list', f], queryFn: () => api.get<{ total: number; items: NoticeRow[] }>('/api/notices', { ...f }), placeholderData: keepPreviousData });
export const useNotice = (id: number) => useQuery({ queryKey: [...KEY, id], queryFn: () => api.get<NoticeDetail>(`/api/notices/${id}`) });
export const useRecipients = (id: number, f: { page: number; pageSize: number; status?: string; q?: string }) =>
  useQuery({ queryKey: [...KEY, id, 'recipients', f], queryFn: () => api.get<{ total: number; items: Recipient[] }>(`/api/notices/${id}/recipients`, { ...f }), placeholderData: keepPreviousData });
export const useCustomerNotices = (customerId: number) => useQuery({ queryKey: [...KEY, 'customer', customerId], queryFn: () => api.get<CustomerNotice[]>(`/api/customers/${customerId}/notices`) });
export const useTags = () => useQuery({ queryKey: ['customers', 'tags'], queryFn: () => api.get<{ tag: string; count: number }[]>('/api/customers/tags'), staleTime: 60_000 });

/** A mutation that refreshes every query of this feature afterwards. */
export function useNoticeMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const printNotice = (id: number, customerId?: number) => api.download(`/api/notices/${id}/pdf`, customerId ? { customerId } : undefined);
