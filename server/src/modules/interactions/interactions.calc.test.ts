import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  averageMinutes,
  bucketFigures,
  canTransitionIssue,
  issueTimes,
  LANDLINE_RE,
  localDate,
  MOBILE_RE,
  periodBounds,
  periodOf,
  periodsBetween,
  taskOverdue,
  type MonthlyFigures,
} from './interactions.calc';

const at = (s: string) => new Date(s);

describe('issueTimes (response and resolution time, overdue)', () => {
  const cases: { name: string; input: Parameters<typeof issueTimes>[0]; now: string; expect: ReturnType<typeof issueTimes> }[] = [
    {
      name: 'unanswered, not yet due',
      input: { raisedAt: at('2026-03-02T09:00:00+08:00'), firstResponseAt: null, resolvedAt: null, status: 'open', dueOn: '2026-03-05' },
      now: '2026-03-05T23:59:00+08:00',
      expect: { firstResponseMinutes: null, resolutionMinutes: null, overdue: false, resolvedLate: false },
    },
    {
      name: 'overdue from the first minute after the due day (local time)',
      input: { raisedAt: at('2026-03-02T09:00:00+08:00'), firstResponseAt: null, resolvedAt: null, status: 'open', dueOn: '2026-03-05' },
      now: '2026-03-05T16:00:00Z', // 00:00 on 03-06 in Shanghai
      expect: { firstResponseMinutes: null, resolutionMinutes: null, overdue: true, resolvedLate: false },
    },
    {
      name: 'in progress: response time 2 h 30 min, overdue',
      input: { raisedAt: at('2026-03-02T09:00:00+08:00'), firstResponseAt: at('2026-03-02T11:30:59+08:00'), resolvedAt: null, status: 'in_progress', dueOn: '2026-03-03' },
      now: '2026-03-10T10:00:00+08:00',
      expect: { firstResponseMinutes: 150, resolutionMinutes: null, overdue: true, resolvedLate: false },
    },
    {
      name: 'resolved on the due day: on time, not overdue later',
      input: { raisedAt: at('2026-03-02T09:00:00+08:00'), firstResponseAt: at('2026-03-02T09:10:00+08:00'), resolvedAt: at('2026-03-03T23:00:00+08:00'), status: 'resolved', dueOn: '2026-03-03' },
      now: '2026-04-01T10:00:00+08:00',
      expect: { firstResponseMinutes: 10, resolutionMinutes: 38 * 60, overdue: false, resolvedLate: false },
    },
    {
      name: 'closed after resolving late',
      input: { raisedAt: at('2026-03-02T09:00:00+08:00'), firstResponseAt: at('2026-03-02T09:00:00+08:00'), resolvedAt: at('2026-03-04T00:30:00+08:00'), status: 'closed', dueOn: '2026-03-03' },
      now: '2026-04-01T10:00:00+08:00',
      expect: { firstResponseMinutes: 0, resolutionMinutes: 39 * 60 + 30, overdue: false, resolvedLate: true },
    },
  ];
  it.each(cases)('$name', (c) => {
    expect(issueTimes(c.input, at(c.now))).toEqual(c.expect);
  });

  it('never reports a resolved issue overdue and never a negative time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('open', 'in_progress', 'resolved', 'closed' as const), (r, s, status) => {
        const raisedAt = new Date(Date.UTC(2025, 0, 1) + r);
        const firstResponseAt = new Date(raisedAt.getTime() + s);
        const resolvedAt = status === 'resolved' || status === 'closed' ? new Date(firstResponseAt.getTime() + s) : null;
        const t = issueTimes({ raisedAt, firstResponseAt, resolvedAt, status, dueOn: '2025-01-02' }, new Date(Date.UTC(2030, 0, 1)));
        expect(t.firstResponseMinutes!).toBeGreaterThanOrEqual(0);
        if (resolvedAt) {
          expect(t.overdue).toBe(false);
          expect(t.resolutionMinutes!).toBeGreaterThanOrEqual(t.firstResponseMinutes!);
        } else expect(t.overdue).toBe(true);
      }),
    );
  });
});

describe('issue workflow', () => {
  it.each([
    ['open', 'in_progress', true],
    ['open', 'resolved', true],
    ['open', 'closed', false],
    ['in_progress', 'resolved', true],
    ['in_progress', 'open', false],
    ['resolved', 'closed', true],
    ['resolved', 'in_progress', true],
    ['closed', 'in_progress', false],
    ['closed', 'open', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransitionIssue(from, to)).toBe(ok);
  });
});

