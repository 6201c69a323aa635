/**
 * Attachments of steps (scanned receipts, letters, photos of a closed valve): PDF, JPEG or PNG
 * only, recognised by their first bytes (magic numbers) — the declared type and the file name
 * are not trusted. Stored in the database (bytea, see migration 0350).
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { loadCaseForUser } from './procedures.service';
import * as repo from './procedures.repo';

export const ALLOWED_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' } as const;
export type AllowedMime = keyof typeof ALLOWED_TYPES;

/** The type of a file from its first bytes: %PDF-, FF D8 FF, or the PNG signature; else null. */
export function sniffMime(b: Uint8Array): AllowedMime | null {
  const starts = (sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** A safe file name to store and to send back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

type User = Pick<SessionUser, 'id' | 'roles'>;

export async function addAttachment(
  ctx: AppContext,
  user: User,
  caseId: number,
  stepId: number,
  file: { filename: string; mimetype: string; content: Uint8Array },
  purpose: 'attachment' | 'receipt',
  actor: Actor,
) {
  const mime = sniffMime(file.content);
  if (!mime) throw new AppError('UPLOAD_TYPE', { type: file.mimetype || '?', allowed: Object.values(ALLOWED_TYPES).join('/') });
  return inTx(ctx.db, async (trx) => {
    const c = await loadCaseForUser(trx, user, caseId);
    const step = await repo.findStep(trx, stepId);
    if (!step || step.case_id !== c.id) throw new AppError('NOT_FOUND', { entity: { zh: '步骤', en: 'Step' } });
    if (purpose === 'receipt' && step.kind !== 'notice') throw new AppError('PROC_NOT_NOTICE');
    const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
    const filename = cleanFilename(file.filename);
    const row = await repo.insertAttachment(trx, {
      case_id: c.id,
      step_id: step.id,
      customer_id: c.customer_id,
      purpose,
      filename,
      mime,
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      uploaded_by: user.id,
    });
    await audit(trx, actor, {
      action: 'procedure.attachment.add',
      entity: 'procedure_attachment',
      entityId: row.id,
      customerId: c.customer_id,
      after: { caseId: c.id, stepId: step.id, purpose, filename, mime, sizeBytes: file.content.length, sha256 },
    });
    return row.id;
  });
}

export async function getAttachment(ctx: AppContext, user: User, caseId: number, attachmentId: number) {
  const a = await repo.findAttachment(ctx.db, attachmentId);
  if (!a || a.case_id !== caseId) throw new AppError('NOT_FOUND', { entity: { zh: '附件', en: 'Attachment' } });
  await assertCustomerAccess(ctx.db, user, a.customer_id);
  return { filename: a.filename, mime: a.mime, content: Buffer.from(a.content) };
}
