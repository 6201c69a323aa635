/** 销户 check (DOMAIN.md §3): a customer with an open reduce/stop case cannot be closed. */
import type { CloseCheck } from '../../platform/module';
import type { Tx } from '../../platform/db/database';
import * as repo from './procedures.repo';

export async function hasOpenCase(db: Tx, customerId: number): Promise<boolean> {
  return !!(await repo.findOpenCase(db, customerId));
}

export const openCaseCloseCheck: CloseCheck = async (db, customerId) => {
  const c = await repo.findOpenCase(db, customerId);
  return c ? { zh: `客户有未结束的减停气案件（案件号 ${c.id}）`, en: `The customer has an open reduce/stop case (#${c.id})` } : null;
};
