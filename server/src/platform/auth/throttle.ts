/**
 * Throttling of failed logins (one instance per key kind, e.g. username or address): after maxFailures failures
 * within WINDOW_MS, further attempts are refused for LOCK_MS. In-process state: Qike runs one
 * server process per database (docs/ARCHITECTURE.md); a restart forgets the counters.
 */
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private entries = new Map<string, Entry>();
  constructor(
    private maxFailures: number,
    private now: () => number = Date.now,
  ) {}

  /** Minutes left on a lock for any of the keys, or 0. */
  lockedMinutes(keys: string[]): number {
    const t = this.now();
    let max = 0;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e && e.lockedUntil > t) max = Math.max(max, Math.ceil((e.lockedUntil - t) / 60_000));
    }
    return max;
  }

  fail(keys: string[]): void {
    const t = this.now();
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: [], lockedUntil: 0 };
      e.failures = e.failures.filter((x) => t - x < WINDOW_MS);
      e.failures.push(t);
      if (e.failures.length >= this.maxFailures) {
        e.lockedUntil = t + LOCK_MS;
        e.failures = [];
      }
      this.entries.set(k, e);
    }
    if (this.entries.size > 100_000) this.entries.clear(); // bound memory under a flood
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}
