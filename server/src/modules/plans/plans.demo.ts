/**
 * Demo (order 410, after metering): approved sales plans for last year and this year. Each
 * customer's monthly plan is its metered volume of the same month a year earlier (or of the
 * month itself for the first year) × a growth factor, rounded to 1000 m³; customers are allocated
 * to the operation area named after their place (else spread over the areas); area and monthly
 * plans are the exact roll-ups, the annual target their sum. This year also has an adjusted
 * draft. Managers' proposals for next month; nominations for the ten largest customers.
 */
import dayjs from 'dayjs';
import { dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import { onboardingCustomerBriefs } from '../customers';
import { dailyVolumesByCustomer, monthlyVolumesByCustomer, addDays } from '../metering';
import { areaForCustomer } from './plans.calc';
import { listAreas } from './plans.service';
import * as repo from './plans.repo';

export const plansDemo = {
  order: 410,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const rng = ctx.rng('plans');
    const areas = await listAreas(db);
    if (!areas.length) return ctx.log('plans demo: no operation areas, skipped');
    const year = dayjs(ctx.lastDay).year();
    const customers = (await onboardingCustomerBriefs(db, null)).filter((c) => ['active', 'restricted', 'contracted'].includes(c.status));
    const areaOf = new Map(customers.map((c, i) => [c.id, areaForCustomer(areas, c) ?? areas[i % areas.length]]));
    const actual = await monthlyVolumesByCustomer(db, `${year - 2}-01-01`, ctx.lastDay);
    const vol = new Map(actual.map((a) => [`${a.customerId}|${a.month}`, a.volumeM3]));
    const lead = ctx.users.get('lead') ?? null;

    for (const y of [year - 1, year]) {
      const growth = y === year ? '1.06' : '1.03';
      const cust: { customerId: number; month: number; area: string; volumeM3: string }[] = [];
      for (const c of customers) {
        for (let m = 1; m <= 12; m++) {
          const mm = String(m).padStart(2, '0');
          const base = vol.get(`${c.id}|${y - 1}-${mm}`) ?? vol.get(`${c.id}|${y}-${mm}`);
          if (!base) continue;
          const noise = dec(1 + (rng.next() - 0.5) * 0.1);
          const v = dec(base).times(growth).times(noise).div(1000).toDecimalPlaces(0).times(1000);
          if (v.gt(0)) cust.push({ customerId: c.id, month: m, area: areaOf.get(c.id)!, volumeM3: v.toFixed(3) });
        }
      }
      if (!cust.length) continue;
      const areaSum = new Map<string, ReturnType<typeof dec>>();
      for (const r of cust) areaSum.set(`${r.month}|${r.area}`, (areaSum.get(`${r.month}|${r.area}`) ?? dec(0)).plus(dec(r.volumeM3)));
      const months = Array.from({ length: 12 }, (_, i) => {
        const v = [...areaSum.entries()].filter(([k]) => k.startsWith(`${i + 1}|`)).reduce((a, [, x]) => a.plus(x), dec(0));
        // Revenue at about 2.35 元/m³ (plan figure), integer fen.
        return { month: i + 1, volumeM3: v.toFixed(3), revenueFen: Number(v.times(235).toDecimalPlaces(0).toFixed(0)) };
      });
      const target = months.reduce((a, m) => a.plus(dec(m.volumeM3)), dec(0));
      const revenue = months.reduce((a, m) => a + m.revenueFen, 0);
      const id = await repo.insertVersion(db, {
        year: y,
        kind: 'initial',
        seq: 1,
        status: 'approved',
        target_volume_m3: target.toFixed(3),
        target_revenue_fen: revenue,
        note: `${y}年度销售计划（初版）`,
        created_by: lead,
        approved_by: lead,
        approved_at: new Date(`${y}-01-05T10:00:00+08:00`),
        updated_at: new Date(),
      });
      await repo.replaceMonths(db, id, months);
      await repo.replaceAreas(
        db,
        id,
        [...areaSum.entries()].map(([k, v]) => ({ month: Number(k.split('|')[0]), area: k.split('|')[1], volumeM3: v.toFixed(3) })),
      );
      await repo.replaceCustomers(db, id, cust);
      if (y === year) {
        // An adjusted draft: +2 % in the remaining months, kept as a flagged deviation until reallocated.
        const adj = months.map((m) => ({
          ...m,
          volumeM3: dec(m.volumeM3)
            .times(m.month > dayjs(ctx.lastDay).month() + 1 ? '1.02' : '1')
            .toDecimalPlaces(3)
            .toFixed(3),
        }));
        const aid = await repo.insertVersion(db, {
          year: y,
          kind: 'adjusted',
          seq: 2,
          target_volume_m3: target.toFixed(3),
          target_revenue_fen: revenue,
          deviation_flag: true,
          deviation_note: '下半年新增投产客户，月度计划上调 2%，年度目标待公司调整',
          note: `${y}年度销售计划（调整）`,
          created_by: lead,
          updated_at: new Date(),
        });
        await repo.replaceMonths(db, aid, adj);
        await repo.replaceAreas(
          db,
          aid,
          [...areaSum.entries()].map(([k, v]) => ({ month: Number(k.split('|')[0]), area: k.split('|')[1], volumeM3: v.toFixed(3) })),
        );
        await repo.replaceCustomers(db, aid, cust);
      }
    }

    // Proposals for next month from the managers (a third of the customers).
    const next = dayjs(ctx.lastDay).add(1, 'month').format('YYYY-MM');
    for (const c of customers.filter((_, i) => i % 3 === 0)) {
      const base = vol.get(`${c.id}|${dayjs(ctx.lastDay).subtract(11, 'month').format('YYYY-MM')}`);
      if (!base) continue;
      await repo.upsertProposal(db, {
        customer_id: c.id,
        month: next,
        volume_m3: dec(base).times('1.05').div(1000).toDecimalPlaces(0).times(1000).toFixed(3),
        note: '根据客户生产计划',
        proposed_by: ctx.users.get('am01') ?? 0,
      });
    }

    // Nominations: the ten largest customers, the last 60 gas days (actual ± 8 %) and the next 3 days.
    const from = addDays(ctx.lastDay, -59);
    const totals = new Map<number, ReturnType<typeof dec>>();
    for (const a of actual.filter((x) => x.month >= from.slice(0, 7))) totals.set(a.customerId, (totals.get(a.customerId) ?? dec(0)).plus(dec(a.volumeM3)));
    const key = [...totals.entries()]
      .sort((a, b) => b[1].cmp(a[1]))
      .slice(0, 10)
      .map(([id]) => id);
    const days = await dailyVolumesByCustomer(db, key, from, ctx.lastDay);
    const noms = days.map((dv) => ({
      customerId: dv.customerId,
      gasDay: dv.gasDay,
      volumeM3: dec(dv.volumeM3)
        .times(1 + (rng.next() - 0.5) * 0.16)
        .div(100)
        .toDecimalPlaces(0)
        .times(100)
        .toFixed(3),
    }));
    for (const id of key) {
      const last = days.filter((x) => x.customerId === id).at(-1);
      if (last) for (let k = 1; k <= 3; k++) noms.push({ customerId: id, gasDay: addDays(ctx.lastDay, k), volumeM3: dec(last.volumeM3).div(100).toDecimalPlaces(0).times(100).toFixed(3) });
    }
    await repo.upsertNominations(db, noms, 'import', ctx.users.get('am01') ?? null);
    ctx.log(`plans demo: plans for ${year - 1} and ${year}, ${noms.length} nominations`);
  },
};
