/** API calls of the metering feature (types from the API contract) and unit helpers (exact: decimal strings through Decimal). */
import { dec } from '@common/decimal';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse, ElementOf } from '../../api';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';

export const KEY = ['metering'] as const;

export type Unit = 'm3' | 'wan' | 'gj';
export type Flag = 'missing' | 'zero' | 'jump' | 'above_max' | 'estimate';
export type Origin = 'scada' | 'manual' | 'estimate';

export type MeteringConfig = ApiResponse<'/api/metering/config'>;
export type Board = ApiResponse<'/api/metering/board'>;
export type BoardItem = ApiItem<'/api/metering/board'>;
export type BoardQuery = ApiQuery<'/api/metering/board'>;
export type Delivery = ApiItem<'/api/metering/deliveries'>;
export type DeliveryQuery = ApiQuery<'/api/metering/deliveries'>;
export type HistoryRow = ApiItem<'/api/metering/deliveries/history'>;
export type HistoryQuery = ApiQuery<'/api/metering/deliveries/history'>;
export type ImportReport = ApiResponse<'/api/metering/deliveries/import', 'post'>;
export type Usage = ApiResponse<'/api/metering/customers/{id}/usage'>;
export type UsageQuery = ApiQuery<'/api/metering/customers/{id}/usage'>;
export type UsagePoint = ElementOf<Usage['series']>;
export type Quality = ApiItem<'/api/metering/quality'>;
export type QualityQuery = ApiQuery<'/api/metering/quality'>;
export type SupplySource = ApiItem<'/api/metering/supply-sources'>;
export type Aggregate = ApiResponse<'/api/metering/aggregate'>;
export type AggregateQuery = ApiQuery<'/api/metering/aggregate'>;
export type Plans = ApiResponse<'/api/metering/customers/{id}/plans'>;

/** The metering feature's calls (each one route of the contract). */
export const meteringApi = {
  config: () => api.get('/api/metering/config'),
  board: (query: BoardQuery) => api.get('/api/metering/board', { query }),
  exportBoard: (query: ApiQuery<'/api/metering/board/export'>) => api.download('/api/metering/board/export', { query }),
  deliveries: (query: DeliveryQuery) => api.get('/api/metering/deliveries', { query }),
  correct: (body: ApiBody<'/api/metering/deliveries', 'put'>) => api.put('/api/metering/deliveries', { body }),
  history: (query: HistoryQuery) => api.get('/api/metering/deliveries/history', { query }),
  importFile: (file: File | Blob, fields: { dryRun: string; validOnly: string; reason?: string }) => api.upload('/api/metering/deliveries/import', file, fields),
  downloadTemplate: (format: ApiQuery<'/api/metering/deliveries/template'>['format']) => api.download('/api/metering/deliveries/template', { query: { format } }),
  supplySources: () => api.get('/api/metering/supply-sources'),
  quality: (query: QualityQuery) => api.get('/api/metering/quality', { query }),
  saveQuality: (body: ApiBody<'/api/metering/quality'>) => api.post('/api/metering/quality', { body }),
  aggregate: (query: AggregateQuery) => api.get('/api/metering/aggregate', { query }),
  usage: (id: number, query: UsageQuery) => api.get('/api/metering/customers/{id}/usage', { path: { id }, query }),
  exportUsage: (id: number, query: ApiQuery<'/api/metering/customers/{id}/usage/export'>) => api.download('/api/metering/customers/{id}/usage/export', { path: { id }, query }),
  plans: (id: number, query: ApiQuery<'/api/metering/customers/{id}/plans'>) => api.get('/api/metering/customers/{id}/plans', { path: { id }, query }),
  savePlans: (id: number, body: ApiBody<'/api/metering/customers/{id}/plans', 'put'>) => api.put('/api/metering/customers/{id}/plans', { path: { id }, body }),
  saveDailyMax: (id: number, body: ApiBody<'/api/metering/customers/{id}/daily-max', 'put'>) => api.put('/api/metering/customers/{id}/daily-max', { path: { id }, body }),
};

/** The value of a quantity in the chosen unit as a decimal string (万方 = m³ / 10⁴), or null. */
export function inUnit(m3: string | null | undefined, gj: string | null | undefined, unit: Unit): string | null {
  if (unit === 'gj') return gj ?? null;
  if (m3 == null) return null;
  return unit === 'wan' ? dec(m3).div(10_000).toString() : m3;
}

export const UNIT_DP: Record<Unit, number> = { m3: 0, wan: 2, gj: 1 };

/** Formatted quantity in a unit; missing stays "—" (never 0). */
export function fmtQty(m3: string | null | undefined, gj: string | null | undefined, unit: Unit, dp = UNIT_DP[unit]): string {
  const v = inUnit(m3, gj, unit);
  return v == null ? '—' : formatNumber(v, dp);
}

export function fmtPct(p: string | null | undefined): string {
  if (p == null) return '—';
  return `${p.startsWith('-') ? '' : '+'}${p}%`;
}

export const COMPONENTS = ['CH4', 'C2H6', 'C3H8', 'iC4H10', 'nC4H10', 'iC5H12', 'nC5H12', 'C6plus', 'N2', 'CO2', 'H2S', 'He', 'H2', 'O2'] as const;
