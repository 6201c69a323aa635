/** API types and hooks of supply security (server: server/src/modules/supply). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type PriorityClass = 'residential' | 'public' | 'key' | 'other' | 'interruptible';
export const CLASSES: PriorityClass[] = ['residential', 'public', 'key', 'other', 'interruptible'];
export const EMERGENCY_KINDS = ['earthquake', 'pipeline_failure', 'source_failure', 'other'] as const;
export const SUPPLY_STATUSES = ['unknown', 'normal', 'reduced', 'interrupted', 'restored'] as const;

export interface NetNode {
  id: string;
  kind: string;
  code: string;
  name: string;
  region: string | null;
  parents: string[];
  capacityM3: string | null;
  linkCapacityM3: string | null;
  note: string | null;
  customer: { id: number; type: string; status: string; priorityClass: PriorityClass; classOverride: string | null; residentialShare: string | null; households: number | null; city: string | null; county: string | null } | null;
}
export interface Network {
  nodes: NetNode[];
  problems: { unreachable: string[]; cycle: string[] | null };
}
export interface EventRow {
  id: number;
  kind: string;
  occurredAt: string;
  title: string;
  description: string;
  nodes: { ref: string; name: string }[];
  region: string | null;
  status: 'open' | 'closed';
  customers: number;
  checked: number;
  createdAt: string;
  closedAt: string | null;
}
export interface Affected {
  customerId: number;
  code: string;
  name: string;
  type: string;
  city: string | null;
  county: string | null;
  viaNodes: string[];
  households: number | null;
  managers: { kind: string; name: string; phone: string | null }[];
  contacts: { name: string; role: string; mobile: string | null; landline: string | null }[];
  contacted: boolean;
  siteChecked: boolean;
  supplyStatus: string;
  demandChangeM3: string | null;
  notes: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}
export interface EventDetail {
  event: EventRow;
  customers: Affected[];
  log: { id: number; at: string; kind: string; customerId: number | null; text: string; actorName: string | null }[];
  totals: { customers: number; households: number; contacted: number; siteChecked: number };
}
export interface Avail {
  nodeRef: string;
  availableM3?: string;
  shortagePct?: string;
}
export interface PlanLine {
  customerId: number;
  code: string;
  name: string;
  type: string;
  gasDay: string;
  class: PriorityClass;
  demandM3: string;
  demandSource: string;
  residentialDemandM3: string;
  computedAllowedM3: string;
  allowedM3: string;
  cutM3: string;
  cutPct: string | null;
  reason: string;
  bindingNode: { ref: string; name: string } | null;
  adjustReason: string | null;
  actualM3: string | null;
  overTaken: boolean;
}
export interface NodeLoad {
  ref: string;
  name: string;
  kind: string;
  capacityM3: string | null;
  allocatedM3: string;
  fullFor: string[];
}
export interface PlanSummary {
  id: number;
  name: string;
  fromDay: string;
  toDay: string;
  status: 'proposed' | 'approved';
  customers: number;
  demandM3: string;
  allowedM3: string;
  computedAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  noticedAt: string | null;
}
export interface PlanDetail {
  plan: PlanSummary & { availability: (Avail & { name: string })[] };
  lines: PlanLine[];
  nodes: NodeLoad[];
  stale: boolean;
}

export const useNetwork = () => useQuery({ queryKey: ['supply', 'network'], queryFn: () => api.get<Network>('/api/supply/network') });
export const useDownstream = (ref: string | null) => useQuery({ queryKey: ['supply', 'downstream', ref], enabled: !!ref, queryFn: () => api.get<{ nodes: string[]; customers: number[] }>(`/api/supply/nodes/${ref}/downstream`) });
export const useNodeHistory = (ref: string | null) => useQuery({ queryKey: ['supply', 'history', ref], enabled: !!ref, queryFn: () => api.get<{ items: { id: number; at: string; actorName: string | null; reason: string; before: any; after: any }[] }>(`/api/supply/nodes/${ref}/history`) });
export const useEvents = (q: { kind?: string; status?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: ['supply', 'events', q], placeholderData: keepPreviousData, queryFn: () => api.get<{ total: number; items: EventRow[] }>('/api/supply/emergencies', q) });
export const useEvent = (id: number) => useQuery({ queryKey: ['supply', 'event', id], queryFn: () => api.get<EventDetail>(`/api/supply/emergencies/${id}`) });
export const usePlans = (page: number, pageSize: number) => useQuery({ queryKey: ['supply', 'plans', page, pageSize], placeholderData: keepPreviousData, queryFn: () => api.get<{ total: number; items: PlanSummary[] }>('/api/supply/plans', { page, pageSize }) });
export const usePlan = (id: number, day?: string) => useQuery({ queryKey: ['supply', 'plan', id, day], queryFn: () => api.get<PlanDetail>(`/api/supply/plans/${id}`, { day }) });

export function useSupplyMutation<B, R = unknown>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['supply'] }) });
}
