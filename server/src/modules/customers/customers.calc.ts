/**
 * Customer lifecycle state machine (DOMAIN.md §3 Lifecycle, 立户到销户):
 *   潜在 prospect → 调研 survey → 审查 review → 签约 contracted → 供气 active ⇄ 减停气 restricted → 销户 closed.
 *
 * Decision on closing (DOMAIN.md leaves "from where" open): a customer may be closed from ANY
 * non-closed state — a prospect that is abandoned during survey or review is closed just like a
 * supplied customer at the end of its life — but only when every registered close check passes
 * (zero balance, no open settlement or procedure…; see AppContext.closeChecks). Closed is final.
 * Every transition needs a reason; entering 签约/供气/减停气 needs a full-time manager
 * (客户经理负责制, DOMAIN.md §3 Manager responsibility).
 */
import { CUSTOMER_STATUSES, type CustomerStatus } from '@common/customers';

const FORWARD: Record<CustomerStatus, readonly CustomerStatus[]> = {
  prospect: ['survey'],
  survey: ['review'],
  review: ['contracted'],
  contracted: ['active'],
  active: ['restricted'],
  restricted: ['active'],
  closed: [],
};

/** Statuses in which the customer must have exactly one full-time manager. */
export const STATUSES_NEEDING_FULL_TIME_MANAGER: readonly CustomerStatus[] = ['contracted', 'active', 'restricted'];

export function requiresFullTimeManager(s: CustomerStatus): boolean {
  return STATUSES_NEEDING_FULL_TIME_MANAGER.includes(s);
}

/** The statuses reachable from `from` in one step (closing included where allowed). */
export function allowedTransitions(from: CustomerStatus): CustomerStatus[] {
  if (from === 'closed') return [];
  return [...FORWARD[from], 'closed'];
}

export function isStatus(s: string): s is CustomerStatus {
  return (CUSTOMER_STATUSES as readonly string[]).includes(s);
}

export type TransitionProblem = { code: 'TRANSITION_NOT_ALLOWED' } | { code: 'TRANSITION_SAME_STATUS' } | { code: 'REASON_REQUIRED' } | { code: 'FULL_TIME_MANAGER_REQUIRED' };

export interface TransitionInput {
  from: CustomerStatus;
  to: CustomerStatus;
  reason: string;
  hasFullTimeManager: boolean;
}

/**
 * Checks one transition without I/O. Close checks from other modules are run by the service
 * after this passes (they need the database).
 */
export function checkTransition(t: TransitionInput): TransitionProblem | null {
  if (t.from === t.to) return { code: 'TRANSITION_SAME_STATUS' };
  if (!allowedTransitions(t.from).includes(t.to)) return { code: 'TRANSITION_NOT_ALLOWED' };
  if (!t.reason.trim()) return { code: 'REASON_REQUIRED' };
  if (requiresFullTimeManager(t.to) && !t.hasFullTimeManager) return { code: 'FULL_TIME_MANAGER_REQUIRED' };
  return null;
}

/** Whether removing the full-time manager is allowed in this status. */
export function canRemoveFullTimeManager(s: CustomerStatus): boolean {
  return !requiresFullTimeManager(s);
}
