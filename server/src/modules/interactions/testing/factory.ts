/**
 * Test factory: customers are inserted directly (the customers API is another module's); every
 * customer builds its own parents' links (managers) so tests need no other module's routes.
 */
import type { Db } from '../../../platform/db/database';

let seq = 0;

export interface CustomerSpec {
  name?: string;
  type?: string;
  status?: string;
  province?: string;
  city?: string;
  county?: string;
  fullTime?: number;
  partTime?: number[];
}

export async function makeCustomer(db: Db, spec: CustomerSpec = {}): Promise<{ id: number; code: string; name: string }> {
  const n = ++seq;
  const code = `IT${process.pid % 10000}${String(n).padStart(4, '0')}`;
  const name = spec.name ?? `测试燃气有限公司${n}`;
  const c = await db
    .insertInto('customers')
    .values({
      code,
      name,
      type: spec.type ?? 'city_gas',
      price_category: 'non_residential',
      province: spec.province ?? '四川省',
      city: spec.city ?? '泸州市',
      county: spec.county ?? '江阳区',
      status: spec.status ?? 'active',
      updated_at: new Date(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const managers = [
    ...(spec.fullTime ? [{ customer_id: c.id, user_id: spec.fullTime, kind: 'full_time' as const }] : []),
    ...(spec.partTime ?? []).map((u) => ({ customer_id: c.id, user_id: u, kind: 'part_time' as const })),
  ];
  if (managers.length) await db.insertInto('customer_managers').values(managers).execute();
  return { id: c.id, code, name };
}

/** A date n days from today in Asia/Shanghai, 'YYYY-MM-DD'. */
export function dayFromToday(n: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
