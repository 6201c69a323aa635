/**
 * Shapes of the demo's daily deliveries (pure, seeded): winter peaks for city gas (heating season
 * Nov–Mar), steady industrial use with weekend dips and a Spring Festival lull, CNG steady with
 * growth, power plants lumpy (on/off runs), some shutdowns, estimates and missing days.
 * Floats here only shape fake data; every stored quantity is an exact decimal string.
 */
import type { Rng } from '../../platform/demo/rng';
import { addDays, daysBetween } from './gas-day.calc';
import type { Origin } from './metering.tables';

export interface DemoPoint {
  pointId: number;
  customerId: number;
  type: string;
  status: string;
}

export interface DemoDay {
  customerId: number;
  pointId: number;
  gasDay: string;
  volume: string;
  origin: Origin;
}

/** Spring Festival (春节) days; industry slows for about two weeks around them. */
const SPRING_FESTIVAL = ['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'];

const BASE_M3: Record<string, [number, number]> = {
  city_gas: [40_000, 350_000],
  industrial: [8_000, 120_000],
  chemical: [60_000, 300_000],
  cng: [6_000, 30_000],
  power: [150_000, 700_000],
  commercial: [800, 8_000],
  other: [3_000, 20_000],
};

/** Heating factor: 1 outside Nov–Mar, up to ~1.9 in mid-January. */
export function heatingFactor(day: string): number {
  const m = Number(day.slice(5, 7));
  if (m >= 4 && m <= 10) return 1;
  const doy = daysBetween(`${day.slice(0, 4)}-01-01`, day);
  const fromPeak = Math.min(Math.abs(doy - 15), 365 - Math.abs(doy - 15));
  return 1 + 0.9 * Math.max(0, Math.cos((fromPeak / 75) * (Math.PI / 2)));
}

function festivalFactor(day: string): number {
  for (const f of SPRING_FESTIVAL) {
    const d = daysBetween(f, day);
    if (d >= -5 && d <= 9) return 0.35 + 0.04 * Math.abs(d - 2);
  }
  return 1;
}

const isWeekend = (day: string) => {
  const w = new Date(day + 'T00:00:00Z').getUTCDay();
  return w === 0 || w === 6;
};

/** An exact 3-place decimal string from a simulated float volume (shape only). */
function volumeText(v: number, rng: Rng): string {
  const whole = Math.max(0, Math.floor(v));
  return `${whole}.${String(rng.int(0, 999)).padStart(3, '0')}`;
}

/** Daily deliveries for the points over [from, to], with one customer's points sharing its pattern. */
export function demoDeliveries(points: DemoPoint[], from: string, to: string, rng: Rng, onRow: (r: DemoDay) => void): void {
  const span = daysBetween(from, to) + 1;
  const byCustomer = new Map<number, DemoPoint[]>();
  for (const p of points) {
    const l = byCustomer.get(p.customerId) ?? [];
    l.push(p);
    byCustomer.set(p.customerId, l);
  }
  for (const [customerId, pts] of [...byCustomer].sort((a, b) => a[0] - b[0])) {
    const type = pts[0].type;
    const status = pts[0].status;
    const [lo, hi] = BASE_M3[type] ?? BASE_M3.other;
    const base = lo + rng.next() * (hi - lo);
    const growth = type === 'cng' ? 0.06 + rng.next() * 0.08 : (rng.next() - 0.3) * 0.06;
    const shutdown = rng.chance(0.12) ? { start: rng.int(0, span - 30), len: rng.int(4, 20) } : null;
    const endsAt = status === 'closed' ? rng.int(Math.floor(span * 0.3), Math.floor(span * 0.8)) : span;
    const weights = pts.map(() => 0.5 + rng.next());
    const wsum = weights.reduce((a, b) => a + b, 0);
    let powerOn = true;
    const jumpToday = rng.chance(0.04);
    for (let i = 0; i < Math.min(span, endsAt); i++) {
      const day = addDays(from, i);
      let f = 1 + growth * (i / 365);
      if (type === 'city_gas') f *= heatingFactor(day) * (isWeekend(day) ? 0.97 : 1);
      else if (type === 'industrial' || type === 'chemical') f *= festivalFactor(day) * (isWeekend(day) ? (type === 'chemical' ? 0.93 : 0.72) : 1);
      else if (type === 'commercial') f *= (heatingFactor(day) - 1) * 0.5 + (isWeekend(day) ? 1.15 : 1);
      else if (type === 'power') {
        if (rng.chance(powerOn ? 0.08 : 0.25)) powerOn = !powerOn;
        f *= powerOn ? 0.7 + rng.next() * 0.5 + (heatingFactor(day) - 1) * 0.4 : rng.next() < 0.5 ? 0 : 0.05 + rng.next() * 0.1;
      }
      if (shutdown && i >= shutdown.start && i < shutdown.start + shutdown.len) f = 0;
      if (status === 'restricted' && span - i <= 12) f *= 0.5;
      if (jumpToday && i === span - 1) f *= 1.7;
      const noise = 1 + rng.normal() * 0.04;
      const recent = span - i <= 3;
      for (let k = 0; k < pts.length; k++) {
        if (rng.chance(recent ? 0.03 : 0.002)) continue; // missing day
        const v = f === 0 ? 0 : base * f * noise * (weights[k] / wsum) * (1 + rng.normal() * 0.02);
        const origin: Origin = rng.chance(recent ? 0.03 : 0.004) ? 'estimate' : rng.chance(0.05) ? 'manual' : 'scada';
        onRow({ customerId, pointId: pts[k].pointId, gasDay: day, volume: f === 0 ? '0.000' : volumeText(v, rng), origin });
      }
    }
  }
}

/** A plausible pipeline-gas composition (mole fractions summing to exactly 1, 6 places). */
export function demoComposition(rng: Rng): Record<string, string> {
  const micro = (lo: number, hi: number) => Math.round((lo + rng.next() * (hi - lo)) * 1e6); // in 1e-6 mol/mol
  const parts: Record<string, number> = {
    C2H6: micro(0.004, 0.03),
    C3H8: micro(0.0005, 0.006),
    iC4H10: micro(0.0001, 0.001),
    nC4H10: micro(0.0001, 0.001),
    iC5H12: micro(0, 0.0003),
    nC5H12: micro(0, 0.0003),
    C6plus: micro(0, 0.0002),
    N2: micro(0.002, 0.02),
    CO2: micro(0.001, 0.015),
    He: micro(0, 0.0004),
    H2: micro(0, 0.0002),
    H2S: micro(0, 0.00001),
  };
  const rest = 1_000_000 - Object.values(parts).reduce((a, b) => a + b, 0);
  const out: Record<string, string> = { CH4: `0.${String(rest).padStart(6, '0')}` };
  for (const [k, v] of Object.entries(parts)) out[k] = `0.${String(v).padStart(6, '0')}`;
  return out;
}
