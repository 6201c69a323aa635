/** API calls and hooks of sales plans, the plan ledger and nominations (server: server/src/modules/plans). Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../api';
import { api } from '../../lib/api';

export type VersionRow = ApiItem<'/api/plans/versions'>;
export type VersionDetail = ApiResponse<'/api/plans/versions/{id}'>;
export type Ledger = ApiResponse<'/api/plans/ledger'>;
export type LedgerRow = Ledger['rows'][number];
export type LedgerQuery = ApiQuery<'/api/plans/ledger'> & { groupBy: NonNullable<ApiQuery<'/api/plans/ledger'>['groupBy']> };
export type AccuracyRow = ApiItem<'/api/plans/nominations/accuracy'>;
export type NominationImport = ApiResponse<'/api/plans/nominations/import', 'post'>;
export type VersionInput = ApiBody<'/api/plans/versions', 'post'>;
export type VersionUpdate = ApiBody<'/api/plans/versions/{id}', 'put'>;
export type AreasInput = ApiBody<'/api/plans/versions/{id}/areas', 'put'>;
export type CustomersInput = ApiBody<'/api/plans/versions/{id}/customers', 'put'>;
export type CustomerAllocation = ApiItem<'/api/plans/versions/{id}/customers'>;
export type CustomerPick = ApiItem<'/api/customers'>;

const KEY = ['plans'];
export const useVersions = (year?: number) => useQuery({ queryKey: [...KEY, 'versions', year], queryFn: () => api.get('/api/plans/versions', { query: { year } }) });
export const useVersion = (id: number | null) => useQuery({ queryKey: [...KEY, 'version', id], queryFn: () => api.get('/api/plans/versions/{id}', { path: { id: id! } }), enabled: id != null });
export const useLedger = (q: LedgerQuery) => useQuery({ queryKey: [...KEY, 'ledger', q], queryFn: () => api.get('/api/plans/ledger', { query: q }), placeholderData: keepPreviousData });
export const useAreas = () => useQuery({ queryKey: [...KEY, 'areas'], queryFn: () => api.get('/api/plans/areas') });
export const useCustomerAllocations = (id: number, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'version', id, 'customers'], queryFn: () => api.get('/api/plans/versions/{id}/customers', { path: { id } }), enabled });
/** Customers to add to a version's allocations (the customers list, searched by name or code). */
export const useCustomerPick = (q: string, enabled: boolean) =>
  useQuery({ queryKey: ['customers', 'pick', q], queryFn: () => api.get('/api/customers', { query: { q: q || undefined, pageSize: 20 } }), enabled, placeholderData: keepPreviousData });
export const useAccuracy = (month: string) => useQuery({ queryKey: [...KEY, 'accuracy', month], queryFn: () => api.get('/api/plans/nominations/accuracy', { query: { month } }) });

/** The plans feature's writes and files (each one route of the contract). */
export const plansApi = {
  approve: (id: number) => api.post('/api/plans/versions/{id}/approve', { path: { id } }),
  create: (body: VersionInput) => api.post('/api/plans/versions', { body }),
  update: (id: number, body: VersionUpdate) => api.put('/api/plans/versions/{id}', { path: { id }, body }),
  setAreas: (id: number, body: AreasInput) => api.put('/api/plans/versions/{id}/areas', { path: { id }, body }),
  setCustomers: (id: number, body: CustomersInput) => api.put('/api/plans/versions/{id}/customers', { path: { id }, body }),
  adoptProposals: (id: number) => api.post('/api/plans/versions/{id}/adopt-proposals', { path: { id } }),
  importNominations: (file: File | Blob) => api.upload('/api/plans/nominations/import', file),
  downloadNominationTemplate: (format: 'xlsx' | 'csv' = 'xlsx') => api.download('/api/plans/nominations/template', { query: { format } }),
  exportLedger: (q: LedgerQuery) => api.download('/api/plans/ledger/export.xlsx', { query: q }),
};

export function useApprove() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number) => plansApi.approve(id), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
export function useImportNominations() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (f: File) => plansApi.importNominations(f), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
/** Any plans write; every plans query is refreshed afterwards. */
export function usePlansMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
