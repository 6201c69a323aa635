/** Display formatting. Quantities arrive as decimal strings and are formatted without binary floats. */
import i18n from '../app/i18n';
import { formatFen as fmtFen } from '@common/money';
import { dec, type Decimal } from '@common/decimal';

/** Yuan with two decimals from integer fen; `unit` adds the currency in the UI's language (元 / yuan). */
export const formatFen = (fen: number | null | undefined, unit = false): string => (fen == null ? '—' : fmtFen(fen) + (unit ? (i18n.language === 'en' ? ' yuan' : ' 元') : ''));

/** Thousands separators on a decimal string (or number), with `dp` decimals. */
export function formatNumber(v: string | number | Decimal | null | undefined, dp = 0): string {
  if (v == null || v === '') return '—';
  const s = dec(v).toFixed(dp);
  const [i, f] = s.split('.');
  const neg = i.startsWith('-');
  const int = (neg ? i.slice(1) : i).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}${f ? '.' + f : ''}`;
}

/** m³ → 万方 (10⁴ m³). */
export function formatWanfang(m3: string | number | null | undefined, dp = 2): string {
  if (m3 == null || m3 === '') return '—';
  return formatNumber(dec(m3).div(10000), dp);
}

export function formatDate(v: string | Date | null | undefined): string {
  if (!v) return '—';
  const d = typeof v === 'string' ? new Date(v.length === 10 ? v + 'T00:00:00+08:00' : v) : v;
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export function formatDateTime(v: string | Date | null | undefined): string {
  if (!v) return '—';
  const d = typeof v === 'string' ? new Date(v) : v;
  return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

/** A label with a parenthesised note in the punctuation of the language: 需求（万方） / Demand (10⁴ m³). */
export function paren(label: string, note: string | number, lang: string = i18n.language): string {
  return lang === 'en' ? `${label} (${note})` : `${label}（${note}）`;
}
