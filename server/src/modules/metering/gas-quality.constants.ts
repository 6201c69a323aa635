/**
 * Physical property data for GB/T 11062 (= ISO 6976:1995, Corr. 1–3) calorific value, density,
 * relative density and Wobbe index calculations. Values are kept as decimal strings, exactly as
 * tabulated, and only ever read through decimal.js (DOMAIN.md §2: no binary floats).
 *
 * Sources and cross-checks (see docs/gas-quality.md for the full audit):
 *  - [T1] ISO 6976:1995 Table 1 — molar masses M_j (1991 IUPAC atomic weights), kg/kmol.
 *  - [T2] ISO 6976:1995 Table 2 — summation factors √b_j at 0, 15, 20 °C.
 *  - [T3] ISO 6976:1995 Table 3 — ideal-gas molar gross (superior) and net (inferior)
 *         calorific values at combustion reference temperatures 0, 15, 20, 25 °C, kJ/mol.
 *  - [§4] ISO 6976:1995 clause 4 / Table 2 notes — R, M_air, Z_air.
 *  The standard itself is not freely downloadable; every row was transcribed from these
 *  independent public transcriptions of the same 1995 tables and compared cell by cell:
 *  - (A) equinor/neqsim `src/main/resources/data/ISO6976constants.csv` — the complete 1995 table
 *        (M, √b at 0/15/20 °C, molar GCV/NCV at 0/15/20/25 °C) used by its `Standard_ISO6976`.
 *  - (B) a public Julia implementation of GB/T 11062 at 20 °C/20 °C (code-search file id
 *        28120050629): M, molar GCV/NCV at 20 °C, √b at 20 °C, Z_air(20 °C) = 0.99963.
 *  - (C) a public Python `ISO_6976` class (code-search file id 6115382897): M, √b at 0 and 15 °C,
 *        R, M_air, Z_air(0/15 °C), and ISO 6976:1995 Table 4 style ideal volumetric GCV/NCV at
 *        0/0, 25/0 and 15/15 °C (used in the tests to check the molar rows at 0, 15 and 25 °C).
 *  Every value used at the default 20 °C/20 °C conditions agrees in (A) and (B) unless a row's
 *  comment says otherwise. Single-source cells are marked "(A only)".
 */

/** Combustion reference temperatures tabulated in ISO 6976:1995 Table 3 (°C). */
export const COMBUSTION_TEMPS = [0, 15, 20, 25] as const;
export type CombustionTemp = (typeof COMBUSTION_TEMPS)[number];

/** Metering (volume) reference temperatures tabulated in ISO 6976:1995 Table 2 (°C). */
export const METERING_TEMPS = [0, 15, 20] as const;
export type MeteringTemp = (typeof METERING_TEMPS)[number];

/** One row of the property tables. */
export interface ComponentProps {
  /** Name as in ISO 6976:1995 / GB/T 11062. */
  name: string;
  /** Molar mass M_j, kg/kmol [T1]. */
  molarMass: string;
  /** Ideal-gas molar gross calorific value H_j°, kJ/mol, by combustion temperature [T3]. */
  gcv: Record<CombustionTemp, string>;
  /** Ideal-gas molar net calorific value, kJ/mol, by combustion temperature [T3]. */
  ncv: Record<CombustionTemp, string>;
  /** Summation factor √b_j by metering temperature [T2]. */
  sqrtB: Record<MeteringTemp, string>;
}

const zero = { 0: '0', 15: '0', 20: '0', 25: '0' } as const;

/**
 * Component rows, keyed by the identifiers used in compositions. `C6plus` (hexanes and heavier
 * reported as one group) has no row of its own: gas-quality.calc.ts evaluates it with the
 * n-hexane row, the usual convention when C6+ is reported as a single pseudo-component.
 */
