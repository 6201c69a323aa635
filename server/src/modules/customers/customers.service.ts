/** Use cases of the customer archive: create, update, read, list. */
import { tr, type Lang } from '@common/lang';
import { USCC_PROBLEM_MSG, usccProblem } from '@common/uscc.calc';
import { regionError } from '@common/regions';
import type { CustomerStatus } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import { assertCustomerAccess, seesAllCustomers } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { localParts } from '../../platform/jobs/jobs';
import * as repo from './customers.repo';
import { allowedTransitions } from './customers.calc';
import { diff, track } from './customers.history';
import { pinyinInitials } from './pinyin';
import type { CustomerCreate, CustomerListItem, CustomerListQuery, CustomerUpdate, CustomerView } from './customers.schema';
import { CE } from './customers.errors';

/** Documents expiring within this many days count as "expiring soon". */
export const EXPIRY_SOON_DAYS = 60;

export function todayIn(ctx: AppContext): string {
  return localParts(new Date(), ctx.config.timeZone).date;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.getCustomer>>>;

/** The archive fields of a customer row as the API names them (also the shape kept in history). */
export function archiveOf(
  r: Pick<
    Row,
    | 'name'
    | 'uscc'
    | 'type'
    | 'price_category'
    | 'province'
    | 'city'
    | 'county'
    | 'address'
    | 'serves_residents'
    | 'residential_share'
    | 'use_structure_verified_on'
    | 'exchange_status'
    | 'tags'
    | 'notes'
  >,
) {
  return {
    name: r.name,
    uscc: r.uscc,
    type: r.type,
    priceCategory: r.price_category,
    province: r.province,
    city: r.city,
    county: r.county,
    address: r.address,
    servesResidents: r.serves_residents,
    residentialShare: r.residential_share,
    useStructureVerifiedOn: r.use_structure_verified_on,
    exchangeStatus: r.exchange_status,
    tags: r.tags,
    notes: r.notes,
  };
}
export type Archive = ReturnType<typeof archiveOf>;

const uniq = (tags: string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];

/** Maps a validated create payload to a table row (used by create, import and demo). */
export function toInsertRow(input: CustomerCreate, createdBy: number | null): repo.CustomerInsert {
  return {
    name: input.name,
    uscc: input.uscc ?? null,
    type: input.type,
    price_category: input.priceCategory,
    province: input.province,
    city: input.city,
    county: input.county ?? null,
    address: input.address ?? null,
    serves_residents: input.servesResidents ?? input.type === 'city_gas',
    residential_share: input.residentialShare ?? null,
    use_structure_verified_on: input.useStructureVerifiedOn ?? null,
    exchange_status: input.exchangeStatus ?? 'none',
    tags: uniq(input.tags),
    notes: input.notes ?? null,
    pinyin: pinyinInitials(input.name),
    created_by: createdBy,
  };
}

async function assertUsccFree(trx: Tx, uscc: string, exceptId?: number) {
  const hit = (await repo.findByUscc(trx, [uscc])).find((r) => r.id !== exceptId);
  if (hit) throw new AppError(CE.CUSTOMER_USCC_DUPLICATE, { uscc, name: hit.name, code: hit.code });
}

export function assertRegion(r: { province?: string | null; city?: string | null; county?: string | null }) {
  const bad = regionError(r);
  if (bad)
    throw new AppError(CE.CUSTOMER_REGION_INVALID, {
      level: { province: { zh: '省份', en: 'province' }, city: { zh: '城市', en: 'city' }, county: { zh: '区县', en: 'county' } }[bad],
      value: r[bad] ?? '',
    });
}

export async function createCustomer(ctx: AppContext, user: SessionUser, input: CustomerCreate, actor: Actor): Promise<number> {
  assertRegion(input);
  return inTx(ctx.db, async (trx) => {
    if (input.uscc) await assertUsccFree(trx, input.uscc);
    const [c] = await repo.insertCustomers(trx, [toInsertRow(input, user.id)]);
    const row = (await repo.getCustomer(trx, c.id))!;
    await track(trx, actor, { customerId: c.id, action: 'customer.create', entity: 'customer', entityId: c.id, after: { code: row.code, ...archiveOf(row) } });
    // A manager who registers a new (potential) customer becomes responsible for it, so that it stays in their scope.
    if (!seesAllCustomers(user)) {
      const kind = user.roles.includes('account_manager') ? 'full_time' : user.roles.includes('part_time_manager') ? 'part_time' : null;
      if (kind) {
        const m = await trx
          .insertInto('customer_managers')
          .values({ customer_id: c.id, user_id: user.id, kind, assigned_by: user.id, reason: '创建客户时自动指定' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await track(trx, actor, { customerId: c.id, action: 'manager.assign', entity: 'manager', entityId: m.id, after: { userId: user.id, username: user.username, kind } });
      }
    }
    return c.id;
  });
}

export async function updateCustomer(ctx: AppContext, user: SessionUser, id: number, patch: CustomerUpdate, actor: Actor): Promise<void> {
  await assertCustomerAccess(ctx.db, user, id);
  await inTx(ctx.db, async (trx) => {
    const row = (await repo.lockCustomer(trx, id))!;
    if (row.status === 'closed') throw new AppError(CE.CUSTOMER_CLOSED, { name: row.name });
    const before = archiveOf(row);
    const next: Partial<Archive> = { ...patch, tags: patch.tags === undefined ? undefined : uniq(patch.tags) };
    if (patch.province !== undefined || patch.city !== undefined || patch.county !== undefined) {
      assertRegion({ province: next.province ?? before.province, city: next.city ?? before.city, county: patch.county !== undefined ? patch.county : before.county });
    }
    if (next.uscc && next.uscc !== before.uscc) await assertUsccFree(trx, next.uscc, id);
    const d = diff(before, next);
    if (!d) return;
    const a = d.after;
    await repo.updateCustomer(trx, id, {
      ...(a.name !== undefined && { name: a.name, pinyin: pinyinInitials(a.name) }),
      ...('uscc' in a && { uscc: a.uscc }),
      ...(a.type !== undefined && { type: a.type }),
      ...(a.priceCategory !== undefined && { price_category: a.priceCategory }),
      ...(a.province !== undefined && { province: a.province }),
      ...(a.city !== undefined && { city: a.city }),
      ...('county' in a && { county: a.county }),
      ...('address' in a && { address: a.address }),
      ...(a.servesResidents !== undefined && { serves_residents: a.servesResidents }),
      ...('residentialShare' in a && { residential_share: a.residentialShare }),
      ...('useStructureVerifiedOn' in a && { use_structure_verified_on: a.useStructureVerifiedOn }),
      ...(a.exchangeStatus !== undefined && { exchange_status: a.exchangeStatus }),
      ...(a.tags !== undefined && { tags: a.tags }),
      ...('notes' in a && { notes: a.notes }),
    });
    await track(trx, actor, { customerId: id, action: 'customer.update', entity: 'customer', entityId: id, before: d.before, after: d.after });
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getCustomerView(ctx: AppContext, user: SessionUser, id: number): Promise<CustomerView> {
  const row = await repo.customerView(ctx.db, user, id, todayIn(ctx), EXPIRY_SOON_DAYS);
  if (!row) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
  if (!row.visible) throw new AppError('OUT_OF_SCOPE');
  const { managers, dps, docs, expiring } = row;
  return {
    id: row.id,
    code: row.code,
    pinyin: row.pinyin,
    ...(archiveOf(row) as any),
    status: row.status as CustomerStatus,
    createdAt: row.created_at.toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    closedAt: iso(row.closed_at),
    managers: managers.map((m) => ({
      assignmentId: m.assignmentId,
      userId: m.userId,
      username: m.username,
      displayName: m.displayName,
      phone: m.phone,
      email: m.email,
      kind: m.kind,
      assignedAt: m.assignedAt.toISOString(),
    })),
    allowedTransitions: allowedTransitions(row.status as CustomerStatus),
    counts: { deliveryPoints: dps, documents: docs, expiringDocuments: expiring },
  };
}

export async function listCustomerItems(ctx: AppContext, user: SessionUser, q: CustomerListQuery): Promise<{ total: number; items: CustomerListItem[] }> {
  const { total, items } = await repo.listCustomers(ctx.db, user, q, { page: q.page, pageSize: q.pageSize });
  return { total, items: items.map(toListItem) };
}

/** A list row as the API shows it (the row carries its active managers). */
export function toListItem(r: Awaited<ReturnType<typeof repo.listCustomers>>['items'][number]): CustomerListItem {
  const mine = r.managers;
  const ft = mine.find((m) => m.kind === 'full_time');
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    uscc: r.uscc,
    type: r.type as CustomerListItem['type'],
    priceCategory: r.price_category,
    province: r.province,
    city: r.city,
    county: r.county,
    status: r.status as CustomerStatus,
    exchangeStatus: r.exchange_status as CustomerListItem['exchangeStatus'],
    servesResidents: r.serves_residents,
    tags: r.tags,
    fullTimeManager: ft ? { userId: ft.userId, displayName: ft.displayName } : null,
    partTimeManagers: mine.filter((m) => m.kind === 'part_time').map((m) => ({ userId: m.userId, displayName: m.displayName })),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Message for a USCC problem in the given language (used by import rows). */
export function usccMessage(uscc: string, lang: Lang): string | null {
  const p = usccProblem(uscc);
  return p ? tr(USCC_PROBLEM_MSG[p], lang) : null;
}

export async function history(ctx: AppContext, user: SessionUser, customerId: number, q: { page: number; pageSize: number; entity?: string }) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const [rows, n] = await repo.listHistory(ctx.db, customerId, q, q.entity);
  return {
    total: Number(n.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.display_name ?? r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
}
