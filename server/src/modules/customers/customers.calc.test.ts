import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUSTOMER_STATUSES, type CustomerStatus } from '@common/customers';
import { allowedTransitions, checkTransition, requiresFullTimeManager } from './customers.calc';

const ok = (from: CustomerStatus, to: CustomerStatus, hasFullTimeManager = true) => checkTransition({ from, to, reason: '按计划推进', hasFullTimeManager });

describe('customer lifecycle (DOMAIN.md §3)', () => {
  it.each([
    ['prospect', 'survey'],
    ['survey', 'review'],
    ['review', 'contracted'],
    ['contracted', 'active'],
    ['active', 'restricted'],
    ['restricted', 'active'],
    ['prospect', 'closed'],
    ['survey', 'closed'],
    ['review', 'closed'],
    ['contracted', 'closed'],
    ['active', 'closed'],
    ['restricted', 'closed'],
  ] as [CustomerStatus, CustomerStatus][])('allows %s → %s', (from, to) => {
    expect(ok(from, to)).toBeNull();
  });

  it.each([
    ['prospect', 'review'],
    ['prospect', 'active'],
    ['survey', 'prospect'],
    ['review', 'survey'],
    ['contracted', 'restricted'],
    ['active', 'contracted'],
    ['restricted', 'contracted'],
    ['closed', 'active'],
    ['closed', 'prospect'],
  ] as [CustomerStatus, CustomerStatus][])('refuses %s → %s', (from, to) => {
    expect(ok(from, to)).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('refuses a transition to the same status and one without a reason', () => {
    expect(ok('active', 'active')).toEqual({ code: 'TRANSITION_SAME_STATUS' });
    expect(checkTransition({ from: 'prospect', to: 'survey', reason: '   ', hasFullTimeManager: true })).toEqual({ code: 'REASON_REQUIRED' });
  });

  it('needs a full-time manager to enter 签约/供气/减停气 but not to close', () => {
    expect(ok('review', 'contracted', false)).toEqual({ code: 'FULL_TIME_MANAGER_REQUIRED' });
    expect(ok('contracted', 'active', false)).toEqual({ code: 'FULL_TIME_MANAGER_REQUIRED' });
    expect(ok('active', 'restricted', false)).toEqual({ code: 'FULL_TIME_MANAGER_REQUIRED' });
    expect(ok('prospect', 'survey', false)).toBeNull();
    expect(ok('active', 'closed', false)).toBeNull();
    expect(requiresFullTimeManager('survey')).toBe(false);
    expect(requiresFullTimeManager('restricted')).toBe(true);
  });

  it('closed is terminal and every other status can close', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    for (const s of CUSTOMER_STATUSES) if (s !== 'closed') expect(allowedTransitions(s)).toContain('closed');
  });

  it('property: a transition is accepted iff it is listed in allowedTransitions (with a reason and a manager)', () => {
    const st = fc.constantFrom(...CUSTOMER_STATUSES);
    fc.assert(
      fc.property(st, st, (from, to) => {
        const accepted = ok(from, to) === null;
        expect(accepted).toBe(allowedTransitions(from).includes(to));
      }),
    );
  });

  it('property: every non-closed status reaches active by accepted steps, and nothing leaves closed', () => {
    for (const start of CUSTOMER_STATUSES) {
      const seen = new Set<CustomerStatus>([start]);
      const queue: CustomerStatus[] = [start];
      while (queue.length) {
        for (const n of allowedTransitions(queue.shift()!)) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      if (start === 'closed') expect([...seen]).toEqual(['closed']);
      else expect(seen.has('active') && seen.has('closed')).toBe(true);
    }
  });
});
