/** Test fixtures for the accounts module: prices, billed customers, balances (customers and deliveries come from their owners' factories). */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { userDirectory } from '../../../platform/auth/users';
import { notificationRows } from '../../../platform/notify';
import { makeCustomer, type CustomerSpec } from '../../customers/testing/factory';

/** A provisional price of a customer from a day on (accounts' own table). */
export async function setProvisionalPrice(db: Db, customerId: number, price: string, effectiveFrom = '2020-01-01') {
  await db.insertInto('customer_provisional_prices').values({ customer_id: customerId, effective_from: effectiveFrom, price }).execute();
}

/**
 * A customer to bill: the customers factory's customer with `points` delivery points (default 2)
 * and, when `price` is given, a provisional price. Points are returned as ids.
 */
export async function makeBilledCustomer(db: Db, o: CustomerSpec & { price?: string; priceFrom?: string } = {}) {
  const { price, priceFrom, ...spec } = o;
  const c = await makeCustomer(db, { ...spec, points: spec.points ?? 2 });
  if (price) await setProvisionalPrice(db, c.id, price, priceFrom);
  return { id: c.id, name: c.name, code: c.code, points: c.points.map((p) => p.id) };
}

/** A user's id by username. */
export async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom(userDirectory().as('u')).select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function balance(db: Db, customerId: number): Promise<number> {
  const r = await sql<{ b: number }>`SELECT COALESCE(SUM(amount_fen), 0)::bigint AS b FROM ledger_postings WHERE customer_id = ${customerId}`.execute(db);
  return Number(r.rows[0].b);
}

export async function notificationsOf(db: Db, userId: number, customerId: number) {
  return db
    .selectFrom(notificationRows().as('n'))
    .select(['id', 'kind', 'title', 'dedupe_key'])
    .where('user_id', '=', userId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'payment_level')
    .orderBy('id')
    .execute();
}

/** Every transaction has at least two postings and sums to zero (a scan of the whole ledger). */
export async function unbalancedTransactions(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
       GROUP BY t.id HAVING count(p.line) < 2 OR COALESCE(SUM(p.amount_fen), 0) <> 0) x`.execute(db);
  return Number(r.rows[0].n);
}

/**
 * Customers whose balance kept with the postings (customer_balances) differs from the sum of their
 * postings (the definition, DOMAIN.md §6) — a scan of the whole ledger; 0 when they agree.
 */
export async function balanceDrift(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM customer_balances b
      FULL JOIN (SELECT customer_id, SUM(amount_fen) AS s FROM ledger_postings WHERE customer_id IS NOT NULL GROUP BY customer_id) p ON p.customer_id = b.customer_id
     WHERE b.balance_fen IS DISTINCT FROM p.s`.execute(db);
  return Number(r.rows[0].n);
}
