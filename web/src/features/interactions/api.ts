/** Types and query hooks of the interactions feature (server: server/src/modules/interactions). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const KINDS = ['phone', 'visit', 'meeting', 'online'] as const;
export const TOPICS = ['price', 'payment', 'quality_metering', 'policy', 'supply', 'complaint', 'other'] as const;
export const ROLES = ['legal_rep', 'finance', 'dispatch', 'safety', 'business', 'other'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export interface Ref {
  id: number;
  name: string;
}
export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  role: string;
  isPrimary: boolean;
  notes: string | null;
  updatedAt: string;
  deletedAt: string | null;
}
export interface Interaction {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  kind: string;
  occurredOn: string;
  topic: string;
  summary: string;
  ownerId: number;
  ownerName: string;
  users: Ref[];
  contacts: Ref[];
  otherParticipants: string | null;
  nextStep: string | null;
  taskIds: number[];
}
export interface Issue {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  title: string;
  description: string | null;
  topic: string;
  raisedAt: string;
  ownerId: number;
  ownerName: string;
  dueOn: string;
  status: IssueStatus;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  contactId: number | null;
  contactName: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  overdue: boolean;
  resolvedLate: boolean;
  allowedTransitions: IssueStatus[];
}
export interface Task {
  id: number;
  customerId: number | null;
  customerName: string | null;
  title: string;
  notes: string | null;
  dueOn: string;
  assigneeId: number;
  assigneeName: string;
  status: 'open' | 'done' | 'cancelled';
  doneAt: string | null;
  interactionId: number | null;
  issueId: number | null;
  overdue: boolean;
}
export interface Staff {
  id: number;
  displayName: string;
  roles: string[];
  phone: string | null;
}
export interface Paged<T> {
  total: number;
  items: T[];
}
export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export const KEY = ['interactions'] as const;

export function usePaged<T>(path: string, query: Query, enabled = true) {
  return useQuery({ queryKey: [...KEY, path, query], queryFn: () => api.get<Paged<T>>(path, query), placeholderData: keepPreviousData, enabled });
}

export function useStaff(managersOnly = false) {
  return useQuery({ queryKey: [...KEY, 'staff', managersOnly], queryFn: () => api.get<{ items: Staff[] }>('/api/interaction-staff', { managersOnly: managersOnly || undefined }), staleTime: 300_000 });
}

export function useContacts(customerId: number | undefined, includeDeleted = false) {
  return useQuery({
    queryKey: [...KEY, 'contacts', customerId, includeDeleted],
    queryFn: () => api.get<{ items: Contact[] }>(`/api/customers/${customerId}/contacts`, { includeDeleted: includeDeleted || undefined }),
    enabled: !!customerId,
  });
}

export function useCustomerOptions(q: string) {
  return useQuery({ queryKey: [...KEY, 'customers', q], queryFn: () => api.get<{ items: { id: number; code: string; name: string }[] }>('/api/interaction-customers', { q: q || undefined }), placeholderData: keepPreviousData });
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
