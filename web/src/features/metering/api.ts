/** Types of the metering API and unit helpers (exact: decimal strings through Decimal). */
import { dec } from '@common/decimal';
import { formatNumber } from '../../lib/format';

export const KEY = ['metering'] as const;

export type Unit = 'm3' | 'wan' | 'gj';
export type Flag = 'missing' | 'zero' | 'jump' | 'above_max' | 'estimate';
export type Origin = 'scada' | 'manual' | 'estimate';

export interface MeteringConfig {
  gasDayStartHour: number;
  timeZone: string;
  currentGasDay: string;
  lastCompleteGasDay: string;
  importRange: { minDay: string; maxDay: string };
  settings: { jumpPct: string; avgDays: number; gcvLookbackDays: number };
}

export interface BoardItem {
  customerId: number;
  code: string;
  name: string;
  type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  manager: string | null;
  pointCount: number;
  reportedPoints: number;
  volumeM3: string | null;
  energyGJ: string | null;
  gcvMJm3: string | null;
  avgM3: string | null;
  avgGJ: string | null;
  planM3: string | null;
  planGJ: string | null;
  dailyMaxM3: string | null;
  dailyMaxGJ: string | null;
  changePct: string | null;
  planDeviationPct: string | null;
  flags: Flag[];
}

export interface Board {
  day: string;
  jumpPct: string;
  avgDays: number;
  summary: { customers: number; flags: Record<Flag, number>; volumeM3: string; energyGJ: string; customersWithoutEnergy: number };
  total: number;
  items: BoardItem[];
}

export interface Delivery {
  customerId: number;
  customerName: string;
  deliveryPointId: number;
  pointCode: string;
  pointName: string;
  meterNo: string;
  gasDay: string;
  volumeM3: string;
  origin: Origin;
  estimated: boolean;
  hourly: string[] | null;
  gcvMJm3: string | null;
  energyGJ: string | null;
  corrections: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface HistoryRow {
  id: number;
  customerName: string;
  pointName: string;
  meterNo: string;
  gasDay: string;
  oldVolumeM3: string;
  oldOrigin: Origin;
  newVolumeM3: string;
  newOrigin: Origin;
  reason: string;
  channel: string;
  changedBy: string | null;
  changedAt: string;
}

export interface ImportReport {
  status: 'imported' | 'partial' | 'dry_run' | 'rejected';
  total: number;
  valid: number;
  invalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: { row: number; field: string; code: string; message: string }[];
  errorsTruncated: boolean;
}

export interface UsagePoint {
  period: string;
  volumeM3: string | null;
  energyGJ: string | null;
  gcvMJm3: string | null;
  estimated: boolean;
  daysWithData: number;
  prevYearVolumeM3: string | null;
  prevYearEnergyGJ: string | null;
}

export interface Usage {
  customer: { id: number; code: string; name: string; type: string };
  points: { id: number; code: string; name: string; meterNo: string; active: boolean; supplySourceId: number | null; supplySource: string | null }[];
  granularity: 'day' | 'month';
  from: string;
  to: string;
  series: UsagePoint[];
  total: { volumeM3: string | null; energyGJ: string | null; gcvMJm3: string | null; daysWithData: number; days: number };
}

export interface Quality {
  supplySourceId: number;
  sourceCode: string;
  sourceName: string;
  gasDay: string;
  method: 'report' | 'composition';
  gcvMJm3: string;
  ncvMJm3: string | null;
  relativeDensity: string | null;
  wobbeMJm3: string | null;
  composition: Record<string, string> | null;
  updatedAt: string;
}

export interface SupplySource {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
}

export interface Aggregate {
  groupBy: string;
  months: string[];
  rows: { month: string; group: string; volumeM3: string; energyGJ: string | null; customers: number }[];
}

export interface Paged<T> {
  total: number;
  items: T[];
}

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
