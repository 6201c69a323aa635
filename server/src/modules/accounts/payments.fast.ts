/**
 * The common case of a payment posting in ONE statement (one round trip, atomic by itself): the
 * customer's scope, the period check, the transaction, its two postings, the audit row and the
 * customer's stored level — recomputed for that one customer from the ledger and its day charges —
 * are written together. The statement writes nothing and reports why when the common case does not
 * apply: the customer is unknown / out of scope / not monitored / has no stored level yet, the
 * bank reference exists, the month is closed, the level would change (the change must be recorded,
 * published and notified), or the stored balance is not the ledger's (another posting for the same
 * customer committed meanwhile). The caller then takes the general path (payments.service
 * recordPayment), which handles every case; both paths leave identical rows (payments.fast.int.test).
 */
import { sql } from 'kysely';
import { keepPlan, type Tx } from '../../platform/db/database';
import { auditInsertFrom, type Actor } from '../../platform/audit/audit';
import { settingValueSql } from '../../platform/settings';
import type { SessionUser } from '../../platform/auth/session-user';
import { userDirectory } from '../../platform/auth/users';
import { customerBasics, inCustomerScope } from '../customers';
import { DEFAULT_THRESHOLDS, type PaymentLevel } from './accounts.calc';
import { SETTING_LAST_RUN_DAY, SETTING_THRESHOLDS } from './levels.repo';
import type { TxView } from './ledger.repo';
import type { PaymentInput } from './payments.service';
import { statusOf, type PaymentStatus } from './levels.service';

export type FastOutcome = { posted: true; transaction: TxView; status: PaymentStatus } | { posted: false };

/**
 * Post a payment in one statement when the common case applies (see the file comment).
 * `yesterday` is the fallback monitoring day when the daily run has not run yet.
 */
