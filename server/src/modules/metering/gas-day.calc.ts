/**
 * Gas day (燃气日, DOMAIN.md §2): from `startHour`:00 (default 08:00, config.gasDayStartHour) local
 * time in Asia/Shanghai (config.timeZone) to the same hour the next day. A gas day is named by the
 * calendar date on which it starts: gas day 2026-11-26 runs 2026-11-26 08:00 → 2026-11-27 08:00.
 * Pure functions; dates travel as 'YYYY-MM-DD' strings.
 */

export interface GasDayConfig {
  startHour: number;
  timeZone: string;
}

export const DEFAULT_GAS_DAY: GasDayConfig = { startHour: 8, timeZone: 'Asia/Shanghai' };

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    fmtCache.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock parts of an instant in a time zone. */
function local(ts: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const x of fmt(timeZone).formatToParts(ts)) p[x.type] = x.value;
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: p.hour === '24' ? 0 : Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** 'YYYY-MM-DD' ± n calendar days. */
export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

/** Every day from `from` to `to` inclusive. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Days in the month of `day` or of 'YYYY-MM'. */
export function daysInMonth(monthOrDay: string): number {
  return new Date(Date.UTC(Number(monthOrDay.slice(0, 4)), Number(monthOrDay.slice(5, 7)), 0)).getUTCDate();
}

/** The gas day an instant belongs to. */
export function gasDayOf(ts: Date, cfg: GasDayConfig = DEFAULT_GAS_DAY): string {
  const l = local(ts, cfg.timeZone);
  const date = `${l.y}-${String(l.m).padStart(2, '0')}-${String(l.d).padStart(2, '0')}`;
  return l.h < cfg.startHour ? addDays(date, -1) : date;
}

/** The instant a local wall-clock time (day, hour) happens in the time zone. */
function zonedInstant(day: string, hour: number, timeZone: string): Date {
  const guess = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour);
  let t = guess;
  for (let i = 0; i < 3; i++) {
    const l = local(new Date(t), timeZone);
    const shown = Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s);
    const diff = shown - guess;
    if (diff === 0) break;
    t -= diff;
  }
  return new Date(t);
}

/** Start (inclusive) and end (exclusive) instants of a gas day. */
export function gasDayBounds(day: string, cfg: GasDayConfig = DEFAULT_GAS_DAY): { start: Date; end: Date } {
  return { start: zonedInstant(day, cfg.startHour, cfg.timeZone), end: zonedInstant(addDays(day, 1), cfg.startHour, cfg.timeZone) };
}

/** Hour of the gas day an instant falls in, 1..24 (hour 1 starts at startHour:00). */
export function gasDayHour(ts: Date, cfg: GasDayConfig = DEFAULT_GAS_DAY): number {
  const l = local(ts, cfg.timeZone);
  return ((l.h - cfg.startHour + 24) % 24) + 1;
}

/** The last complete gas day at `now` (the board's "yesterday"). */
export function lastCompleteGasDay(now: Date, cfg: GasDayConfig = DEFAULT_GAS_DAY): string {
  return addDays(gasDayOf(now, cfg), -1);
}

export function gasDayConfigOf(config: { gasDayStartHour: number; timeZone: string }): GasDayConfig {
  return { startHour: config.gasDayStartHour, timeZone: config.timeZone };
}
