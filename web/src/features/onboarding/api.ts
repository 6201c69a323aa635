/** API calls and hooks of new-customer onboarding (server: server/src/modules/onboarding). Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiPath, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api, fillPath, toQueryString } from '../../lib/api';

export type CaseRow = ApiItem<'/api/onboarding/cases'>;
export type CaseDetail = ApiResponse<'/api/onboarding/cases/{id}'>;
export type SectionView = ElementOf<CaseDetail['sections']>;
export type FileView = ElementOf<SectionView['files']>;
export type TodoItem = ApiItem<'/api/onboarding/todo'>;
export type Board = ApiResponse<'/api/onboarding/board'>;
export type YearCounts = ApiItem<'/api/onboarding/yearly'>;
export type CaseFilter = ApiQuery<'/api/onboarding/cases'> & { page: number; pageSize: number };
export type Prospect = ApiItem<'/api/customers'>;
export type OpenCaseInput = ApiBody<'/api/onboarding/cases'>;
export type SurveyInput = ApiBody<'/api/onboarding/cases/{id}/survey', 'put'>;
export type SectionInput = ApiBody<'/api/onboarding/cases/{id}/sections/{section}', 'put'>;
export type CombinedInput = ApiBody<'/api/onboarding/cases/{id}/combined', 'put'>;
export type ContractInput = ApiBody<'/api/onboarding/cases/{id}/contract', 'put'>;
export type MilestoneInput = NonNullable<ApiBody<'/api/onboarding/cases/{id}/milestones/{kind}', 'put'>>;
export type ContractLinkInput = ApiBody<'/api/onboarding/cases/{id}/contract-link', 'put'>;
export type LinkableContract = ApiItem<'/api/onboarding/cases/{id}/contracts'>;
export type CommissionInput = ApiBody<'/api/onboarding/cases/{id}/commission'>;
type PdfLang = NonNullable<ApiQuery<'/api/onboarding/cases/{id}/report.pdf'>['lang']>;

const KEY = ['onboarding'];
export const useCases = (f: CaseFilter) => useQuery({ queryKey: [...KEY, 'cases', f], queryFn: () => api.get('/api/onboarding/cases', { query: f }), placeholderData: keepPreviousData });
export const useCase = (id: number) => useQuery({ queryKey: [...KEY, 'case', id], queryFn: () => api.get('/api/onboarding/cases/{id}', { path: { id } }) });
/** The customer's contracts the case's contract step can link (contracts module). */
export const useCaseContracts = (id: number, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'case', id, 'contracts'], queryFn: () => api.get('/api/onboarding/cases/{id}/contracts', { path: { id } }), enabled });
export const useTodo = () => useQuery({ queryKey: [...KEY, 'todo'], queryFn: () => api.get('/api/onboarding/todo') });
export const useBoard = () => useQuery({ queryKey: [...KEY, 'board'], queryFn: () => api.get('/api/onboarding/board') });
export const useYearly = () => useQuery({ queryKey: [...KEY, 'yearly'], queryFn: () => api.get('/api/onboarding/yearly') });
export const useProspects = (q: string) => useQuery({ queryKey: [...KEY, 'prospects', q], queryFn: () => api.get('/api/customers', { query: { status: ['prospect', 'survey'], q, pageSize: 50 } }) });

/** The onboarding feature's writes, files and links (each one route of the contract). */
export const onboardingApi = {
  open: (body: OpenCaseInput) => api.post('/api/onboarding/cases', { body }),
  survey: (id: number, body: SurveyInput) => api.put('/api/onboarding/cases/{id}/survey', { path: { id }, body }),
  section: (id: number, section: SectionView['section'], body: SectionInput) => api.put('/api/onboarding/cases/{id}/sections/{section}', { path: { id, section }, body }),
  combined: (id: number, body: CombinedInput) => api.put('/api/onboarding/cases/{id}/combined', { path: { id }, body }),
  submit: (id: number) => api.post('/api/onboarding/cases/{id}/submit', { path: { id } }),
  approve: (id: number) => api.post('/api/onboarding/cases/{id}/approve', { path: { id }, body: {} }),
  return: (id: number, body: ApiBody<'/api/onboarding/cases/{id}/return'>) => api.post('/api/onboarding/cases/{id}/return', { path: { id }, body }),
  linkContract: (id: number, body: ContractLinkInput) => api.put('/api/onboarding/cases/{id}/contract-link', { path: { id }, body }),
  contract: (id: number, body: ContractInput) => api.put('/api/onboarding/cases/{id}/contract', { path: { id }, body }),
  milestone: (id: number, kind: CaseDetail['milestones'][number]['kind'], body: MilestoneInput) => api.put('/api/onboarding/cases/{id}/milestones/{kind}', { path: { id, kind }, body }),
  commission: (id: number, body: CommissionInput) => api.post('/api/onboarding/cases/{id}/commission', { path: { id }, body }),
  /** Attach a file to a section (`{ section }`) or a construction milestone (`{ milestone }`). */
  uploadFile: (id: number, file: File | Blob, target: { section: string } | { milestone: string }) => api.upload('/api/onboarding/cases/{id}/files', file, target, { path: { id } }),
  fileHref: (id: number, fileId: number) => fillPath('/api/onboarding/cases/{id}/files/{fileId}' satisfies ApiPath, { id, fileId }),
  reportPdfHref: (id: number, lang: PdfLang) => fillPath('/api/onboarding/cases/{id}/report.pdf' satisfies ApiPath, { id }) + toQueryString({ lang }),
  reviewPdfHref: (id: number, lang: PdfLang) => fillPath('/api/onboarding/cases/{id}/review.pdf' satisfies ApiPath, { id }) + toQueryString({ lang }),
};

/** A mutation on a case that refreshes everything onboarding shows. */
export function useCaseAction<B, R = unknown>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
