/**
 * A Kysely instance that only builds queries (it has no connection): published read fragments are
 * built with it so they can be embedded anywhere — joined in a Kysely query or interpolated into
 * `sql` text — without a database handle. The query that embeds them runs on the real database.
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection } from 'kysely';
import type { DB } from './schema';

/** Running a fragment by itself is a mistake (it has no database): fail loudly instead of returning no rows. */
class RefusingDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return {
      executeQuery: async () => {
        throw new Error('a published read fragment cannot run by itself: embed it in a query on the database (db.selectFrom(fragment.as(…)) or sql`… ${fragment} …`)');
      },
      // eslint-disable-next-line require-yield
      streamQuery: async function* () {
        throw new Error('a published read fragment cannot run by itself');
      },
    };
  }
}

export const fragmentBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new RefusingDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
