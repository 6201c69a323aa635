/**
 * Published read for the home page (home module): the last complete gas day's volume of the
 * customers in the user's scope against their plan for that day and against the same gas day a
 * year before — the same figures as the usage board (日用气监控) of each day.
 */
import type { AppContext } from '../../platform/module';
import type { SessionUser } from '../../platform/auth/session-user';
import { board } from './board.service';
import { sumMilli } from './board.calc';
import { gasDayConfigOf, lastCompleteGasDay } from './gas-day.calc';

export interface VolumeHome {
  day: string;
  customers: number;
  volumeM3: string;
  /** Σ of the day's plan (daily plan, else monthly plan ÷ days) of customers that have one; null when none has. */
  planM3: string | null;
  lastYearDay: string;
  lastYearM3: string;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function sameDayLastYear(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

export async function volumeHome(ctx: AppContext, user: SessionUser, now = new Date()): Promise<VolumeHome> {
  const day = lastCompleteGasDay(now, gasDayConfigOf(ctx.config));
  const q = { sort: 'code', order: 'asc', unit: 'm3', page: 1, pageSize: 0 } as const;
  const today = await board(ctx, user, { ...q, day }, now);
  const plans = today.items.map((i) => i.planM3).filter((p): p is string => p != null);
  const lastYearDay = sameDayLastYear(day);
  const before = await board(ctx, user, { ...q, day: lastYearDay }, now);
  return {
    day,
    customers: today.summary.customers,
    volumeM3: today.summary.volumeM3,
    planM3: plans.length ? sumMilli(plans) : null,
    lastYearDay,
    lastYearM3: before.summary.volumeM3,
  };
}