describe('averages and overdue tasks', () => {
  it.each([
    [0, 0, null],
    [10, 1, 10],
    [3, 2, 2], // 1.5 rounds half up
    [5, 4, 1], // 1.25
    [7, 4, 2], // 1.75
  ])('average of %i over %i = %s', (sum, n, avg) => expect(averageMinutes(sum, n)).toBe(avg));
  it('flags only open tasks with a past due day', () => {
    expect(taskOverdue('open', '2026-11-25', '2026-11-26')).toBe(true);
    expect(taskOverdue('open', '2026-11-26', '2026-11-26')).toBe(false);
    expect(taskOverdue('done', '2026-01-01', '2026-11-26')).toBe(false);
  });
});

describe('phone formats', () => {
  it.each(['13980001001', '19912345678', '15000000000'])('mobile %s ok', (m) => expect(MOBILE_RE.test(m)).toBe(true));
  it.each(['12980001001', '1398000100', '139800010011', '+8613980001001', '139-8000-1001'])('mobile %s refused', (m) => expect(MOBILE_RE.test(m)).toBe(false));
  it.each(['0830-3100001', '023-49100203', '0831-3100202-12', '010-12345678'])('landline %s ok', (m) => expect(LANDLINE_RE.test(m)).toBe(true));
  it.each(['08303100001', '830-3100001', '0830-310000', '0830-3100001-1234567', '0830 3100001'])('landline %s refused', (m) => expect(LANDLINE_RE.test(m)).toBe(false));
});

describe('period bucketing', () => {
  it.each([
    ['2026-01-01', 'month', '2026-01'],
    ['2026-03-31', 'quarter', '2026-Q1'],
    ['2026-04-01', 'quarter', '2026-Q2'],
    ['2026-12-31', 'quarter', '2026-Q4'],
    ['2026-07', 'year', '2026'],
  ] as const)('%s by %s is %s', (d, g, p) => expect(periodOf(d, g)).toBe(p));

  it.each([
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-02', { from: '2025-02-01', to: '2025-02-28' }],
    ['2026-Q3', { from: '2026-07-01', to: '2026-09-30' }],
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31' }],
    ['2025', { from: '2025-01-01', to: '2025-12-31' }],
  ])('bounds of %s', (k, b) => expect(periodBounds(k)).toEqual(b));

  it('lists the periods a range touches', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-11-15', '2026-04-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2024-12-31', '2026-01-01', 'year')).toEqual(['2024', '2025', '2026']);
    expect(periodsBetween('2026-02-01', '2026-01-01', 'month')).toEqual([]);
  });

  it('every day lies within the bounds of its own period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom('month', 'quarter', 'year' as const), (n, g) => {
        const d = addDays('2020-01-01', n);
        const b = periodBounds(periodOf(d, g));
        expect(b.from <= d && d <= b.to).toBe(true);
      }),
    );
  });

  it('rolls months up without losing counts and averages response time over all issues', () => {
    const m = (managerId: number, month: string, contacts: number, visits: number, sum: number, n: number): MonthlyFigures => ({
      managerId,
      month,
      contacts,
      visits,
      phones: contacts - visits,
      meetings: 0,
      online: 0,
      issuesOpened: n,
      issuesResolved: 0,
      responseMinutesSum: sum,
      responseCount: n,
    });
    const rows = [m(1, '2026-01', 10, 2, 60, 1), m(1, '2026-02', 5, 1, 240, 3), m(1, '2026-04', 7, 0, 0, 0), m(2, '2026-03', 3, 3, 30, 1)];
    const q = bucketFigures(rows, 'quarter');
    expect(q.map((p) => [p.managerId, p.period, p.contacts, p.visits, p.avgResponseMinutes])).toEqual([
      [1, '2026-Q1', 15, 3, 75], // (60 + 240) / 4
      [2, '2026-Q1', 3, 3, 30],
      [1, '2026-Q2', 7, 0, null],
    ]);
    const y = bucketFigures(rows, 'year');
    expect(y.reduce((s, p) => s + p.contacts, 0)).toBe(25);
  });
});

describe('dates', () => {
  it('takes the local (Shanghai) calendar day', () => {
    expect(localDate(new Date('2026-03-05T15:59:00Z'))).toBe('2026-03-05');
    expect(localDate(new Date('2026-03-05T16:00:00Z'))).toBe('2026-03-06');
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
