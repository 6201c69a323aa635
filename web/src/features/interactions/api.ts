/** API calls and query hooks of the interactions feature; types from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';

export const KINDS = ['phone', 'visit', 'meeting', 'online'] as const;
export const TOPICS = ['price', 'payment', 'quality_metering', 'policy', 'supply', 'complaint', 'other'] as const;
export const ROLES = ['legal_rep', 'finance', 'dispatch', 'safety', 'business', 'other'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export type Contact = ApiItem<'/api/customers/{id}/contacts'>;
export type ContactHistoryItem = ApiItem<'/api/contacts/{id}/history'>;
export type Interaction = ApiItem<'/api/interactions'>;
export type Ref = ElementOf<Interaction['users']>;
export type Issue = ApiItem<'/api/issues'>;
export type Task = ApiItem<'/api/tasks'>;
export type Staff = ApiItem<'/api/interaction-staff'>;
export type InteractionInput = ApiBody<'/api/interactions'>;
export type IssueInput = ApiBody<'/api/issues'>;
export type ContactInput = ApiBody<'/api/customers/{id}/contacts'>;
export type ManagerTableRow = ApiItem<'/api/manager-table'>;
export type Stats = ApiResponse<'/api/interaction-stats'>;
export type StatsQuery = ApiQuery<'/api/interaction-stats'>;
/** A list filter as kept in page state (sent as the route's query). */
export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

/** The paged lists of this feature. */
type PagedPath = '/api/interactions' | '/api/issues' | '/api/tasks' | '/api/manager-table';

/** The interactions feature's calls (each one route of the contract). */
export const interactionsApi = {
  list: <P extends PagedPath>(path: P, query: Query) => api.get(path as PagedPath, { query }) as Promise<ApiResponse<P>>,
  myTasks: (limit: number) => api.get('/api/tasks/mine', { query: { limit } }),
  stats: (query: StatsQuery) => api.get('/api/interaction-stats', { query }),
  exportStats: (query: ApiQuery<'/api/interaction-stats/export'>) => api.download('/api/interaction-stats/export', { query }),
  exportInteractions: (query: Query) => api.download('/api/interactions/export', { query }),
  exportIssues: (query: Query) => api.download('/api/issues/export', { query }),
  exportManagerTable: (query: Query) => api.download('/api/manager-table/export', { query }),
  managerLetters: (query: Query) => api.download('/api/manager-letters', { query }),
  /** Send the manager letter to the filtered customers as a notice with receipts (notices module). */
  sendManagerLetters: (body: ApiBody<'/api/manager-letters/send'>) => api.post('/api/manager-letters/send', { body }),
  managerLetter: (customerId: number) => api.download('/api/customers/{id}/manager-letter', { path: { id: customerId } }),
  createInteraction: (body: ApiBody<'/api/interactions'>) => api.post('/api/interactions', { body }),
  updateInteraction: (id: number, body: ApiBody<'/api/interactions/{id}', 'patch'>) => api.patch('/api/interactions/{id}', { path: { id }, body }),
  deleteInteraction: (id: number) => api.del('/api/interactions/{id}', { path: { id } }),
  createIssue: (body: ApiBody<'/api/issues'>) => api.post('/api/issues', { body }),
  updateIssue: (id: number, body: ApiBody<'/api/issues/{id}', 'patch'>) => api.patch('/api/issues/{id}', { path: { id }, body }),
  moveIssue: (id: number, body: ApiBody<'/api/issues/{id}/transition'>) => api.post('/api/issues/{id}/transition', { path: { id }, body }),
  createTask: (body: ApiBody<'/api/tasks'>) => api.post('/api/tasks', { body }),
  finishTask: (id: number, how: 'done' | 'cancel') => (how === 'done' ? api.post('/api/tasks/{id}/done', { path: { id } }) : api.post('/api/tasks/{id}/cancel', { path: { id } })),
  contactHistory: (id: number) => api.get('/api/contacts/{id}/history', { path: { id } }),
  createContact: (customerId: number, body: ApiBody<'/api/customers/{id}/contacts'>) => api.post('/api/customers/{id}/contacts', { path: { id: customerId }, body }),
  updateContact: (id: number, body: ApiBody<'/api/contacts/{id}', 'patch'>) => api.patch('/api/contacts/{id}', { path: { id }, body }),
  makePrimary: (id: number) => api.post('/api/contacts/{id}/primary', { path: { id } }),
  deleteContact: (id: number) => api.del('/api/contacts/{id}', { path: { id } }),
};

export const KEY = ['interactions'] as const;

export function usePaged<P extends PagedPath>(path: P, query: Query, enabled = true) {
  return useQuery({ queryKey: [...KEY, path, query], queryFn: () => interactionsApi.list(path, query), placeholderData: keepPreviousData, enabled });
}

export function useStaff(managersOnly = false) {
  return useQuery({ queryKey: [...KEY, 'staff', managersOnly], queryFn: () => api.get('/api/interaction-staff', { query: { managersOnly: managersOnly ? 'true' : undefined } }), staleTime: 300_000 });
}

export function useContacts(customerId: number | undefined, includeDeleted = false) {
  return useQuery({
    queryKey: [...KEY, 'contacts', customerId, includeDeleted],
    queryFn: () => api.get('/api/customers/{id}/contacts', { path: { id: customerId! }, query: { includeDeleted: includeDeleted ? 'true' : undefined } }),
    enabled: !!customerId,
  });
}

export function useCustomerOptions(q: string) {
  return useQuery({ queryKey: [...KEY, 'customers', q], queryFn: () => api.get('/api/interaction-customers', { query: { q: q || undefined } }), placeholderData: keepPreviousData });
}

/** A mutation that refreshes every query of this feature afterwards. */
export function useSave<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

/** Minutes → hours with one decimal, for display. */
export function hours(min: number | null | undefined): string {
  if (min == null) return '—';
  return (Math.round(min / 6) / 10).toFixed(1);
}
