/**
 * Use cases of customer contacts. Exactly one primary contact per customer among live contacts:
 * the first contact becomes primary, making another primary unsets the old one in the same
 * transaction, and deleting the primary promotes the oldest remaining contact.
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import { AppError } from '../../platform/http/errors';
import type { Scoped } from './interactions.shared';
import type { ContactBody, ContactPatch } from './interactions.schema';
import * as repo from './contacts.repo';

const ENTITY = { zh: '联系人', en: 'Contact' };

function assertMeans(v: { name: string; mobile?: string | null; landline?: string | null; email?: string | null }) {
  if (!v.mobile && !v.landline && !v.email) throw new AppError('CONTACT_NO_MEANS', { name: v.name });
}

export async function listContacts(ctx: AppContext, user: Scoped, customerId: number, includeDeleted = false) {
  await assertCustomerAccess(ctx.db, user, customerId);
  return (await repo.listContacts(ctx.db, customerId, includeDeleted)).map(repo.toContactView);
}

async function loadForChange(ctx: AppContext, user: Scoped, id: number) {
  const c = await repo.findContact(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, c.customer_id);
  return c;
}

export async function createContact(ctx: AppContext, user: Scoped, customerId: number, body: ContactBody, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  assertMeans(body);
  return inTx(ctx.db, async (trx) => {
    const primary = body.isPrimary === true || (await repo.countLive(trx, customerId)) === 0;
    if (primary) await demote(trx, actor, customerId);
    const row = await repo.insertContact(trx, {
      customer_id: customerId,
      name: body.name,
      title: body.title ?? null,
      mobile: body.mobile ?? null,
      landline: body.landline ?? null,
      email: body.email ?? null,
      role: body.role,
      is_primary: primary,
      notes: body.notes ?? null,
    });
    const view = repo.toContactView(row);
    await audit(trx, actor, { action: 'contact.create', entity: 'contact', entityId: row.id, customerId, after: view });
    return view;
  });
}

async function demote(trx: Parameters<typeof repo.unsetPrimary>[0], actor: Actor, customerId: number, exceptId?: number) {
  const old = await repo.unsetPrimary(trx, customerId, exceptId);
  await audit(
    trx,
    actor,
    old.map((o) => ({ action: 'contact.unset_primary', entity: 'contact', entityId: o.id, customerId, before: { isPrimary: true }, after: { isPrimary: false } })),
  );
}

export async function updateContact(ctx: AppContext, user: Scoped, id: number, patch: ContactPatch, actor: Actor) {
  const before = await loadForChange(ctx, user, id);
  const merged = {
    name: patch.name ?? before.name,
    mobile: patch.mobile !== undefined ? patch.mobile : before.mobile,
    landline: patch.landline !== undefined ? patch.landline : before.landline,
    email: patch.email !== undefined ? patch.email : before.email,
  };
  assertMeans(merged);
  if (patch.isPrimary === false && before.is_primary) throw new AppError('CONTACT_PRIMARY_REQUIRED', { name: before.name });
  return inTx(ctx.db, async (trx) => {
    await repo.findContact(trx, id, true);
    if (patch.isPrimary === true && !before.is_primary) await demote(trx, actor, before.customer_id, id);
    const row = await repo.updateContact(trx, id, {
      ...merged,
      title: patch.title !== undefined ? patch.title : undefined,
      role: patch.role,
      notes: patch.notes !== undefined ? patch.notes : undefined,
      is_primary: patch.isPrimary === true ? true : undefined,
    });
    const view = repo.toContactView(row);
    await audit(trx, actor, {
      action: patch.isPrimary === true && !before.is_primary ? 'contact.set_primary' : 'contact.update',
      entity: 'contact',
      entityId: id,
      customerId: before.customer_id,
      before: repo.toContactView(before),
      after: view,
    });
    return view;
  });
}

export async function makePrimary(ctx: AppContext, user: Scoped, id: number, actor: Actor) {
  return updateContact(ctx, user, id, { isPrimary: true }, actor);
}

export async function deleteContact(ctx: AppContext, user: Scoped, id: number, actor: Actor) {
  const before = await loadForChange(ctx, user, id);
  await inTx(ctx.db, async (trx) => {
    await repo.updateContact(trx, id, { deleted_at: new Date(), is_primary: false });
    await audit(trx, actor, { action: 'contact.delete', entity: 'contact', entityId: id, customerId: before.customer_id, before: repo.toContactView(before) });
    if (before.is_primary) {
      const next = await repo.oldestOther(trx, before.customer_id, id);
      if (next) {
        await repo.updateContact(trx, next.id, { is_primary: true });
        await audit(trx, actor, { action: 'contact.set_primary', entity: 'contact', entityId: next.id, customerId: before.customer_id, before: { isPrimary: false }, after: { isPrimary: true } });
      }
    }
  });
}

export async function contactHistory(ctx: AppContext, user: Scoped, id: number) {
  const c = await ctx.db.selectFrom('customer_contacts').select(['customer_id']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, c.customer_id);
  return repo.contactHistory(ctx.db, id);
}
