/**
 * A per-process cache of a company-wide read (the usage and payment boards) that stays correct with
 * several server processes on one PostgreSQL (issue 15 item 7: nothing that must be shared lives in
 * a process's memory). No process tells another anything: the database does.
 *
 * Every table such a read depends on has a statement trigger (migration 202612080500 and the
 * modules' `*_data_changes.sql`) that writes one row (domain, writing transaction's id) into
 * `data_changes`, in the writer's transaction. An entry remembers the snapshot taken just before it
 * was built; it is served while no `data_changes` row of its domains is invisible in that snapshot,
 * i.e. no change committed since. Each read asks that in ONE round trip (an index range scan over
 * the rows newer than the snapshot's xmin), which also returns the caller's per-request extra (the
 * user's scope) and the current snapshot, used when the entry has to be rebuilt. The snapshot is
 * taken before the build's own reads, so a change committed in between only costs a rebuild.
 *
 * Entries older than MAX_AGE_MS are rebuilt; rows of transactions that ended more than twice that
 * long ago are pruned (no live entry can still need them), by whichever process rebuilds.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database';

export const MAX_AGE_MS = 5 * 60_000;
const PRUNE_AFTER_MS = 2 * MAX_AGE_MS;
const PRUNE_EVERY_MS = 60_000;

interface Entry {
  snapshot: string;
  at: number;
  value: unknown;
}

interface DbState {
  entries: Map<string, Map<string, Entry>>;
  /** xmin of snapshots this process saw, and when (oldest first, one a minute at most). */
  horizons: { at: number; xmin: string }[];
  lastPrune: number;
}

const states = new WeakMap<Db, DbState>();

function stateOf(db: Db): DbState {
  let s = states.get(db);
  if (!s) states.set(db, (s = { entries: new Map(), horizons: [], lastPrune: performance.now() }));
  return s;
}

export interface VersionedCache<T> {
  /**
   * The value for `key`, rebuilt by `build` when a change to the cache's domains has committed since
   * it was built. `extra` (e.g. the user's customer ids) is evaluated in the same round trip.
   */
  read<X = null>(db: Db, key: string, build: (db: Db) => Promise<T>, extra?: RawBuilder<X> | null): Promise<{ value: T; extra: X | null; hit: boolean }>;
}

/** A cache of values that depend on the tables of `domains` (module names, as the triggers note them). */
export function versionedCache<T>(opts: { name: string; domains: string[]; maxEntries?: number }): VersionedCache<T> {
  const max = opts.maxEntries ?? 8;
  return {
    async read<X>(db: Db, key: string, build: (db: Db) => Promise<T>, extra?: RawBuilder<X> | null) {
      const st = stateOf(db);
      let entries = st.entries.get(opts.name);
      if (!entries) st.entries.set(opts.name, (entries = new Map()));
      const at = performance.now();
      const e = entries.get(key);
      const old = e && at - e.at < MAX_AGE_MS ? e.snapshot : null;
      const changed = old
        ? sql<boolean>`EXISTS (SELECT 1 FROM data_changes WHERE domain = ANY(${opts.domains}::text[])
            AND xid >= pg_snapshot_xmin(${old}::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ${old}::pg_snapshot))`
        : sql<boolean>`true`;
      const { rows } = await sql<{ changed: boolean; snapshot: string; xmin: string; extra: X | null }>`
        SELECT ${changed} AS changed, pg_current_snapshot()::text AS snapshot, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
          ${extra ?? sql`NULL`} AS extra`.execute(db);
      const r = rows[0];
      if (e && !r.changed) {
        entries.delete(key); // most recently used last
        entries.set(key, e);
        return { value: e.value as T, extra: r.extra, hit: true };
      }
      const value = await build(db);
      entries.delete(key);
      entries.set(key, { snapshot: r.snapshot, at, value });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      await notePrune(db, st, at, r.xmin);
      return { value, extra: r.extra, hit: false };
    },
  };
}

/** Remember the horizon seen at `at`; delete rows of transactions that ended before a horizon older than PRUNE_AFTER_MS. */
async function notePrune(db: Db, st: DbState, at: number, xmin: string) {
  const last = st.horizons.at(-1);
  if (!last || at - last.at >= PRUNE_EVERY_MS) st.horizons.push({ at, xmin });
  if (at - st.lastPrune < PRUNE_EVERY_MS) return;
  let h: { at: number; xmin: string } | undefined;
  while (st.horizons.length && at - st.horizons[0].at >= PRUNE_AFTER_MS) h = st.horizons.shift();
  if (!h) return;
  st.lastPrune = at;
  // every transaction below a snapshot's xmin had ended when it was taken (> PRUNE_AFTER_MS ago):
  // any live entry (< MAX_AGE_MS old, in any process) was built after it and sees its change.
  await sql`DELETE FROM data_changes WHERE xid < ${h.xmin}::xid8`.execute(db);
}
