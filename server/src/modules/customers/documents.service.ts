/**
 * Licences and qualification documents with expiry dates. Files are stored in the database
 * (customer_document_files.content, bytea): an upload commits or rolls back with its record, and
 * backups carry the files. Types are checked by content (file-sniff.ts), size by the multipart
 * limit (config.uploadLimit).
 */
import crypto from 'node:crypto';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '@common/customers';
import type { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { inTx, sql, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import { assertCustomerAccess, inCustomerScope } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { JobDef } from '../../platform/jobs/jobs';
import { notify } from '../../platform/notify';
import { diff, track } from './customers.history';
import { lockCustomer, activeManagers } from './customers.repo';
import { sniffFileType, MIME } from './file-sniff';
import { todayIn } from './customers.service';
import { CE } from './customers.errors';
import type { DocumentFields, DocumentPatch } from './customers.schema';
import { userDirectory } from '../../platform/auth/users';

export const ALLOWED_UPLOADS = 'PDF, JPG, PNG, XLSX, DOCX';

const DOC_COLS = [
  'd.id',
  'd.customer_id',
  'd.kind',
  'd.title',
  'd.doc_no',
  'd.issued_on',
  'd.expires_on',
  'd.file_name',
  'd.mime',
  'd.size_bytes',
  'd.uploaded_at',
  'u.display_name as uploaded_by_name',
] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400_000);
}

function docView(r: any, today: string) {
  return {
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind as DocumentKind,
    title: r.title,
    docNo: r.doc_no,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    fileName: r.file_name,
    mime: r.mime,
    sizeBytes: r.size_bytes,
    uploadedAt: r.uploaded_at.toISOString(),
    uploadedBy: r.uploaded_by_name ?? null,
    daysToExpiry: r.expires_on ? daysBetween(today, r.expires_on) : null,
  };
}
const docArchive = (r: any) => ({ kind: r.kind, title: r.title, docNo: r.doc_no, issuedOn: r.issued_on, expiresOn: r.expires_on, fileName: r.file_name, sizeBytes: r.size_bytes });

function docsQuery(db: Tx) {
  return db.selectFrom('customer_documents as d').leftJoin(userDirectory().as('u'), 'u.id', 'd.uploaded_by').where('d.deleted_at', 'is', null);
}

export async function listDocuments(ctx: AppContext, user: SessionUser, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const today = todayIn(ctx);
  const rows = await docsQuery(ctx.db)
    .select([...DOC_COLS])
    .where('d.customer_id', '=', customerId)
    .orderBy('d.expires_on')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => docView(r, today));
}

