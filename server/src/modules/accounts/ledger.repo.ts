/** SQL of the ledger: the single insert path for transactions, balances, listings. */
import { dec } from '@common/decimal';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { sumsToZero, type CounterAccount, type PostingLine, type TxKind } from './accounts.calc';
import type { ChargePriceSource } from './accounts.tables';
import { userDirectory } from '../../platform/auth/users';

/** Global (counter) account ids by kind. They are created by the migration and never change. */
export async function counterAccountIds(db: Tx): Promise<Record<CounterAccount, number>> {
  const rows = await db.selectFrom('ledger_accounts').select(['id', 'kind']).where('customer_id', 'is', null).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.id])) as Record<CounterAccount, number>;
}

export interface NewTransaction {
  kind: TxKind;
  customerId: number;
  businessDate: string;
  period?: string;
  chargeDay?: string | null;
  reference?: string | null;
  payerName?: string | null;
  payerAccount?: string | null;
  note?: string | null;
  reversesId?: number | null;
  createdBy: number | null;
}

/**
 * The single insert path for one transaction: the transaction row, then all its postings in one
 * statement (a statement trigger checks that they sum to zero). Returns the new transaction id.
 */
export async function insertTransaction(db: Tx, tx: NewTransaction, lines: PostingLine[]): Promise<number> {
  if (lines.length < 2 || !sumsToZero(lines)) throw new Error('ledger transaction does not balance');
  const row = await db
    .insertInto('ledger_transactions')
    .values({
      kind: tx.kind,
      customer_id: tx.customerId,
      business_date: tx.businessDate,
      period: tx.period ?? tx.businessDate.slice(0, 7),
      charge_day: tx.chargeDay ?? null,
      reference: tx.reference ?? null,
      payer_name: tx.payerName ?? null,
      payer_account: tx.payerAccount ?? null,
      note: tx.note ?? null,
      reverses_id: tx.reversesId ?? null,
      created_by: tx.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPostings(db, row.id, tx.customerId, tx.businessDate, lines);
  return row.id;
}

/**
 * All postings of a transaction in one statement. Account ids are resolved in SQL: the customer's
 * own account (created on first use in the same statement) and the global counter accounts.
 */
async function insertPostings(db: Tx, transactionId: number, customerId: number, businessDate: string, lines: PostingLine[]) {
  const values = lines.map((l, i) => sql`(${i + 1}::smallint, ${l.account}::text, ${l.amountFen}::bigint)`);
  await sql`
    WITH created AS (
      INSERT INTO ledger_accounts (kind, customer_id, name, name_en) VALUES ('customer', ${customerId}::bigint, '客户往来', 'Customer account')
      ON CONFLICT (customer_id) DO NOTHING RETURNING id
    ), own AS (
      SELECT COALESCE((SELECT id FROM created), (SELECT id FROM ledger_accounts WHERE customer_id = ${customerId}::bigint)) AS id
    )
    INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
    SELECT ${transactionId}::bigint, v.line,
           CASE WHEN v.kind = 'customer' THEN (SELECT id FROM own) ELSE (SELECT a.id FROM ledger_accounts a WHERE a.kind = v.kind AND a.customer_id IS NULL) END,
           CASE WHEN v.kind = 'customer' THEN ${customerId}::bigint END,
           v.amount, ${businessDate}::date
      FROM (VALUES ${sql.join(values)}) AS v(line, kind, amount)`.execute(db);
}

/**
 * A payment keyed by its bank reference: inserted unless the reference exists (concurrent
 * duplicates wait on the unique index and then find the first). Returns the id and whether it is new.
 */
export async function insertPaymentOnce(db: Tx, tx: NewTransaction, lines: PostingLine[]): Promise<{ id: number; created: boolean }> {
  const row = await db
    .insertInto('ledger_transactions')
    .values({
      kind: 'payment',
      customer_id: tx.customerId,
      business_date: tx.businessDate,
      period: tx.businessDate.slice(0, 7),
      reference: tx.reference!,
      payer_name: tx.payerName ?? null,
      payer_account: tx.payerAccount ?? null,
      note: tx.note ?? null,
      created_by: tx.createdBy,
    })
    .onConflict((oc) => oc.column('reference').where('kind', '=', 'payment').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const existing = await db.selectFrom('ledger_transactions').select('id').where('kind', '=', 'payment').where('reference', '=', tx.reference!).executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await insertPostings(db, row.id, tx.customerId, tx.businessDate, lines);
  return { id: row.id, created: true };
}

export interface TxView {
  id: number;
  kind: TxKind;
  customerId: number;
  businessDate: string;
  period: string;
  chargeDay: string | null;
  reference: string | null;
  payerName: string | null;
  payerAccount: string | null;
  note: string | null;
  priceSource: ChargePriceSource | null;
  reversesId: number | null;
  reversedById: number | null;
  reversedKind: TxKind | null;
  /** Effect on the customer's balance (+ credit, − debit). */
  amountFen: number;
  /** The customer's balance after this transaction (running balance in business-date, id order). */
  balanceAfterFen: number;
  /** Daily charges: the day's volume and what the daily run priced (quantity × price); null otherwise. */
  dayCharge: DayChargeFigures | null;
  /**
   * A daily charge posted before the daily run stored what it priced (migration 202612071428 added
   * quantity, basis and price; rows written before it keep NULL until a run touches the day again):
   * the ledger and the statement mark it "(早期记录，未存量价)" instead of a bare "—". Not backfilled:
   * the price in force then and the deliveries as they stood cannot be re-derived exactly.
   */
  earlyCharge: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface DayChargeFigures {
  /** The gas day's volume, m³ (decimal string). */
  volumeM3: string;
  /** The priced quantity in `basis` units (m³, or GJ for an energy contract); null when unpriced. */
  quantity: string | null;
  basis: 'm3' | 'GJ' | null;
  /** 元/m³ or 元/GJ, 4 places (DOMAIN.md §2); null when unpriced. */
  price: string | null;
}

function txQuery(db: Tx) {
  return db
    .selectFrom('ledger_transactions as t')
    .leftJoin('customer_day_charges as dc', (j) => j.onRef('dc.customer_id', '=', 't.customer_id').onRef('dc.gas_day', '=', 't.charge_day').on('t.kind', '=', 'daily_charge'))
    .leftJoin('ledger_transactions as r', 'r.reverses_id', 't.id')
    .leftJoin('ledger_transactions as o', 'o.id', 't.reverses_id')
    .leftJoin(userDirectory().as('u'), 'u.id', 't.created_by')
    .select([
      't.id',
      't.kind',
      't.customer_id',
      't.business_date',
      't.period',
      't.charge_day',
      't.reference',
      't.payer_name',
      't.payer_account',
      't.note',
      't.price_source',
      't.reverses_id',
      't.created_at',
      'r.id as reversed_by_id',
      'o.kind as reversed_kind',
      'u.display_name as created_by_name',
      sql<number>`(SELECT COALESCE(SUM(p.amount_fen), 0) FROM ledger_postings p WHERE p.transaction_id = t.id AND p.customer_id IS NOT NULL)`.as('amount_fen'),
      // running balance: Σ of the customer's postings up to and including this transaction (date, id order)
      sql<number>`(SELECT COALESCE(SUM(p.amount_fen), 0) FROM ledger_transactions t2 JOIN ledger_postings p ON p.transaction_id = t2.id AND p.customer_id = t2.customer_id
                    WHERE t2.customer_id = t.customer_id AND (t2.business_date, t2.id) <= (t.business_date, t.id))`.as('balance_after_fen'),
      'dc.volume_m3 as dc_volume',
      'dc.quantity as dc_quantity',
      'dc.basis as dc_basis',
      'dc.price as dc_price',
    ]);
}

function toView(r: any): TxView {
  return {
    id: r.id,
    kind: r.kind,
    customerId: r.customer_id,
    businessDate: r.business_date,
    period: r.period,
    chargeDay: r.charge_day,
    reference: r.reference,
    payerName: r.payer_name,
    payerAccount: r.payer_account,
    note: r.note,
    priceSource: r.price_source ?? null,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id ?? null,
    reversedKind: r.reversed_kind ?? null,
    amountFen: Number(r.amount_fen),
    balanceAfterFen: Number(r.balance_after_fen),
    dayCharge:
      r.dc_volume == null
        ? null
        : {
            volumeM3: dec(r.dc_volume).toFixed(3),
            quantity: r.dc_quantity == null ? null : dec(r.dc_quantity).toFixed(),
            basis: r.dc_basis ?? null,
            price: r.dc_price == null ? null : dec(r.dc_price).toFixed(4),
          },
    earlyCharge: r.kind === 'daily_charge' && r.dc_price == null,
    createdBy: r.created_by_name ?? null,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
}

export async function findTransaction(db: Tx, id: number): Promise<TxView | null> {
  const r = await txQuery(db).where('t.id', '=', id).executeTakeFirst();
  return r ? toView(r) : null;
}

export async function postingsOf(db: Tx, transactionId: number): Promise<PostingLine[]> {
  const rows = await db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
    .select(['a.kind', 'p.amount_fen'])
    .where('p.transaction_id', '=', transactionId)
    .orderBy('p.line')
    .execute();
  return rows.map((r) => ({ account: r.kind, amountFen: r.amount_fen }));
}

export async function listTransactions(db: Tx, customerId: number, q: { page: number; pageSize: number; from?: string; to?: string; kind?: TxKind }): Promise<{ total: number; items: TxView[] }> {
  let base = db.selectFrom('ledger_transactions as t').where('t.customer_id', '=', customerId);
  if (q.from) base = base.where('t.business_date', '>=', q.from);
  if (q.to) base = base.where('t.business_date', '<=', q.to);
  if (q.kind) base = base.where('t.kind', '=', q.kind);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let list = txQuery(db).where('t.customer_id', '=', customerId);
  if (q.from) list = list.where('t.business_date', '>=', q.from);
  if (q.to) list = list.where('t.business_date', '<=', q.to);
  if (q.kind) list = list.where('t.kind', '=', q.kind);
  const rows = await list
    .orderBy('t.business_date', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(n), items: rows.map(toView) };
}

/** Transactions of a customer within [from, to] in date order (statements). */
export async function transactionsBetween(db: Tx, customerId: number, from: string, to: string): Promise<TxView[]> {
  const rows = await txQuery(db).where('t.customer_id', '=', customerId).where('t.business_date', '>=', from).where('t.business_date', '<=', to).orderBy('t.business_date').orderBy('t.id').execute();
  return rows.map(toView);
}

/**
 * Balance of one customer (DOMAIN.md §6: prepaid − owed = Σ of the postings on its account): the
 * balance kept with the postings (customer_balances), or, before a date, the sum of its postings
 * dated earlier (their business date is their transaction's; older partitions only).
 */
export async function balanceOf(db: Tx, customerId: number, before?: string): Promise<number> {
  if (!before) {
    const r = await db.selectFrom('customer_balances').select('balance_fen').where('customer_id', '=', customerId).executeTakeFirst();
    return Number(r?.balance_fen ?? 0);
  }
  const r = await db
    .selectFrom('ledger_postings as p')
    .select(sql<number>`COALESCE(SUM(p.amount_fen), 0)`.as('b'))
    .where('p.customer_id', '=', customerId)
    .where('p.business_date', '<', before)
    .executeTakeFirstOrThrow();
  return Number(r.b);
}

/**
 * Set the kept balances of `customerIds` to the sum of their postings. Only for a bulk load that
 * skipped the ledger triggers (the demo with session_replication_role = replica, which also skips
 * the guard of customer_balances); everything else moves them through ledger_postings_check.
 */
export async function rebuildBalances(db: Tx, customerIds: number[]): Promise<void> {
  await sql`INSERT INTO customer_balances (customer_id, balance_fen)
            SELECT customer_id, SUM(amount_fen) FROM ledger_postings WHERE customer_id = ANY(${customerIds}::bigint[]) GROUP BY customer_id ORDER BY customer_id
            ON CONFLICT (customer_id) DO UPDATE SET balance_fen = excluded.balance_fen`.execute(db);
}

export async function isMonthClosed(db: Tx, day: string): Promise<boolean> {
  const r = await db
    .selectFrom('accounting_periods')
    .select('month')
    .where('month', '=', day.slice(0, 7) + '-01')
    .executeTakeFirst();
  return !!r;
}

export interface BulkTx {
  kind: 'payment' | 'refund' | 'adjustment' | 'settlement_true_up' | 'trading_deposit_release' | 'trading_deposit_applied' | 'trading_fee';
  customerId: number;
  businessDate: string;
  reference: string;
  payerName?: string | null;
  note?: string | null;
  /** Effect on the customer's balance. */
  amountFen: number;
  counter: CounterAccount;
}

/**
 * Many customer transactions at once (demo data, benchmarks, trading clearing through
 * published-trading's postTradingBulk): set-based, two statements per batch;
 * each transaction's two postings are inserted together and balance by construction.
 */
export async function bulkInsertTransactions(db: Tx, rows: BulkTx[], createdBy: number | null): Promise<number> {
  const counters = await counterAccountIds(db);
  const BATCH = 20_000;
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = rows.slice(i, i + BATCH);
    await sql`INSERT INTO ledger_accounts (kind, customer_id, name, name_en)
              SELECT DISTINCT 'customer', x, '客户往来', 'Customer account' FROM unnest(${c.map((r) => r.customerId)}::bigint[]) AS x
              ON CONFLICT (customer_id) DO NOTHING`.execute(db);
    await sql`
      WITH src AS (
        SELECT * FROM unnest(${c.map((r) => r.kind)}::text[], ${c.map((r) => r.customerId)}::bigint[], ${c.map((r) => r.businessDate)}::date[],
                             ${c.map((r) => r.reference)}::text[], ${c.map((r) => r.payerName ?? null)}::text[], ${c.map((r) => r.note ?? null)}::text[],
                             ${c.map((r) => r.amountFen)}::bigint[], ${c.map((r) => counters[r.counter])}::bigint[])
          AS s(kind, customer_id, business_date, reference, payer_name, note, amount_fen, counter_id)
      ), numbered AS MATERIALIZED (
        SELECT nextval(pg_get_serial_sequence('ledger_transactions', 'id')) AS tx_id, s.* FROM src s ORDER BY s.business_date
      ), tx AS (
        INSERT INTO ledger_transactions (id, kind, customer_id, business_date, period, reference, payer_name, note, created_by)
        SELECT tx_id, kind, customer_id, business_date, to_char(business_date, 'YYYY-MM'), reference, payer_name, note, ${createdBy}::bigint FROM numbered
        RETURNING id
      )
      INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
      SELECT n.tx_id, 1, (SELECT a.id FROM ledger_accounts a WHERE a.customer_id = n.customer_id), n.customer_id, n.amount_fen, n.business_date FROM numbered n
      UNION ALL
      SELECT n.tx_id, 2, n.counter_id, NULL, -n.amount_fen, n.business_date FROM numbered n`.execute(db);
  }
  return rows.length;
}
