/**
 * Monthly partitions ahead (job `accounts.partitions`, key = a month 'YYYY-MM'): ledger_postings and
 * customer_day_charges are range-partitioned by month (migration 202612071422); a month without its
 * own partition lands in the DEFAULT partition, which every later ensure_month_partitions must
 * scan and empty. The scheduler runs this job once per month (its key is the current month in the
 * business time zone) and it creates the partitions of that month and the next MONTHS_AHEAD months
 * before any row of them is written. Exactly once across processes: the scheduler's claim in
 * job_runs (platform/jobs); ensure_month_partitions itself is idempotent and serialised per table by
 * an advisory lock, so a manual run alongside a scheduled one creates nothing twice.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import type { JobDef } from '../../platform/jobs/jobs';
import { localParts } from '../../platform/jobs/jobs';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';

/** Months created ahead of the key's month (the key's month itself included besides). */
export const MONTHS_AHEAD = 3;
/** The tables of this module partitioned by month. */
export const PARTITIONED_TABLES = ['ledger_postings', 'customer_day_charges'] as const;

export interface PartitionsResult {
  from: string;
  through: string;
  created: Record<(typeof PARTITIONED_TABLES)[number], number>;
}

/** First day of the month `n` months after month 'YYYY-MM' (integer month arithmetic, no Date drift). */
export function monthStart(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

export async function ensurePartitionsAhead(ctx: AppContext, month: string, actor: Actor): Promise<PartitionsResult> {
  const from = monthStart(month, 0);
  const through = monthStart(month, MONTHS_AHEAD);
  return inTx(ctx.db, async (trx) => {
    const created = {} as PartitionsResult['created'];
    for (const table of PARTITIONED_TABLES) {
      const r = await sql<{ n: number }>`SELECT ensure_month_partitions(${table}, ${from}::date, ${through}::date) AS n`.execute(trx);
      created[table] = Number(r.rows[0].n);
    }
    const result = { from, through, created };
    if (Object.values(created).some((n) => n > 0)) await audit(trx, actor, { action: 'accounts.partitions', entity: 'month', entityId: month, after: result });
    return result;
  });
}

export const partitionsJob: JobDef = {
  name: 'accounts.partitions',
  description: {
    zh: '账务分区：提前创建本月及后 3 个月的分录与日气费月分区（可重复运行）',
    en: 'Ledger partitions: create the monthly partitions of postings and day charges for this month and the next 3 ahead (re-runnable)',
  },
  dailyAt: '01:00',
  defaultKey: (now, ctx) => localParts(now, ctx.config.timeZone).date.slice(0, 7),
  validateKey: (key) => /^\d{4}-(0[1-9]|1[0-2])$/.test(key),
  run: (ctx, key, actor) => ensurePartitionsAhead(ctx, key, actor),
};
