/**
 * Monthly settlement run (月度结算, DOMAIN.md §4), one transaction per month: computes every
 * customer's lines, adds adjustment lines for corrections of recently closed months, writes the
 * statements and posts each customer's ledger true-up (settled − the month's daily charges)
 * through the accounts module — all or nothing. Re-running a draft month replaces its lines and
 * posts only the difference of the true-up. See docs/settlement.md.
 */
import { sql } from 'kysely';
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { localParts } from '../../platform/jobs/jobs';
import { monthDailyChargesByCustomer, postSettlementTrueUps } from '../accounts';
import { customerBasicsById } from '../customers';
import { importableDays } from '../metering';
import { trueUpFen } from './settlement.calc';
import { computeMonth, dayRanges, monthBounds, stopwatch, type CustomerSettlement, type MissingItem, type StepTimer } from './settlement.compute';
import { SE } from './settlement.errors';
import * as repo from './settlement.repo';

/**
 * Locked (confirmed or closed) months before the run month that are always recomputed for adjustment
 * lines. Older locked months are recomputed when their deliveries were corrected after they were
 * locked (settlement_corrected_months), back to the oldest gas day metering still accepts corrections
 * for (metering.importableDays: two years) — DOMAIN.md §4 sets no age limit on adjustment lines.
 */
export const ADJUSTMENT_WINDOW_MONTHS = 3;
const STATUS_ZH = { draft: '草稿', confirmed: '已确认', closed: '已关闭' } as const;

export interface RunResult {
  month: string;
  customers: number;
  totalFen: number;
  dailyChargesFen: number;
  trueUpPostedFen: number;
  adjustmentLines: number;
  runs: number;
}

export function prevMonth(month: string, n = 1): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

async function missingError(trx: Tx, month: string, missing: MissingItem[]): Promise<AppError> {
  const names = await customerBasicsById(trx, [...new Set(missing.map((m) => m.customerId))]);
  const text = missing.map((m) => {
    const c = names.get(m.customerId);
    const who = c ? `${c.name}（${c.code}）` : `#${m.customerId}`;
    if (m.what === 'reference_price') return `${who}: 参照价格/reference price ${month} (${m.basis})`;
    if (m.what === 'energy') return `${who}: 热值/energy (GJ) ${dayRanges(m.days!)}`;
    return `${who}: ${m.tag}/${m.category}/${m.basis} ${dayRanges(m.days!)}`;
  });
  return new AppError(SE.SETTLEMENT_MISSING_PRICES, { month, count: missing.length, list: text.join('；') }, { missing });
}

/**
 * Lock the month for this transaction: a second concurrent run is refused (not queued). Advisory
 * locks are database-wide, so the key names the schema too: two installations (or test schemas)
 * in one database never refuse each other's runs.
 */
