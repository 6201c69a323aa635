/** API types and hooks of the accounts module (server: server/src/modules/accounts). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type Level = 'normal' | 'warning' | 'reduce' | 'stop';
export const LEVELS: Level[] = ['stop', 'reduce', 'warning', 'normal'];
export const LEVEL_COLORS: Record<Level, string> = { stop: 'red', reduce: 'volcano', warning: 'gold', normal: 'green' };
export type TxKind = 'payment' | 'daily_charge' | 'settlement_true_up' | 'adjustment' | 'refund' | 'reversal' | 'trading_deposit' | 'trading_deposit_release' | 'trading_deposit_applied' | 'trading_fee';

export interface BoardRow {
  customerId: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  managerName: string | null;
  level: Level;
  sinceDay: string;
  asOfDay: string;
  dayVolumeM3: string | null;
  dayChargeFen: number | null;
  balanceFen: number;
  receivableFen: number;
  prepaidFen: number;
  avgDailyChargeFen: number | null;
  availableDays: string | null;
  warnDays: string;
  reduceDays: string;
  avgDays: number;
}
export interface Board {
  total: number;
  items: BoardRow[];
  counts: Record<Level, number>;
}
export interface Thresholds {
  warnDays: string;
  reduceDays: string;
  avgDays: number;
}
export interface Summary {
  customerId: number;
  code: string;
  name: string;
  customerStatus: string;
  monitored: boolean;
  balanceFen: number;
  receivableFen: number;
  prepaidFen: number;
  level: Level | null;
  sinceDay: string | null;
  asOfDay: string | null;
  dayVolumeM3: string | null;
  dayChargeFen: number | null;
  avgDailyChargeFen: number | null;
  availableDays: string | null;
  thresholds: { own: { warnDays: string | null; reduceDays: string | null; avgDays: number | null }; effective: Thresholds };
  pendingAdjustments: number;
}
export interface Tx {
  id: number;
  kind: TxKind;
  customerId: number;
  businessDate: string;
  reference: string | null;
  payerName: string | null;
  note: string | null;
  reversesId: number | null;
  reversedById: number | null;
  amountFen: number;
  createdBy: string | null;
  createdAt: string;
}
export interface Adjustment {
  id: number;
  customerId: number;
  customerName: string;
  amountFen: number;
  businessDate: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  enteredBy: number;
  enteredByName: string | null;
  enteredAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  transactionId: number | null;
}
export interface Statement {
  customer: { id: number; code: string; name: string };
  from: string;
  to: string;
  lines: { id: number; date: string; kind: TxKind; reference: string | null; note: string | null; amountFen: number; balanceFen: number }[];
  totals: { openingFen: number; paymentsFen: number; chargesFen: number; adjustmentsFen: number; refundsFen: number; closingFen: number };
}

export const KEY = ['accounts'];

export function useBoard(q: Record<string, any>) {
  return useQuery({ queryKey: [...KEY, 'board', q], queryFn: () => api.get<Board>('/api/accounts/board', q), placeholderData: keepPreviousData });
}
export function useSummary(customerId: number) {
  return useQuery({ queryKey: [...KEY, 'summary', customerId], queryFn: () => api.get<Summary>(`/api/accounts/customers/${customerId}`) });
}
export function useTransactions(customerId: number, q: Record<string, any>) {
  return useQuery({ queryKey: [...KEY, 'tx', customerId, q], queryFn: () => api.get<{ total: number; items: Tx[] }>(`/api/accounts/customers/${customerId}/transactions`, q), placeholderData: keepPreviousData });
}
export function useAdjustments(q: Record<string, any>) {
  return useQuery({ queryKey: [...KEY, 'adjustments', q], queryFn: () => api.get<{ total: number; items: Adjustment[] }>('/api/accounts/adjustments', q), placeholderData: keepPreviousData });
}

/** A mutation that refreshes every accounts query afterwards. */
export function useSave<A, R = unknown>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
