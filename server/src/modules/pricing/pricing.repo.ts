/** SQL of the price book (Kysely), plain data in and out. */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { Basis, Season } from './pricing.tables';

export async function listTags(db: Tx) {
  return db.selectFrom('price_tags').selectAll().orderBy('sort').orderBy('code').execute();
}
export async function findTag(db: Tx, code: string) {
  return db.selectFrom('price_tags').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface EntryFilter {
  tag?: string;
  category?: string;
  basis?: Basis;
  asOf: string;
  history: boolean;
}
/** Entries with `current` = the entry in force on `asOf` for its tag/category/basis/season. */
export async function listEntries(db: Tx, f: EntryFilter) {
  const { rows } = await sql<{
    id: number;
    tag: string;
    category: string;
    basis: Basis;
    season: Season;
    price: string;
    effective_from: string;
    note: string | null;
    created_by: number | null;
    created_at: Date;
    current: boolean;
  }>`
    SELECT e.*, e.effective_from::text AS effective_from,
           e.id = (SELECT x.id FROM price_entries x WHERE x.tag = e.tag AND x.category = e.category AND x.basis = e.basis AND x.season = e.season AND x.effective_from <= ${f.asOf}::date ORDER BY x.effective_from DESC LIMIT 1) AS current
      FROM price_entries e
     WHERE (${f.tag ?? null}::text IS NULL OR e.tag = ${f.tag ?? null})
       AND (${f.category ?? null}::text IS NULL OR e.category = ${f.category ?? null})
       AND (${f.basis ?? null}::text IS NULL OR e.basis = ${f.basis ?? null})
     ORDER BY e.tag, e.category, e.basis, e.season, e.effective_from DESC`.execute(db);
  return f.history ? rows : rows.filter((r) => r.current || r.effective_from > f.asOf);
}

export async function findEntry(db: Tx, k: { tag: string; category: string; basis: Basis; season: Season; effectiveFrom: string }) {
  return db
    .selectFrom('price_entries')
    .selectAll()
    .where('tag', '=', k.tag)
    .where('category', '=', k.category)
    .where('basis', '=', k.basis)
    .where('season', '=', k.season)
    .where('effective_from', '=', k.effectiveFrom)
    .executeTakeFirst();
}

export async function benchmarkOn(db: Tx, day: string) {
  const r = await sql<{
    price: string;
    float_cap_pct: string;
    effective_from: string;
  }>`SELECT price, float_cap_pct, effective_from::text AS effective_from FROM price_benchmarks WHERE effective_from <= ${day}::date ORDER BY effective_from DESC LIMIT 1`.execute(db);
  return r.rows[0] ?? null;
}
export async function listBenchmarks(db: Tx) {
  const r = await sql<{
    id: number;
    effective_from: string;
    price: string;
    float_cap_pct: string;
    note: string | null;
    created_at: Date;
  }>`SELECT id, effective_from::text AS effective_from, price, float_cap_pct, note, created_at FROM price_benchmarks ORDER BY effective_from DESC`.execute(db);
  return r.rows;
}
export async function listReferencePrices(db: Tx) {
  const r = await sql<{ month: string; basis: Basis; price: string }>`SELECT to_char(month, 'YYYY-MM') AS month, basis, price FROM price_reference_months ORDER BY month DESC, basis`.execute(db);
  return r.rows;
}

export interface PriceCombo {
  tag: string;
  category: string;
  basis: Basis;
}
/**
 * The price in force per combo and day in [from, to] (null when none): the entry with the latest
 * effective date ≤ day whose season covers the day (heating season Nov–Mar, DOMAIN.md §4); on the
 * same date a seasonal entry wins over an all-year one. One statement for all combos and days.
 */
export async function pricesByDay(db: Tx, combos: PriceCombo[], from: string, to: string) {
  if (!combos.length) return [];
  const { rows } = await sql<{ tag: string; category: string; basis: Basis; day: string; price: string | null }>`
    WITH combos AS (SELECT * FROM unnest(${combos.map((c) => c.tag)}::text[], ${combos.map((c) => c.category)}::text[], ${combos.map((c) => c.basis)}::text[]) AS t(tag, category, basis)),
         days AS (SELECT d::date AS day FROM generate_series(${from}::date, ${to}::date, interval '1 day') d)
    SELECT c.tag, c.category, c.basis, days.day::text AS day, ${priceInForce(sql`c`, sql`days.day`)} AS price
      FROM combos c CROSS JOIN days`.execute(db);
  return rows;
}

/**
 * The price in force for the combo of relation `k` (columns tag, category, basis) on `day`: the
 * entry with the latest effective date ≤ day whose season covers the day (heating season Nov–Mar,
 * DOMAIN.md §4); on the same date a seasonal entry wins over an all-year one. A scalar subquery.
 */
export function priceInForce(k: RawBuilder<unknown>, day: RawBuilder<unknown>) {
  return sql`(SELECT e.price FROM price_entries e
             WHERE e.tag = ${k}.tag AND e.category = ${k}.category AND e.basis = ${k}.basis AND e.effective_from <= ${day}
               AND (e.season = 'all' OR e.season = CASE WHEN extract(month FROM ${day}) IN (11, 12, 1, 2, 3) THEN 'heating' ELSE 'non_heating' END)
             ORDER BY e.effective_from DESC, (e.season <> 'all') DESC LIMIT 1)`;
}

/**
 * Published fragment: the price in force per price-book combo (tag, category, basis) and gas day in
 * [from, to] — rows (tag, category, basis, gas_day, price NUMERIC | NULL). Small (combos × days):
 * callers hash-join it to their own rows, one statement, no lookup per customer.
 */
export function priceBookDays(from: string, to: string): RawBuilder<{ tag: string; category: string; basis: Basis; gas_day: string; price: string | null }> {
  return sql`SELECT k.tag, k.category, k.basis, d.day::date AS gas_day, ${priceInForce(sql`k`, sql`d.day::date`)} AS price
      FROM (SELECT DISTINCT tag, category, basis FROM price_entries) k
      CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') d(day)`;
}

export async function referencePriceOf(db: Tx, month: string, basis: Basis): Promise<string | null> {
  const r = await db.selectFrom('price_reference_months').select('price').where('month', '=', `${month}-01`).where('basis', '=', basis).executeTakeFirst();
  return r?.price ?? null;
}
