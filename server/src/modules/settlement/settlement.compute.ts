/**
 * Gathers one month's inputs through the other modules' published reads (contracts, price book,
 * metering, online trades) and computes every customer's settlement with settlement.calc. No writes.
 */
import type { AppContext } from '../../platform/module';
import type { Tx } from '../../platform/db/database';
import type { OnlineAward } from '../../platform/ports';
import { contractsForMonth, daysInMonth, overTakeFlag, type ContractTerms } from '../contracts';
import { pricesByDay, referencePriceOf, type Basis } from '../pricing';
import { dailyVolumesByCustomer, dailyVolumeTotals, deliveryDayBounds, monthVolumeTotals } from '../metering';
import { dec } from '@common/decimal';
import * as repo from './settlement.repo';
import { settleCustomerMonth, settleFromRuns, type BaseRun, type SettlementDay, type SettlementResult } from './settlement.calc';

/** Resource tags the settlement writes (codes of the pricing module's default tags). */
export const EXTRA_TAG = 'extra';
export const BASE_TAG_DEFAULT = 'contract';

export interface CustomerSettlement {
  customerId: number;
  terms: ContractTerms | null;
  basis: Basis;
  result: SettlementResult;
  overTake: boolean;
}
export interface MissingItem {
  customerId: number;
  what: 'base_price' | 'reference_price' | 'energy';
  tag?: string;
  category?: string;
  basis: Basis;
  days?: string[];
}

/** Wall time of each step (ms), for the bench's profile. */
export type StepTimer = (step: string, ms: number) => void;

/** A stopwatch over the steps of a run: `lap(name)` reports the time since the previous lap (nothing without `onStep`). */
export function stopwatch(onStep?: StepTimer, indent = '') {
  let t = performance.now();
  return (step: string) => {
    if (!onStep) return;
    const now = performance.now();
    onStep(indent + step, now - t);
    t = now;
  };
}

export function monthBounds(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
}

/** Consecutive days as 'a–b' ranges for messages. */
export function dayRanges(days: string[]): string {
  const out: string[] = [];
  let start = days[0];
  let prev = days[0];
  const next = (d: string) => new Date(Date.parse(d + 'T00:00:00Z') + 86400_000).toISOString().slice(0, 10);
  for (const d of days.slice(1).concat([''])) {
    if (d && d === next(prev)) {
      prev = d;
      continue;
    }
    out.push(start === prev ? start : `${start}~${prev.slice(0, 7) === start.slice(0, 7) ? prev.slice(8) : prev}`);
    start = prev = d;
  }
  return out.join(', ');
}

interface MonthInputs {
  month: string;
  terms: ContractTerms[];
  termsBy: Map<number, ContractTerms>;
  combos: { tag: string; category: string; basis: Basis }[];
  comboIndex: Map<string, number>;
  prices: repo.ComboDayPrice[];
  priceOf: Map<string, string | null>;
  awardsBy: Map<number, OnlineAward[]>;
  reference: (basis: Basis) => Promise<string | null>;
}