export async function postPaymentFast(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, input: PaymentInput, actor: Actor, yesterday: string): Promise<FastOutcome> {
  const d = DEFAULT_THRESHOLDS;
  const amount = input.amountFen;
  // Level rule of DOMAIN.md §6 (= assessPayment in accounts.calc, compared exactly: balance·N < d·S):
  // 停气 when balance ≤ 0; no average (S missing or ≤ 0) → 正常; balance·N < reduce·S → 减气; < warn·S → 预警.
  // Planning this statement (12 CTEs, two partitioned tables) took several times its execution: its plan is kept per connection.
  const { rows } = await keepPlan(sql<any>`
    WITH g AS (
      SELECT ${settingValueSql(SETTING_THRESHOLDS)} AS t,
             COALESCE(${settingValueSql(SETTING_LAST_RUN_DAY)} #>> '{}', ${yesterday}::text)::date AS as_of
    ), c AS (
      SELECT c.id, ${inCustomerScope(user, 'c.id')} AS visible, c.status IN ('active', 'restricted') AS monitored
        FROM ${customerBasics()} c WHERE c.id = ${input.customerId}::bigint
    ), pre AS (
      SELECT (SELECT id FROM ledger_transactions WHERE kind = 'payment' AND reference = ${input.bankRef}) AS existing,
             EXISTS (SELECT 1 FROM accounting_periods WHERE month = ${input.valueDate.slice(0, 7) + '-01'}::date) AS closed
    ), thr AS (
      SELECT COALESCE(t.avg_days, (g.t ->> 'avgDays')::int, ${d.avgDays}::int) AS n,
             COALESCE(t.warn_days, (g.t ->> 'warnDays')::numeric, ${d.warnDays}::numeric) AS warn,
             COALESCE(t.reduce_days, (g.t ->> 'reduceDays')::numeric, ${d.reduceDays}::numeric) AS red, g.as_of
        FROM g LEFT JOIN customer_payment_thresholds t ON t.customer_id = ${input.customerId}::bigint
    ), bal AS (
      -- the balance kept with the postings (customer_balances: one row, not the customer's whole history),
      -- locked first: every posting path locks the customer's balance (ledger trigger) before its stored level
      SELECT COALESCE(max(b.balance_fen), 0)::bigint AS before FROM (SELECT balance_fen FROM customer_balances WHERE customer_id = ${input.customerId}::bigint FOR UPDATE) b
    ), run AS (
      -- running balance up to the value date (the new payment is the last transaction of its date);
      -- postings carry their transaction's business date. Usually nothing of the customer is dated
      -- after the value date: then it is the kept balance (one row, no sum over every monthly
      -- partition of the customer's history); the sum is evaluated only otherwise (a lazy subplan).
      SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM ledger_postings p WHERE p.customer_id = ${input.customerId}::bigint AND p.business_date > ${input.valueDate}::date)
                  THEN (SELECT before FROM bal)
                  ELSE (SELECT COALESCE(SUM(p.amount_fen), 0)::bigint FROM ledger_postings p WHERE p.customer_id = ${input.customerId}::bigint AND p.business_date <= ${input.valueDate}::date)
             END + ${amount}::bigint AS after
    ), win AS (
      SELECT SUM(d.charge_fen) FILTER (WHERE d.gas_day > thr.as_of - thr.n) AS s,
             SUM(d.charge_fen) FILTER (WHERE d.gas_day = thr.as_of) AS day_fen,
             COALESCE(bool_or(d.gas_day > thr.as_of - thr.n), false) AS has_data,
             SUM(d.volume_m3) FILTER (WHERE d.gas_day = thr.as_of) AS day_vol
        FROM thr LEFT JOIN customer_day_charges d ON d.customer_id = ${input.customerId}::bigint AND d.gas_day > thr.as_of - thr.n AND d.gas_day <= thr.as_of
    ), fig AS (
      SELECT thr.*, bal.before, bal.before + ${amount}::bigint AS balance, win.day_fen, win.day_vol,
             CASE WHEN win.has_data OR win.s IS NOT NULL THEN COALESCE(win.s, 0) END AS w
        FROM thr, bal, win
    ), lv AS (
      SELECT fig.*,
             CASE WHEN fig.balance <= 0 THEN 'stop'
                  WHEN fig.w IS NULL OR fig.w <= 0 THEN 'normal'
                  WHEN fig.balance::numeric * fig.n < fig.red * fig.w THEN 'reduce'
                  WHEN fig.balance::numeric * fig.n < fig.warn * fig.w THEN 'warning'
                  ELSE 'normal' END AS level
        FROM fig
    ), lvl AS (
      UPDATE customer_payment_levels l
         SET as_of_day = lv.as_of, balance_fen = lv.balance, window_charge_fen = lv.w, window_days = lv.n,
             avg_daily_charge_fen = round(lv.w::numeric / lv.n),
             available_days = CASE WHEN lv.w > 0 THEN round(lv.balance::numeric * lv.n / lv.w, 4) END,
             day_volume_m3 = lv.day_vol, day_charge_fen = lv.day_fen, warn_days = lv.warn, reduce_days = lv.red, updated_at = now()
        FROM lv, c, pre
       WHERE l.customer_id = ${input.customerId}::bigint AND c.visible AND c.monitored AND pre.existing IS NULL AND NOT pre.closed
         AND l.level = lv.level AND l.balance_fen = lv.before
      RETURNING l.*
    ), tx AS (
      INSERT INTO ledger_transactions (kind, customer_id, business_date, period, reference, payer_name, payer_account, note, created_by)
      SELECT 'payment', ${input.customerId}::bigint, ${input.valueDate}::date, ${input.valueDate.slice(0, 7)}, ${input.bankRef}, ${input.payerName ?? null}::text,
             ${input.payerAccount ?? null}::text, ${input.note ?? null}::text, ${actor.userId}::bigint
        FROM lvl
      RETURNING id, business_date, period, created_at
    ), acct AS (
      INSERT INTO ledger_accounts (kind, customer_id, name, name_en) SELECT 'customer', ${input.customerId}::bigint, '客户往来', 'Customer account' FROM tx
      ON CONFLICT (customer_id) DO NOTHING RETURNING id
    ), own AS (
      SELECT COALESCE((SELECT id FROM acct), (SELECT id FROM ledger_accounts WHERE customer_id = ${input.customerId}::bigint)) AS id
    ), post AS (
      INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
      SELECT tx.id, 1, (SELECT id FROM own), ${input.customerId}::bigint, ${amount}::bigint, tx.business_date FROM tx
      UNION ALL
      SELECT tx.id, 2, (SELECT a.id FROM ledger_accounts a WHERE a.kind = 'bank' AND a.customer_id IS NULL), NULL, ${-amount}::bigint, tx.business_date FROM tx
    ), aud AS (
      ${auditInsertFrom(actor, { action: 'payment.record', entity: 'ledger_transaction', customerId: input.customerId, after: { bankRef: input.bankRef, amountFen: amount, valueDate: input.valueDate } }, 'tx', 'id')}
    )
    SELECT tx.id, tx.business_date, tx.period, tx.created_at, u.display_name AS created_by_name, (SELECT after FROM run) AS balance_after_fen,
           lvl.level, lvl.balance_fen, lvl.window_charge_fen, lvl.window_days, lvl.warn_days::text AS warn_days, lvl.reduce_days::text AS reduce_days, lvl.since_day, lvl.as_of_day
      FROM tx CROSS JOIN lvl LEFT JOIN ${userDirectory()} u ON u.id = ${actor.userId}::bigint`).execute(db);
  const r = rows[0];
  if (!r) return { posted: false };
  const transaction: TxView = {
    id: Number(r.id),
    kind: 'payment',
    customerId: input.customerId,
    businessDate: r.business_date,
    period: r.period,
    chargeDay: null,
    reference: input.bankRef,
    payerName: input.payerName ?? null,
    payerAccount: input.payerAccount ?? null,
    note: input.note ?? null,
    reversesId: null,
    reversedById: null,
    reversedKind: null,
    priceSource: null,
    amountFen: amount,
    balanceAfterFen: Number(r.balance_after_fen),
    dayCharge: null,
    earlyCharge: false,
    createdBy: r.created_by_name ?? null,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
  const status = statusOf({
    level: r.level as PaymentLevel,
    balance_fen: Number(r.balance_fen),
    window_charge_fen: r.window_charge_fen == null ? null : Number(r.window_charge_fen),
    window_days: Number(r.window_days),
    warn_days: r.warn_days,
    reduce_days: r.reduce_days,
    since_day: r.since_day,
    as_of_day: r.as_of_day,
  });
  return { posted: true, transaction, status };
}
