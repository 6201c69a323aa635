/** Table types of the pricing module (migration 202612070730_pricing_core). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric } from '../../platform/db/schema';

export type Basis = 'm3' | 'GJ';
export type Season = 'all' | 'heating' | 'non_heating';

export interface PriceTagsTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface PriceEntriesTable {
  id: Generated<number>;
  tag: string;
  category: string;
  basis: Basis;
  season: Season;
  price: Numeric;
  effective_from: DateStr;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface PriceBenchmarksTable {
  id: Generated<number>;
  effective_from: DateStr;
  price: Numeric;
  float_cap_pct: Numeric;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface PriceReferenceMonthsTable {
  month: DateStr;
  basis: Basis;
  price: Numeric;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    price_tags: PriceTagsTable;
    price_entries: PriceEntriesTable;
    price_benchmarks: PriceBenchmarksTable;
    price_reference_months: PriceReferenceMonthsTable;
  }
}
