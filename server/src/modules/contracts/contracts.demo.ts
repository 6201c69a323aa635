/**
 * Demo contracts (order 395, after the price book): two contract years for every supplied
 * customer with monthly volumes from its own usage; in the first year about 68 customers are
 * contracted above what they take (θ·Q_c = Q_a + 25 000–75 000 m³), so the deviation settlement
 * is of the paper's order (68 customer-times, ~3.4 million m³). Deterministic (seeded).
 */
import { Decimal, dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import { inTx } from '../../platform/db/database';
import { customerBasicsById } from '../customers';
import { dailyVolumesByCustomer } from '../metering';
import { demoContractStart } from '../pricing';
import { monthsBetween } from './contracts.calc';

/** '2025年度' for a calendar contract year, else '2025-2026年度' (DOMAIN.md §2 合同年度). */
export function yearLabel(months: string[]): string {
  const a = months[0].slice(0, 4);
  const b = months[months.length - 1].slice(0, 4);
  return a === b ? `${a}年度` : `${a}-${b}年度`;
}

export function demoContractYears(start: string): [string[], string[]] {
  const all = monthsBetween(start, '9999-12');
  return [all.slice(0, 12), all.slice(12, 24)];
}

export const contractsDemo = {
  order: 395,
  async run(ctx: DemoContext) {
    const start = demoContractStart(ctx.lastDay);
    const db = ctx.app.db;
    const rng = ctx.rng('contracts');
    const lead = ctx.users.get('lead') ?? null;
    const [year1, year2] = demoContractYears(start);
    const days = await dailyVolumesByCustomer(db, null, `${year1[0]}-01`, ctx.lastDay);
    const monthly = new Map<number, Map<string, Decimal>>();
    for (const d of days) {
      const m = monthly.get(d.customerId) ?? new Map<string, Decimal>();
      m.set(d.gasDay.slice(0, 7), (m.get(d.gasDay.slice(0, 7)) ?? new Decimal(0)).plus(d.volumeM3));
      monthly.set(d.customerId, m);
    }
    const ids = [...monthly.keys()].sort((a, b) => a - b);
    const basics = await customerBasicsById(db, ids);
    const supplied = ids.filter((id) => ['active', 'restricted', 'contracted'].includes(basics.get(id)?.status ?? ''));
    const yearTotal = (id: number) => year1.reduce((s, m) => s.plus(monthly.get(id)?.get(m) ?? 0), new Decimal(0));
    const shortIds = new Set(supplied.filter((id) => yearTotal(id).gt(300_000) && rng.chance(0.45)).slice(0, 68));
    await inTx(db, async (trx) => {
      for (const [yi, months] of [year1, year2].entries()) {
        const label = yearLabel(months);
        for (const id of supplied) {
          const c = basics.get(id)!;
          const act = monthly.get(id)!;
          const q1 = months.reduce((s, m) => s.plus(act.get(m) ?? 0), new Decimal(0));
          const target = dec(25_000 + rng.int(0, 50) * 1000);
          const factor = yi === 0 && shortIds.has(id) && q1.gt(0) ? q1.plus(target).div('0.9').div(q1) : dec(92 + rng.int(0, 13)).div(100);
          const avg = q1.gt(0) ? q1.div(12) : dec(30_000);
          const volumes = months.map((m) => ({ month: m, quantity: (act.get(m) ?? avg).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0) }));
          const row = await trx
            .insertInto('sales_contracts')
            .values({
              customer_id: id,
              contract_no: `XS-${months[0].slice(0, 4)}-${c.code}`,
              year_label: label,
              start_month: `${months[0]}-01`,
              end_month: `${months[11]}-01`,
              basis: 'm3',
              base_tag: 'contract',
              price_category: c.priceCategory,
              base_price: null,
              prepayment_terms: '先款后气：每月 25 日前预付下月气款',
              status: 'active',
              created_by: lead,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('contract_versions')
            .values({ contract_id: row.id, version: 1, effective_month: `${months[0]}-01`, reason: null, created_by: lead })
            .execute();
          await trx
            .insertInto('contract_month_volumes')
            .values(volumes.map((v) => ({ contract_id: row.id, version: 1, month: `${v.month}-01`, quantity: v.quantity })))
            .execute();
        }
      }
    });
    ctx.log(`contracts demo: ${supplied.length} customers × 2 contract years, ${shortIds.size} contracted above usage in year 1`);
  },
};
