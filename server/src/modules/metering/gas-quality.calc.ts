/**
 * Gas quality from composition per GB/T 11062 (= ISO 6976:1995): gross and net calorific value,
 * density, relative density and Wobbe index, real-gas corrected with the summation-factor method.
 * DOMAIN.md §2 ("GCV … when a composition is given instead … computed per GB/T 11062 (ISO 6976)
 * at 20 °C combustion / 20 °C metering, real-gas corrected") and issue 4, item 3.
 *
 * Pure and exact: all arithmetic in decimal.js (common/src/decimal.ts, 40 significant digits),
 * square roots with Decimal#sqrt. Method, sources and verification: docs/gas-quality.md.
 */
import { Decimal, dec, isDecimalString, type DecimalInput } from '@common/decimal';
import { COMPONENT_PROPS, M_AIR_1995, P_REF_KPA, R_1995, T0_K, Z_AIR_1995, type ComponentProps, type CombustionTemp, type MeteringTemp, type TableComponent } from './gas-quality.constants';

/** Components accepted in a composition (mole fractions). The first 14 are the issue-4 minimum. */
export const COMPONENTS = ['CH4', 'C2H6', 'C3H8', 'iC4H10', 'nC4H10', 'iC5H12', 'nC5H12', 'C6plus', 'N2', 'CO2', 'H2S', 'He', 'H2', 'O2', 'neoC5H12', 'nC7H16', 'nC8H18', 'CO', 'H2O', 'Ar'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Mole fractions as decimal strings, e.g. `{ CH4: '0.9247', N2: '0.0175', … }`. */
export type Composition = Partial<Record<Component, string>>;

/** Results as decimal strings (see `computeQuality` for units and decimals). */
export interface QualityResult {
  gcvMJm3: string;
  ncvMJm3: string;
  relativeDensity: string;
  wobbeMJm3: string;
  densityKgm3: string;
  z: string;
  molarMass: string;
}

export type CompositionErrorCode = 'SUM_NOT_ONE' | 'NEGATIVE' | 'UNKNOWN_COMPONENT' | 'EMPTY';

/** A composition that cannot be evaluated. `detail` names the offending component / sum. */
export class CompositionError extends Error {
  constructor(
    public code: CompositionErrorCode,
    public detail: Record<string, unknown>,
  ) {
    super(`${code} ${JSON.stringify(detail)}`);
    this.name = 'CompositionError';
  }
}

/**
 * Largest accepted |Σx − 1| without `normalise`: 0.0001 mol/mol (0.01 mol%).
 * A chromatograph report rounded to 0.001 mol% per component leaves at most 20 × 0.0005 mol% =
 * 0.01 mol% of rounding residue, which this accepts; a missing or mistyped component of 0.01 mol%
 * or more is rejected. Accepted compositions are still divided by Σx, so the residue is spread
 * proportionally (ISO 6976 assumes Σx = 1 exactly).
 */
export const SUM_TOLERANCE = '0.0001';

/** Where `C6plus` reads its properties from (the n-hexane row, see gas-quality.constants.ts). */
const TABLE_ROW: Record<Component, TableComponent> = {
  CH4: 'CH4',
  C2H6: 'C2H6',
  C3H8: 'C3H8',
  iC4H10: 'iC4H10',
  nC4H10: 'nC4H10',
  iC5H12: 'iC5H12',
  nC5H12: 'nC5H12',
  C6plus: 'nC6H14',
  N2: 'N2',
  CO2: 'CO2',
  H2S: 'H2S',
  He: 'He',
  H2: 'H2',
  O2: 'O2',
  neoC5H12: 'neoC5H12',
  nC7H16: 'nC7H16',
  nC8H18: 'nC8H18',
  CO: 'CO',
  H2O: 'H2O',
  Ar: 'Ar',
};

// ---------------------------------------------------------------------------------------------
// Core method (ISO 6976:1995 §8–9; the same formulae as ISO 6976:2016), driven by
// already-resolved per-component data so that it can be checked against published examples of
// either edition's tables.
// ---------------------------------------------------------------------------------------------

/** One component's mole fraction and its property row at the chosen reference temperatures. */
export interface ResolvedTerm {
  x: DecimalInput;
  /** M_j, kg/kmol. */
  molarMass: DecimalInput;
  /** Ideal molar gross CV at the combustion temperature, kJ/mol. */
  gcv: DecimalInput;
  /** Ideal molar net CV at the combustion temperature, kJ/mol. */
  ncv: DecimalInput;
  /** Summation factor √b_j at the metering temperature. */
  sqrtB: DecimalInput;
}

/** Constants of the chosen table edition and metering conditions. */
export interface ResolvedConstants {
  /** Molar gas constant, J/(mol·K). */
  R: DecimalInput;
  /** Metering pressure p2, kPa. */
  pKPa: DecimalInput;
  /** Metering temperature T2, K. */
  tK: DecimalInput;
  /** Molar mass of dry air, kg/kmol. */
  mAir: DecimalInput;
  /** Compression factor of dry air at the metering conditions. */
  zAir: DecimalInput;
}

/** Every quantity of the method at full (40-digit) precision. */
export interface QualityExact {
  /** Σ x_j (after normalisation, = 1 for accepted inputs). */
  sumX: Decimal;
  /** M = Σ x_j M_j, kg/kmol. */
  molarMass: Decimal;
  /** Σ x_j √b_j. */
  sumSqrtB: Decimal;
  /** Z = 1 − (Σ x_j √b_j)². */
  z: Decimal;
  /** Ideal molar GCV / NCV, kJ/mol (Σ x_j H_j°). */
  molarGcv: Decimal;
  molarNcv: Decimal;
  /** Mass-basis GCV / NCV, MJ/kg (H̃/M). */
  massGcv: Decimal;
  massNcv: Decimal;
  /** Ideal-gas volumetric GCV / NCV, MJ/m³ (H̃° · p2 / (R · T2)). */
  idealGcv: Decimal;
  idealNcv: Decimal;
  /** Real-gas volumetric GCV / NCV, MJ/m³ (ideal / Z). */
  gcv: Decimal;
  ncv: Decimal;
  /** Ideal relative density d° = M / M_air and real d = d° · Z_air / Z. */
  idealRelativeDensity: Decimal;
  relativeDensity: Decimal;
  /** Ideal density ρ° = p2 · M / (R · T2) and real ρ = ρ° / Z, kg/m³. */
  idealDensity: Decimal;
  density: Decimal;
  /** Real-gas gross / net Wobbe index W = H / √d, MJ/m³. */
  wobbe: Decimal;
  netWobbe: Decimal;
}

/**
 * ISO 6976 summation-factor method on resolved terms. The fractions are used as given (the caller
 * validates and normalises).
 */
export function iso6976(terms: readonly ResolvedTerm[], c: ResolvedConstants): QualityExact {
  let sumX = new Decimal(0);
  let molarMass = new Decimal(0);
  let sumSqrtB = new Decimal(0);
  let molarGcv = new Decimal(0);
  let molarNcv = new Decimal(0);
  for (const t of terms) {
    const x = dec(t.x);
    sumX = sumX.plus(x);
    molarMass = molarMass.plus(x.times(dec(t.molarMass)));
    sumSqrtB = sumSqrtB.plus(x.times(dec(t.sqrtB)));
    molarGcv = molarGcv.plus(x.times(dec(t.gcv)));
    molarNcv = molarNcv.plus(x.times(dec(t.ncv)));
  }
  const z = new Decimal(1).minus(sumSqrtB.pow(2));
  const rt = dec(c.R).times(dec(c.tK));
  const pOverRT = dec(c.pKPa).div(rt); // kmol/m³ (p in kPa); kJ/mol × kmol/m³ = MJ/m³
  const idealGcv = molarGcv.times(pOverRT);
  const idealNcv = molarNcv.times(pOverRT);
  const gcv = idealGcv.div(z);
  const ncv = idealNcv.div(z);
  const idealRelativeDensity = molarMass.div(dec(c.mAir));
  const relativeDensity = idealRelativeDensity.times(dec(c.zAir)).div(z);
  const idealDensity = dec(c.pKPa).times(molarMass).div(rt); // kg/kmol × kmol/m³ = kg/m³
  const density = idealDensity.div(z);
  const sqrtD = relativeDensity.sqrt();
  return {
    sumX,
    molarMass,
    sumSqrtB,
    z,
    molarGcv,
    molarNcv,
    massGcv: molarMass.isZero() ? new Decimal(0) : molarGcv.div(molarMass),
    massNcv: molarMass.isZero() ? new Decimal(0) : molarNcv.div(molarMass),
    idealGcv,
    idealNcv,
    gcv,
    ncv,
    idealRelativeDensity,
    relativeDensity,
    idealDensity,
    density,
    wobbe: gcv.div(sqrtD),
    netWobbe: ncv.div(sqrtD),
  };
}

// ---------------------------------------------------------------------------------------------
// GB/T 11062 / ISO 6976:1995 entry points
// ---------------------------------------------------------------------------------------------

export interface QualityOptions {
  /** Combustion reference temperature, °C (default 20, GB/T 11062 / DOMAIN.md §2). */
  combustionTempC?: 20 | 15 | 25 | 0;
  /** Metering reference temperature, °C (default 20); pressure is always 101.325 kPa. */
  meteringTempC?: 20 | 15 | 0;
  /** Divide by Σx even when it differs from 1 by more than SUM_TOLERANCE. */
  normalise?: boolean;
}

/**
 * Validated, normalised mole fractions. Throws CompositionError (`UNKNOWN_COMPONENT`, `NEGATIVE`,
 * `EMPTY`, `SUM_NOT_ONE`, checked in that order) and TypeError for a value that is not a plain
 * decimal string (validate input with zod before calling). Zero entries are dropped.
 */
export function normaliseComposition(c: Composition, opts: { normalise?: boolean } = {}): Map<Component, Decimal> {
  const known = new Set<string>(COMPONENTS);
  const raw = new Map<Component, Decimal>();
  for (const [key, value] of Object.entries(c)) {
    if (!known.has(key)) throw new CompositionError('UNKNOWN_COMPONENT', { component: key });
    if (value === undefined) continue;
    if (typeof value !== 'string' || !isDecimalString(value)) {
      throw new TypeError(`mole fraction of ${key} must be a decimal string, got ${JSON.stringify(value)}`);
    }
    const x = dec(value);
    if (x.isNegative() && !x.isZero()) throw new CompositionError('NEGATIVE', { component: key, value });
    if (!x.isZero()) raw.set(key as Component, x);
  }
  if (raw.size === 0) throw new CompositionError('EMPTY', {});
  let sum = new Decimal(0);
  for (const x of raw.values()) sum = sum.plus(x);
  if (!opts.normalise && sum.minus(1).abs().gt(dec(SUM_TOLERANCE))) {
    throw new CompositionError('SUM_NOT_ONE', { sum: sum.toFixed(), tolerance: SUM_TOLERANCE });
  }
  const out = new Map<Component, Decimal>();
  for (const [k, x] of raw) out.set(k, x.div(sum));
  return out;
}

/** GB/T 11062 result at full precision, for callers that need more than `computeQuality`'s decimals. */
export function computeQualityExact(c: Composition, opts: QualityOptions = {}): QualityExact {
  const t1: CombustionTemp = opts.combustionTempC ?? 20;
  const t2: MeteringTemp = opts.meteringTempC ?? 20;
  if (!(t1 in COMPONENT_PROPS.CH4.gcv)) throw new RangeError(`combustion temperature ${t1} °C is not tabulated`);
  if (!(t2 in Z_AIR_1995)) throw new RangeError(`metering temperature ${t2} °C is not tabulated`);
  const x = normaliseComposition(c, opts);
  const terms: ResolvedTerm[] = [];
  for (const [k, xj] of x) {
    const row: ComponentProps = COMPONENT_PROPS[TABLE_ROW[k]];
    terms.push({ x: xj, molarMass: row.molarMass, gcv: row.gcv[t1], ncv: row.ncv[t1], sqrtB: row.sqrtB[t2] });
  }
  return iso6976(terms, {
    R: R_1995,
    pKPa: P_REF_KPA,
    tK: dec(T0_K).plus(t2),
    mAir: M_AIR_1995,
    zAir: Z_AIR_1995[t2],
  });
}

const fixed = (v: Decimal, dp: number) => v.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);

/**
 * GCV, NCV, relative density, Wobbe index, density, Z and molar mass of a natural gas from its
 * composition (mole fractions) per GB/T 11062 / ISO 6976:1995, real-gas corrected with the
 * summation-factor method. Defaults: 20 °C combustion, 20 °C / 101.325 kPa metering.
 *
 * Strings, rounded half-up once from the exact values: GCV, NCV and Wobbe index in MJ/m³ to
 * 4 decimals; relative density, density (kg/m³) and Z to 6 decimals; molar mass (kg/kmol) to 4.
 *
 * Throws CompositionError when Σx differs from 1 by more than SUM_TOLERANCE (unless
 * `opts.normalise`), a fraction is negative, a key is unknown, or nothing is present.
 */
export function computeQuality(c: Composition, opts: QualityOptions = {}): QualityResult {
  const q = computeQualityExact(c, opts);
  return {
    gcvMJm3: fixed(q.gcv, 4),
    ncvMJm3: fixed(q.ncv, 4),
    relativeDensity: fixed(q.relativeDensity, 6),
    wobbeMJm3: fixed(q.wobbe, 4),
    densityKgm3: fixed(q.density, 6),
    z: fixed(q.z, 6),
    molarMass: fixed(q.molarMass, 4),
  };
}
