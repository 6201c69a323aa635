/** API types and hooks of the reduce/stop procedure (server: server/src/modules/procedures). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type StepKind = 'warning' | 'notice' | 'reduce' | 'stop' | 'restore';
export type StepStatus = 'done' | 'pending_approval' | 'pending_execution' | 'executed' | 'rejected' | 'cancelled';
export type CaseStatus = 'open' | 'restore_proposed' | 'closed' | 'cancelled';
export type Level = 'normal' | 'warning' | 'reduce' | 'stop';
export const STEP_KINDS: StepKind[] = ['warning', 'notice', 'reduce', 'stop', 'restore'];
export const CASE_STATUSES: CaseStatus[] = ['open', 'restore_proposed', 'closed', 'cancelled'];

export interface Named {
  id: number;
  name: string;
}
export interface CustomerBrief {
  id: number;
  code: string;
  name: string;
  type: string;
  servesResidents: boolean;
  province: string | null;
  city: string | null;
  county: string | null;
  address: string | null;
  status: string;
}
export interface Attachment {
  id: number;
  stepId: number;
  purpose: 'attachment' | 'receipt';
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}
export interface Step {
  id: number;
  caseId: number;
  seq: number;
  kind: StepKind;
  status: StepStatus;
  actor: Named | null;
  actedAt: string;
  note: string | null;
  levelAt: Level | null;
  overrideReason: string | null;
  noticeNo: string | null;
  noticeSentAt: string | null;
  receiptDeliveredAt: string | null;
  receiptSignedAt: string | null;
  receiptSigner: string | null;
  operators: Named[];
  targetVolumeM3: string | null;
  approvedBy: Named | null;
  approvedAt: string | null;
  approvalNote: string | null;
  rejectedBy: Named | null;
  rejectedAt: string | null;
  rejectReason: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  executedAt: string | null;
  executorName: string | null;
  confirmedBy: Named | null;
  confirmedAt: string | null;
  actualVolumeM3: string | null;
  valveClosed: boolean | null;
  executionNote: string | null;
  attachments: Attachment[];
}
export interface CaseRow {
  id: number;
  customer: CustomerBrief;
  status: CaseStatus;
  currentStep: StepKind | null;
  pending: { stepId: number; kind: StepKind; status: StepStatus } | null;
  openedVia: 'manual' | 'auto';
  triggerLevel: Level | null;
  level: Level | null;
  levelGasDay: string | null;
  manager: string | null;
  openedAt: string;
  restoreProposedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
}
export interface StepOption {
  kind: StepKind;
  allowed: boolean;
  needsReason: boolean;
  needsApproval: boolean;
  reason: string | null;
}
export interface CaseDetail extends CaseRow {
  note: string | null;
  openedBy: Named | null;
  closedBy: Named | null;
  managers: { id: number; name: string; kind: 'full_time' | 'part_time'; phone: string | null }[];
  payment: { level: Level; balanceFen: number; availableDays: string | null; avgDailyChargeFen: number | null } | null;
  steps: Step[];
  options: StepOption[];
  canCancel: boolean;
}
export interface InstructionRow extends Step {
  customer: CustomerBrief;
  caseStatus: CaseStatus;
}
export interface Operator {
  id: number;
  name: string;
  department: string | null;
  phone: string | null;
  suggested: boolean;
}
export interface Paged<T> {
  total: number;
  items: T[];
}
export interface CaseFilter {
  status?: string;
  step?: string;
  managerId?: number;
  region?: string;
  customerId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const KEY = ['procedures'];

export const useCases = (f: CaseFilter) => useQuery({ queryKey: [...KEY, 'cases', f], queryFn: () => api.get<Paged<CaseRow>>('/api/procedures/cases', { ...f }), placeholderData: keepPreviousData });
export const useCase = (id: number) => useQuery({ queryKey: [...KEY, 'case', id], queryFn: () => api.get<CaseDetail>(`/api/procedures/cases/${id}`) });
export const useInstructions = (status: string, page: number, pageSize: number) =>
  useQuery({ queryKey: [...KEY, 'instructions', status, page, pageSize], queryFn: () => api.get<Paged<InstructionRow>>('/api/procedures/instructions', { status, page, pageSize }), placeholderData: keepPreviousData });
export const useApprovals = (status: string, page: number, pageSize: number) =>
  useQuery({ queryKey: [...KEY, 'approvals', status, page, pageSize], queryFn: () => api.get<Paged<InstructionRow>>('/api/procedures/approvals', { status, page, pageSize }), placeholderData: keepPreviousData });
export const useOperators = (customerId: number | undefined, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'operators', customerId], queryFn: () => api.get<Operator[]>('/api/procedures/operators', { customerId }), enabled: enabled && !!customerId });
export const useCustomerPick = (q: string) =>
  useQuery({ queryKey: [...KEY, 'pick', q], queryFn: () => api.get<{ items: { id: number; code: string; name: string; city: string | null; servesResidents: boolean; openCaseId: number | null }[] }>('/api/procedures/customers', { q: q || undefined }), placeholderData: keepPreviousData });
export const useManagers = () =>
  useQuery({ queryKey: ['users', 'directory', 'account_manager'], queryFn: () => api.get<{ id: number; displayName: string }[]>('/api/users/directory', { role: 'account_manager' }), staleTime: 300_000 });

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

export const paths = {
  caseUrl: (id: number) => `/api/procedures/cases/${id}`,
  stepUrl: (caseId: number, stepId: number) => `/api/procedures/cases/${caseId}/steps/${stepId}`,
  attachment: (caseId: number, id: number) => `/api/procedures/cases/${caseId}/attachments/${id}`,
  noticePdf: (caseId: number, stepId: number, lang: string) => `/api/procedures/cases/${caseId}/steps/${stepId}/notice.pdf?lang=${lang}`,
};
