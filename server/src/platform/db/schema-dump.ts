/**
 * A comparable description of the current schema (tables, columns, types, constraints, indexes,
 * sequences, views, functions, triggers) from information_schema / pg_catalog, with the schema name
 * removed so two databases (or two PostgreSQL schemas) can be compared. Used by the migration-order test.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database';

export interface SchemaDump {
  columns: string[];
  constraints: string[];
  indexes: string[];
  types: string[];
  sequences: string[];
  views: string[];
  functions: string[];
  triggers: string[];
}

export async function dumpSchema(database: Database): Promise<SchemaDump> {
  const db = database.db;
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0].s;
  const strip = (s: string | null) => (s ?? '').split(`"${schema}".`).join('').split(`${schema}.`).join('');
  const lines = async (q: RawBuilder<{ line: string }>) => (await q.execute(db)).rows.map((r) => strip(r.line)).sort();
  return {
    columns: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', table_name, lpad(ordinal_position::text, 3, '0'), column_name, data_type, udt_name, is_nullable, column_default,
                       character_maximum_length, numeric_precision, numeric_scale, is_identity, is_generated, generation_expression) AS line
      FROM information_schema.columns WHERE table_schema = current_schema()`),
    constraints: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred) AS line
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema()`),
    indexes: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', tablename, indexname, indexdef) AS line FROM pg_indexes WHERE schemaname = current_schema()`),
    types: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', t.typname, t.typtype,
                       (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
                       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END) AS line
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')`),
    sequences: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option) AS line
      FROM information_schema.sequences WHERE sequence_schema = current_schema()`),
    views: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', viewname, definition) AS line FROM pg_views WHERE schemaname = current_schema()`),
    functions: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', p.proname, pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid), md5(p.prosrc)) AS line
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()`),
    triggers: await lines(sql<{ line: string }>`
      SELECT concat_ws(' | ', c.relname, pg_get_triggerdef(t.oid)) AS line
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal`),
  };
}
