/**
 * Exact decimal arithmetic for quantities (m³, GJ, MJ/m³) and prices (元/m³, 元/GJ).
 * Binary floats never carry money or quantities (DOMAIN.md §2): values travel as decimal
 * strings (PostgreSQL NUMERIC) and are computed with decimal.js at 40 significant digits.
 */
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = string | number | bigint | Decimal;

export function dec(v: DecimalInput): Decimal {
  if (typeof v === 'bigint') return new Decimal(v.toString());
  return new Decimal(v as any);
}

/** Sum of decimals; an empty list sums to 0. */
export function decSum(values: Iterable<DecimalInput>): Decimal {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(dec(v));
  return s;
}

/** Plain decimal string with at most `dp` places, half-up, trailing zeros kept (for NUMERIC columns). */
export function decFixed(v: DecimalInput, dp: number): string {
  return dec(v).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
}

/** True when `s` is a plain decimal literal (no exponent, optional sign). */
export function isDecimalString(s: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(s);
}
