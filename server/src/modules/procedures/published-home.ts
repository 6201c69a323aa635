/**
 * Published read for the home page (home module): open reduce/stop cases in the user's scope, and
 * the queues the user works — 保民用 stops awaiting approval, instructions awaiting execution —
 * counted by the same queries as the procedures pages' lists.
 */
import { can } from '@common/roles';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { CaseListQuery } from './procedures.schema';
import { listApprovals, listCases, listInstructions } from './procedures.queries';

export interface ProceduresHome {
  openCases: number;
  /** null when the user cannot approve. */
  pendingApprovals: number | null;
  /** null when the user does not execute instructions. */
  pendingInstructions: number | null;
}

export async function proceduresHome(db: Tx, user: SessionUser): Promise<ProceduresHome> {
  const open = await listCases(db, user, CaseListQuery.parse({ status: 'active', pageSize: 1 }));
  const approvals = can(user.roles, 'procedures:approve_stop') ? (await listApprovals(db, user, { status: 'pending', page: 1, pageSize: 1 })).total : null;
  const instructions = can(user.roles, 'procedures:execute') ? (await listInstructions(db, user, { status: 'pending', page: 1, pageSize: 1 })).total : null;
  return { openCases: open.total, pendingApprovals: approvals, pendingInstructions: instructions };
}
