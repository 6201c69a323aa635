/** API calls and hooks of notices and receipts (server: server/src/modules/notices). Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';

export const KEY = ['notices'] as const;

export type Template = ApiItem<'/api/notice-templates'>;
export type TemplateField = ElementOf<Template['fields']>;
export type TemplateInput = ApiBody<'/api/notice-templates', 'post'>;
export type TemplatePatch = ApiBody<'/api/notice-templates/{id}', 'patch'>;
export type NoticeRow = ApiItem<'/api/notices'>;
export type NoticeDetail = ApiResponse<'/api/notices/{id}'>;
export type Recipient = ApiItem<'/api/notices/{id}/recipients'>;
export type CustomerNotice = ApiItem<'/api/customers/{id}/notices'>;
export type ComposeBody = ApiBody<'/api/notices', 'post'>;
export type RecipientFilter = ComposeBody['recipients'];
export type Channel = ElementOf<ComposeBody['channels']>;
export type Preview = ApiResponse<'/api/notices/preview', 'post'>;
export type ListFilter = ApiQuery<'/api/notices/export'>;
export type RecipientsQuery = ApiQuery<'/api/notices/{id}/recipients'>;
export type NoticeKind = NoticeRow['kind'];
export type ReceiptStatus = Recipient['receiptStatus'];
/** The text fields of the receipt route (multipart, read by the server with ReceiptFields in notices.schema.ts). */
export interface ReceiptFields {
  returnedOn: string;
  signer: string;
  note?: string;
}

/** The kinds in the order of the selects; checked against the contract both ways (a kind missing here fails the typecheck). */
export const NOTICE_KINDS = [
  'price_change',
  'settlement',
  'deviation',
  'curtailment',
  'emergency',
  'trading',
  'onboarding',
  'manager_letter',
  'payment_notice',
  'general',
] as const satisfies readonly NoticeKind[];
const allKinds: Exclude<NoticeKind, (typeof NOTICE_KINDS)[number]> extends never ? true : never = true;
void allKinds;
/** The placeholders the server fills itself (server: BUILTIN_PLACEHOLDERS in notices.calc.ts). */
export const BUILTIN_PLACEHOLDERS = ['customerName', 'customerCode', 'managerName', 'managerPhone', 'managers', 'date', 'noticeNo', 'dueDate'] as const;

export const useTemplates = () => useQuery({ queryKey: [...KEY, 'templates'], queryFn: () => api.get('/api/notice-templates'), staleTime: 60_000 });
export const useNotices = (f: ListFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: [...KEY, 'list', f], queryFn: () => api.get('/api/notices', { query: f }), placeholderData: keepPreviousData });
export const useNotice = (id: number) => useQuery({ queryKey: [...KEY, id], queryFn: () => api.get('/api/notices/{id}', { path: { id } }) });
export const useRecipients = (id: number, f: RecipientsQuery & { page: number; pageSize: number }) =>
  useQuery({ queryKey: [...KEY, id, 'recipients', f], queryFn: () => api.get('/api/notices/{id}/recipients', { path: { id }, query: f }), placeholderData: keepPreviousData });
export const useCustomerNotices = (customerId: number) => useQuery({ queryKey: [...KEY, 'customer', customerId], queryFn: () => api.get('/api/customers/{id}/notices', { path: { id: customerId } }) });
/** Customer tags for the recipient filter (the customers feature's route and query key). */
export const useTags = () => useQuery({ queryKey: ['customers', 'tags'], queryFn: () => api.get('/api/customers/tags'), staleTime: 60_000 });

/** A mutation that refreshes every query of this feature afterwards. */
export function useNoticeMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

/** The notices feature's writes and files (each one route of the contract). */
export const noticesApi = {
  createTemplate: (body: TemplateInput) => api.post('/api/notice-templates', { body }),
  updateTemplate: (id: number, body: TemplatePatch) => api.patch('/api/notice-templates/{id}', { path: { id }, body }),
  preview: (body: ComposeBody) => api.post('/api/notices/preview', { body }),
  send: (body: ComposeBody) => api.post('/api/notices', { body }),
  exportList: (query: ListFilter) => api.download('/api/notices/export', { query }),
  /** The PDF of the whole batch, or of one customer's copy. */
  print: (id: number, customerId?: number) => api.download('/api/notices/{id}/pdf', { path: { id }, query: customerId ? { customerId: [customerId] } : undefined }),
  /**
   * Record a returned receipt (multipart). Without a signed copy an empty file part is sent: the
   * server keeps a file only when it has content (readUpload in notices.routes.ts).
   */
  recordReceipt: (id: number, customerId: number, fields: ReceiptFields, file: File | null) => {
    const text: Record<string, string> = { returnedOn: fields.returnedOn, signer: fields.signer };
    if (fields.note) text.note = fields.note;
    return api.upload('/api/notices/{id}/recipients/{customerId}/receipt', file ?? new Blob([]), text, { path: { id, customerId } });
  },
  downloadReceiptFile: (id: number, customerId: number) => api.download('/api/notices/{id}/recipients/{customerId}/receipt-file', { path: { id, customerId } }),
};
