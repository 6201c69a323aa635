/**
 * Daily run (日结, job `accounts.daily`, key = gas day): posts each customer's charge for the day
 * and recomputes payment levels. Idempotent per gas day: for every customer it posts
 * charge_for_day − already_posted_for_day, so a re-run posts nothing and a re-run after a
 * delivery correction posts only the difference (an adjusting daily_charge transaction).
 * Set-based: one statement computes and posts the charges of all customers. See
 * docs/accounts-daily-run.md.
 */
import { sql } from 'kysely';
import { dailyEnergyTotals, dailyVolumeTotals, gcvLookbackDays } from '../metering';
import { contractDayPrices } from '../contracts';
import type { AppContext } from '../../platform/module';
import { inTx, xactLock, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { AE } from './accounts.errors';
import { counterAccountIds } from './ledger.repo';
import { ACCOUNTS_DAILY_LOCK, getSetting, putSetting, SETTING_LAST_RUN_DAY } from './levels.repo';
import { recomputeLevels } from './levels.service';

export interface DailyRunResult {
  gasDay: string;
  transactions: number;
  corrections: number;
  /** Net amount charged by this run (fen; negative when corrections credit customers back). */
  chargedFen: number;
  /** Customers with gas that day but no provisional price in effect (not charged). */
  missingPrice: number;
  levelsComputed: number;
  levelChanges: number;
  asOfDay: string;
}

/**
 * The CTEs computing each customer's charge per gas day in [from, to] and what is already posted
 * for it. Price (DOMAIN.md §4, §6): the contract price of the customer's base tag in force that day
 * (contracts' contractDayPrices: fixed contract price, else the price book's) — × volume for an
 * m³ contract, × energy for a GJ contract when metering has the day's energy; else (no contract,
 * no contract price, or a GJ day without energy) the customer's provisional price × volume. Each
 * charge is marked with its price source: 'contract' | 'provisional'.
 */
function deltaCtes(from: string, to: string, gcvLookback: number) {
  return sql`
    vol AS MATERIALIZED (
      SELECT customer_id, gas_day, volume_m3 AS v FROM (${dailyVolumeTotals(from, to)}) dv
    ), cp AS MATERIALIZED (
      SELECT customer_id, gas_day, basis, price FROM (${contractDayPrices(from, to)}) x WHERE x.price IS NOT NULL
    ), en AS MATERIALIZED (
      -- energy only where a GJ contract needs it
      SELECT * FROM ${dailyEnergyTotals(sql`SELECT customer_id FROM cp WHERE basis = 'GJ'`, from, to, gcvLookback)} e
    ), priced AS (
      SELECT vol.customer_id, vol.gas_day, vol.v,
             CASE WHEN cp.basis = 'm3' THEN vol.v WHEN cp.basis = 'GJ' THEN en.energy_gj END AS q, cp.price AS contract_price, cp.basis
        FROM vol
        LEFT JOIN cp ON cp.customer_id = vol.customer_id AND cp.gas_day = vol.gas_day
        LEFT JOIN en ON cp.basis = 'GJ' AND en.customer_id = vol.customer_id AND en.gas_day = vol.gas_day
    ), charge AS (
      -- lineAmountFen(quantity, price): round(quantity × price × 100) — numeric, half away from zero =
      -- half-up for ≥ 0 — once per customer-day; NULL when the customer has no price that day
      SELECT p.customer_id, p.gas_day, p.v,
             round(CASE WHEN p.q IS NOT NULL THEN p.q * p.contract_price ELSE p.v * pr.price END * 100)::bigint AS fen,
             CASE WHEN p.q IS NOT NULL THEN 'contract' WHEN pr.price IS NOT NULL THEN 'provisional' END AS source,
             -- what was priced, shown in the ledger and the statement: quantity (m³ or GJ) × price
             CASE WHEN p.q IS NOT NULL THEN p.q WHEN pr.price IS NOT NULL THEN p.v END AS quantity,
             CASE WHEN p.q IS NOT NULL THEN p.basis WHEN pr.price IS NOT NULL THEN 'm3' END AS basis,
             CASE WHEN p.q IS NOT NULL THEN p.contract_price ELSE pr.price END AS price
        FROM priced p
        -- the provisional price in force that day, looked up only for days without a contract price
        LEFT JOIN LATERAL (
          SELECT x.price FROM customer_provisional_prices x
           WHERE p.q IS NULL AND x.customer_id = p.customer_id AND x.effective_from <= p.gas_day
           ORDER BY x.effective_from DESC LIMIT 1) pr ON true
    ), posted AS (
      SELECT t.customer_id, t.charge_day AS gas_day, -SUM(p.amount_fen) AS fen
        -- a charge's postings are dated on its gas day (business_date = charge_day): only those months' partitions
        FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id IS NOT NULL AND p.business_date = t.business_date
       WHERE t.charge_day BETWEEN ${from}::date AND ${to}::date AND p.business_date BETWEEN ${from}::date AND ${to}::date
       GROUP BY t.customer_id, t.charge_day
    ), delta AS (
      SELECT COALESCE(c.customer_id, po.customer_id) AS customer_id,
             COALESCE(c.gas_day, po.gas_day) AS gas_day,
             COALESCE(c.fen, 0) - COALESCE(po.fen, 0) AS fen,
             po.customer_id IS NOT NULL AS correction, c.source
        FROM charge c FULL JOIN posted po ON po.customer_id = c.customer_id AND po.gas_day = c.gas_day
       WHERE COALESCE(c.fen, 0) <> COALESCE(po.fen, 0)
         AND (c.customer_id IS NULL OR c.fen IS NOT NULL) -- a day without a price is left alone
    )`;
}

/**
 * Post the charges (only differences) of every customer for each gas day in [from, to], in one
 * statement. The daily run uses one day; the demo loads two years at once through the same path.
 */
export async function postDailyCharges(trx: Tx, from: string, to: string, actor: Actor): Promise<{ transactions: number; corrections: number; chargedFen: number; missingPrice: number }> {
  const gcvLookback = await gcvLookbackDays(trx);
  const closed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM accounting_periods WHERE month BETWEEN date_trunc('month', ${from}::date)::date AND ${to}::date`.execute(trx);
  if (Number(closed.rows[0].n) > 0) {
    const r = await sql<{
      day: string;
    }>`WITH ${deltaCtes(from, to, gcvLookback)} SELECT d.gas_day::text AS day FROM delta d JOIN accounting_periods ap ON ap.month = date_trunc('month', d.gas_day)::date ORDER BY d.gas_day LIMIT 1`.execute(
      trx,
    );
    if (r.rows.length) throw new AppError(AE.PERIOD_CLOSED, { period: r.rows[0].day.slice(0, 7), date: r.rows[0].day });
  }
  // No JIT for the rest of this transaction: on tables without statistics yet (a fresh database, new
  // monthly partitions) the planner's estimates cross jit_above_cost and compiling the charge
  // statement took ~16 s for three customers (EXPLAIN ANALYZE, docs/BENCHMARKS.md); it never pays back here.
  await sql`SELECT set_config('jit', 'off', true)`.execute(trx);
  // Monthly partitions of the days posted (a no-op once they exist; rows of those months move out of the default partition).
  await sql`SELECT ensure_month_partitions('ledger_postings', ${from}::date, ${to}::date), ensure_month_partitions('customer_day_charges', ${from}::date, ${to}::date)`.execute(trx);
  // Customer accounts of everyone charged exist before the postings refer to them.
  await sql`INSERT INTO ledger_accounts (kind, customer_id, name, name_en)
            SELECT 'customer', d.customer_id, '客户往来', 'Customer account' FROM (SELECT DISTINCT customer_id FROM (${dailyVolumeTotals(from, to)}) v) d
             WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.customer_id = d.customer_id)
            ON CONFLICT (customer_id) DO NOTHING`.execute(trx);
  const sales = (await counterAccountIds(trx)).gas_sales;
  const { rows } = await chargeStatement(from, to, actor.userId, sales, gcvLookback).execute(trx);
  return { transactions: Number(rows[0].transactions), corrections: Number(rows[0].corrections), chargedFen: Number(rows[0].charged), missingPrice: Number(rows[0].missing) };
}

/** The one statement that posts the differences (exported for EXPLAIN in benchmarks). */
export function chargeStatement(from: string, to: string, userId: number | null, sales: number, gcvLookback: number) {
  const note = '气量更正差额 / delivery correction';
  return sql<{ transactions: number; corrections: number; charged: number; missing: number }>`
    WITH ${deltaCtes(from, to, gcvLookback)},
    -- ids drawn up front so the postings need no join back to the inserted transactions
    numbered AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('ledger_transactions', 'id')) AS tx_id, d.* FROM delta d ORDER BY d.gas_day, d.customer_id
    ), tx AS (
      INSERT INTO ledger_transactions (id, kind, customer_id, business_date, period, charge_day, reference, note, created_by, price_source)
      SELECT n.tx_id, 'daily_charge', n.customer_id, n.gas_day, to_char(n.gas_day, 'YYYY-MM'), n.gas_day, 'gas-day:' || n.gas_day::text, CASE WHEN n.correction THEN ${note} END, ${userId}::bigint, n.source
        FROM numbered n
      RETURNING id
    ), lines AS (
      INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
      -- account looked up by its unique customer_id (a plan that does not depend on estimates of the CTE)
      SELECT n.tx_id, 1, (SELECT a.id FROM ledger_accounts a WHERE a.customer_id = n.customer_id), n.customer_id, -n.fen, n.gas_day FROM numbered n
      UNION ALL
      SELECT n.tx_id, 2, ${sales}::bigint, NULL, n.fen, n.gas_day FROM numbered n
      RETURNING line
    ), days AS (
      -- the derived per-day figures monitoring reads: volume, and the amount posted for the day after this run
      INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen, price_source, quantity, basis, price)
      SELECT COALESCE(c.customer_id, po.customer_id), COALESCE(c.gas_day, po.gas_day), COALESCE(c.v, 0),
             CASE WHEN c.customer_id IS NULL THEN 0 WHEN c.fen IS NULL THEN po.fen ELSE c.fen END,
             CASE WHEN c.fen IS NOT NULL THEN c.source END,
             CASE WHEN c.fen IS NOT NULL THEN c.quantity END, CASE WHEN c.fen IS NOT NULL THEN c.basis END, CASE WHEN c.fen IS NOT NULL THEN c.price END
        FROM charge c
        FULL JOIN posted po ON po.customer_id = c.customer_id AND po.gas_day = c.gas_day
      ON CONFLICT (customer_id, gas_day) DO UPDATE SET volume_m3 = excluded.volume_m3, charge_fen = excluded.charge_fen, price_source = excluded.price_source,
             quantity = excluded.quantity, basis = excluded.basis, price = excluded.price, updated_at = now()
      -- a re-run rewrites only the rows whose figures changed
      WHERE (customer_day_charges.volume_m3, customer_day_charges.charge_fen, customer_day_charges.price_source, customer_day_charges.quantity, customer_day_charges.basis, customer_day_charges.price)
            IS DISTINCT FROM (excluded.volume_m3, excluded.charge_fen, excluded.price_source, excluded.quantity, excluded.basis, excluded.price)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM tx)::int AS transactions,
           (SELECT count(*) FROM delta WHERE correction)::int AS corrections,
           (SELECT COALESCE(SUM(fen), 0) FROM delta)::bigint AS charged,
           (SELECT count(*) FROM lines)::int AS lines,
           (SELECT count(*) FROM days)::int AS days,
           (SELECT count(DISTINCT customer_id) FROM charge WHERE fen IS NULL)::int AS missing`;
}

/** The whole daily run for one gas day, in one transaction (serialised by an advisory lock). */
export async function runDaily(ctx: AppContext, day: string, actor: Actor): Promise<DailyRunResult> {
  return inTx(ctx.db, async (trx) => {
    await xactLock(trx, ACCOUNTS_DAILY_LOCK);
    // hash joins and sorts of a million customer-days stay in memory (this transaction only)
    if (ctx.database.kind === 'postgres') await sql`SET LOCAL work_mem = '128MB'`.execute(trx);
    const posted = await postDailyCharges(trx, day, day, actor);
    const last = await getSetting<string>(trx, SETTING_LAST_RUN_DAY);
    const asOfDay = last && last > day ? last : day;
    if (asOfDay !== last) await putSetting(trx, SETTING_LAST_RUN_DAY, asOfDay);
    const levels = await recomputeLevels(ctx, trx, { asOfDay });
    const result: DailyRunResult = { gasDay: day, ...posted, levelsComputed: levels.computed, levelChanges: levels.changes.length, asOfDay };
    await audit(trx, actor, { action: 'accounts.daily_run', entity: 'gas_day', entityId: day, after: result });
    return result;
  });
}
