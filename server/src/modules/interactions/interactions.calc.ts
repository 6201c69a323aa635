/**
 * Pure rules of the interactions module (DOMAIN.md §3 "Interactions", §6 "Manager assessment":
 * process indicators — contacts, visits, response times). No I/O.
 */
import { localParts } from '../../platform/time';

export const CONTACT_ROLES = ['legal_rep', 'finance', 'dispatch', 'safety', 'business', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const INTERACTION_KINDS = ['phone', 'visit', 'meeting', 'online'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const TOPICS = ['price', 'payment', 'quality_metering', 'policy', 'supply', 'complaint', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

type Labels<K extends string> = Record<K, { zh: string; en: string }>;
export const CONTACT_ROLE_LABELS: Labels<ContactRole> = {
  legal_rep: { zh: '法定代表人', en: 'Legal representative' },
  finance: { zh: '财务', en: 'Finance' },
  dispatch: { zh: '调度', en: 'Dispatch' },
  safety: { zh: '安全', en: 'Safety' },
  business: { zh: '经营', en: 'Business' },
  other: { zh: '其他', en: 'Other' },
};
export const KIND_LABELS: Labels<InteractionKind> = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '走访', en: 'Visit' },
  meeting: { zh: '会议', en: 'Meeting' },
  online: { zh: '线上', en: 'Online' },
};
export const TOPIC_LABELS: Labels<Topic> = {
  price: { zh: '价格', en: 'Price' },
  payment: { zh: '气款', en: 'Payment' },
  quality_metering: { zh: '质量计量', en: 'Quality & metering' },
  policy: { zh: '政策', en: 'Policy' },
  supply: { zh: '供气', en: 'Supply' },
  complaint: { zh: '投诉', en: 'Complaint' },
  other: { zh: '其他', en: 'Other' },
};
export const ISSUE_STATUS_LABELS: Labels<IssueStatus> = {
  open: { zh: '待处理', en: 'Open' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};
export const MANAGER_KIND_LABELS: Labels<'full_time' | 'part_time'> = {
  full_time: { zh: '专职', en: 'Full-time' },
  part_time: { zh: '兼职', en: 'Part-time' },
};

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** Landlines: area code (0 + 2–3 digits), hyphen, 7–8 digit number, optional extension: 0830-3100001, 023-49100203-12. */
export const LANDLINE_RE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;

/** Issue workflow: open → in_progress → resolved → closed; resolved may be reopened to in_progress. */
const ISSUE_TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export function canTransitionIssue(from: IssueStatus, to: IssueStatus): boolean {
  return ISSUE_TRANSITIONS[from].includes(to);
}

export function allowedIssueTransitions(from: IssueStatus): readonly IssueStatus[] {
  return ISSUE_TRANSITIONS[from];
}

/** Local calendar date 'YYYY-MM-DD' of an instant in a time zone (Asia/Shanghai by default, DOMAIN.md §2). */
export function localDate(at: Date, timeZone = 'Asia/Shanghai'): string {
  return localParts(at, timeZone).date;
}

/** Whole minutes from `a` to `b`, rounded down; null when either is missing. */
export function minutesBetween(a: Date | null, b: Date | null): number | null {
  if (!a || !b) return null;
  return Math.floor((b.getTime() - a.getTime()) / 60_000);
}

export interface IssueTimesInput {
  raisedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  status: IssueStatus;
  dueOn: string; // 'YYYY-MM-DD', the last day on which resolving is on time
}

export interface IssueTimes {
  /** Minutes from raised to the first response (status left 'open'), null while unanswered. */
  firstResponseMinutes: number | null;
  /** Minutes from raised to resolved, null while unresolved. */
  resolutionMinutes: number | null;
  /** Not yet resolved and the due day is over (local calendar). */
  overdue: boolean;
  /** Resolved, but on a local day after the due day. */
  resolvedLate: boolean;
}

/**
 * Response and resolution times of a customer issue (DOMAIN.md §3: issues tracked to closure with
 * owner, due date and response time; §6 process indicators). An issue is due at the end of its
 * due day in the seller's time zone: overdue while unresolved once that day has passed.
 */
export function issueTimes(i: IssueTimesInput, now: Date, timeZone = 'Asia/Shanghai'): IssueTimes {
  const unresolved = i.status === 'open' || i.status === 'in_progress';
  return {
    firstResponseMinutes: minutesBetween(i.raisedAt, i.firstResponseAt),
    resolutionMinutes: unresolved ? null : minutesBetween(i.raisedAt, i.resolvedAt),
    overdue: unresolved && localDate(now, timeZone) > i.dueOn,
    resolvedLate: !unresolved && i.resolvedAt !== null && localDate(i.resolvedAt, timeZone) > i.dueOn,
  };
}

/** Average in whole minutes (half up), null for no observations. */
export function averageMinutes(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((2 * sum + count) / (2 * count));
}

/** True when a task is still to do and its due day is before `today` (local 'YYYY-MM-DD'). */
export function taskOverdue(status: TaskStatus, dueOn: string, today: string): boolean {
  return status === 'open' && dueOn < today;
}

// ---- period bucketing (month / quarter / year) ----

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])/;

