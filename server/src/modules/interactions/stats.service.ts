/**
 * Contacts and visits per manager and period (DOMAIN.md §3, §6 process indicators; §7: contacts
 * 1000+ / visits 100+ a year). A "contact" (对接) is any logged interaction, a "visit" (走访) one of
 * kind visit; interactions count for their owner. Issues count for their owner: opened by the day
 * raised, resolved by the day resolved; the average first-response time is over the issues raised
 * in the period that have been answered.
 */
import type { AppContext } from '../../platform/module';
import { AppError } from '../../platform/http/errors';
import type { Scoped } from './interactions.shared';
import type { StatsQuery, StatsView } from './interactions.schema';
import { bucketFigures, periodsBetween, sumFigures, type Figures } from './interactions.calc';
import * as repo from './stats.repo';

const strip = ({ responseMinutesSum: _s, responseCount: _c, ...f }: Figures) => f;

export async function interactionStats(ctx: AppContext, user: Scoped, q: StatsQuery): Promise<StatsView> {
  if (q.from > q.to) throw new AppError('DATE_ORDER', { field: { zh: '结束日期', en: 'End date' }, other: { zh: '开始日期', en: 'start date' } });
  const monthly = await repo.monthlyFigures(ctx.db, user, q, ctx.config.timeZone);
  const periods = bucketFigures(monthly, q.granularity);
  const ids = [...new Set(monthly.map((m) => m.managerId))];
  const names = await repo.userNames(ctx.db, ids);
  const name = (id: number) => names.get(id) ?? `#${id}`;
  const byManager = ids
    .map((id) => ({ managerId: id, managerName: name(id), ...strip(sumFigures(monthly.filter((m) => m.managerId === id))) }))
    .sort((a, b) => b.contacts - a.contacts || a.managerId - b.managerId);
  return {
    periods: periodsBetween(q.from, q.to, q.granularity),
    rows: periods.map(({ responseMinutesSum: _s, responseCount: _c, ...p }) => ({ ...p, managerName: name(p.managerId) })),
    byManager,
    totals: strip(sumFigures(monthly)),
  };
}
