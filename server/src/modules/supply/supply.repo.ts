/** SQL of the supply module (its own tables only; other modules' data comes through their index.ts). */
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';

// ---- network settings ----
export const nodeSettings = (db: Tx) => db.selectFrom('supply_node_settings').selectAll().execute();
export const nodeSetting = (db: Tx, ref: string) => db.selectFrom('supply_node_settings').selectAll().where('node_ref', '=', ref).forUpdate().executeTakeFirst();

export async function upsertNodeSetting(db: Tx, row: Insertable<DB['supply_node_settings']>) {
  await db
    .insertInto('supply_node_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('node_ref')
        .doUpdateSet({ capacity_m3: row.capacity_m3, link_capacity_m3: row.link_capacity_m3, upstream_ref: row.upstream_ref, note: row.note, updated_at: new Date(), updated_by: row.updated_by }),
    )
    .execute();
}

export const insertNodeHistory = (db: Tx, row: Insertable<DB['supply_node_history']> | Insertable<DB['supply_node_history']>[]) => db.insertInto('supply_node_history').values(row).execute();
export const nodeHistory = (db: Tx, ref: string) => db.selectFrom('supply_node_history').selectAll().where('node_ref', '=', ref).orderBy('at', 'desc').orderBy('id', 'desc').limit(200).execute();

export const profiles = (db: Tx) => db.selectFrom('supply_customer_profiles').selectAll().execute();
export async function upsertProfile(db: Tx, row: Insertable<DB['supply_customer_profiles']>) {
  await db
    .insertInto('supply_customer_profiles')
    .values(row)
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ priority_class: row.priority_class, households: row.households, note: row.note, updated_at: new Date(), updated_by: row.updated_by }))
    .execute();
}

// ---- emergencies ----
export function listEmergencies(db: Tx, f: { kind?: string; status?: string; limit: number; offset: number }) {
  let q = db.selectFrom('supply_emergencies as e');
  if (f.kind) q = q.where('e.kind', '=', f.kind as any);
  if (f.status) q = q.where('e.status', '=', f.status as any);
  return Promise.all([
    q
      .selectAll('e')
      .select((eb) => [
        eb
          .selectFrom('supply_emergency_customers as c')
          .whereRef('c.emergency_id', '=', 'e.id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('customers'),
        eb
          .selectFrom('supply_emergency_customers as c')
          .whereRef('c.emergency_id', '=', 'e.id')
          .where('c.contacted', '=', true)
          .where('c.site_checked', '=', true)
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('checked'),
      ])
      .orderBy('e.occurred_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((x) => x.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}
export const getEmergency = (db: Tx, id: number, lock = false) => {
  const q = db.selectFrom('supply_emergencies').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};
export const insertEmergency = (db: Tx, row: Insertable<DB['supply_emergencies']>) => db.insertInto('supply_emergencies').values(row).returningAll().executeTakeFirstOrThrow();
export const updateEmergency = (db: Tx, id: number, set: Updateable<DB['supply_emergencies']>) => db.updateTable('supply_emergencies').set(set).where('id', '=', id).execute();
export async function insertAffected(db: Tx, rows: Insertable<DB['supply_emergency_customers']>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('supply_emergency_customers')
      .values(rows.slice(i, i + 1000))
      .execute();
}
export function affected(db: Tx, emergencyId: number, user: Pick<SessionUser, 'id' | 'roles'> | null) {
  let q = db.selectFrom('supply_emergency_customers as c').selectAll('c').where('c.emergency_id', '=', emergencyId);
  if (user) q = q.where(inCustomerScope(user, 'c.customer_id'));
  return q.orderBy('c.customer_id').execute();
}
export const affectedOne = (db: Tx, emergencyId: number, customerId: number) =>
  db.selectFrom('supply_emergency_customers').selectAll().where('emergency_id', '=', emergencyId).where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
export const updateAffected = (db: Tx, emergencyId: number, customerId: number, set: Updateable<DB['supply_emergency_customers']>) =>
  db.updateTable('supply_emergency_customers').set(set).where('emergency_id', '=', emergencyId).where('customer_id', '=', customerId).execute();
export const insertLog = (db: Tx, rows: Insertable<DB['supply_emergency_log']> | Insertable<DB['supply_emergency_log']>[]) => db.insertInto('supply_emergency_log').values(rows).execute();
export const eventLog = (db: Tx, emergencyId: number) => db.selectFrom('supply_emergency_log').selectAll().where('emergency_id', '=', emergencyId).orderBy('at').orderBy('id').execute();

// ---- plans ----
export function listPlans(db: Tx, limit: number, offset: number) {
  return Promise.all([
    db
      .selectFrom('supply_plans as p')
      .selectAll('p')
      .select((eb) => [
        eb
          .selectFrom('supply_plan_lines as l')
          .whereRef('l.plan_id', '=', 'p.id')
          .select((x) => x.fn.count<number>('l.customer_id').distinct().as('n'))
          .as('customers'),
        eb
          .selectFrom('supply_plan_lines as l')
          .whereRef('l.plan_id', '=', 'p.id')
          .select((x) => x.fn.sum<string>('l.demand_m3').as('s'))
          .as('demand'),
        eb
          .selectFrom('supply_plan_lines as l')
          .whereRef('l.plan_id', '=', 'p.id')
          .select((x) => x.fn.sum<string>('l.allowed_m3').as('s'))
          .as('allowed'),
      ])
      .orderBy('p.from_day', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('supply_plans')
      .select((x) => x.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
}
export const getPlan = (db: Tx, id: number, lock = false) => {
  const q = db.selectFrom('supply_plans').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};
export const insertPlan = (db: Tx, row: Insertable<DB['supply_plans']>) => db.insertInto('supply_plans').values(row).returningAll().executeTakeFirstOrThrow();
export const updatePlan = (db: Tx, id: number, set: Updateable<DB['supply_plans']>) => db.updateTable('supply_plans').set(set).where('id', '=', id).execute();
export const deletePlanLines = (db: Tx, planId: number) => db.deleteFrom('supply_plan_lines').where('plan_id', '=', planId).execute();
export async function insertPlanLines(db: Tx, rows: Insertable<DB['supply_plan_lines']>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('supply_plan_lines')
      .values(rows.slice(i, i + 1000))
      .execute();
}
export function planLines(db: Tx, planId: number, user: Pick<SessionUser, 'id' | 'roles'> | null) {
  let q = db.selectFrom('supply_plan_lines as l').selectAll('l').where('l.plan_id', '=', planId);
  if (user) q = q.where(inCustomerScope(user, 'l.customer_id'));
  return q.orderBy('l.gas_day').orderBy('l.customer_id').execute();
}
export const planLine = (db: Tx, planId: number, customerId: number, gasDay: string) =>
  db.selectFrom('supply_plan_lines').selectAll().where('plan_id', '=', planId).where('customer_id', '=', customerId).where('gas_day', '=', gasDay).forUpdate().executeTakeFirst();
export const updatePlanLine = (db: Tx, planId: number, customerId: number, gasDay: string, set: Updateable<DB['supply_plan_lines']>) =>
  db.updateTable('supply_plan_lines').set(set).where('plan_id', '=', planId).where('customer_id', '=', customerId).where('gas_day', '=', gasDay).execute();