/** The period ('YYYY-MM', 'YYYY-Qn' or 'YYYY') a date or month ('YYYY-MM[-DD]') falls in. */
export function periodOf(dateOrMonth: string, g: Granularity): string {
  const m = MONTH_RE.exec(dateOrMonth);
  if (!m) throw new RangeError(`not a date or month: ${dateOrMonth}`);
  const [, y, mm] = m;
  if (g === 'year') return y;
  if (g === 'quarter') return `${y}-Q${Math.floor((Number(mm) - 1) / 3) + 1}`;
  return `${y}-${mm}`;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a period key. */
export function periodBounds(key: string): { from: string; to: string } {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const last = q * 3;
    return { from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}` };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: `${y}-${m[2]}-01`, to: `${y}-${m[2]}-${pad(lastDayOfMonth(y, mo))}` };
  }
  throw new RangeError(`not a period: ${key}`);
}

/** Every period touched by the days from..to (inclusive), in order. */
export function periodsBetween(from: string, to: string, g: Granularity): string[] {
  if (from > to) return [];
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let mo = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && mo <= endM)) {
    const k = periodOf(`${y}-${pad(mo)}`, g);
    if (out[out.length - 1] !== k) out.push(k);
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

/** Monthly figures of one manager, as counted by SQL. */
export interface MonthlyFigures {
  managerId: number;
  month: string; // 'YYYY-MM'
  contacts: number;
  visits: number;
  phones: number;
  meetings: number;
  online: number;
  issuesOpened: number;
  issuesResolved: number;
  responseMinutesSum: number;
  responseCount: number;
}

export interface PeriodFigures extends Omit<MonthlyFigures, 'month'> {
  period: string;
  avgResponseMinutes: number | null;
}

/**
 * Roll monthly figures up into periods: counts add up, and the average response time is the
 * total of response minutes over the number of responded issues (not an average of averages).
 */
export function bucketFigures(rows: MonthlyFigures[], g: Granularity): PeriodFigures[] {
  const map = new Map<string, PeriodFigures>();
  for (const r of rows) {
    const period = periodOf(r.month, g);
    const key = `${r.managerId}|${period}`;
    let p = map.get(key);
    if (!p) {
      p = {
        managerId: r.managerId,
        period,
        contacts: 0,
        visits: 0,
        phones: 0,
        meetings: 0,
        online: 0,
        issuesOpened: 0,
        issuesResolved: 0,
        responseMinutesSum: 0,
        responseCount: 0,
        avgResponseMinutes: null,
      };
      map.set(key, p);
    }
    p.contacts += r.contacts;
    p.visits += r.visits;
    p.phones += r.phones;
    p.meetings += r.meetings;
    p.online += r.online;
    p.issuesOpened += r.issuesOpened;
    p.issuesResolved += r.issuesResolved;
    p.responseMinutesSum += r.responseMinutesSum;
    p.responseCount += r.responseCount;
  }
  const out = [...map.values()];
  for (const p of out) p.avgResponseMinutes = averageMinutes(p.responseMinutesSum, p.responseCount);
  return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.managerId - b.managerId));
}

/** Add days to a 'YYYY-MM-DD' date (calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type Figures = Omit<PeriodFigures, 'managerId' | 'period'>;

/** Totals of several rows; the average response time again from the summed minutes and counts. */
export function sumFigures(rows: Omit<MonthlyFigures, 'managerId' | 'month'>[]): Figures {
  const t = { contacts: 0, visits: 0, phones: 0, meetings: 0, online: 0, issuesOpened: 0, issuesResolved: 0, responseMinutesSum: 0, responseCount: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return { ...t, avgResponseMinutes: averageMinutes(t.responseMinutesSum, t.responseCount) };
}