async function lockMonth(trx: Tx, month: string) {
  const key = Number(month.replace('-', ''));
  const r = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || ':settlement-month'), ${key}::int) AS ok`.execute(trx);
  if (!r.rows[0].ok) throw new AppError(SE.SETTLEMENT_RUNNING, { month });
}

/**
 * No JIT for the run's statements: their row estimates (unnest inputs, a month of deliveries) make
 * PostgreSQL compile them with LLVM, which cost 6.4 s of the run statement's 37.6 s and most of the
 * level recompute's 7.9 s in the profile (bench/settlement.bench.ts PROFILE=1, 20,000 customers).
 * Transaction-local; a no-op where JIT is unavailable (PGlite).
 */
async function noJit(trx: Tx) {
  const r = await sql<{ v: string | null }>`SELECT current_setting('jit', true) AS v`.execute(trx);
  if (r.rows[0]?.v === 'on') await sql`SELECT set_config('jit', 'off', true)`.execute(trx);
}

export async function runMonth(ctx: AppContext, month: string, actor: Actor, now = new Date(), opts: { onStep?: StepTimer } = {}): Promise<RunResult> {
  const lap = stopwatch(opts.onStep);
  const { to } = monthBounds(month);
  const today = localParts(now, ctx.config.timeZone).date;
  if (to >= today) throw new AppError(SE.SETTLEMENT_MONTH_NOT_ENDED, { month, last: to });
  return inTx(ctx.db, async (trx) => {
    await lockMonth(trx, month);
    await noJit(trx);
    const m = await repo.ensureMonth(trx, month);
    if (m.status !== 'draft') throw new AppError(SE.SETTLEMENT_MONTH_LOCKED, { month, status: STATUS_ZH[m.status], action: '重新结算 / re-run' });

    lap('lock + month row');
    const { settlements, missing } = await computeMonth(ctx, trx, month, { onStep: opts.onStep });
    lap('compute the month');
    const adj = await adjustmentsFor(ctx, trx, month, missing, now);
    lap('adjustments (locked months recomputed)');
    if (missing.length) throw await missingError(trx, month, missing);

    const kept = settlements.filter((s) => s.terms || dec(s.result.actual).gt(0) || adj.has(s.customerId));
    for (const id of adj.keys()) if (!kept.some((s) => s.customerId === id)) kept.push(emptySettlement(id));
    const daily = await monthDailyChargesByCustomer(trx, month);
    lap("the month's daily charges (accounts)");
    const old = await repo.statementsOf(trx, month);
    await repo.deleteMonthLines(trx, month);
    lap('earlier statements read, lines deleted');

    let total = 0;
    let dailySum = 0;
    let adjLines = 0;
    const { to: lastDay } = monthBounds(month);
    const seen = new Set<number>();
    const writes: repo.StatementWrite[] = [];
    const postings: { customerId: number; customerEffectFen: number }[] = [];
    for (const s of kept) {
      seen.add(s.customerId);
      const adjs = adj.get(s.customerId) ?? [];
      adjLines += adjs.length;
      const lines = [...s.result.lines.map((l) => ({ ...l, adjustsMonth: null as string | null, dailyDriftFen: 0 })), ...adjs];
      const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
      const drift = adjs.reduce((a, l) => a + l.dailyDriftFen, 0);
      const dailyFen = daily.get(s.customerId) ?? 0;
      const already = old.get(s.customerId)?.true_up_posted_fen ?? 0;
      // true-up = settled − the month's daily charges (DOMAIN.md §4), less what earlier runs posted
      const target = trueUpFen(totalFen, dailyFen) - drift;
      postings.push({ customerId: s.customerId, customerEffectFen: -(target - already) });
      total += totalFen;
      dailySum += dailyFen;
      writes.push({ s, totalFen, dailyFen, trueUpPostedFen: target, lines });
    }
    // customers settled by an earlier run but no longer (e.g. deliveries withdrawn): undo their true-up
    const gone = [...old.entries()].filter(([id]) => !seen.has(id));
    const reversals = gone.map(([customerId, o]) => ({ customerId, customerEffectFen: o.true_up_posted_fen }));
    await repo.deleteStatements(
      trx,
      month,
      gone.map(([id]) => id),
    );
    lap('statement rows built (JS)');
    await repo.writeStatements(trx, month, writes);
    lap('statements and lines written');
    const common = { period: month, businessDate: lastDay, counter: 'gas_sales' as const, reference: `settlement:${month}` };
    const up = await postSettlementTrueUps(ctx, trx, postings, { ...common, note: `月度结算多退少补 / settlement true-up ${month}` }, actor);
    const down = await postSettlementTrueUps(ctx, trx, reversals, { ...common, note: `月度结算重算冲回 / settlement re-run reversal ${month}` }, actor);
    lap('ledger true-ups posted (accounts)');
    const posted = -(up.sumFen + down.sumFen);
    const runs = await repo.markRun(trx, month, actor.userId);
    const result: RunResult = { month, customers: kept.length, totalFen: total, dailyChargesFen: dailySum, trueUpPostedFen: posted, adjustmentLines: adjLines, runs };
    await audit(trx, actor, { action: 'settlement.run', entity: 'settlement_month', entityId: month, after: result });
    lap('month marked, audited');
    return result;
  });
}

function emptySettlement(customerId: number): CustomerSettlement {
  return { customerId, terms: null, basis: 'm3', result: { actual: '0', contracted: '0', lines: [], totalFen: 0, missing: [] }, overTake: false };
}

type AdjLine = repo.LineInput;

/**
 * Adjustment lines (DOMAIN.md §4: a closed month is locked; corrections produce adjustment lines in
 * the next open month): for each confirmed or closed month in the window, recompute it and compare with what
 * was recorded (its statements plus adjustments already carried in other months). The change of
 * its daily charges since then (`dailyDriftFen`) is absorbed by this month's true-up.
 */
async function adjustmentsFor(ctx: AppContext, trx: Tx, month: string, missing: MissingItem[], now: Date): Promise<Map<number, AdjLine[]>> {
  const out = new Map<number, AdjLine[]>();
  const recent = Array.from({ length: ADJUSTMENT_WINDOW_MONTHS }, (_, i) => prevMonth(month, ADJUSTMENT_WINDOW_MONTHS - i));
  const oldest = importableDays(now, ctx.config).minDay.slice(0, 7);
  const older = await repo.correctedMonths(trx, oldest, recent[0]);
  for (const x of [...older, ...recent]) {
    const xm = await repo.findMonth(trx, x);
    if (!xm || xm.status === 'draft') continue; // confirmed and closed months are locked
    const recomputed = await computeMonth(ctx, trx, x);
    if (recomputed.missing.length) {
      missing.push(...recomputed.missing);
      continue;
    }
    const recorded = await repo.statementsOf(trx, x);
    const carried = await repo.carriedAdjustments(trx, x, month);
    const carriedIn = await repo.adjustmentsCarriedIn(trx, x); // x's own statement total includes them: not x's settlement
    const dailyNow = await monthDailyChargesByCustomer(trx, x);
    const ids = new Set<number>([...recomputed.settlements.map((s) => s.customerId), ...recorded.keys(), ...carried.keys()]);
    const byId = new Map(recomputed.settlements.map((s) => [s.customerId, s]));
    for (const id of ids) {
      const now = byId.get(id);
      const rec = recorded.get(id);
      const car = carried.get(id) ?? { amountFen: 0, quantity: '0', driftFen: 0 };
      const amount = (now?.result.totalFen ?? 0) - ((rec?.total_fen ?? 0) - (carriedIn.get(id) ?? 0)) - car.amountFen;
      const quantity = dec(now?.result.actual ?? '0')
        .minus(rec?.actual ?? '0')
        .minus(car.quantity);
      const drift = (dailyNow.get(id) ?? 0) - (rec?.daily_charges_fen ?? 0) - car.driftFen;
      if (amount === 0 && drift === 0 && quantity.isZero()) continue;
      const l: AdjLine = { kind: 'adjustment', tag: now?.terms?.baseTag ?? 'contract', quantity: quantity.toFixed(), price: null, amountFen: amount, adjustsMonth: x, dailyDriftFen: drift };
      out.set(id, [...(out.get(id) ?? []), l]);
    }
  }
  return out;
}
