/**
 * Reactions of the accounts module to other modules' events (declared in index.ts).
 *
 * accounts.repriceChangedDays — a delivery entered late or corrected in metering re-prices the
 * affected customer-days that the daily run has already charged: the same idempotent posting of
 * differences the daily run uses (postDailyCharges), then the levels of the customers concerned.
 * Days the daily run has not reached yet are left to it; days in a closed accounting month are
 * left to the month's settlement adjustments (a closed month is never changed silently).
 * Queued: runs after metering's transaction commits, retried on failure, visible on the jobs page.
 */
import { sql } from 'kysely';
import type { Reaction } from '../../platform/module';
import { SYSTEM_ACTOR } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import { postDailyCharges } from './daily-run.service';
import { ACCOUNTS_DAILY_LOCK, getSetting, SETTING_LAST_RUN_DAY } from './levels.repo';
import { recomputeLevels } from './levels.service';
import type { ChargedDays } from '../../platform/ports';
import { xactLock, type Tx } from '../../platform/db/database';

/**
 * Of these gas days, those the daily run has charged (re-priced after a change: the charge
 * follows) and those in a closed accounting month (left to settlement adjustments). Also the
 * port `charges` metering reads to tell the user so when a delivery is entered late.
 */
export async function chargedDays(db: Tx, gasDays: string[]): Promise<ChargedDays> {
  const lastRunDay = await getSetting<string>(db, SETTING_LAST_RUN_DAY);
  const charged = lastRunDay ? [...new Set(gasDays)].filter((d) => d <= lastRunDay).sort() : [];
  if (!charged.length) return { follow: [], closed: [] };
  const closed = new Set((await sql<{ m: string }>`SELECT to_char(month, 'YYYY-MM') AS m FROM accounting_periods`.execute(db)).rows.map((r) => r.m));
  return { follow: charged.filter((d) => !closed.has(d.slice(0, 7))), closed: charged.filter((d) => closed.has(d.slice(0, 7))) };
}

const ACTOR = { ...SYSTEM_ACTOR, username: 'reaction:accounts.repriceChangedDays' };

export const repriceChangedDays: Reaction = {
  event: 'metering.deliveriesChanged',
  name: 'accounts.repriceChangedDays',
  mode: 'queued',
  async handle(ctx, trx, e) {
    // the daily run's lock: a reprice and a run of the same day never interleave
    await xactLock(trx, ACCOUNTS_DAILY_LOCK);
    const lastRunDay = await getSetting<string>(trx, SETTING_LAST_RUN_DAY);
    if (!lastRunDay) return;
    const days = (await chargedDays(trx, e.gasDays)).follow;
    if (!days.length) return;
    let transactions = 0;
    let chargedFen = 0;
    for (const day of days) {
      const r = await postDailyCharges(trx, day, day, ACTOR);
      transactions += r.transactions;
      chargedFen += r.chargedFen;
    }
    await recomputeLevels(ctx, trx, { asOfDay: lastRunDay, customerIds: e.customerIds });
    if (transactions)
      await audit(trx, ACTOR, {
        action: 'accounts.reprice_changed_days',
        entity: 'gas_day',
        entityId: days.length === 1 ? days[0] : `${days[0]}..${days[days.length - 1]}`,
        after: { days, customers: e.customerIds.length, transactions, chargedFen, channel: e.channel },
      });
  },
};
