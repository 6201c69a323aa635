import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness';
import { Rng } from '../../platform/demo/rng';
import type { DemoContext } from '../../platform/demo/demo';
import { interactionsDemo } from './interactions.demo';
import { addDays } from './interactions.calc';
import { makeCustomers } from '../customers/testing/factory';
import { customerBasics } from '../customers';
import { insertUser } from '../../platform/auth/users';

const LAST_DAY = '2026-11-26';
let t: TestApp;
let ctx: DemoContext;

/** 220 customers in the demo's shape, managed by am01–am08 (part-time pt01 on some). */
async function seed(t: TestApp) {
  const names = ['lead', 'pt01', ...Array.from({ length: 8 }, (_, i) => `am0${i + 1}`)];
  const users = [];
  for (const u of names)
    users.push(
      await insertUser(t.db, {
        username: `demo_${u}_${process.pid}`,
        display_name: u,
        password_hash: 'x',
        roles: [u === 'lead' ? 'sales_lead' : u.startsWith('pt') ? 'part_time_manager' : 'account_manager'],
        department: null,
        phone: null,
        email: null,
        must_change_password: false,
      }),
    );
  const ids = new Map(users.map((u) => [u.display_name, u.id]));
  const statuses = ['active', 'active', 'active', 'active', 'restricted', 'contracted', 'prospect', 'survey'];
  // managed customers: full-time am01–am08 in turn, part-time pt01 on every fifth
  let managed = 0;
  const specs = Array.from({ length: 220 }, (_, i) => {
    const status = statuses[i % statuses.length];
    const m = ['prospect', 'survey'].includes(status) ? -1 : managed++;
    return {
      code: `D${String(i).padStart(4, '0')}`,
      name: `演示客户${i}`,
      type: 'industrial',
      priceCategory: 'industrial',
      province: null,
      city: ['泸州市', '宜宾市', '重庆市'][i % 3],
      status,
      managerId: m < 0 ? undefined : ids.get(`am0${(m % 8) + 1}`)!,
      partTimeIds: m >= 0 && m % 5 === 0 ? [ids.get('pt01')!] : [],
    };
  });
  await makeCustomers(t.db, specs);
  return ids;
}

beforeAll(async () => {
  t = await startTestApp();
  const users = await seed(t);
  ctx = { app: t.built.ctx, rng: (s) => new Rng(20261127 ^ (s.length * 7919)), users, lastDay: LAST_DAY, log: () => {} };
  const started = Date.now();
  await interactionsDemo.run(ctx);
  expect(Date.now() - started).toBeLessThan(30_000);
});
afterAll(async () => t?.close());

describe('interactions demo data', () => {
  it('gives every customer 1–4 contacts with exactly one primary', async () => {
    const { rows } = await sql<{ n: number; p: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE is_primary)::int AS p FROM customer_contacts GROUP BY customer_id`.execute(t.db);
    expect(rows).toHaveLength(220);
    expect(rows.every((r) => r.n >= 1 && r.n <= 4 && r.p === 1)).toBe(true);
  });

  it('logs 1000+ contacts and 100+ visits in each of the two years ending on the last day', async () => {
    for (const [from, to] of [
      [addDays(LAST_DAY, -729), addDays(LAST_DAY, -365)],
      [addDays(LAST_DAY, -364), LAST_DAY],
    ]) {
      const { rows } = await sql<{
        n: number;
        v: number;
      }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'visit')::int AS v FROM interactions WHERE occurred_on BETWEEN ${from} AND ${to}`.execute(t.db);
      expect(rows[0].n).toBeGreaterThanOrEqual(1000);
      expect(rows[0].v).toBeGreaterThanOrEqual(100);
    }
    const out = await sql<{ n: number }>`SELECT count(*)::int AS n FROM interactions WHERE occurred_on > ${LAST_DAY} OR occurred_on < ${addDays(LAST_DAY, -729)}`.execute(t.db);
    expect(out.rows[0].n).toBe(0);
  });

  it('has issues with some open and overdue, all consistent in time', async () => {
    const { rows } = await sql<{
      status: string;
      n: number;
      overdue: number;
    }>`SELECT status, count(*)::int AS n, count(*) FILTER (WHERE due_on < ${LAST_DAY} AND status IN ('open','in_progress'))::int AS overdue FROM customer_issues GROUP BY status ORDER BY status`.execute(
      t.db,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(by.closed.n).toBeGreaterThan(40);
    expect((by.open?.overdue ?? 0) + (by.in_progress?.overdue ?? 0)).toBeGreaterThan(0);
    const bad = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM customer_issues WHERE resolved_at < first_response_at OR closed_at < resolved_at OR raised_at > ${new Date(`${addDays(LAST_DAY, 1)}T00:00:00+08:00`)}`.execute(
      t.db,
    );
    expect(bad.rows[0].n).toBe(0);
  });

  it('gives am01–am08 follow-up tasks, a few due this week', async () => {
    const { rows } = await sql<{
      assignee_id: number;
      open: number;
      week: number;
    }>`SELECT assignee_id, count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'open' AND due_on BETWEEN ${LAST_DAY} AND ${addDays(LAST_DAY, 7)})::int AS week FROM follow_up_tasks GROUP BY assignee_id`.execute(
      t.db,
    );
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.open >= 3 && r.week >= 1)).toBe(true);
  });

  it('is deterministic: the same seed gives the same data on a fresh database', async () => {
    const fingerprint = async (db: TestApp['db']) =>
      (
        await sql<{
          f: string;
        }>`SELECT md5(string_agg(concat_ws('|', c.code, i.kind, i.occurred_on, i.topic, i.summary), ',' ORDER BY c.code, i.occurred_on, i.id)) AS f FROM interactions i JOIN ${customerBasics()} c ON c.id = i.customer_id`.execute(
          db,
        )
      ).rows[0].f;
    const t2 = await startTestApp();
    try {
      const users = await seed(t2);
      await interactionsDemo.run({ ...ctx, app: t2.built.ctx, users });
      expect(await fingerprint(t2.db)).toBe(await fingerprint(t.db));
    } finally {
      await t2.close();
    }
  });
});
