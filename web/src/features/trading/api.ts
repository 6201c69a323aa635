/** API calls and hooks of the trading feature (server: server/src/modules/trading). Types come from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api, fillPath } from '../../lib/api';

export const KEY = ['trading'] as const;

export type Session = ApiResponse<'/api/trading/sessions/{id}'>;
export type State = Session['state'];
export type SessionListItem = ApiItem<'/api/trading/sessions'>;
export type SessionFilter = ApiQuery<'/api/trading/sessions'>;
export type SessionInput = ApiBody<'/api/trading/sessions'>;
export type AgreementInput = ApiBody<'/api/trading/agreements'>;
export type AgreementConfirmInput = ApiBody<'/api/trading/agreements/{id}/confirm'>;
export type Result = ApiResponse<'/api/trading/sessions/{id}/result'>;
export type Bid = ElementOf<Result['bids']>;
export type Award = ElementOf<Result['awards']>;
export type BidInput = ApiBody<'/api/trading/sessions/{id}/bids'>;
/** The live counters (GET …/live; the same object is pushed by the `live` server-sent events). */
export type Live = ApiResponse<'/api/trading/sessions/{id}/live'>;
export type CustomerAward = ApiItem<'/api/trading/customers/{customerId}/awards'>;
export type Membership = ApiItem<'/api/trading/memberships'>;
export type MembershipFilter = ApiQuery<'/api/trading/memberships'>;
export type MembershipInput = ApiBody<'/api/trading/memberships/{customerId}', 'put'>;
export type Followup = ApiItem<'/api/trading/memberships/{customerId}/followups'>;
export type FollowupInput = ApiBody<'/api/trading/memberships/{customerId}/followups'>;
export type Training = ApiResponse<'/api/trading/sessions/{id}/training'>;
export type FeedbackInput = ApiBody<'/api/trading/sessions/{id}/feedback'>;
export type BoardRow = ApiItem<'/api/trading/board'>;
export type Stats = ApiResponse<'/api/trading/stats'>;
export type CustomerPick = ApiItem<'/api/customers'>;
export type StaffUser = ApiItem<'/api/users/directory'>;

