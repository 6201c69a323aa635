/**
 * The plan ledger in one SQL statement per grouping (issue 13) gives exactly the figures of the
 * previous implementation (every row in Node, testing/ledger-reference.ts) on the same data: every
 * grouping, the whole year and single months, the whole company and a manager's scope, both
 * languages. Data: customers of several types and places, some without a plan, some without
 * deliveries, several delivery points, deliveries outside the year, company / area / customer plans.
 * And the SQL deviation % against plans.calc `deviation` on worked and boundary values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Role } from '@common/roles';
import { dec } from '@common/decimal';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCustomer, type MadeCustomer } from '../customers/testing/factory';
import { setDeliveries } from '../metering/testing/factory';
import { ledger } from './ledger.service';
import { referenceLedger } from './testing/ledger-reference';
import { deviation } from './plans.calc';
import { deviationPctSql } from './plans.repo';

const Y = 2024; // any fixed past year: nothing here depends on today's date
let t: TestApp;
let lead: { id: number; roles: Role[] };
let am: { id: number; roles: Role[] };
const AREAS = ['泸州作业区', '宜宾作业区', '重庆作业区', '川西北采气作业区'];
// deterministic pseudo-random numbers (32-bit LCG in exact integer arithmetic)
let seed = 13;
const rnd = (n: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
};
const vol = () => `${rnd(90000) + 1}.${String(rnd(1000)).padStart(3, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  for (const d of AREAS) await t.userClient(['operation_area'], { department: d });
  const l = await t.userClient(['sales_lead']);
  const a = await t.userClient(['account_manager']);
  lead = { id: l.userId, roles: ['sales_lead'] };
  am = { id: a.userId, roles: ['account_manager'] };
  const places = [
    { city: '泸州市', county: '纳溪区' },
    { city: '宜宾市', county: '翠屏区' },
    { province: '重庆市', city: '永川区', county: null },
    { city: '成都市', county: null }, // no area is named after it: 未划分 unless allocated
  ];
  const types = ['city_gas', 'industrial', 'chemical', 'cng', 'power'];
  const made: MadeCustomer[] = [];
  for (let i = 0; i < 24; i++)
    made.push(
      await makeCustomer(t.db, {
        name: i % 6 === 5 ? '同名测试客户' : `台账客户${String.fromCharCode(0x4e00 + rnd(500))}${i}`,
        type: types[i % 5],
        ...places[i % 4],
        points: 1 + (i % 3 === 0 ? 1 : 0),
        managerId: i % 3 === 1 ? am.id : undefined,
      }),
    );
  const deliveries = made.flatMap((c, i) =>
    i % 7 === 6
      ? [] // no deliveries at all
      : c.points.flatMap((p) =>
          [1, 2, 3, 5, 6, 9, 12].flatMap((m) =>
            rnd(4) === 0 ? [] : [1, 15, 28].map((d) => ({ customerId: c.id, pointId: p.id, gasDay: `${Y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, volumeM3: vol() })),
          ),
        ),
  );
  deliveries.push(
    { customerId: made[0].id, pointId: made[0].points[0].id, gasDay: `${Y - 1}-12-31`, volumeM3: '999.999' },
    { customerId: made[0].id, pointId: made[0].points[0].id, gasDay: `${Y + 1}-01-01`, volumeM3: '888.888' },
  );
  await setDeliveries(t.db, deliveries);

  const v = await t.db
    .insertInto('plan_versions')
    .values({ year: Y, kind: 'initial', seq: 1, status: 'approved', target_volume_m3: '0', target_revenue_fen: 0, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('plan_months')
    .values(Array.from({ length: 12 }, (_, i) => ({ version_id: v.id, month: i + 1, volume_m3: vol(), revenue_fen: 0 })))
    .execute();
  await t.db
    .insertInto('plan_area_allocations')
    .values(Array.from({ length: 12 }, (_, i) => AREAS.slice(0, 3).map((area) => ({ version_id: v.id, month: i + 1, area, volume_m3: vol() }))).flat())
    .execute();
  // two customers in three without a plan; allocated areas sometimes not the customer's place
  const allocs = made.flatMap((c, i) =>
    i % 3 === 2
      ? []
      : Array.from({ length: i % 4 === 0 ? 6 : 12 }, (_, m) => ({
          customer_id: c.id,
          version_id: v.id,
          month: m + 1,
          // customers 3 and 13 change area mid-year: their group is their latest month's area
          area: AREAS[(i + (i % 5 === 0 ? 1 : 0) + (i % 10 === 3 && m >= 4 ? 2 : 0)) % 4],
          volume_m3: i % 8 === 0 ? '1200.000' : vol(),
        })),
  );
  await t.db.insertInto('plan_customer_allocations').values(allocs).execute();
});
afterAll(async () => t?.close());

describe('plan ledger in SQL = the previous implementation', () => {
  for (const groupBy of ['month', 'area', 'type', 'customer'] as const)
    it(`by ${groupBy}`, async () => {
      for (const user of [lead, am])
        for (const month of [undefined, 1, 6, 12])
          for (const lang of ['zh-CN', 'en'] as const) {
            const got = await ledger(t.db, user, Y, groupBy, month, lang);
            const want = await referenceLedger(t.db, user, Y, groupBy, month, lang);
            // The previous order among rows of equal YTD plan and equal name was the order the rows
            // happened to arrive in; the ledger now puts them by key (customer id).
            if (groupBy === 'customer') want.rows.sort((x, y) => dec(y.ytdPlanM3).cmp(dec(x.ytdPlanM3)) || x.label.localeCompare(y.label) || Number(x.key) - Number(y.key));
            expect(got, `${groupBy} ${user.roles[0]} month ${month} ${lang}`).toEqual(want);
          }
      const whole = await ledger(t.db, lead, Y, groupBy, undefined, 'zh-CN');
      expect(whole.rows.length).toBeGreaterThan(groupBy === 'month' ? 11 : 2);
      expect(whole.actualThrough).toBe(`${Y}-12`);
      expect(whole.series.filter((m) => m.actualM3 !== '0.000').length).toBeGreaterThan(5);
    });

  it('a year without a version or deliveries: empty groups, twelve zero months', async () => {
    for (const groupBy of ['month', 'area', 'type', 'customer'] as const) {
      const got = await ledger(t.db, lead, Y + 3, groupBy, undefined, 'zh-CN');
      expect(got).toEqual(await referenceLedger(t.db, lead, Y + 3, groupBy, undefined, 'zh-CN'));
      expect(got.series).toHaveLength(12);
      expect(got.actualThrough).toBeNull();
    }
  });
});

describe('deviation % in SQL', () => {
  it('equals plans.calc deviation: half-up to 2 places, null for a zero plan', async () => {
    const pairs: [string, string][] = [
      ['3', '1'], // −66.666… → −66.67
      ['8', '8.0004'], // +0.005 exactly → 0.01
      ['8', '7.9996'], // −0.005 exactly → −0.01
      ['200', '200.009'], // 0.0045 → 0.00
      ['100000', '99999.999'], // −0.000001 → 0.00 (not −0.00)
      ['0', '5'],
      ['0', '0'],
      ['0.001', '123456789.123'],
      ['7', '0'],
    ];
    for (let i = 0; i < 200; i++) pairs.push([vol(), vol()]);
    const { rows } = await sql<{ p: string; a: string; pct: string | null }>`
      SELECT x.p::text AS p, x.a::text AS a, ${deviationPctSql(sql`x.p`, sql`x.a`)} AS pct
      FROM unnest(${sql.val(pairs.map((x) => x[0]))}::numeric[], ${sql.val(pairs.map((x) => x[1]))}::numeric[]) AS x(p, a)`.execute(t.db);
    expect(rows.map((r) => r.pct)).toEqual(pairs.map(([p, a]) => deviation(p, a).deviationPct));
    expect(rows.slice(0, 6).map((r) => r.pct)).toEqual(['-66.67', '0.01', '-0.01', '0.00', '0.00', null]);
  });
});
