/**
 * What the trading module posts to the customer ledger (DOMAIN.md §4 保证金/手续费): deposits
 * frozen from the available balance, released or applied after clearing, and fees. Each posting
 * carries a reference unique per kind (e.g. 'bid:123'), so a retried call posts nothing twice.
 * All run inside the caller's transaction.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/module';
import { customerPostings } from './accounts.calc';
import * as ledger from './ledger.repo';
import { TRADING_COUNTER_ACCOUNT, type TradingTxKind } from './trading-postings.calc';
import { recomputeLevels } from './levels.service';
import { yesterdayIn } from './payments.service';

export interface TradingPosting {
  customerId: number;
  /** Always positive: the amount frozen, released, applied or charged. */
  amountFen: number;
  businessDate: string;
  /** Unique per kind, e.g. 'bid:123' or 'award:45:buyer'. */
  reference: string;
  note?: string | null;
  createdBy: number | null;
}

/**
 * Freeze a deposit: refused (returns `{ ok: false, availableFen }`) when the customer's available
 * balance — the ledger balance, already net of deposits still frozen — is below the amount.
 * ONE statement (one round trip inside the caller's transaction): it locks the customer's kept
 * balance row (`FOR UPDATE`, held to commit: parallel freezes of one customer queue on it, and
 * after waiting it reads the latest committed balance), compares, and only when the balance
 * covers the amount inserts the transaction and both postings (the ledger's statement trigger
 * checks them and moves the kept balance). A reference already posted posts nothing
 * (`ON CONFLICT DO NOTHING`; the existing transaction's id is returned). The rule "available ≥
 * deposit" is here only.
 */
export async function freezeTradingDeposit(trx: Tx, p: TradingPosting): Promise<{ ok: true; transactionId: number } | { ok: false; availableFen: number }> {
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen < 0) throw new RangeError(`trading posting needs a non-negative integer fen amount, got ${p.amountFen}`);
  const { rows } = await sql<{ available: number; ok: boolean; tx_id: number | null; existing_id: number | null }>`
    WITH cur AS MATERIALIZED (
      SELECT balance_fen FROM customer_balances WHERE customer_id = ${p.customerId}::bigint FOR UPDATE
    ), chk AS MATERIALIZED (
      SELECT COALESCE((SELECT balance_fen FROM cur), 0) AS available, COALESCE((SELECT balance_fen FROM cur), 0) >= ${p.amountFen}::bigint AS ok
    ), tx AS (
      INSERT INTO ledger_transactions (kind, customer_id, business_date, period, reference, note, created_by)
      SELECT 'trading_deposit', ${p.customerId}::bigint, ${p.businessDate}::date, to_char(${p.businessDate}::date, 'YYYY-MM'), ${p.reference}::text, ${p.note ?? null}::text, ${p.createdBy}::bigint
        FROM chk WHERE chk.ok AND ${p.amountFen}::bigint > 0
      ON CONFLICT (kind, reference) WHERE kind LIKE 'trading\\_%' DO NOTHING
      RETURNING id
    ), lines AS (
      INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
      SELECT tx.id, l.line, CASE l.line WHEN 1 THEN a.id ELSE (SELECT c.id FROM ledger_accounts c WHERE c.kind = ${TRADING_COUNTER_ACCOUNT.trading_deposit} AND c.customer_id IS NULL) END,
             CASE l.line WHEN 1 THEN ${p.customerId}::bigint END, CASE l.line WHEN 1 THEN -${p.amountFen}::bigint ELSE ${p.amountFen}::bigint END, ${p.businessDate}::date
        FROM tx JOIN ledger_accounts a ON a.customer_id = ${p.customerId}::bigint
        CROSS JOIN (VALUES (1::smallint), (2::smallint)) AS l(line)
      RETURNING 1
    )
    SELECT chk.available, chk.ok, (SELECT id FROM tx) AS tx_id,
           (SELECT t.id FROM ledger_transactions t WHERE t.kind = 'trading_deposit' AND t.reference = ${p.reference}::text) AS existing_id
      FROM chk`.execute(trx);
  const r = rows[0]!;
  if (!r.ok) return { ok: false, availableFen: Number(r.available) };
  return { ok: true, transactionId: Number(r.tx_id ?? r.existing_id ?? 0) };
}

/** Release (part of) a frozen deposit back to the available balance. Returns the transaction id, or 0 for 0 fen. */
export async function releaseTradingDeposit(trx: Tx, p: TradingPosting): Promise<number> {
  return p.amountFen === 0 ? 0 : post(trx, 'trading_deposit_release', p.amountFen, p);
}

/** Apply the deposit of volume won: back to the balance, which pays the gas as it is delivered and charged. */
export async function applyTradingDeposit(trx: Tx, p: TradingPosting): Promise<number> {
  return p.amountFen === 0 ? 0 : post(trx, 'trading_deposit_applied', p.amountFen, p);
}

/** Charge the buyer's trading fee. */
export async function chargeTradingFee(trx: Tx, p: TradingPosting): Promise<number> {
  return p.amountFen === 0 ? 0 : post(trx, 'trading_fee', -p.amountFen, p);
}

export interface BulkTradingPosting extends TradingPosting {
  kind: Exclude<TradingTxKind, 'trading_deposit'>;
}