/** The trading feature's calls (each one route of the contract). */
export const tradingApi = {
  sessions: (query: SessionFilter) => api.get('/api/trading/sessions', { query }),
  createSession: (body: SessionInput) => api.post('/api/trading/sessions', { body }),
  recordAgreement: (body: AgreementInput) => api.post('/api/trading/agreements', { body }),
  confirmAgreement: (id: number, body: AgreementConfirmInput) => api.post('/api/trading/agreements/{id}/confirm', { path: { id }, body }),
  result: (id: number) => api.get('/api/trading/sessions/{id}/result', { path: { id } }),
  close: (id: number) => api.post('/api/trading/sessions/{id}/close', { path: { id } }),
  clear: (id: number) => api.post('/api/trading/sessions/{id}/clear', { path: { id } }),
  placeBid: (id: number, body: BidInput) => api.post('/api/trading/sessions/{id}/bids', { path: { id }, body }),
  training: (id: number) => api.get('/api/trading/sessions/{id}/training', { path: { id } }),
  sendFeedback: (id: number, body: FeedbackInput) => api.post('/api/trading/sessions/{id}/feedback', { path: { id }, body }),
  customerAwards: (customerId: number) => api.get('/api/trading/customers/{customerId}/awards', { path: { customerId } }),
  memberships: (query: MembershipFilter) => api.get('/api/trading/memberships', { query }),
  saveMembership: (customerId: number, body: MembershipInput) => api.put('/api/trading/memberships/{customerId}', { path: { customerId }, body }),
  followups: (customerId: number) => api.get('/api/trading/memberships/{customerId}/followups', { path: { customerId } }),
  addFollowup: (customerId: number, body: FollowupInput) => api.post('/api/trading/memberships/{customerId}/followups', { path: { customerId }, body }),
  board: (from: string, to: string) => api.get('/api/trading/board', { query: { from, to } }),
  /** Excel exports (in the user's language) and the result notices (成交结果通知) to awarded customers. */
  exportSessions: (query: SessionFilter) => api.download('/api/trading/sessions.xlsx', { query }),
  exportResult: (id: number) => api.download('/api/trading/sessions/{id}/result.xlsx', { path: { id } }),
  exportStats: (year: number) => api.download('/api/trading/stats.xlsx', { query: { year } }),
  exportBoard: (from: string, to: string) => api.download('/api/trading/board.xlsx', { query: { from, to } }),
  sendNotices: (id: number) => api.post('/api/trading/sessions/{id}/notices', { path: { id } }),
  stats: (year: number) => api.get('/api/trading/stats', { query: { year } }),
  /** A customer's name for its printable result notices (customers' detail route). */
  customer: (id: number) => api.get('/api/customers/{id}', { path: { id } }),
  /** Customers to bid for (real sessions): the customers list searched by name/code. */
  pickCustomers: (q: string) => api.get('/api/customers', { query: { q: q || undefined, pageSize: 20 } }),
  /** Who may hold a simulation account: account managers, then part-time managers. */
  managers: async (): Promise<StaffUser[]> => [
    ...(await api.get('/api/users/directory', { query: { role: 'account_manager' } })),
    ...(await api.get('/api/users/directory', { query: { role: 'part_time_manager' } })),
  ],
  /**
   * Subscribe to a session's live counters (server-sent events on GET /api/trading/sessions/{id}/events,
   * event `live`, payload as GET …/live); returns the unsubscribe function.
   */
  subscribeLive: (id: number, onLive: (v: Live) => void): (() => void) => {
    const es = new EventSource(fillPath('/api/trading/sessions/{id}/events', { id }));
    es.addEventListener('live', (e) => onLive(JSON.parse((e as MessageEvent<string>).data) as Live));
    return () => es.close();
  },
};

export const useSessions = (q: SessionFilter) => useQuery({ queryKey: [...KEY, 'sessions', q], queryFn: () => tradingApi.sessions(q), placeholderData: keepPreviousData });
export const useResult = (id: number) => useQuery({ queryKey: [...KEY, 'result', id], queryFn: () => tradingApi.result(id) });
export const useTraining = (id: number, enabled: boolean) => useQuery({ queryKey: [...KEY, 'training', id], queryFn: () => tradingApi.training(id), enabled });
export const useCustomerAwards = (customerId: number) => useQuery({ queryKey: [...KEY, 'customer-awards', customerId], queryFn: () => tradingApi.customerAwards(customerId) });
export const useMemberships = (q: MembershipFilter) => useQuery({ queryKey: [...KEY, 'memberships', q], queryFn: () => tradingApi.memberships(q), placeholderData: keepPreviousData });
export const useFollowups = (customerId: number) => useQuery({ queryKey: [...KEY, 'followups', customerId], queryFn: () => tradingApi.followups(customerId) });
export const useBoard = (from: string, to: string) => useQuery({ queryKey: [...KEY, 'board', from, to], queryFn: () => tradingApi.board(from, to) });
export const useStats = (year: number) => useQuery({ queryKey: [...KEY, 'stats', year], queryFn: () => tradingApi.stats(year) });
export const usePickCustomers = (search: string, enabled: boolean) => useQuery({ queryKey: ['customers', 'pick', search], queryFn: () => tradingApi.pickCustomers(search), enabled });
export const useCustomerDetail = (id: number) => useQuery({ queryKey: ['customers', id], queryFn: () => tradingApi.customer(id) });
export const useManagers = () => useQuery({ queryKey: ['users', 'directory', 'managers'], queryFn: tradingApi.managers });

/** A mutation that refreshes everything of trading afterwards. */
export function useTradingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
