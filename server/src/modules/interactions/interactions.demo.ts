/**
 * Demo data (order 150): for every customer that exists by then — contacts (one primary each),
 * two years of interactions ending on ctx.lastDay (about 1,200 contacts and 120 visits a year for
 * 220 customers, DOMAIN.md §7), customer issues with some open and overdue, and follow-up tasks
 * for am01–am08 with a few due this week. Deterministic (seeded streams), inserted in batches.
 */
import type { DemoContext } from '../../platform/demo/demo';
import type { Rng } from '../../platform/demo/rng';
import type { Insertable } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { FollowUpTasksTable } from './interactions.tables';
import { addDays, type InteractionKind, type Topic } from './interactions.calc';
import * as T from './demo-text';
import { customerBasics, activeManagerAssignments } from '../customers';

interface Cust {
  id: number;
  code: string;
  province: string | null;
  city: string | null;
  status: string;
  fullTime: number | null;
  partTime: number[];
}

type NewTaskRow = Insertable<FollowUpTasksTable>;
const BATCH = 500;
async function insertBatches<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

function weighted<T>(rng: Rng, list: [T, number][]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1][0];
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** Interactions per customer and year, by lifecycle status. */
const YEARLY_RATE: Record<string, number> = { active: 6.2, restricted: 7, contracted: 4, review: 3, survey: 2.5, prospect: 1.5, closed: 1 };

async function loadCustomers(db: Tx): Promise<Cust[]> {
  const rows = await db.selectFrom(customerBasics().as('c')).select(['id', 'code', 'province', 'city', 'status']).orderBy('id').execute();
  const mgrs = await db.selectFrom(activeManagerAssignments().as('m')).select(['customer_id', 'user_id', 'kind']).orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    fullTime: mgrs.find((m) => m.customer_id === r.id && m.kind === 'full_time')?.user_id ?? null,
    partTime: mgrs.filter((m) => m.customer_id === r.id && m.kind === 'part_time').map((m) => m.user_id),
  }));
}

async function demoContacts(ctx: DemoContext, customers: Cust[]) {
  const rng = ctx.rng('interactions.contacts');
  const rows = customers.flatMap((c) => {
    const n = rng.int(1, 4);
    const where = `${c.province ?? ''}${c.city ?? ''}`;
    const area = Object.entries(T.AREA_CODES).find(([k]) => where.includes(k.slice(0, 2)))?.[1] ?? '0830';
    return Array.from({ length: n }, (_, k) => {
      const role = rng.pick(T.ROLE_ORDER[k]);
      return {
        customer_id: c.id,
        name: rng.pick(T.SURNAMES) + rng.pick(T.GIVEN),
        title: rng.pick(T.ROLE_TITLES[role]),
        mobile: rng.chance(0.92) ? `1${rng.pick(['3', '5', '8', '9'])}${digits(rng, 9)}` : null,
        landline: rng.chance(0.6) || k === 0 ? `${area}-${rng.int(2, 8)}${digits(rng, area.length === 3 ? 7 : 6)}` : null,
        email: rng.chance(0.35) ? `${c.code.toLowerCase()}.${role.replace('_', '')}@example.cn` : null,
        role,
        is_primary: k === 0,
        notes: null,
      };
    });
  });
  const out: { id: number; customer_id: number }[] = [];
  await insertBatches(rows, async (chunk) => out.push(...(await ctx.app.db.insertInto('customer_contacts').values(chunk).returning(['id', 'customer_id']).execute())));
  const byCustomer = new Map<number, number[]>();
  for (const r of out) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.id]);
  return byCustomer;
}

/** Who a customer's contacts count for: its managers; the sales lead for a customer without one. */
function ownerOf(rng: Rng, c: Cust, fallback: number): number {
  if (c.partTime.length && rng.chance(0.15)) return rng.pick(c.partTime);
  return c.fullTime ?? c.partTime[0] ?? fallback;
}

async function demoInteractions(ctx: DemoContext, customers: Cust[], contacts: Map<number, number[]>, fallback: number, lead: number | undefined, from: string) {
  const rng = ctx.rng('interactions.log');
  const kinds: [InteractionKind, number][] = [
    ['phone', 68],
    ['online', 12],
    ['visit', 11],
    ['meeting', 9],
  ];
  const rows = [];
  for (const c of customers) {
    const n = Math.max(0, Math.round(2 * (YEARLY_RATE[c.status] ?? 3) + rng.normal() * 2));
    for (let k = 0; k < n; k++) {
      const owner = ownerOf(rng, c, fallback);
      const kind = weighted(rng, kinds);
      const topic = weighted(rng, T.TOPIC_WEIGHTS);
      const cs = contacts.get(c.id) ?? [];
      const users = kind === 'meeting' && lead && rng.chance(0.4) ? [owner, lead] : [owner];
      const picked = cs.length ? [rng.pick(cs), ...(kind !== 'phone' && cs.length > 1 && rng.chance(0.5) ? [rng.pick(cs)] : [])] : [];
      rows.push({
        customer_id: c.id,
        kind,
        occurred_on: addDays(from, rng.int(0, 729)),
        topic,
        summary: rng.pick(T.SUMMARIES[topic]).replace('{days}', String(rng.int(2, 6))),
        owner_id: owner,
        user_ids: users,
        contact_ids: [...new Set(picked)],
        other_participants: kind === 'meeting' && rng.chance(0.3) ? '生产运行科、管道与销售部相关人员' : null,
        next_step: rng.chance(0.25) ? rng.pick(T.NEXT_STEPS) : null,
        created_by: owner,
      });
    }
  }
  rows.sort((a, b) => (a.occurred_on < b.occurred_on ? -1 : a.occurred_on > b.occurred_on ? 1 : a.customer_id - b.customer_id));
  await insertBatches(rows, (chunk) => ctx.app.db.insertInto('interactions').values(chunk).execute());
  return rows.length;
}

