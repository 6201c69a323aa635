/** Table types of the metering module (migrations 0200_*, 0201_*). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';

export type Origin = 'scada' | 'manual' | 'estimate';
export type Channel = 'manual' | 'api' | 'csv' | 'xlsx' | 'cli';

export interface DailyDeliveriesTable {
  customer_id: number;
  delivery_point_id: number;
  gas_day: DateStr;
  volume_m3: Numeric;
  origin: Origin;
  /** 24 decimal strings (m³), hour 1 = the first hour of the gas day, or null. */
  hourly: unknown;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface DeliveryHistoryTable {
  id: Generated<number>;
  customer_id: number;
  delivery_point_id: number;
  gas_day: DateStr;
  old_volume_m3: Numeric;
  old_origin: Origin;
  old_hourly: unknown;
  new_volume_m3: Numeric;
  new_origin: Origin;
  new_hourly: unknown;
  reason: string;
  channel: Channel;
  changed_by: number | null;
  changed_by_name: string | null;
  changed_at: Generated<Date>;
}

export interface GasQualityTable {
  supply_source_id: number;
  gas_day: DateStr;
  method: 'report' | 'composition';
  gcv_mj_m3: Numeric;
  ncv_mj_m3: Numeric | null;
  relative_density: Numeric | null;
  wobbe_mj_m3: Numeric | null;
  density_kg_m3: Numeric | null;
  z: Numeric | null;
  molar_mass: Numeric | null;
  composition: unknown;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface CustomerDailyPlansTable {
  customer_id: number;
  gas_day: DateStr;
  planned_m3: Numeric;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface CustomerMonthlyPlansTable {
  customer_id: number;
  month: string;
  planned_m3: Numeric;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface CustomerContractLimitsTable {
  customer_id: number;
  daily_max_m3: Numeric;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** Monthly delivered volume per customer, kept by triggers on daily_deliveries (migration 202612071421). */
export interface DeliveryMonthsTable {
  customer_id: number;
  /** first day of the month */
  month: string;
  volume_m3: Numeric;
  /** daily rows behind the figure */
  days: number;
}

declare module '../../platform/db/schema' {
  interface DB {
    daily_deliveries: DailyDeliveriesTable;
    delivery_months: DeliveryMonthsTable;
    delivery_history: DeliveryHistoryTable;
    gas_quality: GasQualityTable;
    customer_daily_plans: CustomerDailyPlansTable;
    customer_monthly_plans: CustomerMonthlyPlansTable;
    customer_contract_limits: CustomerContractLimitsTable;
  }
}
