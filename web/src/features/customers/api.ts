/** API calls and hooks of the customers feature. Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';

export const KEY = ['customers'] as const;

export type Customer = ApiResponse<'/api/customers/{id}'>;
export type ManagerRef = ElementOf<Customer['managers']>;
export type CustomerListItem = ApiItem<'/api/customers'>;
export type CustomerFilter = Omit<ApiQuery<'/api/customers'>, 'page' | 'pageSize'>;
export type DeliveryPoint = ApiItem<'/api/customers/{id}/delivery-points'>;
export type Doc = ApiItem<'/api/customers/{id}/documents'>;
export type ExpiringDoc = ApiItem<'/api/customer-documents/expiring'>;
export type HistoryItem = ApiItem<'/api/customers/{id}/history'>;
export type Transition = ApiItem<'/api/customers/{id}/timeline'>;
export type Assignment = ApiItem<'/api/customers/{id}/managers'>;
export type SupplySource = ApiItem<'/api/supply-sources'>;
export type ImportReport = ApiResponse<'/api/customers/import', 'post'>;
export type StaffUser = ApiItem<'/api/users/directory'>;
export type CustomerInput = ApiBody<'/api/customers', 'post'>;
export type CustomerPatch = ApiBody<'/api/customers/{id}', 'patch'>;

export const useCustomers = (f: CustomerFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: [...KEY, 'list', f], queryFn: () => api.get('/api/customers', { query: f }), placeholderData: keepPreviousData });
export const useCustomer = (id: number) => useQuery({ queryKey: [...KEY, id], queryFn: () => api.get('/api/customers/{id}', { path: { id } }) });
export const useDeliveryPoints = (id: number) => useQuery({ queryKey: [...KEY, id, 'dps'], queryFn: () => api.get('/api/customers/{id}/delivery-points', { path: { id } }) });
export const useDocuments = (id: number) => useQuery({ queryKey: [...KEY, id, 'docs'], queryFn: () => api.get('/api/customers/{id}/documents', { path: { id } }) });
export const useHistory = (id: number, page: number, pageSize = 20) =>
  useQuery({
    queryKey: [...KEY, id, 'history', page, pageSize],
    queryFn: () => api.get('/api/customers/{id}/history', { path: { id }, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
export type ActivityKind = ActivityItem['kind'];
export type ActivityItem = ApiItem<'/api/customers/{id}/activity'>;
/** The customer's one activity timeline (every module's entries, newest first). */
export const useActivity = (id: number, query: { from?: string; to?: string; kinds?: string }) =>
  useQuery({ queryKey: [...KEY, id, 'activity', query], queryFn: () => api.get('/api/customers/{id}/activity', { path: { id }, query }), placeholderData: keepPreviousData });
export const useTimeline = (id: number) => useQuery({ queryKey: [...KEY, id, 'timeline'], queryFn: () => api.get('/api/customers/{id}/timeline', { path: { id } }) });
export const useAssignments = (id: number, enabled = true) => useQuery({ queryKey: [...KEY, id, 'managers'], queryFn: () => api.get('/api/customers/{id}/managers', { path: { id } }), enabled });
export const useSupplySources = () => useQuery({ queryKey: [...KEY, 'supply-sources'], queryFn: () => api.get('/api/supply-sources'), staleTime: 300_000 });
export const useTags = () => useQuery({ queryKey: [...KEY, 'tags'], queryFn: () => api.get('/api/customers/tags'), staleTime: 60_000 });
export const useExpiring = (days: number) => useQuery({ queryKey: [...KEY, 'expiring', days], queryFn: () => api.get('/api/customer-documents/expiring', { query: { days } }) });
export const useStaff = (role?: ApiQuery<'/api/users/directory'>['role']) =>
  useQuery({ queryKey: ['users', 'directory', role ?? ''], queryFn: () => api.get('/api/users/directory', { query: { role } }), staleTime: 300_000 });

/** The customers feature's writes and files (each one route of the contract). */
export type BulkResult = ApiResponse<'/api/customers/bulk/tag', 'post'>;

export const customersApi = {
  bulkReassign: (body: ApiBody<'/api/customers/bulk/reassign'>) => api.post('/api/customers/bulk/reassign', { body }),
  bulkTag: (body: ApiBody<'/api/customers/bulk/tag'>) => api.post('/api/customers/bulk/tag', { body }),
  create: (body: CustomerInput) => api.post('/api/customers', { body }),
  update: (id: number, body: CustomerPatch) => api.patch('/api/customers/{id}', { path: { id }, body }),
  transition: (id: number, body: ApiBody<'/api/customers/{id}/transitions'>) => api.post('/api/customers/{id}/transitions', { path: { id }, body }),
  assignManager: (id: number, body: ApiBody<'/api/customers/{id}/managers'>) => api.post('/api/customers/{id}/managers', { path: { id }, body }),
  reassignManagers: (id: number, body: ApiBody<'/api/customers/{id}/managers/reassign'>) => api.post('/api/customers/{id}/managers/reassign', { path: { id }, body }),
  unassignManager: (id: number, assignmentId: number, body: ApiBody<'/api/customers/{id}/managers/{assignmentId}/unassign'>) =>
    api.post('/api/customers/{id}/managers/{assignmentId}/unassign', { path: { id, assignmentId }, body }),
  createDeliveryPoint: (id: number, body: ApiBody<'/api/customers/{id}/delivery-points'>) => api.post('/api/customers/{id}/delivery-points', { path: { id }, body }),
  updateDeliveryPoint: (id: number, dpId: number, body: ApiBody<'/api/customers/{id}/delivery-points/{dpId}', 'patch'>) =>
    api.patch('/api/customers/{id}/delivery-points/{dpId}', { path: { id, dpId }, body }),
  deleteDeliveryPoint: (id: number, dpId: number) => api.del('/api/customers/{id}/delivery-points/{dpId}', { path: { id, dpId } }),
  uploadDocument: (id: number, file: File | Blob, fields: Record<string, string>) => api.upload('/api/customers/{id}/documents', file, fields, { path: { id } }),
  deleteDocument: (id: number, docId: number) => api.del('/api/customers/{id}/documents/{docId}', { path: { id, docId } }),
  downloadDocument: (id: number, docId: number) => api.download('/api/customers/{id}/documents/{docId}/file', { path: { id, docId } }),
  importFile: (file: File | Blob, fields: { mode: string; dryRun: string }) => api.upload('/api/customers/import', file, fields),
  downloadImportTemplate: () => api.download('/api/customers/import/template.xlsx'),
  exportList: (filter: ApiQuery<'/api/customers/export.xlsx'>) => api.download('/api/customers/export.xlsx', { query: filter }),
  createSupplySource: (body: ApiBody<'/api/supply-sources'>) => api.post('/api/supply-sources', { body }),
};

/** A mutation that refreshes every customers query afterwards. */
export function useSave<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