/** An instant at local (UTC+8) time on a day: day 'YYYY-MM-DD', minutes after midnight. */
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000);

async function demoIssues(ctx: DemoContext, customers: Cust[], contacts: Map<number, number[]>, fallback: number, from: string) {
  const rng = ctx.rng('interactions.issues');
  const served = customers.filter((c) => ['active', 'restricted', 'contracted'].includes(c.status));
  const pool = served.length ? served : customers;
  const count = Math.round(pool.length * 0.45); // ~100 over two years for 220 customers
  const topics = Object.keys(T.ISSUE_TITLES) as Topic[];
  const rows = [];
  for (let k = 0; k < count; k++) {
    const c = pool[rng.int(0, pool.length - 1)];
    const recent = k < count * 0.12; // the most recent ones are still being worked on
    const day = recent ? addDays(ctx.lastDay, -rng.int(0, 40)) : addDays(from, rng.int(0, 680));
    const raised = at(day, rng.int(8 * 60, 18 * 60));
    const topic = rng.pick(topics);
    const due = addDays(day, rng.pick([3, 5, 7, 10, 15]));
    const respondMin = rng.chance(0.7) ? rng.int(10, 8 * 60) : rng.int(8 * 60, 72 * 60);
    const resolveMin = respondMin + rng.int(2 * 60, 20 * 24 * 60);
    const status = recent ? rng.pick(['open', 'in_progress', 'in_progress', 'resolved'] as const) : rng.chance(0.85) ? 'closed' : 'resolved';
    const firstResponse = status === 'open' ? null : new Date(raised.getTime() + respondMin * 60_000);
    const resolved = status === 'resolved' || status === 'closed' ? new Date(raised.getTime() + resolveMin * 60_000) : null;
    const cs = contacts.get(c.id) ?? [];
    rows.push({
      customer_id: c.id,
      title: rng.pick(T.ISSUE_TITLES[topic]!),
      description: null,
      topic,
      raised_at: raised,
      owner_id: ownerOf(rng, c, fallback),
      due_on: due,
      status,
      first_response_at: firstResponse,
      resolved_at: resolved,
      closed_at: status === 'closed' && resolved ? new Date(resolved.getTime() + rng.int(1, 5) * 86_400_000) : null,
      resolution: resolved ? rng.pick(T.RESOLUTIONS) : null,
      contact_id: cs.length ? rng.pick(cs) : null,
      interaction_id: null,
      created_by: null,
    });
  }
  // Resolved times in the future of the demo's "today" would be impossible: keep them in the past.
  const limit = at(addDays(ctx.lastDay, 1), 0).getTime();
  for (const r of rows) {
    if (r.resolved_at && r.resolved_at.getTime() > limit) {
      r.status = 'in_progress';
      r.resolved_at = null;
      r.closed_at = null;
      r.resolution = null;
    }
    if (r.closed_at && r.closed_at.getTime() > limit) r.closed_at = null;
    if (r.status === 'closed' && !r.closed_at) r.status = 'resolved';
    if (r.first_response_at && r.first_response_at.getTime() > limit) r.first_response_at = new Date(limit - 60_000);
  }
  await insertBatches(rows, (chunk) => ctx.app.db.insertInto('customer_issues').values(chunk).execute());
  return rows.length;
}

async function demoTasks(ctx: DemoContext, customers: Cust[]) {
  const rng = ctx.rng('interactions.tasks');
  const rows: NewTaskRow[] = [];
  for (let i = 1; i <= 8; i++) {
    const uid = ctx.users.get(`am0${i}`);
    if (!uid) continue;
    const mine = customers.filter((c) => c.fullTime === uid || c.partTime.includes(uid));
    const pick = () => (mine.length ? rng.pick(mine).id : null);
    // due offsets relative to the demo's last day: two done, one overdue, 1–3 this week, some later
    const offsets = [-rng.int(20, 60), -rng.int(5, 15), -rng.int(1, 6), ...Array.from({ length: rng.int(1, 3) }, () => rng.int(1, 6)), rng.int(8, 30), rng.int(10, 45)];
    offsets.forEach((d, k) => {
      const done = k < 2;
      rows.push({
        customer_id: pick(),
        title: rng.pick(T.TASK_TITLES),
        notes: null,
        due_on: addDays(ctx.lastDay, d),
        assignee_id: uid,
        status: done ? 'done' : 'open',
        done_at: done ? at(addDays(ctx.lastDay, d - 1), 16 * 60) : null,
        done_by: done ? uid : null,
        interaction_id: null,
        issue_id: null,
        created_by: uid,
      });
    });
  }
  if (rows.length) await ctx.app.db.insertInto('follow_up_tasks').values(rows).execute();
  return rows.length;
}

export const interactionsDemo = {
  order: 150,
  async run(ctx: DemoContext) {
    const customers = await loadCustomers(ctx.app.db);
    if (!customers.length) return;
    const fallback = ctx.users.get('lead') ?? ctx.users.get('admin');
    if (!fallback) return;
    const from = addDays(ctx.lastDay, -729);
    const contacts = await demoContacts(ctx, customers);
    const n = await demoInteractions(ctx, customers, contacts, fallback, ctx.users.get('lead'), from);
    const m = await demoIssues(ctx, customers, contacts, fallback, from);
    const t = await demoTasks(ctx, customers);
    ctx.log(`interactions demo: ${customers.length} customers, ${n} interactions, ${m} issues, ${t} tasks`);
  },
};