/** Number each combo's days in day order: consecutive days at one price (or none) share a segment (repo.baseRuns). */
export function priceSegments(rows: { combo: number; day: string; price: string | null }[]): repo.ComboDayPrice[] {
  const sorted = [...rows].sort((a, b) => a.combo - b.combo || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let seg = 0;
  return sorted.map((r, i) => {
    const p = sorted[i - 1];
    const same = p && p.combo === r.combo && (p.price == null ? r.price == null : r.price != null && dec(p.price).eq(r.price));
    if (p && !same) seg = p.combo === r.combo ? seg + 1 : 0;
    return { ...r, seg };
  });
}

/** The combos with one price on every day of the month (one segment, never missing): combo → that price. */
export function monthPriceOfCombos(prices: repo.ComboDayPrice[]): Map<number, string> {
  const out = new Map<number, string>();
  const mixed = new Set<number>();
  for (const p of prices)
    if (p.seg !== 0 || p.price == null) mixed.add(p.combo);
    else out.set(p.combo, p.price);
  for (const c of mixed) out.delete(c);
  return out;
}

const comboKey = (t: { baseTag: string; priceCategory: string; basis: Basis }) => `${t.baseTag}|${t.priceCategory}|${t.basis}`;

/** Contracts, base-tag prices per combo and day, awards and the reference price of a month: reads shared by both paths. */
async function monthInputs(ctx: AppContext, trx: Tx, month: string, lap: (step: string) => void = () => {}): Promise<MonthInputs> {
  const { from, to } = monthBounds(month);
  const terms = await contractsForMonth(trx, month);
  lap('contract terms (contracts)');
  const termsBy = new Map(terms.map((t) => [t.customerId, t]));
  // prices of the base tags per (tag, category, basis) and day — one read for all contracts
  const comboIndex = new Map<string, number>();
  const combos: { tag: string; category: string; basis: Basis }[] = [];
  for (const t of terms)
    if (t.basePrice == null && !comboIndex.has(comboKey(t))) {
      comboIndex.set(comboKey(t), combos.length);
      combos.push({ tag: t.baseTag, category: t.priceCategory, basis: t.basis });
    }
  const priceRows = await pricesByDay(trx, combos, from, to);
  const priceOf = new Map(priceRows.map((r) => [`${r.tag}|${r.category}|${r.basis}|${r.day}`, r.price]));
  const prices = priceSegments(priceRows.map((r) => ({ combo: comboIndex.get(`${r.tag}|${r.category}|${r.basis}`)!, day: r.day, price: r.price })));
  // online awards and the reference price (DOMAIN.md §4: VWAP of real trades, else the price book's)
  const trades = ctx.capabilities.onlineTrades;
  const awards: OnlineAward[] = trades ? await trades.awardsForMonth(trx, month) : [];
  const awardsBy = new Map<number, OnlineAward[]>();
  for (const a of awards) awardsBy.set(a.customerId, [...(awardsBy.get(a.customerId) ?? []), a]);
  const refCache = new Map<Basis, string | null>();
  const reference = async (basis: Basis) => {
    if (!refCache.has(basis)) refCache.set(basis, (trades ? await trades.referencePrice(trx, month, basis) : null) ?? (await referencePriceOf(trx, month, basis)));
    return refCache.get(basis) ?? null;
  };
  return { month, terms, termsBy, combos, comboIndex, prices, priceOf, awardsBy, reference };
}

function awardsOf(inp: MonthInputs, customerId: number, basis: Basis) {
  return (inp.awardsBy.get(customerId) ?? [])
    .filter((a) => a.basis === basis)
    .map((a) => ({ awardId: a.awardId, awardedAt: a.awardedAt, quantity: a.quantity, price: a.price, resourceTag: a.resourceTag }));
}

function collectMissing(missing: MissingItem[], customerId: number, t: ContractTerms | null, basis: Basis, result: SettlementResult) {
  const baseDays = result.missing.flatMap((m) => (m.kind === 'base' ? [m.day] : []));
  if (baseDays.length) missing.push({ customerId, what: 'base_price', tag: t?.baseTag, category: t?.priceCategory, basis, days: baseDays });
  if (result.missing.some((m) => m.kind === 'reference')) missing.push({ customerId, what: 'reference_price', basis });
}

/**
 * Every customer's settlement of a month. m³-basis customers (and those without a contract) in one
 * set-based statement (repo.baseRuns) + settleFromRuns; GJ-basis customers day by day from metering's
 * energy (settleCustomerMonth). `perDay: true` settles everyone day by day — the reference the
 * set-based path is tested against.
 */
export async function computeMonth(
  ctx: AppContext,
  trx: Tx,
  month: string,
  opts: { perDay?: boolean; onStep?: StepTimer } = {},
): Promise<{ settlements: CustomerSettlement[]; missing: MissingItem[] }> {
  const lap = stopwatch(opts.onStep, '  ');
  const inp = await monthInputs(ctx, trx, month, lap);
  lap('inputs: prices, awards, reference price');
  const { from, to } = monthBounds(month);
  const settlements: CustomerSettlement[] = [];
  const missing: MissingItem[] = [];
  const gj = inp.terms.filter((t) => t.basis === 'GJ').map((t) => t.customerId);
  if (opts.perDay) await settleByDay(inp, trx, null, settlements, missing);
  else {
    if (gj.length) await settleByDay(inp, trx, gj, settlements, missing);
    lap('GJ-basis customers day by day');
    const single = monthPriceOfCombos(inp.prices);
    const runTerms = inp.terms
      .filter((t) => t.basis === 'm3')
      .map((t) => {
        const combo = t.basePrice == null ? inp.comboIndex.get(comboKey(t))! : null;
        return { customerId: t.customerId, contracted: t.contracted, combo, fixedPrice: t.basePrice, monthPrice: t.basePrice ?? (combo == null ? null : (single.get(combo) ?? null)) };
      });
    const src: repo.VolumeSources = { from, to, month: monthVolumeTotals(month), bounds: (ids) => deliveryDayBounds(from, to, ids), days: (ids) => dailyVolumeTotals(from, to, ids) };
    const rows = await repo.baseRuns(trx, src, runTerms, inp.prices, gj);
    lap('base runs (SQL)');
    const runsBy = new Map<number, { actual: string; runs: BaseRun[] }>();
    for (const r of rows) {
      const id = Number(r.customer_id);
      const e = runsBy.get(id) ?? { actual: r.actual, runs: [] };
      if (r.from_day) e.runs.push({ from: r.from_day, to: r.to_day!, quantity: r.quantity!, price: r.price, missingDays: r.missing_days ?? undefined });
      runsBy.set(id, e);
    }
    const reference = await inp.reference('m3');
    for (const t of inp.terms) if (t.basis === 'm3' && !runsBy.has(t.customerId)) runsBy.set(t.customerId, { actual: '0', runs: [] });
    for (const [customerId, r] of runsBy) {
      const t = inp.termsBy.get(customerId) ?? null;
      const result = settleFromRuns({
        contracted: t?.contracted ?? '0',
        baseTag: t?.baseTag ?? BASE_TAG_DEFAULT,
        extraTag: EXTRA_TAG,
        actual: r.actual,
        runs: r.runs,
        awards: awardsOf(inp, customerId, 'm3'),
        referencePrice: reference,
      });
      collectMissing(missing, customerId, t, 'm3', result);
      settlements.push({ customerId, terms: t, basis: 'm3', result, overTake: t ? overTakeFlag(result.actual, t.contracted, t.tau) : false });
    }
    lap('lines from the runs (JS)');
  }
  settlements.sort((a, b) => a.customerId - b.customerId);
  missing.sort((a, b) => a.customerId - b.customerId);
  return { settlements, missing };
}

/** Day by day (DOMAIN.md §4), for `customerIds` (null: every customer with a contract or deliveries). */
async function settleByDay(inp: MonthInputs, trx: Tx, customerIds: number[] | null, settlements: CustomerSettlement[], missing: MissingItem[]) {
  const { from, to } = monthBounds(inp.month);
  const deliveries = await dailyVolumesByCustomer(trx, customerIds, from, to);
  const daysBy = new Map<number, typeof deliveries>();
  for (const d of deliveries) {
    const l = daysBy.get(d.customerId) ?? [];
    l.push(d);
    daysBy.set(d.customerId, l);
  }
  const ids = customerIds ?? [...new Set([...inp.termsBy.keys(), ...daysBy.keys()])];
  for (const customerId of ids) {
    const t = inp.termsBy.get(customerId) ?? null;
    const basis: Basis = t?.basis ?? 'm3';
    const noEnergy: string[] = [];
    const days: SettlementDay[] = [];
    for (const d of daysBy.get(customerId) ?? []) {
      const quantity = basis === 'GJ' ? d.energyGJ : d.volumeM3;
      if (quantity == null) {
        noEnergy.push(d.gasDay);
        continue;
      }
      const basePrice = t ? (t.basePrice ?? inp.priceOf.get(`${comboKey(t)}|${d.gasDay}`) ?? null) : null;
      days.push({ day: d.gasDay, quantity, basePrice });
    }
    if (noEnergy.length) missing.push({ customerId, what: 'energy', basis, days: noEnergy });
    const result = settleCustomerMonth({
      contracted: t?.contracted ?? '0',
      baseTag: t?.baseTag ?? BASE_TAG_DEFAULT,
      extraTag: EXTRA_TAG,
      days,
      awards: awardsOf(inp, customerId, basis),
      referencePrice: await inp.reference(basis),
    });
    collectMissing(missing, customerId, t, basis, result);
    settlements.push({ customerId, terms: t, basis, result, overTake: t ? overTakeFlag(result.actual, t.contracted, t.tau) : false });
  }
}
