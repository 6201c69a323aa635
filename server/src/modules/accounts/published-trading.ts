/**
 * What the trading module posts to the customer ledger (DOMAIN.md §4 保证金/手续费): deposits
 * frozen from the available balance, released or applied after clearing, and fees. Each posting
 * carries a reference unique per kind (e.g. 'bid:123'), so a retried call posts nothing twice.
 * All run inside the caller's transaction.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { customerPostings } from './accounts.calc';
import * as ledger from './ledger.repo';
import { TRADING_COUNTER_ACCOUNT, type TradingTxKind } from './trading-postings.calc';

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

/** Serialises postings that check a customer's available balance (advisory lock per customer, held to commit). */
export async function lockCustomerLedger(trx: Tx, customerId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(300, ${customerId}::int)`.execute(trx);
}

/**
 * Freeze a deposit: refused (returns `{ ok: false, availableFen }`) when the customer's available
 * balance — the ledger balance, already net of deposits still frozen — is below the amount. The
 * check and the posting run under the customer's ledger lock, so parallel bids never overdraw.
 */
export async function freezeTradingDeposit(trx: Tx, p: TradingPosting): Promise<{ ok: true; transactionId: number } | { ok: false; availableFen: number }> {
  await lockCustomerLedger(trx, p.customerId);
  const available = await ledger.balanceOf(trx, p.customerId);
  if (available < p.amountFen) return { ok: false, availableFen: available };
  if (p.amountFen === 0) return { ok: true, transactionId: 0 };
  return { ok: true, transactionId: await post(trx, 'trading_deposit', -p.amountFen, p) };
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
