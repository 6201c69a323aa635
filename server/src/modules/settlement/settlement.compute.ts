/**
 * Gathers one month's inputs through the other modules' published reads (contracts, price book,
 * metering, online trades) and computes every customer's settlement with settlement.calc. No writes.
 */
import type { AppContext } from '../../platform/module';
import type { Tx } from '../../platform/db/database';
import type { OnlineAward } from '../../platform/ports';
import { contractsForMonth, daysInMonth, overTakeFlag, type ContractTerms } from '../contracts';
import { pricesByDay, referencePriceOf, type Basis } from '../pricing';
import { dailyVolumesByCustomer } from '../metering';
import { settleCustomerMonth, type SettlementDay, type SettlementResult } from './settlement.calc';

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

export async function computeMonth(ctx: AppContext, trx: Tx, month: string): Promise<{ settlements: CustomerSettlement[]; missing: MissingItem[] }> {
  const { from, to } = monthBounds(month);
  const terms = await contractsForMonth(trx, month);
  const termsBy = new Map(terms.map((t) => [t.customerId, t]));
  const deliveries = await dailyVolumesByCustomer(trx, null, from, to);
  const daysBy = new Map<number, typeof deliveries>();
  for (const d of deliveries) {
    const l = daysBy.get(d.customerId) ?? [];
    l.push(d);
    daysBy.set(d.customerId, l);
  }
  // prices of the base tags per (tag, category, basis) and day — one read for all contracts
  const combos = new Map<string, { tag: string; category: string; basis: Basis }>();
  for (const t of terms) if (t.basePrice == null) combos.set(`${t.baseTag}|${t.priceCategory}|${t.basis}`, { tag: t.baseTag, category: t.priceCategory, basis: t.basis });
  const priceRows = await pricesByDay(trx, [...combos.values()], from, to);
  const priceOf = new Map(priceRows.map((r) => [`${r.tag}|${r.category}|${r.basis}|${r.day}`, r.price]));
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

  const customerIds = [...new Set([...termsBy.keys(), ...daysBy.keys()])].sort((a, b) => a - b);
  const settlements: CustomerSettlement[] = [];
  const missing: MissingItem[] = [];
  for (const customerId of customerIds) {
    const t = termsBy.get(customerId) ?? null;
    const basis: Basis = t?.basis ?? 'm3';
    const noEnergy: string[] = [];
    const days: SettlementDay[] = [];
    for (const d of daysBy.get(customerId) ?? []) {
      const quantity = basis === 'GJ' ? d.energyGJ : d.volumeM3;
      if (quantity == null) {
        noEnergy.push(d.gasDay);
        continue;
      }
      const basePrice = t ? (t.basePrice ?? priceOf.get(`${t.baseTag}|${t.priceCategory}|${t.basis}|${d.gasDay}`) ?? null) : null;
      days.push({ day: d.gasDay, quantity, basePrice });
    }
    if (noEnergy.length) missing.push({ customerId, what: 'energy', basis, days: noEnergy });
    const cAwards = (awardsBy.get(customerId) ?? []).filter((a) => a.basis === basis);
    const result = settleCustomerMonth({
      contracted: t?.contracted ?? '0',
      baseTag: t?.baseTag ?? BASE_TAG_DEFAULT,
      extraTag: EXTRA_TAG,
      days,
      awards: cAwards.map((a) => ({ awardId: a.awardId, awardedAt: a.awardedAt, quantity: a.quantity, price: a.price, resourceTag: a.resourceTag })),
      referencePrice: await reference(basis),
    });
    const baseDays = result.missing.flatMap((m) => (m.kind === 'base' ? [m.day] : []));
    if (baseDays.length) missing.push({ customerId, what: 'base_price', tag: t?.baseTag, category: t?.priceCategory, basis, days: baseDays });
    if (result.missing.some((m) => m.kind === 'reference')) missing.push({ customerId, what: 'reference_price', basis });
    settlements.push({ customerId, terms: t, basis, result, overTake: t ? overTakeFlag(result.actual, t.contracted, t.tau) : false });
  }
  return { settlements, missing };
}
