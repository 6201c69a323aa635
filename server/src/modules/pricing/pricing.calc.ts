/** Pure price-book rules (DOMAIN.md §4). */
import { Decimal, dec } from '@common/decimal';

/** A price has at most 4 decimals and is > 0 (DOMAIN.md §2: 元/m³ or 元/GJ with 4 decimals). */
export function isValidPrice(s: string): boolean {
  return /^\d+(\.\d{1,4})?$/.test(s) && dec(s).gt(0);
}

/** Cap of non-residential prices: benchmark × (1 + cap%) (DOMAIN.md §4 基准门站价 上浮), to 4 decimals, half-up. */
export function floatCap(benchmark: string, capPct: string): string {
  return dec(benchmark).times(dec(capPct).div(100).plus(1)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

/** Heating season months Nov–Mar (DOMAIN.md §4). */
export function isHeatingMonth(month: number): boolean {
  return month >= 11 || month <= 3;
}
