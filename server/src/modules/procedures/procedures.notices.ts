/**
 * A payment notice (催款函) step is also recorded as a notice of the notices module (告知函, the
 * product's one mechanism for letters to customers) through the port `ctx.capabilities.notices`,
 * in the step's transaction. The receipt of a payment notice stays tracked on the step
 * (updateReceipt), so the notice asks for none. Without the notices module nothing is recorded.
 */
import type { AppContext } from '../../platform/module';
import type { Tx } from '../../platform/db/database';
import type { Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { loadNoticeData, noticeText } from './procedures.pdf';

/** Braces in figures or names must not read as placeholders of the notice text. */
const literal = (s: string) => s.replaceAll('{', '（').replaceAll('}', '）');

export async function recordPaymentNotice(ctx: AppContext, trx: Tx, user: Pick<SessionUser, 'id' | 'roles'>, c: { id: number; customer_id: number }, stepId: number, actor: Actor): Promise<void> {
  const port = ctx.capabilities.notices;
  if (!port) return;
  const d = await loadNoticeData(trx, user, c.id, stepId);
  const zh = noticeText(d, 'zh-CN');
  const en = noticeText(d, 'en');
  await port.send(
    ctx,
    trx,
    {
      kind: 'payment_notice',
      title: { zh: `催款函（${literal(d.noticeNo)}）`, en: `Payment Notice (${literal(d.noticeNo)})` },
      body: { zh: ['{customerName}：', ...zh.body.map(literal)].join('\n'), en: ['To: {customerName}', ...en.body.map(literal)].join('\n') },
      customerIds: [c.customer_id],
      requireReceipt: false,
      source: { module: 'procedures', entity: 'procedure_step', id: stepId },
    },
    actor,
  );
}
