/** Priority classes of customers for winter curtailment (保民用、保公用、保重点, DOMAIN.md §5). Pure. */
import type { PriorityClass } from './curtailment.calc';

/** Public services by name: hospitals, schools, public transport, heating, water (DOMAIN.md §5 "public services"). */
const PUBLIC_NAME = /医院|卫生院|学校|学院|大学|中学|小学|幼儿园|公交|客运|供暖|供热|污水|供排水|自来水|水务/;

export interface ClassInput {
  name: string;
  type: string;
  tags: string[];
  /** Override set in the supply module (supply_customer_profiles). */
  override: 'public' | 'key' | 'other' | 'interruptible' | null;
}

/**
 * The class of a customer's demand apart from its residential share (DOMAIN.md §5): an override
 * wins; else interruptible (tag 可中断) is served last, public services next after residential,
 * key users (tag 重点客户), then others.
 */
export function customerClass(c: ClassInput): Exclude<PriorityClass, 'residential'> {
  if (c.override) return c.override;
  if (c.tags.includes('可中断')) return 'interruptible';
  if (c.tags.includes('公共服务') || PUBLIC_NAME.test(c.name)) return 'public';
  if (c.tags.includes('重点客户')) return 'key';
  return 'other';
}

/** The verified residential share served first (city-gas distributors serving residents), or null. */
export function residentialShareOf(c: { type: string; servesResidents: boolean; residentialShare: string | null }): string | null {
  return c.type === 'city_gas' && c.servesResidents && c.residentialShare !== null ? c.residentialShare : null;
}
