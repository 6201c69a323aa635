/** Table types of the metering module (migrations 0200_*). */
import type { DateStr, Numeric, Timestamp } from '../../platform/db/schema';

export interface DailyDeliveriesTable {
  customer_id: number;
  delivery_point_id: number;
  gas_day: DateStr;
  volume_m3: Numeric;
  origin: 'scada' | 'manual' | 'estimate';
  hourly: unknown;
  updated_at: Timestamp;
  updated_by: number | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    daily_deliveries: DailyDeliveriesTable;
  }
}
