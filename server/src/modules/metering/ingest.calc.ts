/**
 * One row format for every delivery import channel (JSON batch, CSV, Excel, CLI): raw cells in,
 * a normalised row or row errors out. Pure.
 *
 * Hourly values: optional, exactly 24 (hour 1 = the first hour of the gas day). When given
 * without a daily volume, the daily volume is their sum; when both are given, the sum must equal
 * the daily volume within 0.001 m³. Volumes are stored with 3 decimal places (NUMERIC(16,3)).
 */
import { Decimal, dec } from '@common/decimal';
import type { RowError } from './metering.errors';
import type { Origin } from './metering.tables';

export interface DeliveryRow {
  row: number;
  meterNo: string;
  gasDay: string;
  volumeM3: string;
  origin: Origin;
  hourly: string[] | null;
  reason: string | null;
}

export const HOUR_KEYS = Array.from({ length: 24 }, (_, i) => `h${String(i + 1).padStart(2, '0')}`);
const HOURLY_TOLERANCE = new Decimal('0.001');

/** Column headers accepted in files (zh or en, case-insensitive) → field name. */
const HEADER_ALIASES: Record<string, string> = {
  计量表号: 'meterNo',
  表号: 'meterNo',
  meter: 'meterNo',
  meter_no: 'meterNo',
  meterno: 'meterNo',
  燃气日: 'gasDay',
  日期: 'gasDay',
  gas_day: 'gasDay',
  gasday: 'gasDay',
  date: 'gasDay',
  'meterno.': 'meterNo',
  'volume(m³)': 'volumeM3',
  'volume(m3)': 'volumeM3',
  '日气量(m³)': 'volumeM3',
  '日气量(m3)': 'volumeM3',
  日气量: 'volumeM3',
  '气量(m³)': 'volumeM3',
  volume_m3: 'volumeM3',
  volumem3: 'volumeM3',
  volume: 'volumeM3',
  来源: 'origin',
  数据来源: 'origin',
  origin: 'origin',
  备注: 'reason',
  修改原因: 'reason',
  reason: 'reason',
};

export function normalizeHeader(h: unknown): string | null {
  const s = String(h ?? '')
    .trim()
    .replace(/^\uFEFF/, '');
  if (!s) return null;
  const lower = s.toLowerCase().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  if (HEADER_ALIASES[lower]) return HEADER_ALIASES[lower];
  if (HEADER_ALIASES[s]) return HEADER_ALIASES[s];
  const first = s.split(/\s+/)[0];
  if (first !== s) return normalizeHeader(first);
  const m = /^h0?(\d{1,2})$/.exec(lower) ?? /^(\d{1,2})时$/.exec(lower);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 24) return HOUR_KEYS[Number(m[1]) - 1];
  return null;
}

const ORIGINS: Record<string, Origin> = {
  scada: 'scada',
  自动: 'scada',
  自动采集: 'scada',
  manual: 'manual',
  人工: 'manual',
  手工: 'manual',
  人工录入: 'manual',
  estimate: 'estimate',
  估算: 'estimate',
  估计: 'estimate',
};

/** A cell as text: Date → its date, number → its decimal text, blank → undefined. */
export function cellText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  if (v == null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid date' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? dec(v).toFixed() : String(v);
  if (typeof v === 'object' && 'result' in (v as any)) return cellText((v as any).result); // Excel formula cell
  if (typeof v === 'object' && 'text' in (v as any)) return cellText((v as any).text); // Excel rich text / hyperlink
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

export function isValidDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Accepts YYYY-MM-DD, YYYY/M/D and YYYY.M.D, and Excel day serials given as numbers. */
const dayCache = new Map<string, string | null>();

export function parseDay(v: unknown): string | null {
  if (typeof v === 'string') {
    const hit = dayCache.get(v);
    if (hit !== undefined) return hit;
    const r = parseDayUncached(v);
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(v, r);
    return r;
  }
  return parseDayUncached(v);
}

function parseDayUncached(v: unknown): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  const s = cellText(v);
  if (!s) return null;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidDay(day) ? day : null;
}

