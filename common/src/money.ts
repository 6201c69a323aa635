/**
 * Money is an integer number of fen (分). JS numbers hold integers exactly up to 2^53 ≈ 9×10^15
 * fen (90 trillion yuan), far above any amount Qike handles; `assertFen` guards the bound.
 * Rounding happens once per line, half-up to the fen (DOMAIN.md §2).
 */
import { Decimal, dec, type DecimalInput } from './decimal';

export type Fen = number;

export function assertFen(v: number): Fen {
  if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer fen amount: ${v}`);
  return v;
}

/** quantity × price (元 per unit) → fen, rounded half-up once. */
export function lineAmountFen(quantity: DecimalInput, pricePerUnitYuan: DecimalInput): Fen {
  return yuanToFen(dec(quantity).times(dec(pricePerUnitYuan)));
}

/** A yuan amount (exact decimal) → fen, half-up. Negative amounts round half away from zero. */
export function yuanToFen(yuan: DecimalInput): Fen {
  const fen = dec(yuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return assertFen(fen.toNumber());
}

/** Parse a user-entered yuan string ("1,234.56") into fen; more than 2 decimals is an error. */
export function parseYuan(input: string): Fen {
  const s = input.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) throw new RangeError(`invalid yuan amount: ${input}`);
  return assertFen(dec(s).times(100).toNumber());
}

/** fen → "1,234.56" (thousands separators, 2 decimals). */
export function formatFen(fen: Fen, opts: { separators?: boolean } = {}): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  const int = opts.separators === false ? yuan : yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${cents}`;
}
