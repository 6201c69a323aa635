/**
 * Energy metering calculations (DOMAIN.md §2 "Units, time and money"). Pure, exact (Decimal),
 * no I/O. Volumes are m³ at 20 °C and 101.325 kPa; GCV in MJ/m³ at the same reference; energy in GJ.
 */
import { Decimal, dec, type DecimalInput } from '@common/decimal';

/** Display units of a quantity of gas: m³, 万方 (10⁴ m³), 亿方 (10⁸ m³), GJ. */
export const UNITS = ['m3', 'wan', 'yi', 'gj'] as const;
export type Unit = (typeof UNITS)[number];

export const UNIT_LABELS: Record<Unit, { zh: string; en: string }> = {
  m3: { zh: 'm³', en: 'm³' },
  wan: { zh: '万方', en: '10⁴ m³' },
  yi: { zh: '亿方', en: '10⁸ m³' },
  gj: { zh: 'GJ', en: 'GJ' },
};

const WAN = new Decimal(10_000);
const YI = new Decimal(100_000_000);
const MJ_PER_GJ = new Decimal(1000);

/** DOMAIN.md §2: `E[GJ] = V[m³] × GCV[MJ/m³] / 1000`. */
export function energyGJ(volumeM3: DecimalInput, gcvMJm3: DecimalInput): Decimal {
  return dec(volumeM3).times(dec(gcvMJm3)).div(MJ_PER_GJ);
}

/** Inverse of `energyGJ`: `V[m³] = E[GJ] × 1000 / GCV`. GCV must be positive. */
export function volumeFromEnergy(energy: DecimalInput, gcvMJm3: DecimalInput): Decimal {
  const g = dec(gcvMJm3);
  if (!g.gt(0)) throw new RangeError('GCV must be positive');
  return dec(energy).times(MJ_PER_GJ).div(g);
}

/** 万方 = m³ / 10⁴ (DOMAIN.md §2). */
export const m3ToWan = (v: DecimalInput) => dec(v).div(WAN);
export const wanToM3 = (v: DecimalInput) => dec(v).times(WAN);
/** 亿方 = m³ / 10⁸ (DOMAIN.md §2). */
export const m3ToYi = (v: DecimalInput) => dec(v).div(YI);
export const yiToM3 = (v: DecimalInput) => dec(v).times(YI);

/**
 * Convert a quantity between m³, 万方, 亿方 and GJ. Conversions to or from GJ need the GCV
 * (MJ/m³, DOMAIN.md §2); without it (null) such a conversion returns null — unknown, never 0.
 */
export function convertQuantity(value: DecimalInput, from: Unit, to: Unit, gcvMJm3?: DecimalInput | null): Decimal | null {
  if (from === to) return dec(value);
  let m3: Decimal;
  if (from === 'gj') {
    if (gcvMJm3 == null || !dec(gcvMJm3).gt(0)) return null;
    m3 = volumeFromEnergy(value, gcvMJm3);
  } else m3 = from === 'm3' ? dec(value) : from === 'wan' ? wanToM3(value) : yiToM3(value);
  if (to === 'm3') return m3;
  if (to === 'wan') return m3ToWan(m3);
  if (to === 'yi') return m3ToYi(m3);
  if (gcvMJm3 == null) return null;
  return energyGJ(m3, gcvMJm3);
}

/** DOMAIN.md §2: `P_GJ = P_m³ × 1000 / GCV` (元/m³ → 元/GJ). */
export function pricePerGJ(pricePerM3: DecimalInput, gcvMJm3: DecimalInput): Decimal {
  const g = dec(gcvMJm3);
  if (!g.gt(0)) throw new RangeError('GCV must be positive');
  return dec(pricePerM3).times(MJ_PER_GJ).div(g);
}

/** Inverse of `pricePerGJ`: `P_m³ = P_GJ × GCV / 1000`. */
export function pricePerM3(pricePerGJValue: DecimalInput, gcvMJm3: DecimalInput): Decimal {
  return dec(pricePerGJValue).times(dec(gcvMJm3)).div(MJ_PER_GJ);
}

export interface VolumeEnergy {
  volumeM3: DecimalInput;
  /** null when the GCV of that day is unknown. */
  energyGJ: DecimalInput | null;
}

/**
 * A period's volume-weighted GCV `ΣE / ΣV` (DOMAIN.md §2), in MJ/m³ (hence × 1000 from GJ).
 * Only entries with a known energy count; null when their volume sums to zero.
 */
export function weightedGcv(entries: readonly VolumeEnergy[]): Decimal | null {
  let v = new Decimal(0);
  let e = new Decimal(0);
  for (const x of entries) {
    if (x.energyGJ == null) continue;
    v = v.plus(dec(x.volumeM3));
    e = e.plus(dec(x.energyGJ));
  }
  if (v.isZero()) return null;
  return e.times(MJ_PER_GJ).div(v);
}

export interface PeriodTotal {
  volumeM3: Decimal;
  /** Null when any entry's energy is unknown (an incomplete sum is not shown as the total). */
  energyGJ: Decimal | null;
  /** ΣE/ΣV over the entries with known energy. */
  gcvMJm3: Decimal | null;
  entries: number;
  entriesWithoutEnergy: number;
}

/** Totals of a period (a month, a year): ΣV, ΣE and the volume-weighted GCV (DOMAIN.md §2). */
export function periodTotal(entries: readonly VolumeEnergy[]): PeriodTotal {
  let v = new Decimal(0);
  let e = new Decimal(0);
  let missing = 0;
  for (const x of entries) {
    v = v.plus(dec(x.volumeM3));
    if (x.energyGJ == null) missing++;
    else e = e.plus(dec(x.energyGJ));
  }
  return { volumeM3: v, energyGJ: missing ? null : e, gcvMJm3: weightedGcv(entries), entries: entries.length, entriesWithoutEnergy: missing };
}

/** Group daily entries ('YYYY-MM-DD') by month ('YYYY-MM') and total each month (periodTotal). */
export function monthlyTotals<T extends VolumeEnergy & { gasDay: string }>(days: readonly T[]): { month: string; total: PeriodTotal }[] {
  const by = new Map<string, T[]>();
  for (const d of days) {
    const m = d.gasDay.slice(0, 7);
    let list = by.get(m);
    if (!list) by.set(m, (list = []));
    list.push(d);
  }
  return [...by.keys()].sort().map((month) => ({ month, total: periodTotal(by.get(month)!) }));
}

/** Present a quantity in m³ in the chosen unit as a decimal string (`dp` places), or null. */
export function presentQuantity(volumeM3: DecimalInput | null, energy: DecimalInput | null, unit: Unit, dp = unitDecimals(unit)): string | null {
  if (unit === 'gj') return energy == null ? null : dec(energy).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
  if (volumeM3 == null) return null;
  const v = convertQuantity(volumeM3, 'm3', unit)!;
  return v.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
}

/** Display precision per unit: m³ to the litre, 万方 4, 亿方 6, GJ 3 places. */
export function unitDecimals(unit: Unit): number {
  return unit === 'm3' ? 3 : unit === 'wan' ? 4 : unit === 'yi' ? 6 : 3;
}
