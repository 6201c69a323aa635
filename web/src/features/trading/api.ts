/** API types and hooks of the trading module (server: server/src/modules/trading). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type State = 'upcoming' | 'open' | 'closed' | 'cleared' | 'cancelled';
export interface Session {
  id: number;
  kind: 'real' | 'simulation';
  mode: 'listing' | 'bidding';
  title: string;
  resourceTag: string;
  basis: 'm3' | 'GJ';
  deliveryMonth: string;
  deliveryPoint: string;
  quantity: string;
  minPerBuyer: string;
  maxPerBuyer: string;
  fixedPrice: string | null;
  floorPrice: string | null;
  priceStep: string | null;
  pricing: 'pay_as_bid' | 'uniform';
  opensAt: string;
  closesAt: string;
  depositRatio: string;
  feeRate: string;
  status: string;
  state: State;
  organiserName: string | null;
  bidCount: number;
  soldQuantity: string | null;
  clearingPrice: string | null;
  clearedAt: string | null;
  eligibleCustomerIds: number[];
  virtualAccounts: { id: number; name: string; customerId: number | null; userId: number | null; balanceFen: number }[];
}
export interface Bid {
  id: number;
  customerId: number | null;
  customerName: string | null;
  virtualAccountId: number | null;
  virtualAccountName: string | null;
  price: string | null;
  quantity: string;
  grantedQuantity: string | null;
  submittedAt: string;
  depositFen: number;
  filledQuantity: string | null;
  outcome: 'filled' | 'partial' | 'unfilled' | null;
  rank: number | null;
}
export interface Award {
  id: number;
  bidId: number;
  customerName: string | null;
  virtualAccountName: string | null;
  quantity: string;
  price: string;
  amountFen: number;
  buyerFeeFen: number;
  sellerFeeFen: number;
  depositAppliedFen: number;
  depositReleasedFen: number;
  awardedAt: string;
}
export interface Result {
  session: Session;
  bids: Bid[];
  awards: Award[];
  totals: { soldQuantity: string; unsoldQuantity: string; amountFen: number; buyerFeesFen: number; sellerFeesFen: number };
}
export interface Live {
  state: State;
  secondsLeft: number;
  bidCount: number;
  bidders: number;
  quantity: string;
  grantedQuantity: string | null;
  closesAt: string;
}
export interface Membership {
  customerId: number;
  code: string;
  name: string;
  exchangeStatus: 'none' | 'registered' | 'bound' | 'trained';
  registeredOn: string | null;
  boundOn: string | null;
  trainedOn: string | null;
  managerName: string | null;
  lastFollowupOn: string | null;
  followups: number;
}
export interface BoardRow {
  rank: number;
  userId: number;
  name: string;
  sessions: number;
  customers: number;
  trades: number;
  volume: string;
}
export interface Stats {
  current: { year: number; sessions: number; trades: number; customers: number; volume: string; amountFen: number; avgPremium: string | null; months: { month: string; sessions: number; trades: number; volume: string }[] };
  previous: { year: number; sessions: number; trades: number; volume: string };
  change: { tradesPct: string | null; volumePct: string | null; sessionsPct: string | null };
}
export interface Training {
  participants: { virtualAccountId: number; name: string; customerName: string | null; userName: string | null; bids: number; wonQuantity: string }[];
  feedback: { id: number; virtualAccountName: string | null; topic: string; rating: number; comment: string; createdByName: string | null; createdAt: string }[];
}

export const useSessions = (q: Record<string, unknown>) => useQuery({ queryKey: ['trading', 'sessions', q], queryFn: () => api.get<{ total: number; items: Session[] }>('/api/trading/sessions', q as any), placeholderData: keepPreviousData });
export const useResult = (id: number) => useQuery({ queryKey: ['trading', 'result', id], queryFn: () => api.get<Result>(`/api/trading/sessions/${id}/result`) });
export const useTraining = (id: number, enabled: boolean) => useQuery({ queryKey: ['trading', 'training', id], queryFn: () => api.get<Training>(`/api/trading/sessions/${id}/training`), enabled });
export const useMemberships = (q: Record<string, unknown>) => useQuery({ queryKey: ['trading', 'memberships', q], queryFn: () => api.get<{ total: number; items: Membership[] }>('/api/trading/memberships', q as any), placeholderData: keepPreviousData });
export const useBoard = (from: string, to: string) => useQuery({ queryKey: ['trading', 'board', from, to], queryFn: () => api.get<BoardRow[]>('/api/trading/board', { from, to }) });
export const useStats = (year: number) => useQuery({ queryKey: ['trading', 'stats', year], queryFn: () => api.get<Stats>('/api/trading/stats', { year }) });

/** A mutation that refreshes everything of trading afterwards. */
export function useTradingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['trading'] }) });
}