/**
 * Many releases, applications and fees at once (clearing a session): set-based — per 50,000
 * postings, one statement makes sure the customers' accounts exist and ONE statement inserts the
 * transactions (`ON CONFLICT (kind, reference) DO NOTHING` on the trading-reference index, so a
 * (kind, reference) already posted is skipped without a separate existence check) and, from the
 * rows it actually inserted, both postings of each. Zero amounts post nothing. Freezing is not
 * offered in bulk: it must check each customer's available balance. Returns the number posted.
 */
export async function postTradingBulk(trx: Tx, postings: BulkTradingPosting[]): Promise<number> {
  const todo = postings.filter((p) => p.amountFen !== 0);
  for (const p of todo) if (!Number.isSafeInteger(p.amountFen) || p.amountFen < 0) throw new RangeError(`trading posting needs a non-negative integer fen amount, got ${p.amountFen}`);
  if (!todo.length) return 0;
  const keys = new Set(todo.map((p) => `${p.kind} ${p.reference}`));
  if (keys.size !== todo.length) throw new RangeError('trading postings repeat a (kind, reference) pair');
  const counters = await ledger.counterAccountIds(trx);
  let posted = 0;
  for (let i = 0; i < todo.length; i += 50_000) {
    const c = todo.slice(i, i + 50_000);
    const col = <T>(f: (p: BulkTradingPosting) => T) => c.map(f);
    await sql`INSERT INTO ledger_accounts (kind, customer_id, name, name_en)
              SELECT DISTINCT 'customer', x, '客户往来', 'Customer account' FROM unnest(${[...new Set(col((p) => p.customerId))]}::bigint[]) AS x
              ON CONFLICT (customer_id) DO NOTHING`.execute(trx);
    // release and application return money to the customer's account; a fee takes it
    const { rows } = await sql<{ n: number }>`
      WITH src AS MATERIALIZED (
        SELECT * FROM unnest(${col((p) => p.kind)}::text[], ${col((p) => p.customerId)}::bigint[], ${col((p) => p.businessDate)}::date[], ${col((p) => p.reference)}::text[],
                             ${col((p) => p.note ?? null)}::text[], ${col((p) => (p.kind === 'trading_fee' ? -p.amountFen : p.amountFen))}::bigint[],
                             ${col((p) => counters[TRADING_COUNTER_ACCOUNT[p.kind]])}::bigint[], ${col((p) => p.createdBy)}::bigint[])
          AS s(kind, customer_id, business_date, reference, note, amount_fen, counter_id, created_by)
      ), tx AS (
        INSERT INTO ledger_transactions (kind, customer_id, business_date, period, reference, note, created_by)
        SELECT kind, customer_id, business_date, to_char(business_date, 'YYYY-MM'), reference, note, created_by FROM src
        ON CONFLICT (kind, reference) WHERE kind LIKE 'trading\\_%' DO NOTHING
        RETURNING id, kind, reference
      ), lines AS (
        INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
        SELECT tx.id, l.line, CASE l.line WHEN 1 THEN a.id ELSE s.counter_id END, CASE l.line WHEN 1 THEN s.customer_id END, CASE l.line WHEN 1 THEN s.amount_fen ELSE -s.amount_fen END, s.business_date
          FROM tx JOIN src s ON s.kind = tx.kind AND s.reference = tx.reference
          JOIN ledger_accounts a ON a.customer_id = s.customer_id
          CROSS JOIN (VALUES (1::smallint), (2::smallint)) AS l(line)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM tx)::int AS n`.execute(trx);
    posted += Number(rows[0]!.n);
  }
  return posted;
}

/** Deposits still frozen per customer (frozen − released − applied), for the customers given. */
export async function frozenTradingDeposits(trx: Tx, customerIds: number[]): Promise<Map<number, number>> {
  if (!customerIds.length) return new Map();
  const { rows } = await sql<{ customer_id: number; frozen: number }>`
    SELECT t.customer_id, -SUM(p.amount_fen) AS frozen
      FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id = t.customer_id
     WHERE t.kind IN ('trading_deposit', 'trading_deposit_release', 'trading_deposit_applied') AND t.customer_id = ANY(${customerIds}::bigint[])
     GROUP BY t.customer_id`.execute(trx);
  return new Map(rows.map((r) => [Number(r.customer_id), Number(r.frozen)]));
}

async function post(trx: Tx, kind: TradingTxKind, customerEffectFen: number, p: TradingPosting): Promise<number> {
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen < 0) throw new RangeError(`trading posting needs a non-negative integer fen amount, got ${p.amountFen}`);
  const existing = await trx.selectFrom('ledger_transactions').select('id').where('kind', '=', kind).where('reference', '=', p.reference).executeTakeFirst();
  if (existing) return existing.id;
  return ledger.insertTransaction(
    trx,
    { kind, customerId: p.customerId, businessDate: p.businessDate, reference: p.reference, note: p.note ?? null, createdBy: p.createdBy },
    customerPostings(customerEffectFen, TRADING_COUNTER_ACCOUNT[kind]),
  );
}

/**
 * Recompute the payment levels (DOMAIN.md §6) of the customers whose available balance a trading
 * posting just changed (a deposit frozen or released, a fee), inside the caller's transaction, so
 * monitoring sees the lower available balance at once rather than at the next daily run.
 * Scoped to `customerIds` (one set-based recompute); returns the level changes.
 */
export async function refreshTradingLevels(ctx: AppContext, trx: Tx, customerIds: number[]) {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return [];
  const r = await recomputeLevels(ctx, trx, { asOfDay: yesterdayIn(ctx.config.timeZone), customerIds: ids, preferLastRunDay: true });
  return r.changes;
}
