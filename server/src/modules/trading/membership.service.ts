/**
 * Exchange membership (会员注册 → 账户绑定 → 培训, DOMAIN.md §4): the status lives on the customer
 * archive (customers' exchange_status), the dates and the manager's follow-ups here. The status
 * follows the dates: the furthest step with a date.
 */
import { sql } from 'kysely';
import type { ExchangeStatus } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { customersByExchangeStatus, setExchangeStatus } from '../customers';
import { userNames } from '../identity';
import { TE } from './trading.errors';

const STEPS = [
  ['registeredOn', 'registered', { zh: '注册日期', en: 'registration date' }],
  ['boundOn', 'bound', { zh: '账户绑定日期', en: 'account binding date' }],
  ['trainedOn', 'trained', { zh: '培训日期', en: 'training date' }],
] as const;

/** Status implied by the dates (DOMAIN.md §4): steps in order, each date not before the previous. */
export function membershipStatus(d: { registeredOn: string | null; boundOn: string | null; trainedOn: string | null }): ExchangeStatus {
  let status: ExchangeStatus = 'none';
  STEPS.forEach(([key, st, label], i) => {
    const date = d[key];
    if (!date) return;
    for (let j = 0; j < i; j++) {
      const [pk, , plabel] = STEPS[j]!;
      const prev = d[pk];
      if (!prev) throw new AppError(TE.MEMBERSHIP_GAP, { field: label, prevField: plabel });
      if (date < prev) throw new AppError(TE.MEMBERSHIP_ORDER, { field: label, date, prevField: plabel, prev });
    }
    status = st;
  });
  return status;
}

export async function setMembership(ctx: AppContext, user: SessionUser, customerId: number, b: { registeredOn?: string | null; boundOn?: string | null; trainedOn?: string | null }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    await assertCustomerAccess(trx, user, customerId);
    const before = await trx.selectFrom('trading_memberships').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
    const next = {
      registeredOn: b.registeredOn !== undefined ? b.registeredOn : (before?.registered_on ?? null),
      boundOn: b.boundOn !== undefined ? b.boundOn : (before?.bound_on ?? null),
      trainedOn: b.trainedOn !== undefined ? b.trainedOn : (before?.trained_on ?? null),
    };
    const status = membershipStatus(next);
    await trx
      .insertInto('trading_memberships')
      .values({ customer_id: customerId, registered_on: next.registeredOn, bound_on: next.boundOn, trained_on: next.trainedOn, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet({ registered_on: next.registeredOn, bound_on: next.boundOn, trained_on: next.trainedOn, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
    await setExchangeStatus(trx, customerId, status, actor);
    await audit(trx, actor, { action: 'trading.membership.set', entity: 'trading_membership', entityId: customerId, customerId, before: before ?? null, after: next });
    return (await membershipList(trx, user, { customerIds: [customerId], page: 1, pageSize: 1 })).items[0]!;
  });
}

export async function membershipList(db: Tx, user: SessionUser, f: { status?: ExchangeStatus; needsHelp?: boolean; q?: string; customerIds?: number[]; page: number; pageSize: number }) {
  const { rows: scoped } = await sql<{
    id: number;
  }>`SELECT c.id FROM unnest(${(await customersByExchangeStatus(db, { customerIds: f.customerIds })).map((c) => c.id)}::bigint[]) AS c(id) WHERE ${inCustomerScope(user, 'c.id')}`.execute(db);
  const visible = new Set(scoped.map((r) => Number(r.id)));
  let list = (await customersByExchangeStatus(db, { customerIds: f.customerIds, statuses: f.status ? [f.status] : f.needsHelp ? ['none', 'registered', 'bound'] : undefined })).filter((c) =>
    visible.has(c.id),
  );
  if (f.q) {
    const q = f.q.toLowerCase();
    list = list.filter((c) => c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q));
  }
  const total = list.length;
  const page = list.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  const ids = page.map((c) => c.id);
  const dates = ids.length ? await db.selectFrom('trading_memberships').selectAll().where('customer_id', 'in', ids).execute() : [];
  const fu = ids.length
    ? await db
        .selectFrom('trading_followups')
        .select(['customer_id', sql<string>`max(on_date)::text`.as('last'), sql<number>`count(*)`.as('n')])
        .where('customer_id', 'in', ids)
        .groupBy('customer_id')
        .execute()
    : [];
  const names = await userNames(
    db,
    page.flatMap((c) => (c.fullTimeManagerId ? [c.fullTimeManagerId] : [])),
  );
  return {
    total,
    items: page.map((c) => {
      const d = dates.find((x) => x.customer_id === c.id);
      const f2 = fu.find((x) => x.customer_id === c.id);
      return {
        customerId: c.id,
        code: c.code,
        name: c.name,
        exchangeStatus: c.exchangeStatus,
        registeredOn: d?.registered_on ?? null,
        boundOn: d?.bound_on ?? null,
        trainedOn: d?.trained_on ?? null,
        managerName: c.fullTimeManagerId ? (names.get(c.fullTimeManagerId) ?? null) : null,
        lastFollowupOn: f2?.last ?? null,
        followups: Number(f2?.n ?? 0),
      };
    }),
  };
}

export async function addFollowup(ctx: AppContext, user: SessionUser, customerId: number, b: { onDate: string; note: string; nextStep?: string | null }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    await assertCustomerAccess(trx, user, customerId);
    const r = await trx
      .insertInto('trading_followups')
      .values({ customer_id: customerId, on_date: b.onDate, note: b.note, next_step: b.nextStep ?? null, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'trading.followup.add', entity: 'trading_followup', entityId: r.id, customerId, after: b });
    return (await followups(trx, customerId)).find((x) => x.id === r.id)!;
  });
}

export async function followups(db: Tx, customerId: number) {
  const rows = await db.selectFrom('trading_followups').selectAll().where('customer_id', '=', customerId).orderBy('on_date', 'desc').orderBy('id', 'desc').execute();
  const names = await userNames(
    db,
    rows.flatMap((r) => (r.created_by ? [r.created_by] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    onDate: r.on_date,
    note: r.note,
    nextStep: r.next_step,
    createdByName: r.created_by ? (names.get(r.created_by) ?? null) : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
