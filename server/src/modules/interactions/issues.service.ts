/**
 * Use cases of customer issues (客户问题, DOMAIN.md §3): raised → owned → responded → resolved →
 * closed, with due date, first response time and resolution time (interactions.calc.ts).
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import { AppError } from '../../platform/http/errors';
import type { Tx } from '../../platform/db/database';
import { FIELD, requireAssignable, todayOf, type Scoped } from './interactions.shared';
import type { IssueBody, IssuePatch, IssueQuery, IssueTransitionBody } from './interactions.schema';
import { canTransitionIssue, ISSUE_STATUS_LABELS, localDate, type IssueStatus } from './interactions.calc';
import { liveContactIds } from './contacts.repo';
import * as repo from './issues.repo';

const ENTITY = { zh: '客户问题', en: 'Customer issue' };
/** Clock skew allowed between a client's "now" and ours. */
const SKEW_MS = 5 * 60_000;

function checkNotFuture(at: Date, field: { zh: string; en: string }, ctx: AppContext) {
  if (at.getTime() > Date.now() + SKEW_MS) throw new AppError('DATE_IN_FUTURE', { field, today: todayOf(ctx) });
}

async function checkContact(db: Tx, customerId: number, contactId: number | null | undefined) {
  if (contactId == null) return;
  if (!(await liveContactIds(db, customerId, [contactId])).has(contactId)) throw new AppError('CONTACT_NOT_OF_CUSTOMER', { index: 1, id: contactId });
}

async function view(ctx: AppContext, id: number) {
  const r = await repo.findIssue(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: ENTITY });
  return repo.toIssueView(r, new Date(), ctx.config.timeZone);
}

export async function listIssues(ctx: AppContext, user: Scoped, q: IssueQuery, max?: number) {
  const { page, pageSize, ...f } = q;
  if (f.customerId) await assertCustomerAccess(ctx.db, user, f.customerId);
  const limit = max ?? pageSize;
  const { total, rows } = await repo.listIssues(ctx.db, user, f, todayOf(ctx), ctx.config.timeZone, limit, max ? 0 : (page - 1) * pageSize);
  if (max && total > max) throw new AppError('EXPORT_TOO_LARGE', { count: total, max });
  const now = new Date();
  return { total, items: rows.map((r) => repo.toIssueView(r, now, ctx.config.timeZone)) };
}

export async function getIssue(ctx: AppContext, user: Scoped, id: number) {
  const v = await view(ctx, id);
  await assertCustomerAccess(ctx.db, user, v.customerId);
  return v;
}

export async function createIssue(ctx: AppContext, user: Scoped, body: IssueBody, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, body.customerId);
  const raisedAt = body.raisedAt ? new Date(body.raisedAt) : new Date();
  checkNotFuture(raisedAt, FIELD.raisedAt, ctx);
  if (body.dueOn < localDate(raisedAt, ctx.config.timeZone)) throw new AppError('DATE_ORDER', { field: FIELD.dueOn, other: FIELD.raisedAt });
  await requireAssignable(ctx.db, body.ownerId, body.customerId, FIELD.owner);
  await checkContact(ctx.db, body.customerId, body.contactId);
  if (body.interactionId != null && !(await repo.interactionOfCustomer(ctx.db, body.customerId, body.interactionId)))
    throw new AppError('NOT_FOUND', { entity: { zh: '对接记录', en: 'Interaction' } });
  const id = await inTx(ctx.db, async (trx) => {
    const row = await repo.insertIssue(trx, {
      customer_id: body.customerId,
      title: body.title,
      description: body.description ?? null,
      topic: body.topic,
      raised_at: raisedAt,
      owner_id: body.ownerId,
      due_on: body.dueOn,
      contact_id: body.contactId ?? null,
      interaction_id: body.interactionId ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { action: 'issue.create', entity: 'issue', entityId: row.id, customerId: body.customerId, after: { ...body, raisedAt: raisedAt.toISOString() } });
    return row.id;
  });
  return view(ctx, id);
}

export async function updateIssue(ctx: AppContext, user: Scoped, id: number, patch: IssuePatch, actor: Actor) {
  const before = await repo.rawIssue(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, before.customer_id);
  if (before.status === 'closed') throw new AppError('ISSUE_CLOSED');
  if (patch.ownerId && patch.ownerId !== before.owner_id) await requireAssignable(ctx.db, patch.ownerId, before.customer_id, FIELD.owner);
  if (patch.dueOn && patch.dueOn < localDate(new Date(before.raised_at), ctx.config.timeZone)) throw new AppError('DATE_ORDER', { field: FIELD.dueOn, other: FIELD.raisedAt });
  await checkContact(ctx.db, before.customer_id, patch.contactId);
  await inTx(ctx.db, async (trx) => {
    await repo.updateIssue(trx, id, { title: patch.title, description: patch.description, topic: patch.topic, owner_id: patch.ownerId, due_on: patch.dueOn, contact_id: patch.contactId });
    const after = await repo.rawIssue(trx, id);
    await audit(trx, actor, { action: 'issue.update', entity: 'issue', entityId: id, customerId: before.customer_id, before, after });
  });
  return view(ctx, id);
}

/**
 * Move an issue along its workflow at time `at` (default now). Leaving 'open' the first time is
 * the first response; resolving needs a resolution; reopening clears the resolved time.
 */
export async function transitionIssue(ctx: AppContext, user: Scoped, id: number, body: IssueTransitionBody, actor: Actor) {
  const found = await repo.rawIssue(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, found.customer_id);
  const at = body.at ? new Date(body.at) : new Date();
  checkNotFuture(at, FIELD.eventAt, ctx);
  await inTx(ctx.db, async (trx) => {
    const before = (await repo.rawIssue(trx, id, true))!;
    const from = before.status as IssueStatus;
    if (from === 'closed') throw new AppError('ISSUE_CLOSED');
    if (!canTransitionIssue(from, body.to)) throw new AppError('ISSUE_TRANSITION', { from: ISSUE_STATUS_LABELS[from], to: ISSUE_STATUS_LABELS[body.to] });
    const last = [before.raised_at, before.first_response_at, before.resolved_at].filter(Boolean).map((d) => new Date(d as Date).getTime());
    if (at.getTime() < Math.max(...last)) throw new AppError('DATE_ORDER', { field: FIELD.eventAt, other: { zh: '上一步时间', en: 'the previous step' } });
    const set: Parameters<typeof repo.updateIssue>[2] = { status: body.to };
    if (from === 'open' && !before.first_response_at) set.first_response_at = at;
    if (body.to === 'resolved') {
      const resolution = body.resolution ?? null;
      if (!resolution) throw new AppError('ISSUE_RESOLUTION_REQUIRED');
      set.resolution = resolution;
      set.resolved_at = at;
    }
    if (body.to === 'closed') {
      set.closed_at = at;
      if (body.resolution) set.resolution = body.resolution;
    }
    if (from === 'resolved' && body.to === 'in_progress') set.resolved_at = null;
    await repo.updateIssue(trx, id, set);
    const after = await repo.rawIssue(trx, id);
    await audit(trx, actor, { action: `issue.${body.to}`, entity: 'issue', entityId: id, customerId: before.customer_id, before, after });
  });
  return view(ctx, id);
}
