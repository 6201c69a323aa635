/**
 * The payment-monitoring board (气款监控) and its level counts, read from the whole company's board
 * built once per data version (platform/db/versioned-cache.ts: any process's write to its inputs
 * rebuilds it on the next read) and narrowed to the user's customers. A filtered board (level,
 * manager, region, search, mine) is one statement of its own (board.repo.ts).
 */
import type { Db } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { versionedCache } from '../../platform/db/versioned-cache';
import { customerIdsInScope, keepInScope } from '../customers';
import { PAYMENT_LEVELS, type PaymentLevel } from './accounts.calc';
import { board, type BoardQuery, type BoardRow } from './board.repo';

/** Inputs: payment levels (accounts), customers and managers (customers), user names (platform). */
const companyBoard = versionedCache<BoardRow[]>({ name: 'accounts.board', domains: ['accounts', 'customers', 'platform'], maxEntries: 1 });

/** Every board row of the user's customers, in risk order. */
export async function boardInScope(db: Db, user: SessionUser): Promise<BoardRow[]> {
  const r = await companyBoard.read(db, 'company', async (db) => (await board(db, null, { page: 1, pageSize: 0 })).items, customerIdsInScope(user));
  return keepInScope(r.value, r.extra, (x) => x.customerId);
}

/** Counts per level (board header, home page). */
export function levelCounts(rows: BoardRow[]): Record<PaymentLevel, number> {
  const out = Object.fromEntries(PAYMENT_LEVELS.map((l) => [l, 0])) as Record<PaymentLevel, number>;
  for (const r of rows) out[r.level]++;
  return out;
}

export async function paymentBoard(db: Db, user: SessionUser, q: BoardQuery) {
  const rows = await boardInScope(db, user);
  const counts = levelCounts(rows);
  // any filter of the query (derived, so a filter added to BoardQuery can never be ignored here) → its own statement
  const { page, pageSize, ...filters } = q;
  const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
  if (filtered) return { ...(await board(db, user, q)), counts };
  return { total: rows.length, items: rows.slice((page - 1) * pageSize, page * pageSize), counts };
}
