/** Notice templates (告知函模板): bilingual title/body with placeholders and custom fields. */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import * as repo from './notices.repo';
import { BUILTIN_PLACEHOLDERS, type NoticeKind, type TemplateField } from './notices.calc';
import './notices.errors';
import { checkPlaceholders } from './notices.service';

// ---------------------------------------------------------------- templates

const templateView = (t: NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>) => ({
  id: t.id,
  code: t.code,
  kind: t.kind,
  name: t.name,
  nameEn: t.name_en,
  title: t.title,
  titleEn: t.title_en,
  body: t.body,
  bodyEn: t.body_en,
  fields: t.fields,
  requireReceipt: t.require_receipt,
  receiptDays: t.receipt_days,
  builtin: t.builtin,
  active: t.active,
  updatedAt: new Date(t.updated_at).toISOString(),
});

export async function listTemplates(ctx: AppContext) {
  return (await repo.listTemplates(ctx.db)).map(templateView);
}

interface TemplateInput {
  kind?: NoticeKind;
  name?: string;
  nameEn?: string;
  title?: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  fields?: TemplateField[];
  requireReceipt?: boolean;
  receiptDays?: number;
  active?: boolean;
}

function checkTemplateTexts(t: Required<Pick<TemplateInput, 'title' | 'titleEn' | 'body' | 'bodyEn' | 'fields'>>) {
  for (const f of t.fields) if ((BUILTIN_PLACEHOLDERS as readonly string[]).includes(f.key)) throw new AppError('NOTICE_FIELD_KEY_RESERVED', { key: f.key });
  checkPlaceholders(
    { title: t.title, titleEn: t.titleEn, body: t.body, bodyEn: t.bodyEn },
    t.fields.map((f) => f.key),
  );
}

export async function createTemplate(ctx: AppContext, b: TemplateInput & { code: string }, actor: Actor) {
  checkTemplateTexts(b as any);
  return inTx(ctx.db, async (trx) => {
    if (await repo.findTemplateByCode(trx, b.code)) throw new AppError('NOTICE_TEMPLATE_CODE_TAKEN', { code: b.code });
    const row = await trx
      .insertInto('notice_templates')
      .values({
        code: b.code,
        kind: b.kind!,
        name: b.name!,
        name_en: b.nameEn!,
        title: b.title!,
        title_en: b.titleEn!,
        body: b.body!,
        body_en: b.bodyEn!,
        fields: JSON.stringify(b.fields ?? []),
        require_receipt: b.requireReceipt,
        receipt_days: b.receiptDays,
        active: b.active,
        updated_at: new Date(),
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'notice.template.create', entity: 'notice_template', entityId: row.id, after: templateView(row) });
    return templateView(row);
  });
}

export async function updateTemplate(ctx: AppContext, id: number, patch: TemplateInput, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const before = await repo.findTemplate(trx, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: { zh: '告知函模板', en: 'Notice template' } });
    const merged = {
      title: patch.title ?? before.title,
      titleEn: patch.titleEn ?? before.title_en,
      body: patch.body ?? before.body,
      bodyEn: patch.bodyEn ?? before.body_en,
      fields: patch.fields ?? before.fields,
    };
    checkTemplateTexts(merged);
    const row = await trx
      .updateTable('notice_templates')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
        title: merged.title,
        title_en: merged.titleEn,
        body: merged.body,
        body_en: merged.bodyEn,
        fields: JSON.stringify(merged.fields),
        ...(patch.requireReceipt !== undefined && { require_receipt: patch.requireReceipt }),
        ...(patch.receiptDays !== undefined && { receipt_days: patch.receiptDays }),
        ...(patch.active !== undefined && { active: patch.active }),
        updated_at: new Date(),
        updated_by: actor.userId,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'notice.template.update', entity: 'notice_template', entityId: id, before: templateView(before), after: templateView(row) });
    return templateView(row);
  });
}
