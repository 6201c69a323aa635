/** Receipts (回执): recording a returned receipt with its signed copy (type checked by content), downloading it. */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { sniffFileType, SNIFFED_MIME } from '../customers';
import { userDisplayNames } from '../identity';
import * as repo from './notices.repo';
import './notices.errors';
import { todayOf } from './notices.service';
import { recipientView } from './queries.service';

type Scoped = Pick<SessionUser, 'id' | 'roles'>;
export const ALLOWED_UPLOADS = 'PDF, JPG, PNG';

// ---------------------------------------------------------------- receipts

export async function recordReceipt(
  ctx: AppContext,
  user: Scoped,
  id: number,
  customerId: number,
  f: { returnedOn: string; signer: string; note?: string },
  file: { name: string; content: Buffer } | null,
  actor: Actor,
) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const type = file ? sniffFileType(file.content) : null;
  if (file && (!type || !['pdf', 'jpg', 'png'].includes(type))) throw new AppError('UPLOAD_TYPE', { type: type ?? (file.name.split('.').pop() || '?'), allowed: ALLOWED_UPLOADS });
  const today = todayOf(ctx);
  return inTx(ctx.db, async (trx) => {
    const n = await repo.noticeRow(trx, id);
    const before = n && (await repo.findRecipient(trx, id, customerId, true));
    if (!n || !before) throw new AppError('NOT_FOUND', { entity: { zh: '告知函收件客户', en: 'Notice recipient' } });
    if (before.receipt_status === 'not_required') throw new AppError('NOTICE_NO_RECEIPT');
    if (f.returnedOn < n.sent_on || f.returnedOn > today) throw new AppError('NOTICE_RETURNED_BEFORE_SENT', { sentOn: n.sent_on });
    const fileCols = file
      ? { file_name: file.name.slice(0, 200), file_mime: SNIFFED_MIME[type!], file_size: file.content.length, file_sha256: crypto.createHash('sha256').update(file.content).digest('hex') }
      : {};
    await trx
      .updateTable('notice_recipients')
      .set({ receipt_status: 'returned', returned_on: f.returnedOn, signer: f.signer, receipt_note: f.note ?? null, recorded_by: actor.userId, recorded_at: new Date(), ...fileCols })
      .where('notice_id', '=', id)
      .where('customer_id', '=', customerId)
      .execute();
    if (file) {
      await trx
        .insertInto('notice_receipt_files')
        .values({ customer_id: customerId, notice_id: id, content: file.content })
        .onConflict((oc) => oc.columns(['customer_id', 'notice_id']).doUpdateSet({ content: file.content }))
        .execute();
    }
    const view = (r: typeof before) => ({ status: r.receipt_status, returnedOn: r.returned_on, signer: r.signer, note: r.receipt_note, file: r.file_name });
    const after = (await repo.findRecipient(trx, id, customerId))!;
    await audit(trx, actor, {
      action: 'notice.receipt',
      entity: 'notice',
      entityId: id,
      customerId,
      before: view(before),
      after: { ...view(after), sha256: after.file_name ? (fileCols.file_sha256 ?? null) : null },
    });
    return recipientView(after, n.receipt_due_on, today, await userDisplayNames(trx, [after.recorded_by]));
  });
}

export async function receiptFile(ctx: AppContext, user: Scoped, id: number, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const r = await repo.findRecipient(ctx.db, id, customerId);
  const f = r?.file_name ? await ctx.db.selectFrom('notice_receipt_files').select('content').where('notice_id', '=', id).where('customer_id', '=', customerId).executeTakeFirst() : undefined;
  if (!r || !f) throw new AppError('NOT_FOUND', { entity: { zh: '回执扫描件', en: 'Signed receipt' } });
  return { name: r.file_name!, mime: r.file_mime!, content: Buffer.from(f.content) };
}
