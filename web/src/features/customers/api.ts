/** API types and hooks of the customers feature. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerStatus, CustomerType, DeliveryPointKind, DocumentKind, ExchangeStatus, ManagerKind, PressureLevel, SupplySourceKind } from '@common/customers';
import { api } from '../../lib/api';

export const KEY = ['customers'] as const;

export interface ManagerRef { assignmentId: number; userId: number; username: string; displayName: string; phone: string | null; email: string | null; kind: ManagerKind; assignedAt: string }
export interface Customer {
  id: number; code: string; name: string; pinyin: string; uscc: string | null; type: CustomerType; priceCategory: string;
  province: string | null; city: string | null; county: string | null; address: string | null; status: CustomerStatus;
  servesResidents: boolean; residentialShare: string | null; useStructureVerifiedOn: string | null; exchangeStatus: ExchangeStatus;
  tags: string[]; notes: string | null; createdAt: string; updatedAt: string; closedAt: string | null;
  managers: ManagerRef[]; allowedTransitions: CustomerStatus[]; counts: { deliveryPoints: number; documents: number; expiringDocuments: number };
}
export interface CustomerListItem {
  id: number; code: string; name: string; uscc: string | null; type: CustomerType; priceCategory: string; province: string | null; city: string | null; county: string | null;
  status: CustomerStatus; exchangeStatus: ExchangeStatus; servesResidents: boolean; tags: string[];
  fullTimeManager: { userId: number; displayName: string } | null; partTimeManagers: { userId: number; displayName: string }[]; updatedAt: string;
}
export interface CustomerFilter { q?: string; type?: string[]; status?: string[]; province?: string; city?: string; county?: string; managerId?: number; tag?: string[]; sort?: string; order?: 'asc' | 'desc' }
export interface DeliveryPoint { id: number; customerId: number; code: string; name: string; kind: DeliveryPointKind; meterNo: string; pressureLevel: PressureLevel | null; supplySourceId: number | null; supplySourceName: string | null; active: boolean; notes: string | null; createdAt: string; updatedAt: string }
export interface Doc { id: number; customerId: number; kind: DocumentKind; title: string; docNo: string | null; issuedOn: string | null; expiresOn: string | null; fileName: string; mime: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null; daysToExpiry: number | null; customerCode?: string; customerName?: string }
export interface HistoryItem { id: number; at: string; actorId: number | null; actorName: string | null; action: string; entity: string; entityId: string | null; before: any; after: any }
export interface Transition { id: number; fromStatus: CustomerStatus; toStatus: CustomerStatus; reason: string; actorId: number | null; actorName: string | null; at: string }
export interface Assignment extends ManagerRef { unassignedAt: string | null; assignedBy: string | null; reason: string | null; unassignReason: string | null }
export interface SupplySource { id: number; code: string; name: string; kind: SupplySourceKind; parentId: number | null; region: string | null; deliveryPoints: number }
export interface ImportReport { mode: string; dryRun: boolean; total: number; valid: number; imported: number; errors: { row: number; field: string; message: string }[] }
export interface StaffUser { id: number; username: string; displayName: string; roles: string[]; phone: string | null }

export const useCustomers = (f: CustomerFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: [...KEY, 'list', f], queryFn: () => api.get<{ total: number; items: CustomerListItem[] }>('/api/customers', f as any), placeholderData: keepPreviousData });
export const useCustomer = (id: number) => useQuery({ queryKey: [...KEY, id], queryFn: () => api.get<Customer>(`/api/customers/${id}`) });
export const useDeliveryPoints = (id: number) => useQuery({ queryKey: [...KEY, id, 'dps'], queryFn: () => api.get<DeliveryPoint[]>(`/api/customers/${id}/delivery-points`) });
export const useDocuments = (id: number) => useQuery({ queryKey: [...KEY, id, 'docs'], queryFn: () => api.get<Doc[]>(`/api/customers/${id}/documents`) });
export const useHistory = (id: number, page: number, pageSize = 20) => useQuery({ queryKey: [...KEY, id, 'history', page, pageSize], queryFn: () => api.get<{ total: number; items: HistoryItem[] }>(`/api/customers/${id}/history`, { page, pageSize }), placeholderData: keepPreviousData });
export const useTimeline = (id: number) => useQuery({ queryKey: [...KEY, id, 'timeline'], queryFn: () => api.get<Transition[]>(`/api/customers/${id}/timeline`) });
export const useAssignments = (id: number, enabled = true) => useQuery({ queryKey: [...KEY, id, 'managers'], queryFn: () => api.get<Assignment[]>(`/api/customers/${id}/managers`), enabled });
export const useSupplySources = () => useQuery({ queryKey: [...KEY, 'supply-sources'], queryFn: () => api.get<SupplySource[]>('/api/supply-sources'), staleTime: 300_000 });
export const useTags = () => useQuery({ queryKey: [...KEY, 'tags'], queryFn: () => api.get<{ tag: string; count: number }[]>('/api/customers/tags'), staleTime: 60_000 });
export const useExpiring = (days: number) => useQuery({ queryKey: [...KEY, 'expiring', days], queryFn: () => api.get<Doc[]>('/api/customer-documents/expiring', { days }) });
export const useStaff = (role?: string) => useQuery({ queryKey: ['users', 'directory', role ?? ''], queryFn: () => api.get<StaffUser[]>('/api/users/directory', { role }), staleTime: 300_000 });

/** A mutation that refreshes every customers query afterwards. */
export function useSave<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
