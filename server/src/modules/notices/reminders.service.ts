/**
 * Reminders of overdue receipts: a daily job, idempotent per day (see docs/notice-receipt-reminders.md).
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import type { JobDef } from '../../platform/jobs/jobs';
import { notify } from '../../platform/notify';
import { noticeAddressees } from '../customers';
import * as repo from './notices.repo';
import './notices.errors';
import { todayOf } from './notices.service';

// ---------------------------------------------------------------- reminders

/**
 * Daily reminder of overdue receipts (待回执 past the due date) to each customer's current
 * managers: one notification per manager and notice per day (dedupe key), so re-running a day
 * sends nothing new.
 */
export async function remindOverdue(ctx: AppContext, day: string, actor: Actor) {
  const rows = await repo.overdueRecipients(ctx.db, day);
  if (!rows.length) return { notices: 0, receipts: 0, notifications: 0 };
  const addressees = await noticeAddressees(ctx.db, [...new Set(rows.map((r) => r.customer_id))]);
  const managersOf = new Map(addressees.map((a) => [a.id, a.managers.map((m) => m.userId)]));
  // notice → manager → overdue customers
  const plan = new Map<number, { row: (typeof rows)[number]; byManager: Map<number, string[]> }>();
  for (const r of rows) {
    const p = plan.get(r.notice_id) ?? { row: r, byManager: new Map<number, string[]>() };
    for (const m of managersOf.get(r.customer_id) ?? []) p.byManager.set(m, [...(p.byManager.get(m) ?? []), r.customer_name]);
    plan.set(r.notice_id, p);
  }
  let sent = 0;
  await inTx(ctx.db, async (trx) => {
    for (const [noticeId, p] of plan) {
      for (const [userId, names] of p.byManager) {
        const list = names.slice(0, 5).join('、') + (names.length > 5 ? ` 等` : '');
        const listEn = names.slice(0, 5).join(', ') + (names.length > 5 ? ' and others' : '');
        sent += await notify(trx, [userId], {
          kind: 'notice.receipt_overdue',
          title: { zh: `告知函回执逾期：${p.row.title}（${names.length} 家）`, en: `Overdue receipts: ${p.row.title_en} (${names.length})` },
          body: { zh: `编号 ${p.row.no}，回执截止 ${p.row.receipt_due_on}：${list}`, en: `No. ${p.row.no}, due ${p.row.receipt_due_on}: ${listEn}` },
          link: `/notices/${noticeId}`,
          dedupeKey: `notice-overdue:${noticeId}:${day}`,
        });
      }
    }
    await trx
      .updateTable('notice_recipients')
      .set({ last_reminded_on: day })
      .where('receipt_status', '=', 'pending')
      .where('notice_id', 'in', [...plan.keys()])
      .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', day)]))
      .execute();
    await audit(trx, actor, { action: 'notice.remind', entity: 'notice', entityId: null, after: { day, notices: plan.size, receipts: rows.length, notifications: sent } });
  });
  return { notices: plan.size, receipts: rows.length, notifications: sent };
}

export const receiptReminderJob: JobDef = {
  name: 'notices.receipt_reminders',
  description: { zh: '告知函回执逾期提醒（通知客户经理，每天每函一次）', en: 'Reminders of overdue notice receipts to the managers (once a day per notice)' },
  dailyAt: '08:40',
  defaultKey: (now, ctx) => todayOf(ctx, now),
  validateKey: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k) && new Date(k + 'T00:00:00Z').toISOString().startsWith(k),
  run: (ctx, key, actor) => remindOverdue(ctx, key, actor),
};
