/** The payment-monitoring board (气款监控): every customer in scope, sorted by risk. */
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { customerBasics, customersManagedBy, fullTimeManagers, inCustomerScope } from '../customers';
import { receivableAndPrepaid, type PaymentLevel } from './accounts.calc';
import { statusOf } from './levels.service';

export interface BoardQuery {
  level?: PaymentLevel[];
  managerId?: number;
  region?: string;
  q?: string;
  /** Only customers the user manages (home widget). */
  mine?: boolean;
  page: number;
  pageSize: number;
}

export interface BoardRow {
  customerId: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  managerName: string | null;
  level: PaymentLevel;
  sinceDay: string;
  asOfDay: string;
  dayVolumeM3: string | null;
  dayChargeFen: number | null;
  balanceFen: number;
  receivableFen: number;
  prepaidFen: number;
  avgDailyChargeFen: number | null;
  availableDays: string | null;
  warnDays: string;
  reduceDays: string;
  avgDays: number;
}

/**
 * The board in risk order: the user's customers, or with `user` null the whole company (cached by
 * board.service.ts, then narrowed per user). `pageSize` 0: every row.
 */
export async function board(db: Tx, user: SessionUser | null, q: BoardQuery): Promise<{ total: number; items: BoardRow[] }> {
  let base = db
    .selectFrom('customer_payment_levels as l')
    .innerJoin(customerBasics().as('c'), 'c.id', 'l.customer_id')
    .where(user ? inCustomerScope(user, 'c.id') : sql<SqlBool>`true`)
    .where('c.status', 'in', ['active', 'restricted']);
  if (q.level?.length) base = base.where('l.level', 'in', q.level);
  if (q.managerId) base = base.where('c.id', 'in', customersManagedBy(q.managerId));
  if (q.mine && user) base = base.where('c.id', 'in', customersManagedBy(user.id));
  if (q.region) base = base.where((eb) => eb.or([eb('c.province', '=', q.region!), eb('c.city', '=', q.region!), eb('c.county', '=', q.region!)]));
  if (q.q) base = base.where((eb) => eb.or([eb('c.name', 'ilike', `%${q.q}%`), eb('c.code', 'ilike', `%${q.q}%`)]));
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.type',
      'c.province',
      'c.city',
      'c.county',
      sql<string | null>`(SELECT fm.display_name FROM ${fullTimeManagers()} fm WHERE fm.customer_id = c.id LIMIT 1)`.as('manager_name'),
      'l.level',
      'l.since_day',
      'l.as_of_day',
      'l.balance_fen',
      'l.window_charge_fen',
      'l.window_days',
      'l.day_volume_m3',
      'l.day_charge_fen',
      'l.warn_days',
      'l.reduce_days',
    ])
    .orderBy(sql`CASE l.level WHEN 'stop' THEN 0 WHEN 'reduce' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END`)
    .orderBy(sql`l.available_days ASC NULLS LAST`)
    .orderBy('l.balance_fen', 'asc')
    .orderBy('c.id')
    .$if(q.pageSize > 0, (qb) => qb.limit(q.pageSize).offset((q.page - 1) * q.pageSize))
    .execute();
  return {
    total: Number(n),
    items: rows.map((r) => {
      const s = statusOf(r as any);
      return {
        customerId: r.id,
        code: r.code,
        name: r.name,
        type: r.type,
        region: [r.city, r.county].filter(Boolean).join(' ') || r.province || null,
        managerName: r.manager_name,
        level: r.level,
        sinceDay: r.since_day,
        asOfDay: r.as_of_day,
        dayVolumeM3: r.day_volume_m3,
        dayChargeFen: r.day_charge_fen,
        balanceFen: r.balance_fen,
        ...receivableAndPrepaid(r.balance_fen),
        avgDailyChargeFen: s.avgDailyChargeFen,
        availableDays: s.availableDays,
        warnDays: r.warn_days,
        reduceDays: r.reduce_days,
        avgDays: r.window_days,
      };
    }),
  };
}
