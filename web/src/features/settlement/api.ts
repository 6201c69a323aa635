/**
 * API calls and hooks of pricing, contracts, settlement and deviation (server: modules/pricing,
 * contracts, settlement). Types come from the API contract (web/src/api), never by hand.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';

// Pricing
export type Tag = ApiItem<'/api/pricing/tags'>;
export type PriceEntry = ApiItem<'/api/pricing/prices'>;
export type Basis = PriceEntry['basis'];
export type PriceFilter = ApiQuery<'/api/pricing/prices'>;
export type Benchmark = ApiItem<'/api/pricing/benchmarks'>;
export type ReferencePrice = ApiItem<'/api/pricing/reference-prices'>;
// Contracts
export type ContractRow = ApiItem<'/api/contracts'>;
export type ContractFilter = ApiQuery<'/api/contracts'>;
export type ContractInput = ApiBody<'/api/contracts', 'post'>;
export type ContractDetail = ApiResponse<'/api/contracts/{id}'>;
export type YearView = ApiResponse<'/api/contracts/{id}/year-view'>;
// Monthly settlement
export type MonthView = ApiItem<'/api/settlement/months'>;
export type StatementsQuery = ApiQuery<'/api/settlement/months/{month}/statements'>;
export type StatementRow = ApiItem<'/api/settlement/months/{month}/statements'>;
export type Statement = ApiResponse<'/api/settlement/months/{month}/customers/{customerId}'>;
export type SummaryGroup = ElementOf<ApiResponse<'/api/settlement/months/{month}/summary'>['byTag']>;
// Deviation settlement
export type DevPeriod = ApiItem<'/api/deviation/periods'>;
export type DevCase = ElementOf<ApiResponse<'/api/deviation/periods/{id}'>['cases']>;
export type DevCaseDetail = ApiResponse<'/api/deviation/cases/{id}'>;
export type ClaimInput = ApiBody<'/api/deviation/cases/{id}/claims'>;
export type ReviewInput = ApiBody<'/api/deviation/cases/{id}/review'>;

export const useTags = () => useQuery({ queryKey: ['pricing', 'tags'], queryFn: () => api.get('/api/pricing/tags') });
export const usePrices = (f: PriceFilter) => useQuery({ queryKey: ['pricing', 'prices', f], queryFn: () => api.get('/api/pricing/prices', { query: f }) });
export const useBenchmarks = () => useQuery({ queryKey: ['pricing', 'benchmarks'], queryFn: () => api.get('/api/pricing/benchmarks') });
export const useReferencePrices = () => useQuery({ queryKey: ['pricing', 'refs'], queryFn: () => api.get('/api/pricing/reference-prices') });

export const useContracts = (f: ContractFilter) => useQuery({ queryKey: ['contracts', f], queryFn: () => api.get('/api/contracts', { query: f }) });
export const useContract = (id: number) => useQuery({ queryKey: ['contracts', 'detail', String(id)], queryFn: () => api.get('/api/contracts/{id}', { path: { id } }) });
export const useYearView = (id: number) => useQuery({ queryKey: ['contracts', 'year', String(id)], queryFn: () => api.get('/api/contracts/{id}/year-view', { path: { id } }) });
/** Customers to pick from in the new-contract form (first 20 matching `q`). */
export const useCustomerPick = (q: string, enabled: boolean) =>
  useQuery({ queryKey: ['customers', 'pick', q], queryFn: () => api.get('/api/customers', { query: { q: q || undefined, pageSize: 20 } }), enabled });

/** The customer page's 合同/结算 tab: the customer's statements and deviation cases. */
export const useCustomerSettlement = (customerId: number) =>
  useQuery({ queryKey: ['settlement', 'customer', String(customerId)], queryFn: () => api.get('/api/settlement/customers/{customerId}', { path: { customerId } }) });
export type CustomerSettlement = ApiResponse<'/api/settlement/customers/{customerId}'>;

export const useMonths = () => useQuery({ queryKey: ['settlement', 'months'], queryFn: () => api.get('/api/settlement/months') });
export const useStatements = (month: string, page: StatementsQuery, enabled: boolean) =>
  useQuery({ queryKey: ['settlement', 'statements', month, page], queryFn: () => api.get('/api/settlement/months/{month}/statements', { path: { month }, query: page }), enabled });
export const useMonthSummary = (month: string, enabled: boolean) =>
  useQuery({ queryKey: ['settlement', 'summary', month], queryFn: () => api.get('/api/settlement/months/{month}/summary', { path: { month } }), enabled });
export const useStatement = (month: string, customerId: number) =>
  useQuery({ queryKey: ['settlement', 'statement', month, String(customerId)], queryFn: () => api.get('/api/settlement/months/{month}/customers/{customerId}', { path: { month, customerId } }) });

