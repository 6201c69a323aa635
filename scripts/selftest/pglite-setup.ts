import { PGlite } from '@electric-sql/pglite';

export default async function setup() {
  const db = new PGlite();
  await db.query('SELECT 1');
  return async () => {
    await db.close();
  };
}
