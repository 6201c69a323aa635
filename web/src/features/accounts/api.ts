/** API calls and hooks of the accounts feature; types from the API contract (web/src/api). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../api';
import { api } from '../../lib/api';

export type Level = 'normal' | 'warning' | 'reduce' | 'stop';
export const LEVELS: Level[] = ['stop', 'reduce', 'warning', 'normal'];
export const LEVEL_COLORS: Record<Level, string> = { stop: 'red', reduce: 'volcano', warning: 'gold', normal: 'green' };
export type TxKind =
  'payment' | 'daily_charge' | 'settlement_true_up' | 'adjustment' | 'refund' | 'reversal' | 'trading_deposit' | 'trading_deposit_release' | 'trading_deposit_applied' | 'trading_fee';

export type Board = ApiResponse<'/api/accounts/board'>;
export type BoardRow = ApiItem<'/api/accounts/board'>;
export type BoardQuery = ApiQuery<'/api/accounts/board'>;
export type Thresholds = ApiResponse<'/api/accounts/thresholds'>;
export type Summary = ApiResponse<'/api/accounts/customers/{id}'>;
export type Tx = ApiItem<'/api/accounts/customers/{id}/transactions'>;
export type Adjustment = ApiItem<'/api/accounts/adjustments'>;
export type Statement = ApiResponse<'/api/accounts/customers/{id}/statement'>;
export type StatementQuery = ApiQuery<'/api/accounts/customers/{id}/statement'>;
export type BankLine = ApiItem<'/api/accounts/bank-lines'>;
export type BankImportReport = ApiResponse<'/api/accounts/bank-imports', 'post'>;
export type Period = ApiItem<'/api/accounts/periods'>;

/** The accounts feature's calls (each one route of the contract). */
export const accountsApi = {
  exportBoard: (query: ApiQuery<'/api/accounts/board/export'>) => api.download('/api/accounts/board/export', { query }),
  statement: (id: number, query: StatementQuery) => api.get('/api/accounts/customers/{id}/statement', { path: { id }, query }),
  downloadStatement: (id: number, ext: 'pdf' | 'xlsx', query: StatementQuery) =>
    ext === 'pdf' ? api.download('/api/accounts/customers/{id}/statement.pdf', { path: { id }, query }) : api.download('/api/accounts/customers/{id}/statement.xlsx', { path: { id }, query }),
  pay: (body: ApiBody<'/api/accounts/payments'>) => api.post('/api/accounts/payments', { body }),
  refund: (body: ApiBody<'/api/accounts/refunds'>) => api.post('/api/accounts/refunds', { body }),
  adjust: (body: ApiBody<'/api/accounts/adjustments'>) => api.post('/api/accounts/adjustments', { body }),
  decideAdjustment: (id: number, decision: 'approve' | 'reject', body: ApiBody<'/api/accounts/adjustments/{id}/approve'>) =>
    decision === 'approve' ? api.post('/api/accounts/adjustments/{id}/approve', { path: { id }, body }) : api.post('/api/accounts/adjustments/{id}/reject', { path: { id }, body }),
  reverse: (id: number, body: ApiBody<'/api/accounts/transactions/{id}/reverse'>) => api.post('/api/accounts/transactions/{id}/reverse', { path: { id }, body }),
  prices: (id: number) => api.get('/api/accounts/customers/{id}/prices', { path: { id } }),
  savePrices: (id: number, body: ApiBody<'/api/accounts/customers/{id}/prices', 'put'>) => api.put('/api/accounts/customers/{id}/prices', { path: { id }, body }),
  saveCustomerThresholds: (id: number, body: ApiBody<'/api/accounts/customers/{id}/thresholds', 'put'>) => api.put('/api/accounts/customers/{id}/thresholds', { path: { id }, body }),
  thresholds: () => api.get('/api/accounts/thresholds'),
  saveThresholds: (body: ApiBody<'/api/accounts/thresholds', 'put'>) => api.put('/api/accounts/thresholds', { body }),
  periods: () => api.get('/api/accounts/periods'),
  closePeriod: (period: string) => api.post('/api/accounts/periods/{period}/close', { path: { period } }),
  bankLines: (query: ApiQuery<'/api/accounts/bank-lines'>) => api.get('/api/accounts/bank-lines', { query }),
  downloadBankTemplate: (format: 'xlsx' | 'csv' = 'xlsx') => api.download('/api/accounts/bank-imports/template', { query: { format } }),
  importBankFile: (file: File | Blob, fields: { validOnly?: string; dryRun?: string } = {}) => api.upload('/api/accounts/bank-imports', file, fields),
  assignBankLine: (id: number, body: ApiBody<'/api/accounts/bank-lines/{id}/assign'>) => api.post('/api/accounts/bank-lines/{id}/assign', { path: { id }, body }),
  bulkAssignBankLines: (body: ApiBody<'/api/accounts/bank-lines/bulk-assign'>) => api.post('/api/accounts/bank-lines/bulk-assign', { body }),
  ignoreBankLine: (id: number) => api.post('/api/accounts/bank-lines/{id}/ignore', { path: { id } }),
  /** Customer picker of the bank page (the customers list route, first matches). */
  pickCustomers: (q: string) => api.get('/api/customers', { query: { q: q || undefined, pageSize: 20 } }),
  managers: () => api.get('/api/users/directory', { query: { role: 'account_manager' } }),
};

export const KEY = ['accounts'];

export function useBoard(q: BoardQuery) {
  return useQuery({ queryKey: [...KEY, 'board', q], queryFn: () => api.get('/api/accounts/board', { query: q }), placeholderData: keepPreviousData });
}
export function useSummary(customerId: number) {
  return useQuery({ queryKey: [...KEY, 'summary', customerId], queryFn: () => api.get('/api/accounts/customers/{id}', { path: { id: customerId } }) });
}
export function useTransactions(customerId: number, q: ApiQuery<'/api/accounts/customers/{id}/transactions'>) {
  return useQuery({
    queryKey: [...KEY, 'tx', customerId, q],
    queryFn: () => api.get('/api/accounts/customers/{id}/transactions', { path: { id: customerId }, query: q }),
    placeholderData: keepPreviousData,
  });
}
export function useAdjustments(q: ApiQuery<'/api/accounts/adjustments'>) {
  return useQuery({ queryKey: [...KEY, 'adjustments', q], queryFn: () => api.get('/api/accounts/adjustments', { query: q }), placeholderData: keepPreviousData });
}

/** A mutation that refreshes every accounts query afterwards. */
export function useSave<A, R = unknown>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}
