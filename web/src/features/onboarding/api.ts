/** API types and hooks of new-customer onboarding (server: server/src/modules/onboarding). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseStatus, MilestoneKind, Opinion, SectionKind } from '@common/onboarding';
import { api } from '../../lib/api';

export interface CaseRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  customerStatus: string;
  customerType: string;
  projectName: string;
  status: CaseStatus;
  expectedAnnualM3: string | null;
  surveyDate: string | null;
  sectionsDone: number;
  openedAt: string;
  ageDays: number;
}
export interface FileView {
  id: number;
  section: string | null;
  milestone: string | null;
  filename: string;
  mime: string;
  sizeBytes: number;
  uploadedAt: string;
}
export interface SectionView {
  section: SectionKind;
  department: string;
  findings: string | null;
  data: Record<string, unknown>;
  opinion: Opinion | null;
  conditions: string | null;
  reviewerName: string | null;
  completedAt: string | null;
  files: FileView[];
}
export interface CaseDetail extends CaseRow {
  expectedDailyM3: string | null;
  surveyPlace: string | null;
  participants: { department: string; names: string }[];
  sections: SectionView[];
  suggestedConclusion: Opinion | null;
  combined: { conclusion: Opinion; opinion: string; conditions: string | null; at: string | null } | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  contract: { contractNo: string; signedOn: string; contractedAnnualM3: string | null } | null;
  milestones: { kind: MilestoneKind; plannedOn: string | null; doneOn: string | null; note: string | null; files: FileView[] }[];
  commissionedOn: string | null;
  events: { action: string; note: string | null; actorName: string | null; at: string }[];
}
export interface TodoItem {
  caseId: number;
  customerName: string;
  projectName: string;
  kind: 'section' | 'combine' | 'approve' | 'construction';
  section: SectionKind | null;
  surveyDate: string | null;
}
export interface Board {
  stages: { stage: string; count: number; expectedAnnualM3: string; avgAgeDays: number | null; cases: CaseRow[] }[];
}
export interface YearCounts {
  year: number;
  newCustomers: number;
  projectsCommissioned: number;
  newContractedM3: string;
  contractsSigned: number;
}
export interface CaseFilter {
  status?: CaseStatus;
  q?: string;
  page: number;
  pageSize: number;
}

const KEY = ['onboarding'];
export const useCases = (f: CaseFilter) => useQuery({ queryKey: [...KEY, 'cases', f], queryFn: () => api.get<{ total: number; items: CaseRow[] }>('/api/onboarding/cases', { ...f }), placeholderData: keepPreviousData });
export const useCase = (id: number) => useQuery({ queryKey: [...KEY, 'case', id], queryFn: () => api.get<CaseDetail>(`/api/onboarding/cases/${id}`) });
export const useTodo = () => useQuery({ queryKey: [...KEY, 'todo'], queryFn: () => api.get<TodoItem[]>('/api/onboarding/todo') });
export const useBoard = () => useQuery({ queryKey: [...KEY, 'board'], queryFn: () => api.get<Board>('/api/onboarding/board') });
export const useYearly = () => useQuery({ queryKey: [...KEY, 'yearly'], queryFn: () => api.get<YearCounts[]>('/api/onboarding/yearly') });
export const useProspects = (q: string) =>
  useQuery({ queryKey: [...KEY, 'prospects', q], queryFn: () => api.get<{ items: { id: number; code: string; name: string; status: string }[] }>('/api/customers', { status: ['prospect', 'survey'], q, pageSize: 50 }) });

/** A mutation on a case that refreshes everything onboarding shows. */
export function useCaseAction<B>(fn: (b: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
