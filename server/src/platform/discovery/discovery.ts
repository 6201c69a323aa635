/**
 * Cross-module discovery (issue 9 items 6 and 7): the global search (Ctrl+K) and the customer's
 * one activity timeline. Each module contributes what it owns through its definition
 * (`QikeModule.search`, `QikeModule.activity`); the routes that merge them live in the system
 * module (search) and the customers module (timeline). Sources are read-only, set-based (one
 * statement each), and apply the user's customer scope themselves.
 */
import type { Msg } from '@common/lang';
import { can, type Permission } from '@common/roles';
import type { SessionUser } from '../auth/session-user';
import type { AppContext } from '../module';

export const SEARCH_KINDS = ['customer', 'delivery_point', 'procedure_case', 'issue', 'onboarding_case', 'notice'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** Unique within the kind. */
  id: string;
  title: string;
  /** A second line: code, customer, status… (already in the user's language). */
  subtitle: string | null;
  /** Where the web app opens it. */
  path: string;
}

export interface SearchSource {
  /** The permission a user needs for this source to be asked at all. */
  permission: Permission;
  /** Up to `limit` hits for the normalised query `q` (trimmed, lower-case, ≥ 1 character). */
  find(ctx: AppContext, user: SessionUser, q: string, limit: number): Promise<SearchHit[]>;
}

export const ACTIVITY_KINDS = ['lifecycle', 'payment', 'charges', 'visit', 'issue', 'notice', 'procedure', 'correction'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityEntry {
  kind: ActivityKind;
  /** ISO timestamp (UTC, 'YYYY-MM-DDTHH:mm:ss.sssZ'; a date-only fact is placed at 00:00 Asia/Shanghai of its day). */
  at: string;
  title: Msg;
  detail: Msg | null;
  /** Money of the entry in fen (payments, the month's charges), else null. */
  amountFen: number | null;
  /** Who did it, when known. */
  actor: string | null;
  /** Where the web app opens the underlying record, when it has a page. */
  path: string | null;
}

export interface ActivityRange {
  /** Inclusive 'YYYY-MM-DD' days (Asia/Shanghai). */
  from: string;
  to: string;
}

export interface ActivitySource {
  permission: Permission;
  kinds: readonly ActivityKind[];
  /** Entries of one customer (access already checked by the caller) within the range. */
  read(ctx: AppContext, user: SessionUser, customerId: number, range: ActivityRange): Promise<ActivityEntry[]>;
}

/** 'YYYY-MM-DD' → the ISO timestamp (UTC) of its start in China time, so entries sort as strings. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** A Date or timestamp string from the driver → ISO. */
export function iso(t: Date | string): string {
  return (t instanceof Date ? t : new Date(t)).toISOString();
}

/** A user's text with LIKE's wildcards escaped. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** LIKE pattern: the text anywhere. */
export function likePattern(q: string): string {
  return '%' + escapeLike(q) + '%';
}

/** LIKE pattern: the text at the start. */
export function prefixPattern(q: string): string {
  return escapeLike(q) + '%';
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/**
 * The global search: every module's source the user may use, asked at once; hits grouped in the
 * order of SEARCH_KINDS, at most `limit` per source. `q` is normalised here (trim, lower case).
 */
export async function searchAll(ctx: AppContext, user: SessionUser, rawQ: string, limit: number): Promise<SearchHit[]> {
  const q = rawQ.trim().toLowerCase();
  if (!q) return [];
  const sources = ctx.modules.flatMap((m) => asList(m.search)).filter((s) => can(user.roles, s.permission));
  const found = await Promise.all(sources.map((s) => s.find(ctx, user, q, limit)));
  return found.flat().sort((a, b) => SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind));
}

/**
 * A customer's activity timeline: the entries of every module's source the user may read, of the
 * wanted kinds, newest first. The caller has checked the user's access to the customer.
 */
export async function customerActivity(ctx: AppContext, user: SessionUser, customerId: number, range: ActivityRange, kinds: readonly ActivityKind[]): Promise<ActivityEntry[]> {
  const sources = ctx.modules.flatMap((m) => asList(m.activity)).filter((s) => can(user.roles, s.permission) && s.kinds.some((k) => kinds.includes(k)));
  const all = (await Promise.all(sources.map((s) => s.read(ctx, user, customerId, range)))).flat();
  return all.filter((e) => kinds.includes(e.kind)).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
