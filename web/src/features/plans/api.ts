/** API types and hooks of sales plans, the plan ledger and nominations (server: server/src/modules/plans). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface VersionRow {
  id: number;
  year: number;
  kind: 'initial' | 'adjusted';
  seq: number;
  status: 'draft' | 'approved' | 'superseded';
  targetVolumeM3: string;
  targetRevenueFen: number;
  deviationFlag: boolean;
  deviationNote: string | null;
  note: string | null;
  approvedAt: string | null;
}
export interface VersionDetail extends VersionRow {
  monthsSumM3: string;
  monthsDiffM3: string;
  months: { month: number; volumeM3: string; revenueFen: number; areasM3: string; customersM3: string }[];
  areas: { month: number; area: string; volumeM3: string; customersM3: string }[];
  areaGaps: { month: number; planM3: string; allocatedM3: string }[];
  customerCount: number;
}
export interface LedgerRow {
  key: string;
  label: string;
  planM3: string;
  actualM3: string;
  deviationM3: string;
  deviationPct: string | null;
  ytdPlanM3: string;
  ytdActualM3: string;
  ytdDeviationM3: string;
  ytdDeviationPct: string | null;
}
export interface Ledger {
  year: number;
  versionId: number | null;
  groupBy: string;
  month: number | null;
  rows: LedgerRow[];
  series: { month: number; planM3: string; actualM3: string }[];
  actualThrough: string | null;
}
export interface LedgerQuery {
  year: number;
  groupBy: 'month' | 'area' | 'type' | 'customer';
  month?: number;
}
export interface AccuracyRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  daysNominated: number;
  daysCompared: number;
  nominatedM3: string;
  actualM3: string;
  errorPct: string | null;
}

const KEY = ['plans'];
export const useVersions = (year?: number) => useQuery({ queryKey: [...KEY, 'versions', year], queryFn: () => api.get<VersionRow[]>('/api/plans/versions', { year }) });
export const useVersion = (id: number | null) => useQuery({ queryKey: [...KEY, 'version', id], queryFn: () => api.get<VersionDetail>(`/api/plans/versions/${id}`), enabled: id != null });
export const useLedger = (q: LedgerQuery) => useQuery({ queryKey: [...KEY, 'ledger', q], queryFn: () => api.get<Ledger>('/api/plans/ledger', { ...q }), placeholderData: keepPreviousData });
export const useAccuracy = (month: string) => useQuery({ queryKey: [...KEY, 'accuracy', month], queryFn: () => api.get<AccuracyRow[]>('/api/plans/nominations/accuracy', { month }) });
export function useApprove() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number) => api.post(`/api/plans/versions/${id}/approve`), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
export function useImportNominations() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (f: File) => api.upload<{ imported: number }>('/api/plans/nominations/import', f), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
