/** API calls and hooks of the reduce/stop procedure; types from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiPath, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api, fillPath, toQueryString } from '../../lib/api';

export type StepKind = 'warning' | 'notice' | 'reduce' | 'stop' | 'restore';
export type StepStatus = 'done' | 'pending_approval' | 'pending_execution' | 'executed' | 'rejected' | 'cancelled';
export type CaseStatus = 'open' | 'restore_proposed' | 'closed' | 'cancelled';
export type Level = 'normal' | 'warning' | 'reduce' | 'stop';
export const STEP_KINDS: StepKind[] = ['warning', 'notice', 'reduce', 'stop', 'restore'];
export const CASE_STATUSES: CaseStatus[] = ['open', 'restore_proposed', 'closed', 'cancelled'];

export type CaseRow = ApiItem<'/api/procedures/cases'>;
export type CaseDetail = ApiResponse<'/api/procedures/cases/{id}'>;
export type CustomerBrief = CaseRow['customer'];
export type Step = ElementOf<CaseDetail['steps']>;
export type Named = NonNullable<Step['actor']>;
export type Attachment = ElementOf<Step['attachments']>;
export type StepOption = ElementOf<CaseDetail['options']>;
export type InstructionRow = ApiItem<'/api/procedures/instructions'>;
export type Operator = ApiItem<'/api/procedures/operators'>;
export type CaseFilter = ApiQuery<'/api/procedures/cases'> & { page: number; pageSize: number };
type InstructionStatus = ApiQuery<'/api/procedures/instructions'>['status'];

/** The procedures feature's writes and files (each one route of the contract; every write answers with the case). */
export const proceduresApi = {
  open: (body: ApiBody<'/api/procedures/cases'>) => api.post('/api/procedures/cases', { body }),
  addStep: (id: number, body: ApiBody<'/api/procedures/cases/{id}/steps'>) => api.post('/api/procedures/cases/{id}/steps', { path: { id }, body }),
  cancel: (id: number, body: ApiBody<'/api/procedures/cases/{id}/cancel'>) => api.post('/api/procedures/cases/{id}/cancel', { path: { id }, body }),
  receipt: (id: number, stepId: number, body: ApiBody<'/api/procedures/cases/{id}/steps/{stepId}/receipt', 'patch'>) =>
    api.patch('/api/procedures/cases/{id}/steps/{stepId}/receipt', { path: { id, stepId }, body }),
  approve: (id: number, stepId: number, body: ApiBody<'/api/procedures/cases/{id}/steps/{stepId}/approve'>) =>
    api.post('/api/procedures/cases/{id}/steps/{stepId}/approve', { path: { id, stepId }, body }),
  reject: (id: number, stepId: number, body: ApiBody<'/api/procedures/cases/{id}/steps/{stepId}/reject'>) =>
    api.post('/api/procedures/cases/{id}/steps/{stepId}/reject', { path: { id, stepId }, body }),
  confirm: (id: number, stepId: number, body: ApiBody<'/api/procedures/cases/{id}/steps/{stepId}/confirm'>) =>
    api.post('/api/procedures/cases/{id}/steps/{stepId}/confirm', { path: { id, stepId }, body }),
  uploadAttachment: (id: number, stepId: number, file: File | Blob, purpose: string) =>
    api.upload('/api/procedures/cases/{id}/steps/{stepId}/attachments', file, { purpose }, { path: { id, stepId } }),
  downloadAttachment: (id: number, attachmentId: number) => api.download('/api/procedures/cases/{id}/attachments/{attachmentId}', { path: { id, attachmentId } }),
  exportCases: (query: ApiQuery<'/api/procedures/cases/export'>) => api.download('/api/procedures/cases/export', { query }),
  /** A link (opened in a new tab) to the notice PDF of a step. */
  noticePdfHref: (id: number, stepId: number, lang: string) => fillPath('/api/procedures/cases/{id}/steps/{stepId}/notice.pdf' satisfies ApiPath, { id, stepId }) + toQueryString({ lang }),
};

const KEY = ['procedures'];

export const useCases = (f: CaseFilter) => useQuery({ queryKey: [...KEY, 'cases', f], queryFn: () => api.get('/api/procedures/cases', { query: f }), placeholderData: keepPreviousData });
export const useCase = (id: number) => useQuery({ queryKey: [...KEY, 'case', id], queryFn: () => api.get('/api/procedures/cases/{id}', { path: { id } }), enabled: id > 0 });
export const useInstructions = (status: InstructionStatus, page: number, pageSize: number) =>
  useQuery({
    queryKey: [...KEY, 'instructions', status, page, pageSize],
    queryFn: () => api.get('/api/procedures/instructions', { query: { status, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
export const useApprovals = (status: ApiQuery<'/api/procedures/approvals'>['status'], page: number, pageSize: number) =>
  useQuery({ queryKey: [...KEY, 'approvals', status, page, pageSize], queryFn: () => api.get('/api/procedures/approvals', { query: { status, page, pageSize } }), placeholderData: keepPreviousData });
export const useOperators = (customerId: number | undefined, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'operators', customerId], queryFn: () => api.get('/api/procedures/operators', { query: { customerId: customerId! } }), enabled: enabled && !!customerId });
export const useCustomerPick = (q: string) =>
  useQuery({ queryKey: [...KEY, 'pick', q], queryFn: () => api.get('/api/procedures/customers', { query: { q: q || undefined } }), placeholderData: keepPreviousData });
export const useManagers = () =>
  useQuery({ queryKey: ['users', 'directory', 'account_manager'], queryFn: () => api.get('/api/users/directory', { query: { role: 'account_manager' } }), staleTime: 300_000 });

/** A mutation that returns the updated case and refreshes every procedure query. */
export function useCaseMutation<V>(fn: (v: V) => Promise<CaseDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData([...KEY, 'case', d.id], d);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}