export async function uploadDocument(ctx: AppContext, user: SessionUser, customerId: number, fields: z.infer<typeof DocumentFields>, file: { name: string; content: Buffer }, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const type = sniffFileType(file.content);
  if (!type) throw new AppError('UPLOAD_TYPE', { type: file.name.split('.').pop() || '?', allowed: ALLOWED_UPLOADS });
  return inTx(ctx.db, async (trx) => {
    const c = (await lockCustomer(trx, customerId))!;
    if (c.status === 'closed') throw new AppError(CE.CUSTOMER_CLOSED, { name: c.name });
    const row = await trx
      .insertInto('customer_documents')
      .values({
        customer_id: customerId,
        kind: fields.kind,
        title: fields.title,
        doc_no: fields.docNo ?? null,
        issued_on: fields.issuedOn ?? null,
        expires_on: fields.expiresOn ?? null,
        file_name: file.name.slice(0, 200),
        mime: MIME[type],
        size_bytes: file.content.length,
        sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
        uploaded_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('customer_document_files').values({ document_id: row.id, content: file.content }).execute();
    await track(trx, actor, { customerId, action: 'document.upload', entity: 'document', entityId: row.id, after: docArchive(row) });
    return docView({ ...row, uploaded_by_name: user.displayName }, todayIn(ctx));
  });
}

async function ownedDoc(trx: Tx, customerId: number, id: number) {
  const row = await docsQuery(trx)
    .select([...DOC_COLS])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row || row.customer_id !== customerId) throw new AppError('NOT_FOUND', { entity: { zh: '证照文件', en: 'Document' } });
  return row;
}

export async function updateDocument(ctx: AppContext, user: SessionUser, customerId: number, id: number, patch: z.infer<typeof DocumentPatch>, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  return inTx(ctx.db, async (trx) => {
    const row = await ownedDoc(trx, customerId, id);
    const d = diff(docArchive(row) as Record<string, unknown>, patch);
    if (d) {
      const a = d.after as any;
      await trx
        .updateTable('customer_documents')
        .set({
          ...(a.kind !== undefined && { kind: a.kind }),
          ...(a.title !== undefined && { title: a.title }),
          ...('docNo' in a && { doc_no: a.docNo }),
          ...('issuedOn' in a && { issued_on: a.issuedOn }),
          ...('expiresOn' in a && { expires_on: a.expiresOn }),
        })
        .where('id', '=', id)
        .execute();
      await track(trx, actor, { customerId, action: 'document.update', entity: 'document', entityId: id, before: d.before, after: d.after });
    }
    return docView(await ownedDoc(trx, customerId, id), todayIn(ctx));
  });
}

/** Soft delete: the record and file stay for the history, hidden from lists. */
export async function deleteDocument(ctx: AppContext, user: SessionUser, customerId: number, id: number, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  await inTx(ctx.db, async (trx) => {
    const row = await ownedDoc(trx, customerId, id);
    await trx.updateTable('customer_documents').set({ deleted_at: new Date() }).where('id', '=', id).execute();
    await track(trx, actor, { customerId, action: 'document.delete', entity: 'document', entityId: id, before: docArchive(row) });
  });
}

export async function documentFile(ctx: AppContext, user: SessionUser, customerId: number, id: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const row = await ownedDoc(ctx.db, customerId, id);
  const f = await ctx.db.selectFrom('customer_document_files').select('content').where('document_id', '=', id).executeTakeFirstOrThrow();
  return { fileName: row.file_name, mime: row.mime, content: Buffer.from(f.content) };
}

/** Documents (in the user's scope) that expired or expire within `days` days, soonest first. */
export async function expiringDocuments(ctx: AppContext, user: SessionUser, days: number) {
  const today = todayIn(ctx);
  const rows = await docsQuery(ctx.db)
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select([...DOC_COLS, 'c.code as customer_code', 'c.name as customer_name'])
    .where(inCustomerScope(user, 'c.id'))
    .where('c.status', '<>', 'closed')
    .where('d.expires_on', 'is not', null)
    .where(sql<boolean>`d.expires_on <= ${today}::date + ${days}::int`)
    .orderBy('d.expires_on')
    .orderBy('d.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...docView(r, today), customerCode: r.customer_code, customerName: r.customer_name }));
}

/** Daily reminder to both managers of documents expiring within 30 days; once per document and expiry date. */
export const documentExpiryJob: JobDef = {
  name: 'customers.document_expiry',
  description: { zh: '证照到期提醒（30 天内到期或已过期，通知客户经理）', en: 'Licence expiry reminders to managers (expired or within 30 days)' },
  dailyAt: '07:30',
  defaultKey: (now, ctx) => todayIn(ctx),
  validateKey: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k),
  async run(ctx, key) {
    const docs = await ctx.db
      .selectFrom('customer_documents as d')
      .innerJoin('customers as c', 'c.id', 'd.customer_id')
      .select(['d.id', 'd.customer_id', 'd.kind', 'd.title', 'd.expires_on', 'c.name'])
      .where('d.deleted_at', 'is', null)
      .where('c.status', '<>', 'closed')
      .where(sql<boolean>`d.expires_on <= ${key}::date + 30`)
      .execute();
    const managers = await activeManagers(
      ctx.db,
      docs.map((d) => d.customer_id),
    );
    let sent = 0;
    await inTx(ctx.db, async (trx) => {
      for (const d of docs) {
        const to = managers.filter((m) => m.customerId === d.customer_id).map((m) => m.userId);
        const days = daysBetween(key, d.expires_on!);
        const kind = DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? { zh: d.kind, en: d.kind };
        sent += await notify(trx, to, {
          kind: 'customer.document_expiry',
          title:
            days < 0
              ? { zh: `${d.name}的${kind.zh}已于 ${d.expires_on} 过期`, en: `${kind.en} of ${d.name} expired on ${d.expires_on}` }
              : { zh: `${d.name}的${kind.zh}将于 ${d.expires_on} 到期（${days} 天）`, en: `${kind.en} of ${d.name} expires on ${d.expires_on} (${days} days)` },
          body: { zh: d.title, en: d.title },
          link: `/customers/${d.customer_id}?tab=documents`,
          customerId: d.customer_id,
          dedupeKey: `doc-expiry:${d.id}:${d.expires_on}`,
        });
      }
    });
    return { documents: docs.length, notifications: sent };
  },
};
