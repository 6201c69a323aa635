/**
 * Demo data of settlement (order 400, after the price book and contracts): every ended month of
 * the two contract years settled with ledger true-ups (all closed except the last settled one,
 * left confirmed; the latest ended month is left for the user to run), then the first contract
 * year's deviation settlement: draft list, claims for about a third, joint reviews, confirmation
 * forms, signed copies and posted fees. Deterministic (seeded).
 */
import { Decimal, dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import type { Actor } from '../../platform/audit/audit';
import { localParts } from '../../platform/jobs/jobs';
import { addDays } from '../metering';
import { yearLabel } from '../contracts';
import { runMonth } from './settlement.run';
import { closeMonth, confirmMonth } from './settlement.service';
import { addClaim, confirmCase, createPeriod, postFee, reviewCase, uploadSignedCopy } from './deviation.service';
import { monthBounds } from './settlement.compute';

const CAUSES = ['supplier_curtailment', 'maintenance', 'force_majeure', 'earthquake', 'other'] as const;
const PDF = Buffer.from('%PDF-1.4\n% demo signed copy\n');

export async function settlementDemoRun(ctx: DemoContext, year1: string[], year2: string[]) {
  const db = ctx.app.db;
  const rng = ctx.rng('settlement');
  const actor: Actor = { userId: ctx.users.get('lead') ?? null, username: 'lead' };
  const today = localParts(new Date(), ctx.app.config.timeZone).date;
  const ended = [...year1, ...year2].filter((m) => monthBounds(m).to < today && m < ctx.lastDay.slice(0, 7));
  const toSettle = ended.slice(0, -1);
  for (const [i, m] of toSettle.entries()) {
    await runMonth(ctx.app, m, actor);
    await confirmMonth(ctx.app, m, actor);
    if (i < toSettle.length - 1) await closeMonth(ctx.app, m, actor);
  }
  ctx.log(`settlement demo: ${toSettle.length} months settled`);
  if (!year1.every((m) => toSettle.includes(m))) return;
  const period = await createPeriod(ctx.app, { label: yearLabel(year1), from: year1[0], to: year1[11] }, actor);
  const cases = await db.selectFrom('deviation_cases').select(['id', 'customer_id', 'shortfall']).where('period_id', '=', period.id).orderBy('id').execute();
  const reviewDay = addDays(`${year2[1]}-01`, 9);
  for (const c of cases) {
    if (rng.chance(0.35)) {
      const claimed = dec(c.shortfall)
        .times(20 + rng.int(0, 40))
        .div(100)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      if (claimed.gt(0)) {
        const cl = await addClaim(
          ctx.app,
          Number(c.id),
          { cause: rng.pick(CAUSES), claimed: claimed.toFixed(0), description: '因上游限气及设备检修少用气（演示）', receivedOn: addDays(`${year2[1]}-01`, rng.int(0, 5)) },
          actor,
        );
        const approved = claimed.times(rng.int(30, 100)).div(100).toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0);
        await reviewCase(
          ctx.app,
          Number(c.id),
          { heldOn: reviewDay, participants: '生产运行科、开发科、质安科、管道与销售部', decision: '经专题会商，部分认可来函所述不可控原因', claims: [{ claimId: cl.id, approved }] },
          actor,
        );
      }
    }
    if (rng.chance(0.9)) {
      await confirmCase(ctx.app, period.id, Number(c.customer_id), actor);
      if (rng.chance(0.85)) {
        await uploadSignedCopy(ctx.app, Number(c.id), { name: '偏差结算确认单-回签.pdf', content: PDF, mime: 'application/pdf' }, actor);
        await postFee(ctx.app, Number(c.id), actor);
      }
    }
  }
  ctx.log(`settlement demo: deviation period with ${cases.length} cases`);
}
