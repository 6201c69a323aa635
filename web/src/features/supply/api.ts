/** API calls and hooks of supply security (server: server/src/modules/supply). Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';

export const KEY = ['supply'] as const;

export type Network = ApiResponse<'/api/supply/network'>;
export type NetNode = ElementOf<Network['nodes']>;
export type NodeHistoryItem = ApiItem<'/api/supply/nodes/{ref}/history'>;
export type NodePatch = ApiBody<'/api/supply/nodes/{ref}', 'patch'>;
export type EventRow = ApiItem<'/api/supply/emergencies'>;
export type EventFilter = ApiQuery<'/api/supply/emergencies'>;
export type EventDetail = ApiResponse<'/api/supply/emergencies/{id}'>;
export type Affected = ElementOf<EventDetail['customers']>;
export type EventInput = ApiBody<'/api/supply/emergencies'>;
export type ChecklistPatch = ApiBody<'/api/supply/emergencies/{id}/customers/{customerId}', 'patch'>;
export type PlanSummary = ApiItem<'/api/supply/plans'>;
export type PlanDetail = ApiResponse<'/api/supply/plans/{id}'>;
export type PlanLine = ElementOf<PlanDetail['lines']>;
export type NodeLoad = ElementOf<PlanDetail['nodes']>;
export type PlanInput = ApiBody<'/api/supply/plans'>;
export type PlanPreview = ApiResponse<'/api/supply/plans/preview', 'post'>;
export type AdjustInput = ApiBody<'/api/supply/plans/{id}/adjust'>;
/** Available supply of one node as the plan keeps it and the editor edits it (m³/day or a shortage in %), without the node's name. */
export type Avail = Omit<ElementOf<PlanDetail['plan']['availability']>, 'name'>;

export type PriorityClass = PlanLine['class'];
export type EmergencyKind = EventRow['kind'];
export type EventStatus = EventRow['status'];
export type SupplyStatus = Affected['supplyStatus'];

// option lists of the pages, in display order; each element is checked against the contract's enum
export const CLASSES = ['residential', 'public', 'key', 'other', 'interruptible'] as const satisfies readonly PriorityClass[];
export const EMERGENCY_KINDS = ['earthquake', 'pipeline_failure', 'source_failure', 'other'] as const satisfies readonly EmergencyKind[];
export const EVENT_STATUSES = ['open', 'closed'] as const satisfies readonly EventStatus[];
export const SUPPLY_STATUSES = ['unknown', 'normal', 'reduced', 'interrupted', 'restored'] as const satisfies readonly SupplyStatus[];

export const useNetwork = () => useQuery({ queryKey: [...KEY, 'network'], queryFn: () => api.get('/api/supply/network') });
export const useDownstream = (ref: string | null) =>
  useQuery({ queryKey: [...KEY, 'downstream', ref], enabled: !!ref, queryFn: () => api.get('/api/supply/nodes/{ref}/downstream', { path: { ref: ref! } }) });
export const useNodeHistory = (ref: string | null) =>
  useQuery({ queryKey: [...KEY, 'history', ref], enabled: !!ref, queryFn: () => api.get('/api/supply/nodes/{ref}/history', { path: { ref: ref! } }) });
export const useEvents = (q: EventFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: [...KEY, 'events', q], placeholderData: keepPreviousData, queryFn: () => api.get('/api/supply/emergencies', { query: q }) });
export const useEvent = (id: number) => useQuery({ queryKey: [...KEY, 'event', id], queryFn: () => api.get('/api/supply/emergencies/{id}', { path: { id } }) });
export const usePlans = (page: number, pageSize: number) =>
  useQuery({ queryKey: [...KEY, 'plans', page, pageSize], placeholderData: keepPreviousData, queryFn: () => api.get('/api/supply/plans', { query: { page, pageSize } }) });
export const usePlan = (id: number, day?: string) => useQuery({ queryKey: [...KEY, 'plan', id, day], queryFn: () => api.get('/api/supply/plans/{id}', { path: { id }, query: { day } }) });

/** The supply feature's writes and files (each one route of the contract). */
export const supplyApi = {
  // network
  updateNode: (ref: string, body: NodePatch) => api.patch('/api/supply/nodes/{ref}', { path: { ref }, body }),
  exportNetwork: () => api.download('/api/supply/network/export.xlsx'),
  // emergencies
  declare: (body: EventInput) => api.post('/api/supply/emergencies', { body }),
  check: (id: number, customerId: number, body: ChecklistPatch) => api.patch('/api/supply/emergencies/{id}/customers/{customerId}', { path: { id, customerId }, body }),
  coordinate: (id: number, body: ApiBody<'/api/supply/emergencies/{id}/coordination'>) => api.post('/api/supply/emergencies/{id}/coordination', { path: { id }, body }),
  notifyEvent: (id: number, body: ApiBody<'/api/supply/emergencies/{id}/notices'> = {}) => api.post('/api/supply/emergencies/{id}/notices', { path: { id }, body }),
  closeEvent: (id: number) => api.post('/api/supply/emergencies/{id}/close', { path: { id } }),
  downloadEventPdf: (id: number) => api.download('/api/supply/emergencies/{id}/report.pdf', { path: { id } }),
  downloadEventXlsx: (id: number) => api.download('/api/supply/emergencies/{id}/report.xlsx', { path: { id } }),
  // curtailment plans
  createPlan: (body: PlanInput) => api.post('/api/supply/plans', { body }),
  previewPlan: (body: ApiBody<'/api/supply/plans/preview'>) => api.post('/api/supply/plans/preview', { body }),
  recomputePlan: (id: number) => api.post('/api/supply/plans/{id}/recompute', { path: { id } }),
  adjustLine: (id: number, body: AdjustInput) => api.post('/api/supply/plans/{id}/adjust', { path: { id }, body }),
  approvePlan: (id: number) => api.post('/api/supply/plans/{id}/approve', { path: { id } }),
  notifyPlan: (id: number, body: ApiBody<'/api/supply/plans/{id}/notices'> = {}) => api.post('/api/supply/plans/{id}/notices', { path: { id }, body }),
  exportPlan: (id: number) => api.download('/api/supply/plans/{id}/export.xlsx', { path: { id } }),
};

/** A mutation that refreshes every supply query afterwards. */
export function useSupplyMutation<B, R = unknown>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }) });
}
