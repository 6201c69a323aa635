/** Which operation-area users (采气作业区) receive a customer's instructions. */
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import * as repo from './procedures.repo';

/** '泸州采气作业区' → '泸州': the place an operation area is named after. */
export function areaKey(department: string | null): string | null {
  const k = (department ?? '').replace(/(采气)?作业区.*$/, '').trim();
  return k.length >= 2 ? k : null;
}

/**
 * Operation-area users for a customer: those whose department names the customer's county,
 * city or province (e.g. 宜宾作业区 for a customer in 宜宾市); when none matches, all of them.
 */
export async function operatorsFor(db: Tx, customer: { province: string | null; city: string | null; county: string | null }) {
  const all = await repo.usersWithRole(db, ['operation_area']);
  const places = [customer.county, customer.city, customer.province].filter((x): x is string => !!x);
  const matches = (d: string | null) => {
    const k = areaKey(d);
    return !!k && places.some((p) => p.includes(k));
  };
  const suggested = all.filter((u) => matches(u.department));
  return all.map((u) => ({ id: u.id, name: u.display_name, department: u.department, phone: u.phone, suggested: suggested.length ? suggested.includes(u) : true }));
}

/** The operators an instruction goes to: the ones chosen (checked), else the suggested ones. */
export async function pickOperators(db: Tx, customer: repo.CustomerRow, chosen?: number[]): Promise<number[]> {
  const list = await operatorsFor(db, customer);
  if (chosen?.length) {
    const valid = new Set(list.map((u) => u.id));
    for (const id of chosen) if (!valid.has(id)) throw new AppError('PROC_BAD_OPERATOR', { userId: id });
    return [...new Set(chosen)];
  }
  const ids = list.filter((u) => u.suggested).map((u) => u.id);
  if (!ids.length) throw new AppError('PROC_NO_OPERATOR');
  return ids;
}