export const useDevPeriods = () => useQuery({ queryKey: ['deviation', 'periods'], queryFn: () => api.get('/api/deviation/periods') });
/** One period's draft list; disabled while no period is chosen. */
export const useDevPeriod = (id: number | null) =>
  useQuery({ queryKey: ['deviation', 'period', id], queryFn: () => api.get('/api/deviation/periods/{id}', { path: { id: id ?? 0 } }), enabled: id != null });
export const useDevSummary = (year: number) => useQuery({ queryKey: ['deviation', 'summary', year], queryFn: () => api.get('/api/deviation/summary', { query: { year } }) });
export const useDevCase = (id: number) => useQuery({ queryKey: ['deviation', 'case', id], queryFn: () => api.get('/api/deviation/cases/{id}', { path: { id } }) });

/** The feature's writes and files (each one route of the contract). */
export const settlementApi = {
  createPrice: (body: ApiBody<'/api/pricing/prices'>) => api.post('/api/pricing/prices', { body }),
  createBenchmark: (body: ApiBody<'/api/pricing/benchmarks'>) => api.post('/api/pricing/benchmarks', { body }),
  setReferencePrice: (body: ApiBody<'/api/pricing/reference-prices', 'put'>) => api.put('/api/pricing/reference-prices', { body }),

  createContract: (body: ContractInput) => api.post('/api/contracts', { body }),
  updateContract: (id: number, body: ApiBody<'/api/contracts/{id}', 'put'>) => api.put('/api/contracts/{id}', { path: { id }, body }),
  activateContract: (id: number) => api.post('/api/contracts/{id}/activate', { path: { id } }),
  terminateContract: (id: number, body: ApiBody<'/api/contracts/{id}/terminate'>) => api.post('/api/contracts/{id}/terminate', { path: { id }, body }),
  uploadContractFile: (id: number, file: File | Blob) => api.upload('/api/contracts/{id}/signed-file', file, {}, { path: { id } }),
  downloadContractFile: (id: number) => api.download('/api/contracts/{id}/signed-file', { path: { id } }),

  runMonth: (month: string) => api.post('/api/settlement/months/{month}/run', { path: { month } }),
  confirmMonth: (month: string) => api.post('/api/settlement/months/{month}/confirm', { path: { month } }),
  closeMonth: (month: string) => api.post('/api/settlement/months/{month}/close', { path: { month } }),
  reopenMonth: (month: string, body: ApiBody<'/api/settlement/months/{month}/reopen'>) => api.post('/api/settlement/months/{month}/reopen', { path: { month }, body }),
  exportStatements: (month: string) => api.download('/api/settlement/months/{month}/statements.xlsx', { path: { month } }),
  downloadStatement: (month: string, customerId: number, ext: 'pdf' | 'xlsx') =>
    ext === 'pdf'
      ? api.download('/api/settlement/months/{month}/customers/{customerId}/statement.pdf', { path: { month, customerId } })
      : api.download('/api/settlement/months/{month}/customers/{customerId}/statement.xlsx', { path: { month, customerId } }),

  createDevPeriod: (body: ApiBody<'/api/deviation/periods'>) => api.post('/api/deviation/periods', { body }),
  issueConfirmation: (periodId: number, customerId: number) => api.post('/api/deviation/periods/{id}/confirmations', { path: { id: periodId }, body: { customerId } }),
  addClaim: (caseId: number, body: ClaimInput) => api.post('/api/deviation/cases/{id}/claims', { path: { id: caseId }, body }),
  review: (caseId: number, body: ReviewInput) => api.post('/api/deviation/cases/{id}/review', { path: { id: caseId }, body }),
  downloadConfirmation: (caseId: number) => api.download('/api/deviation/cases/{id}/confirmation.pdf', { path: { id: caseId } }),
  uploadSignedCopy: (caseId: number, file: File | Blob) => api.upload('/api/deviation/cases/{id}/signed-copy', file, {}, { path: { id: caseId } }),
  postFee: (caseId: number) => api.post('/api/deviation/cases/{id}/post', { path: { id: caseId } }),
};

/** Bilingual label picker following the UI language. */
export function useL() {
  const { i18n } = useTranslation();
  return (m: { zh: string; en: string }) => (i18n.language === 'en' ? m.en : m.zh);
}
export function useTagName() {
  const tags = useTags();
  const { i18n } = useTranslation();
  return (code: string) => {
    const t = tags.data?.find((x) => x.code === code);
    return t ? (i18n.language === 'en' ? t.nameEn : t.nameZh) : code;
  };
}
