/**
 * Daily run (日结, job `accounts.daily`, key = gas day): posts each customer's charge for the day
 * and recomputes payment levels. Idempotent per gas day: for every customer it posts
 * charge_for_day − already_posted_for_day, so a re-run posts nothing and a re-run after a
 * delivery correction posts only the difference (an adjusting daily_charge transaction).
 * Set-based: one statement computes and posts the charges of all customers. See
 * docs/accounts-daily-run.md.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { AE } from './accounts.errors';
import { counterAccountIds, isMonthClosed } from './ledger.repo';
import { getSetting, putSetting, SETTING_LAST_RUN_DAY } from './levels.repo';
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

/** The CTEs computing each customer's charge for the day and what is already posted for it. */
function deltaCtes(day: string) {
  return sql`
    vol AS (
      SELECT customer_id, SUM(volume_m3) AS v FROM daily_deliveries WHERE gas_day = ${day}::date GROUP BY customer_id
    ), price AS (
      SELECT DISTINCT ON (pp.customer_id) pp.customer_id, pp.price
        FROM customer_provisional_prices pp
       WHERE pp.effective_from <= ${day}::date AND pp.customer_id IN (SELECT customer_id FROM vol)
       ORDER BY pp.customer_id, pp.effective_from DESC
    ), charge AS (
      -- lineAmountFen(volume, price): round(volume × price × 100) — numeric, half away from zero = half-up for ≥ 0
      SELECT vol.customer_id, round(vol.v * price.price * 100)::bigint AS fen FROM vol JOIN price USING (customer_id)
    ), unpriced AS (
      SELECT customer_id FROM vol WHERE customer_id NOT IN (SELECT customer_id FROM price)
    ), posted AS (
      SELECT t.customer_id, -SUM(p.amount_fen) AS fen
        FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id IS NOT NULL
       WHERE t.charge_day = ${day}::date
       GROUP BY t.customer_id
    ), delta AS (
      SELECT COALESCE(c.customer_id, po.customer_id) AS customer_id,
             COALESCE(c.fen, 0) - COALESCE(po.fen, 0) AS fen,
             po.customer_id IS NOT NULL AS correction
        FROM charge c FULL JOIN posted po ON po.customer_id = c.customer_id
       WHERE COALESCE(c.fen, 0) <> COALESCE(po.fen, 0)
         AND COALESCE(c.customer_id, po.customer_id) NOT IN (SELECT customer_id FROM unpriced)
    )`;
}

/** Post the day's charges (only differences) for every customer, in one statement. */
export async function postDailyCharges(trx: Tx, day: string, actor: Actor): Promise<{ transactions: number; corrections: number; chargedFen: number; missingPrice: number }> {
  const missing = await sql<{ n: number }>`WITH ${deltaCtes(day)} SELECT count(*)::int AS n FROM unpriced`.execute(trx);
  const missingPrice = Number(missing.rows[0].n);
  if (await isMonthClosed(trx, day)) {
    const r = await sql<{ n: number }>`WITH ${deltaCtes(day)} SELECT count(*)::int AS n FROM delta`.execute(trx);
    if (Number(r.rows[0].n) > 0) throw new AppError(AE.PERIOD_CLOSED, { period: day.slice(0, 7), date: day });
    return { transactions: 0, corrections: 0, chargedFen: 0, missingPrice };
  }
  // Customer accounts of everyone charged that day exist before the postings refer to them.
  await sql`INSERT INTO ledger_accounts (kind, customer_id, name, name_en)
            SELECT DISTINCT 'customer', d.customer_id, '客户往来', 'Customer account' FROM daily_deliveries d WHERE d.gas_day = ${day}::date
            ON CONFLICT (customer_id) DO NOTHING`.execute(trx);
  const sales = (await counterAccountIds(trx)).gas_sales;
  const note = '气量更正差额 / delivery correction';
  const { rows } = await sql<{ transactions: number; corrections: number; charged: number }>`
    WITH ${deltaCtes(day)},
    tx AS (
      INSERT INTO ledger_transactions (kind, customer_id, business_date, period, charge_day, reference, note, created_by)
      SELECT 'daily_charge', d.customer_id, ${day}::date, ${day.slice(0, 7)}, ${day}::date, ${'gas-day:' + day}, CASE WHEN d.correction THEN ${note} END, ${actor.userId}::bigint
        FROM delta d ORDER BY d.customer_id
      RETURNING id, customer_id
    ), lines AS (
      INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen)
      SELECT tx.id, 1, a.id, tx.customer_id, -d.fen FROM tx JOIN delta d ON d.customer_id = tx.customer_id JOIN ledger_accounts a ON a.customer_id = tx.customer_id
      UNION ALL
      SELECT tx.id, 2, ${sales}::bigint, NULL, d.fen FROM tx JOIN delta d ON d.customer_id = tx.customer_id
      RETURNING line
    )
    SELECT (SELECT count(*) FROM tx)::int AS transactions,
           (SELECT count(*) FROM delta WHERE correction)::int AS corrections,
           (SELECT COALESCE(SUM(fen), 0) FROM delta)::bigint AS charged,
           (SELECT count(*) FROM lines)::int AS lines`.execute(trx);
  return { transactions: Number(rows[0].transactions), corrections: Number(rows[0].corrections), chargedFen: Number(rows[0].charged), missingPrice };
}

/** The whole daily run for one gas day, in one transaction (serialised by an advisory lock). */
export async function runDaily(ctx: AppContext, day: string, actor: Actor): Promise<DailyRunResult> {
  return inTx(ctx.db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(74301)`.execute(trx);
    const posted = await postDailyCharges(trx, day, actor);
    const last = await getSetting<string>(trx, SETTING_LAST_RUN_DAY);
    const asOfDay = last && last > day ? last : day;
    if (asOfDay !== last) await putSetting(trx, SETTING_LAST_RUN_DAY, asOfDay);
    const levels = await recomputeLevels(trx, { asOfDay });
    const result: DailyRunResult = { gasDay: day, ...posted, levelsComputed: levels.computed, levelChanges: levels.changes.length, asOfDay };
    await audit(trx, actor, { action: 'accounts.daily_run', entity: 'gas_day', entityId: day, after: result });
    return result;
  });
}
