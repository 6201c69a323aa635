/** Table types of the system module (migration 202612071426_system_saved_filters). */
import type { Generated } from 'kysely';
import type { Json } from '../../platform/db/schema';

export interface SavedFiltersTable {
  id: Generated<number>;
  user_id: number;
  list_key: string;
  name: string;
  filters: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    saved_filters: SavedFiltersTable;
  }
}
