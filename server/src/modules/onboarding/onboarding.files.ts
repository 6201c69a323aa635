/** Section attachments and milestone photos: PDF, JPEG or PNG by their first bytes; stored in the database. */
import crypto from 'node:crypto';
import type { MilestoneKind, SectionKind } from '@common/onboarding';
import { SECTION_DEPARTMENT } from '@common/onboarding';
import { can } from '@common/roles';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { isEditable } from './onboarding.calc';
import { loadCase } from './onboarding.service';
import * as repo from './onboarding.repo';
import { CASE_STATUS_LABELS } from '@common/onboarding';

type User = Pick<SessionUser, 'id' | 'roles' | 'department' | 'displayName'>;

export function sniffMime(b: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/** Attach a file to a section (its department, while the case is editable) or a milestone (during construction). */
export async function addFile(
  ctx: AppContext,
  user: User,
  caseId: number,
  target: { section?: SectionKind; milestone?: MilestoneKind },
  file: { filename: string; content: Uint8Array },
  actor: Actor,
) {
  const mime = sniffMime(file.content);
  if (!mime) throw new AppError('ONB_BAD_FILE');
  return inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (target.section) {
      if (!isEditable(c.status)) throw new AppError('ONB_CASE_LOCKED', { status: CASE_STATUS_LABELS[c.status] });
      if (user.department !== SECTION_DEPARTMENT[target.section] && !can(user.roles, 'onboarding:write')) throw new AppError('FORBIDDEN');
    } else if (c.status !== 'contracted') throw new AppError('ONB_NOT_CONTRACTED', { status: CASE_STATUS_LABELS[c.status] });
    else if (!can(user.roles, 'onboarding:write')) throw new AppError('FORBIDDEN');
    const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
    const filename = cleanFilename(file.filename);
    const id = await repo.insertFile(trx, {
      case_id: c.id,
      customer_id: c.customer_id,
      section: target.section ?? null,
      milestone: target.milestone ?? null,
      filename,
      mime,
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      uploaded_by: user.id,
    });
    await audit(trx, actor, {
      action: 'onboarding.file.add',
      entity: 'onboarding_file',
      entityId: id,
      customerId: c.customer_id,
      after: { caseId: c.id, ...target, filename, mime, sizeBytes: file.content.length, sha256 },
    });
    return id;
  });
}

export async function getFile(ctx: AppContext, user: User, caseId: number, fileId: number) {
  const f = await repo.findFile(ctx.db, fileId);
  if (!f || f.case_id !== caseId) throw new AppError('NOT_FOUND', { entity: { zh: '附件', en: 'File' } });
  await loadCase(ctx.db, user, caseId);
  return { filename: f.filename, mime: f.mime, content: Buffer.from(f.content) };
}
