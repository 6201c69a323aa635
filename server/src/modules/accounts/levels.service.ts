/**
 * Payment levels (气款监控, DOMAIN.md §6): recompute the stored level of customers from the ledger
 * and deliveries, record changes, publish 'accounts.levelChanged' (the procedures module reacts) inside the same
 * transaction, and notify the managers once per crossing into a worse level.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/module';
import { publish } from '../../platform/events/events';
import { notify, notifyEach, type NotificationInput } from '../../platform/notify';
import { formatFen } from '@common/money';
import { assessPayment, isWorse, LEVEL_LABELS, type PaymentLevel } from './accounts.calc';
import * as repo from './levels.repo';
import { customerBasics } from '../customers';

export interface LevelChangeEvent {
  customerId: number;
  from: PaymentLevel | null;
  to: PaymentLevel;
  gasDay: string;
}

declare module '../../platform/module' {
  interface QikeEvents {
    /** A customer's payment level changed (published inside the transaction that changed it). */
    'accounts.levelChanged': LevelChangeEvent;
  }
}

/** The gas day monitoring figures refer to: the latest day the daily run has covered. */
export async function monitoringDay(db: Tx, fallback: string): Promise<string> {
  return (await repo.getSetting<string>(db, repo.SETTING_LAST_RUN_DAY)) ?? fallback;
}

/**
 * Recompute the levels of all monitored customers (or `customerIds`) as of `asOfDay`.
 * Set-based: ONE statement computes every level in SQL (levels.repo.ts levelColumns — the SQL form
 * of `assessPayment`, checked against it by a property test), upserts the stored rows and records
 * the changes; only the changed rows come back, to be published (procedures reacts in this
 * transaction) and notified.
 */
export async function recomputeLevels(
  ctx: AppContext,
  trx: Tx,
  opts: {
    asOfDay: string;
    customerIds?: number[];
    /** use the daily run's last gas day when there is one (after a posting) */
    preferLastRunDay?: boolean;
    /** the statuses of `customerIds` (default); false for a bulk posting that does not read them (a month's 100,000 true-ups) */
    statuses?: boolean;
  },
): Promise<{ computed: number; changes: LevelChangeEvent[]; statuses: Map<number, PaymentStatus> }> {
  if (opts.customerIds && !opts.customerIds.length) return { computed: 0, changes: [], statuses: new Map() };
  const settings = await repo.settingsOf(trx);
  const asOfDay = opts.preferLastRunDay ? (settings.lastRunDay ?? opts.asOfDay) : opts.asOfDay;
  const withStatuses = !!opts.customerIds && opts.statuses !== false;
  const { computed, rows } = await repo.recomputeLevelsSql(trx, asOfDay, settings.thresholds, opts.customerIds, withStatuses);
  const thresholdsOf = (r: repo.RecomputedLevelRow) => ({ warnDays: r.warn, reduceDays: r.red, avgDays: r.n });
  // statuses are only wanted after a posting (a few customers), not for the whole daily run
  const statuses = new Map(
    withStatuses
      ? rows.map((r) => [
          r.customer_id!,
          statusOf({ level: r.level, balance_fen: r.balance, window_charge_fen: r.window_fen, window_days: r.n, warn_days: r.warn, reduce_days: r.red, since_day: r.since_day, as_of_day: asOfDay }),
        ])
      : [],
  );
  const changes = rows
    .filter((r) => r.changed)
    .map((r) => ({
      customerId: r.customer_id!,
      from: r.prev_level,
      to: r.level,
      gasDay: asOfDay,
      balanceFen: r.balance,
      availableText: assessPayment({ balanceFen: r.balance, windowChargeFen: r.window_fen, thresholds: thresholdsOf(r) }).availableDaysText,
    }));
  for (const c of changes) await publish(ctx, trx, 'accounts.levelChanged', { customerId: c.customerId, from: c.from, to: c.to, gasDay: c.gasDay });
  await notifyWorse(
    trx,
    changes.filter((c) => isWorse(c.from, c.to)),
  );
  return { computed, changes: changes.map(({ customerId, from, to, gasDay }) => ({ customerId, from, to, gasDay })), statuses };
}

/** One in-app notification per manager and crossing episode (dedupe key: customer, level, day entered). */
async function notifyWorse(trx: Tx, worse: (LevelChangeEvent & { balanceFen: number; availableText: string | null })[]) {
  if (!worse.length) return;
  const managers = await repo.activeManagers(
    trx,
    worse.map((w) => w.customerId),
  );
  const byCustomer = new Map<number, { users: number[]; name: string }>();
  for (const m of managers) {
    const e = byCustomer.get(m.customerId) ?? { users: [], name: m.customerName };
    e.users.push(m.userId);
    byCustomer.set(m.customerId, e);
  }
  const list: { userIds: number[]; n: NotificationInput }[] = [];
  for (const w of worse) {
    const m = byCustomer.get(w.customerId);
    if (!m) continue;
    const lv = LEVEL_LABELS[w.to];
    const days = w.availableText ?? '—';
    list.push({
      userIds: m.users,
      n: {
        kind: 'payment_level',
        title: { zh: `客户「${m.name}」气款等级转为${lv.zh}`, en: `${m.name}: payment level is now ${lv.en}` },
        body: { zh: `余额 ${formatFen(w.balanceFen)} 元，可用天数 ${days}（气日 ${w.gasDay}）`, en: `Balance ${formatFen(w.balanceFen)} yuan, days of gas left ${days} (gas day ${w.gasDay})` },
        link: `/customers/${w.customerId}?tab=accounts`,
        customerId: w.customerId,
        dedupeKey: `level:${w.customerId}:${w.to}:${w.gasDay}`,
      },
    });
  }
  if (list.length === 1) await notify(trx, list[0].userIds, list[0].n);
  else if (list.length > 1) await notifyEach(trx, list);
}

export interface PaymentStatus {
  level: PaymentLevel;
  balanceFen: number;
  /** Days of gas left to one decimal; null = none (no average) or missing data. */
  availableDays: string | null;
  avgDailyChargeFen: number | null;
  sinceDay: string;
  asOfDay: string;
}

/** Stored payment status of customers (monitored ones only; others are absent from the map). */
export async function getPaymentStatus(db: Tx, customerIds: number[]): Promise<Map<number, PaymentStatus>> {
  const out = new Map<number, PaymentStatus>();
  if (!customerIds.length) return out;
  const rows = await db
    .selectFrom('customer_payment_levels as l')
    .innerJoin(customerBasics().as('c'), 'c.id', 'l.customer_id')
    .selectAll('l')
    .where(sql<boolean>`l.customer_id = ANY(${sql.val(customerIds)}::bigint[])`)
    .where('c.status', 'in', ['active', 'restricted'])
    .execute();
  for (const r of rows) out.set(r.customer_id, statusOf(r));
  return out;
}

/** Display figures of a stored row, recomputed from its exact components (no double rounding). */
export function statusOf(r: {
  level: PaymentLevel;
  balance_fen: number;
  window_charge_fen: number | null;
  window_days: number;
  warn_days: string;
  reduce_days: string;
  since_day: string;
  as_of_day: string;
}): PaymentStatus {
  const a = assessPayment({ balanceFen: r.balance_fen, windowChargeFen: r.window_charge_fen, thresholds: { warnDays: r.warn_days, reduceDays: r.reduce_days, avgDays: r.window_days } });
  return { level: r.level, balanceFen: r.balance_fen, availableDays: a.availableDaysText, avgDailyChargeFen: a.avgDailyChargeFen, sinceDay: r.since_day, asOfDay: r.as_of_day };
}
