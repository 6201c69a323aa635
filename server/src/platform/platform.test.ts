import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from './config';
import { localParts } from './jobs/jobs';
import { Rng } from './demo/rng';

describe('loadConfig', () => {
  it('has working defaults: embedded database with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
  });
  it('turns demo off by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', DEMO: '1' }).demo).toBe(true);
  });
  it('names every bad variable in one message', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const m = (e as Error).message;
      expect(m).toContain('PORT');
      expect(m).toContain('DATABASE_URL');
      expect(m).toContain('ADMIN_PASSWORD');
    }
  });
});

describe('localParts', () => {
  it('gives the Asia/Shanghai date and time', () => {
    expect(localParts(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-27', hhmm: '00:30' });
  });

  it('answers from its per-zone memo only within the same UTC minute, and per zone', () => {
    // alternating zones and minutes: a memo keyed wrongly would repeat an earlier answer
    const cases: [string, string, { date: string; hhmm: string }][] = [
      ['2026-11-26T15:59:59.999Z', 'Asia/Shanghai', { date: '2026-11-26', hhmm: '23:59' }],
      ['2026-11-26T16:00:00.000Z', 'Asia/Shanghai', { date: '2026-11-27', hhmm: '00:00' }],
      ['2026-11-26T16:00:30.000Z', 'UTC', { date: '2026-11-26', hhmm: '16:00' }],
      ['2026-11-26T16:00:59.000Z', 'Asia/Shanghai', { date: '2026-11-27', hhmm: '00:00' }],
      ['2026-11-26T15:59:00.000Z', 'Asia/Shanghai', { date: '2026-11-26', hhmm: '23:59' }],
      ['2026-03-08T06:59:00.000Z', 'America/New_York', { date: '2026-03-08', hhmm: '01:59' }],
      ['2026-03-08T07:00:00.000Z', 'America/New_York', { date: '2026-03-08', hhmm: '03:00' }],
    ];
    for (const [iso, zone, want] of cases) expect(localParts(new Date(iso), zone), `${iso} ${zone}`).toEqual(want);
    const a = localParts(new Date('2026-11-26T16:00:00Z'), 'Asia/Shanghai');
    a.date = 'changed';
    expect(localParts(new Date('2026-11-26T16:00:10Z'), 'Asia/Shanghai').date).toBe('2026-11-27');
  });
});

describe('Rng', () => {
  it('is deterministic for a seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