/** Parse a non-negative quantity with at most `dp` places and `intDigits` integer digits. */
/**
 * Fast path of parseQuantity for the common form (digits, optional fraction of ≤ `dp` digits):
 * the exact value with exactly `dp` places, by string manipulation only; else null.
 */
export function plainQuantity(s: string, dp = 3, intDigits = 13): string | null {
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (!int.length || int.length > intDigits || frac.length > dp || (dot >= 0 && !frac.length)) return null;
  for (let i = 0; i < int.length; i++) {
    const c = int.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  for (let i = 0; i < frac.length; i++) {
    const c = frac.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  let k = 0;
  while (k < int.length - 1 && int.charCodeAt(k) === 48) k++;
  return dp ? `${int.slice(k)}.${frac.padEnd(dp, '0')}` : int.slice(k);
}

/** A non-negative quantity as a string with exactly `dp` places, or undefined (error pushed / blank). */
export function parseQuantityText(row: number, field: string, v: unknown, errors: RowError[], dp = 3, intDigits = 13): string | undefined {
  if (typeof v === 'string') {
    const fast = plainQuantity(v, dp, intDigits);
    if (fast !== null) return fast;
  }
  const d = parseQuantity(row, field, v, errors, dp, intDigits);
  return d === undefined ? undefined : d.toFixed(dp);
}

export function parseQuantity(row: number, field: string, v: unknown, errors: RowError[], dp = 3, intDigits = 13): Decimal | undefined {
  const s = cellText(v);
  if (s === undefined) return undefined;
  const t = s.replace(/\s/g, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) {
    errors.push({ row, field, code: 'BAD_NUMBER', params: { value: s } });
    return undefined;
  }
  const d = dec(t);
  if (d.isNegative() && !d.isZero()) {
    errors.push({ row, field, code: 'NEGATIVE', params: { value: s } });
    return undefined;
  }
  if (d.decimalPlaces() > dp) {
    errors.push({ row, field, code: 'TOO_PRECISE', params: { dp, value: s } });
    return undefined;
  }
  if (d.trunc().toFixed().length > intDigits) {
    errors.push({ row, field, code: 'TOO_LARGE', params: { value: s } });
    return undefined;
  }
  return d.abs();
}

function hasHourColumns(raw: Record<string, unknown>): boolean {
  for (const k of HOUR_KEYS) {
    const v = raw[k];
    if (v !== undefined && v !== null && v !== '' && cellText(v) !== undefined) return true;
  }
  return false;
}

/** Normalise one raw row (an object of field → cell). Returns the row or pushes errors. */
export function parseDeliveryRow(raw: Record<string, unknown>, row: number, defaultOrigin: Origin, errors: RowError[]): DeliveryRow | null {
  const before = errors.length;
  const meterNo = cellText(raw.meterNo);
  if (!meterNo) errors.push({ row, field: 'meterNo', code: 'REQUIRED' });
  else if (meterNo.length > 64) errors.push({ row, field: 'meterNo', code: 'TOO_LONG', params: { max: 64 } });
  const dayText = cellText(raw.gasDay);
  const gasDay = parseDay(raw.gasDay);
  if (!dayText) errors.push({ row, field: 'gasDay', code: 'REQUIRED' });
  else if (!gasDay) errors.push({ row, field: 'gasDay', code: 'BAD_DATE', params: { value: dayText } });

  let origin = defaultOrigin;
  const o = raw.origin === 'scada' || raw.origin === 'manual' || raw.origin === 'estimate' ? raw.origin : cellText(raw.origin);
  if (o) {
    const m = ORIGINS[o] ?? ORIGINS[o.toLowerCase()];
    if (m) origin = m;
    else errors.push({ row, field: 'origin', code: 'BAD_ORIGIN', params: { value: o } });
  }

  // Hourly values: an array `hourly` (JSON) or columns h01..h24 (files).
  let hourlyRaw: unknown[] | null = null;
  if (Array.isArray(raw.hourly)) hourlyRaw = raw.hourly;
  else if (raw.hourly != null && raw.hourly !== '') errors.push({ row, field: 'hourly', code: 'HOURLY_COUNT', params: { count: 1 } });
  else if (hasHourColumns(raw)) hourlyRaw = HOUR_KEYS.map((k) => raw[k]);
  let hourly: Decimal[] | null = null;
  if (hourlyRaw) {
    const present = hourlyRaw.filter((v) => cellText(v) !== undefined).length;
    if (hourlyRaw.length !== 24 || present !== 24) errors.push({ row, field: 'hourly', code: 'HOURLY_COUNT', params: { count: present } });
    else {
      const parsed = hourlyRaw.map((v, i) => parseQuantity(row, Array.isArray(raw.hourly) ? 'hourly' : HOUR_KEYS[i], v, errors));
      if (parsed.every((x) => x !== undefined)) hourly = parsed as Decimal[];
    }
  }

  const volText = cellText(raw.volumeM3);
  let volume = parseQuantityText(row, 'volumeM3', raw.volumeM3, errors);
  if (hourly) {
    const sum = hourly.reduce((a, b) => a.plus(b), new Decimal(0));
    if (volume === undefined && volText === undefined) volume = sum.toFixed(3);
    else if (volume !== undefined && dec(volume).minus(sum).abs().gt(HOURLY_TOLERANCE)) errors.push({ row, field: 'hourly', code: 'HOURLY_SUM', params: { sum: sum.toFixed(3), volume } });
  } else if (volText === undefined && !hourlyRaw) errors.push({ row, field: 'volumeM3', code: 'REQUIRED' });

  const reason = cellText(raw.reason) ?? null;
  if (reason && reason.length > 500) errors.push({ row, field: 'reason', code: 'TOO_LONG', params: { max: 500 } });
  if (errors.length > before) return null;
  return { row, meterNo: meterNo!, gasDay: gasDay!, volumeM3: volume!, origin, hourly: hourly ? hourly.map((h) => h.toFixed(3)) : null, reason };
}

/** Dates out of range: after the current gas day, or before `minDay` (two years back). */
export function checkDayRange(rows: readonly DeliveryRow[], minDay: string, maxDay: string, errors: RowError[]): Set<number> {
  const bad = new Set<number>();
  for (const r of rows) {
    if (r.gasDay > maxDay) errors.push({ row: r.row, field: 'gasDay', code: 'FUTURE_DAY', params: { value: r.gasDay, max: maxDay } });
    else if (r.gasDay < minDay) errors.push({ row: r.row, field: 'gasDay', code: 'TOO_OLD', params: { value: r.gasDay, min: minDay } });
    else continue;
    bad.add(r.row);
  }
  return bad;
}

/**
 * Duplicate rows within one file (same meter and gas day): every row of such a group is invalid
 * (which value is right is ambiguous); each error names the other rows.
 */
export function checkDuplicates(rows: readonly DeliveryRow[], errors: RowError[]): Set<number> {
  // Numeric keys (interned meter × interned day): far cheaper than string keys for 10⁵–10⁶ rows.
  const meters = new Map<string, number>();
  const days = new Map<string, number>();
  const first = new Map<number, number>();
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    let m = meters.get(r.meterNo);
    if (m === undefined) meters.set(r.meterNo, (m = meters.size));
    let d = days.get(r.gasDay);
    if (d === undefined) days.set(r.gasDay, (d = days.size));
    const k = d < 4096 ? m * 4096 + d : -(m * 1_048_576 + d); // small integers while days < 4096
    const f = first.get(k);
    if (f === undefined) first.set(k, r.row);
    else {
      const g = groups.get(k);
      if (g) g.push(r.row);
      else groups.set(k, [f, r.row]);
    }
  }
  const bad = new Set<number>();
  for (const g of groups.values()) {
    for (const n of g) {
      bad.add(n);
      errors.push({ row: n, field: 'meterNo', code: 'DUPLICATE', params: { rows: g.filter((x) => x !== n).join('、') } });
    }
  }
  return bad;
}