export const COMPONENT_PROPS = {
  // methane — [T1] 16.043; [T2] row "methane"; [T3] row "methane" (891.09 kJ/mol at 20 °C: A, B).
  CH4: {
    name: 'methane',
    molarMass: '16.043',
    gcv: { 0: '892.97', 15: '891.56', 20: '891.09', 25: '890.63' },
    ncv: { 0: '802.82', 15: '802.69', 20: '802.65', 25: '802.60' },
    sqrtB: { 0: '0.0490', 15: '0.0447', 20: '0.0436' },
  },
  // ethane — [T1] 30.070; [T2] row "ethane"; [T3] row "ethane" (A, B; √b 0/15 also C).
  C2H6: {
    name: 'ethane',
    molarMass: '30.070',
    gcv: { 0: '1564.34', 15: '1562.14', 20: '1561.41', 25: '1560.69' },
    ncv: { 0: '1429.12', 15: '1428.84', 20: '1428.74', 25: '1428.64' },
    sqrtB: { 0: '0.1000', 15: '0.0922', 20: '0.0894' },
  },
  // propane — [T1] 44.097; [T2] row "propane"; [T3] row "propane" (A, B; √b 0/15 also C).
  C3H8: {
    name: 'propane',
    molarMass: '44.097',
    gcv: { 0: '2224.01', 15: '2221.10', 20: '2220.13', 25: '2219.17' },
    ncv: { 0: '2043.71', 15: '2043.37', 20: '2043.23', 25: '2043.11' },
    sqrtB: { 0: '0.1453', 15: '0.1338', 20: '0.1288' },
  },
  // 2-methylpropane (isobutane) — [T1] 58.123; [T2]/[T3] row "2-methylpropane" (A, B; √b 0/15 also C).
  iC4H10: {
    name: '2-methylpropane',
    molarMass: '58.123',
    gcv: { 0: '2874.20', 15: '2870.58', 20: '2869.38', 25: '2868.20' },
    ncv: { 0: '2648.83', 15: '2648.42', 20: '2648.26', 25: '2648.12' },
    sqrtB: { 0: '0.2049', 15: '0.1789', 20: '0.1703' },
  },
  // n-butane — [T1] 58.123; [T2]/[T3] row "n-butane" (A, B; √b 0/15 also C).
  nC4H10: {
    name: 'n-butane',
    molarMass: '58.123',
    gcv: { 0: '2883.82', 15: '2879.76', 20: '2878.57', 25: '2877.40' },
    ncv: { 0: '2658.45', 15: '2657.60', 20: '2657.45', 25: '2657.32' },
    sqrtB: { 0: '0.2069', 15: '0.1871', 20: '0.1783' },
  },
  // 2-methylbutane (isopentane) — [T1] 72.150; [T2]/[T3] row "2-methylbutane" (A, B; √b 0/15 also C).
  iC5H12: {
    name: '2-methylbutane',
    molarMass: '72.150',
    gcv: { 0: '3535.98', 15: '3531.68', 20: '3530.24', 25: '3528.83' },
    ncv: { 0: '3265.54', 15: '3265.08', 20: '3264.89', 25: '3264.73' },
    sqrtB: { 0: '0.2510', 15: '0.2280', 20: '0.2168' },
  },
  // n-pentane — [T1] 72.150; [T2]/[T3] row "n-pentane" (A, B; √b 0/15 also C).
  nC5H12: {
    name: 'n-pentane',
    molarMass: '72.150',
    gcv: { 0: '3542.89', 15: '3538.60', 20: '3537.17', 25: '3535.77' },
    ncv: { 0: '3272.45', 15: '3272.00', 20: '3271.83', 25: '3271.67' },
    sqrtB: { 0: '0.2864', 15: '0.2510', 20: '0.2345' },
  },
  // n-hexane — [T1] 86.177; [T2]/[T3] row "n-hexane" (A, B; √b 0/15 also C). Also used for C6plus.
  nC6H14: {
    name: 'n-hexane',
    molarMass: '86.177',
    gcv: { 0: '4203.23', 15: '4198.24', 20: '4196.58', 25: '4194.95' },
    ncv: { 0: '3887.71', 15: '3887.21', 20: '3887.01', 25: '3886.84' },
    sqrtB: { 0: '0.3286', 15: '0.2950', 20: '0.2846' },
  },
  // nitrogen — [T1] 28.0135; [T2] row "nitrogen" (A, B at 20 °C; A, C at 0/15 °C); incombustible.
  N2: {
    name: 'nitrogen',
    molarMass: '28.0135',
    gcv: zero,
    ncv: zero,
    sqrtB: { 0: '0.0224', 15: '0.0173', 20: '0.0173' },
  },
  // carbon dioxide — [T1] 44.010; [T2] row "carbon dioxide" (A, B at 20 °C; A, C at 0/15 °C).
  CO2: {
    name: 'carbon dioxide',
    molarMass: '44.010',
    gcv: zero,
    ncv: zero,
    sqrtB: { 0: '0.0819', 15: '0.0748', 20: '0.0728' },
  },
  // hydrogen sulfide — [T1] 34.082; [T2]/[T3] row "hydrogen sulfide" (A, B at 20 °C;
  // √b 0.1000 at 0 and 15 °C: A only).
  H2S: {
    name: 'hydrogen sulfide',
    molarMass: '34.082',
    gcv: { 0: '562.94', 15: '562.38', 20: '562.19', 25: '562.01' },
    ncv: { 0: '517.87', 15: '517.95', 20: '517.97', 25: '517.99' },
    sqrtB: { 0: '0.1000', 15: '0.1000', 20: '0.1000' },
  },
  // helium — [T1] 4.0026; [T2] row "helium": √b 0 at 20 °C (A, B); 0.0006 / 0.0002 at 0 / 15 °C (A only).
  He: {
    name: 'helium',
    molarMass: '4.0026',
    gcv: zero,
    ncv: zero,
    sqrtB: { 0: '0.0006', 15: '0.0002', 20: '0' },
  },
  // hydrogen — [T1] 2.0159; [T3] row "hydrogen" (A, B). [T2] row "hydrogen" √b is NEGATIVE
  // (Z_H2 = 1.0006 > 1): −0.0051 at 20 °C (B), −0.0040 / −0.0048 at 0 / 15 °C (C). Source (A)
  // stores 0 for all three, which cannot reproduce Z > 1; we follow B and C. See docs/gas-quality.md.
  H2: {
    name: 'hydrogen',
    molarMass: '2.0159',
    gcv: { 0: '286.63', 15: '286.15', 20: '285.99', 25: '285.83' },
    ncv: { 0: '241.56', 15: '241.72', 20: '241.76', 25: '241.81' },
    sqrtB: { 0: '-0.0040', 15: '-0.0048', 20: '-0.0051' },
  },
  // oxygen — [T1] 31.9988; [T2] row "oxygen" (A, B at 20 °C; A, C at 0/15 °C).
  O2: {
    name: 'oxygen',
    molarMass: '31.9988',
    gcv: zero,
    ncv: zero,
    sqrtB: { 0: '0.0316', 15: '0.0283', 20: '0.0265' },
  },
  // 2,2-dimethylpropane (neopentane) — [T1] 72.150; [T2]/[T3] row "2,2-dimethylpropane"
  // (A, B; √b 0/15 also C).
  neoC5H12: {
    name: '2,2-dimethylpropane',
    molarMass: '72.150',
    gcv: { 0: '3521.72', 15: '3517.43', 20: '3516.01', 25: '3514.61' },
    ncv: { 0: '3251.28', 15: '3250.83', 20: '3250.67', 25: '3250.51' },
    sqrtB: { 0: '0.2387', 15: '0.2121', 20: '0.2025' },
  },
  // n-heptane — [T1] 100.204; [T2]/[T3] row "n-heptane" (A, B at 20 °C; 0/15/25 °C: A only).
  nC7H16: {
    name: 'n-heptane',
    molarMass: '100.204',
    gcv: { 0: '4862.87', 15: '4857.18', 20: '4855.29', 25: '4853.43' },
    ncv: { 0: '4502.28', 15: '4501.72', 20: '4501.49', 25: '4501.30' },
    sqrtB: { 0: '0.4123', 15: '0.3661', 20: '0.3521' },
  },
  // n-octane — [T1] 114.231; [T2]/[T3] row "n-octane" (A, B at 20 °C; 0/15/25 °C: A only).
  nC8H18: {
    name: 'n-octane',
    molarMass: '114.231',
    gcv: { 0: '5522.40', 15: '5516.01', 20: '5513.88', 25: '5511.80' },
    ncv: { 0: '5116.73', 15: '5116.11', 20: '5115.87', 25: '5115.66' },
    sqrtB: { 0: '0.5079', 15: '0.4450', 20: '0.4278' },
  },
  // carbon monoxide — [T1] 28.010; [T2]/[T3] row "carbon monoxide" (A, B at 20 °C; 0/15/25 °C: A only).
  // GCV = NCV (no hydrogen).
  CO: {
    name: 'carbon monoxide',
    molarMass: '28.010',
    gcv: { 0: '282.80', 15: '282.91', 20: '282.95', 25: '282.98' },
    ncv: { 0: '282.80', 15: '282.91', 20: '282.95', 25: '282.98' },
    sqrtB: { 0: '0.0265', 15: '0.0224', 20: '0.0200' },
  },
  // water — [T1] 18.0153; [T2] row "water"; [T3] row "water": the gross value is the enthalpy of
  // vaporisation (44.224 kJ/mol at 20 °C: A, B), net value 0. 0/15/25 °C and √b 0/15: A only.
  H2O: {
    name: 'water',
    molarMass: '18.0153',
    gcv: { 0: '45.074', 15: '44.433', 20: '44.224', 25: '44.016' },
    ncv: zero,
    sqrtB: { 0: '0.2646', 15: '0.2345', 20: '0.2191' },
  },
  // argon — [T1] 39.948; [T2] row "argon" (A, B at 20 °C; 0/15 °C: A only).
  Ar: {
    name: 'argon',
    molarMass: '39.948',
    gcv: zero,
    ncv: zero,
    sqrtB: { 0: '0.0316', 15: '0.0283', 20: '0.0265' },
  },
} as const satisfies Record<string, ComponentProps>;

export type TableComponent = keyof typeof COMPONENT_PROPS;

/** Molar gas constant R = 8.314 510 J/(mol·K) [§4; A, B, C]. */
export const R_1995 = '8.314510';

/** Reference (metering and combustion) pressure p = 101.325 kPa (GB/T 11062 / DOMAIN.md §2). */
export const P_REF_KPA = '101.325';

/** 0 °C in kelvin. */
export const T0_K = '273.15';

/** Molar mass of dry air of standard composition, M_air = 28.9626 kg/kmol [§4; A (docs), C]. */
export const M_AIR_1995 = '28.9626';

/**
 * Compression factor of dry air of standard composition at 101.325 kPa, by metering
 * temperature [§4 / Table 2 note]: 0 °C 0.99941 (A docs, C), 15 °C 0.99958 (A docs, C),
 * 20 °C 0.99963 (A docs, B).
 */
export const Z_AIR_1995: Record<MeteringTemp, string> = { 0: '0.99941', 15: '0.99958', 20: '0.99963' };
