/**
 * A Kysely instance that only builds queries (it has no connection): published read fragments are
 * built with it so they can be embedded anywhere — joined in a Kysely query or interpolated into
 * `sql` text — without a database handle. The query that embeds them runs on the real database.
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { DB } from './schema';

export const fragmentBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
