/**
 * Demo data (order 400, after customers, interactions and accounts): three notices from the
 * standard templates — a price change, settlement terms and a curtailment — sent weeks before the
 * demo's last day, with receipts partly returned (some overdue), and the in-app notices to managers.
 */
import { inTx } from '../../platform/db/database';
import type { DemoContext } from '../../platform/demo/demo';
import { noticeCustomerIds } from '../customers';
import { addDays } from './notices.calc';
import * as repo from './notices.repo';
import { sendIn } from './notices.service';

const SIGNERS = ['王经理', '李主任', '张会计', '刘科长', '陈总', '赵主任', '周经理', '吴会计'];

async function run(ctx: DemoContext) {
  const app = ctx.app;
  const rng = ctx.rng('notices');
  const lead = ctx.users.get('lead') ?? null;
  const actor = { userId: lead, username: 'lead' };
  const all = await noticeCustomerIds(app.db, null, {});
  if (!all.length) return;
  const industrial = await noticeCustomerIds(app.db, null, { type: ['industrial', 'chemical', 'power'] });
  const cityGas = await noticeCustomerIds(app.db, null, { type: ['city_gas'] });
  const plans: { code: string; ids: number[]; daysAgo: number; returnShare: number; values: Record<string, string>; due: number }[] = [
    { code: 'price_change', ids: all.slice(0, 40), daysAgo: 45, returnShare: 0.8, values: { effectiveDate: '', newPrice: '2.36' }, due: 10 },
    { code: 'settlement_terms', ids: (cityGas.length ? cityGas : all).slice(0, 24), daysAgo: 20, returnShare: 0.6, values: { effectiveMonth: '', statementDay: '5' }, due: 10 },
    {
      code: 'curtailment',
      ids: (industrial.length ? industrial : all).slice(0, 12),
      daysAgo: 6,
      returnShare: 0.4,
      values: { period: '', reason: '上游气田检修 / upstream gas-field maintenance', dailyVolume: '18,000' },
      due: 3,
    },
  ];
  await inTx(app.db, async (trx) => {
    for (const p of plans) {
      const t = await repo.findTemplateByCode(trx, p.code);
      if (!t || !p.ids.length) continue;
      const sentOn = addDays(ctx.lastDay, -p.daysAgo);
      const values = { ...p.values };
      if ('effectiveDate' in values) values.effectiveDate = addDays(sentOn, 15);
      if ('effectiveMonth' in values) values.effectiveMonth = addDays(sentOn, 20).slice(0, 7);
      if ('period' in values) values.period = `${addDays(sentOn, 2)} – ${addDays(sentOn, 9)}`; // read in both languages
      const due = addDays(sentOn, p.due);
      const r = await sendIn(
        app,
        trx,
        {
          kind: t.kind,
          templateId: t.id,
          title: t.title,
          titleEn: t.title_en,
          body: t.body,
          bodyEn: t.body_en,
          fieldValues: values,
          customerIds: p.ids,
          channels: ['print', 'in_app'],
          requireReceipt: true,
          receiptDueOn: due,
          filter: null,
          source: null,
        },
        actor,
        { sentOn, sentAt: new Date(`${sentOn}T10:00:00+08:00`) },
      );
      for (const id of p.ids) {
        if (rng.next() >= p.returnShare) continue;
        const back = addDays(sentOn, 1 + Math.floor(rng.next() * Math.min(p.daysAgo, p.due + 4)));
        const returnedOn = back > ctx.lastDay ? ctx.lastDay : back;
        await trx
          .updateTable('notice_recipients')
          .set({
            receipt_status: 'returned',
            returned_on: returnedOn,
            signer: SIGNERS[Math.floor(rng.next() * SIGNERS.length)],
            recorded_by: lead,
            recorded_at: new Date(`${returnedOn}T16:00:00+08:00`),
          })
          .where('notice_id', '=', r.noticeId)
          .where('customer_id', '=', id)
          .execute();
      }
    }
  });
  ctx.log(`notices demo: ${plans.length} notices with partly returned receipts`);
}

export const noticesDemo = { order: 400, run };
