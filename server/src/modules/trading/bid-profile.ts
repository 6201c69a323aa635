/**
 * Where a bid's and a clearing's time goes (bench/trading-bidders.bench.ts, trading-persist.bench.ts): with PROFILE set in the server's
 * environment, placeBid records the time of each step inside the handler and, when a burst of bids
 * ends (no bid for a second), prints one line to stderr: the bids, the handler's p50/p99 (entry to
 * commit, pool wait included and shown apart) and the mean of each step; a clearing prints its steps
 * when it commits. Off (no cost but a branch)
 * without PROFILE.
 */
const ON = !!process.env.PROFILE;

interface Sample {
  total: number;
  steps: Map<string, number>;
}

const samples: Sample[] = [];
let lastAt = 0;
let timer: NodeJS.Timeout | undefined;

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

function flush() {
  if (performance.now() - lastAt < 1000) return;
  clearInterval(timer);
  timer = undefined;
  const totals = samples.map((s) => s.total).sort((a, b) => a - b);
  const steps = new Map<string, number>();
  for (const s of samples) for (const [k, v] of s.steps) steps.set(k, (steps.get(k) ?? 0) + v);
  const mean = [...steps].map(([k, v]) => `${k} ${(v / samples.length).toFixed(2)}`).join(', ');
  process.stderr.write(`   [PROFILE placeBid] ${samples.length} bids in the handler: p50 ${pct(totals, 50).toFixed(1)} ms, p99 ${pct(totals, 99).toFixed(1)} ms; mean ms per step: ${mean}\n`);
  samples.length = 0;
}

interface Stopwatch {
  /** Charge the time since the previous mark to `name`. */
  step(name: string): void;
  done(): void;
}

function stopwatch(onDone: (total: number, steps: Map<string, number>) => void): Stopwatch {
  if (!ON) return { step: () => {}, done: () => {} };
  const t0 = performance.now();
  let last = t0;
  const steps = new Map<string, number>();
  return {
    step(name: string) {
      const t = performance.now();
      steps.set(name, (steps.get(name) ?? 0) + t - last);
      last = t;
    },
    done: () => onDone(performance.now() - t0, steps),
  };
}

/** A stopwatch for one bid; `done()` adds it to the burst's figures. */
export function bidStopwatch(): Stopwatch {
  return stopwatch((total, steps) => {
    lastAt = performance.now();
    samples.push({ total, steps });
    timer ??= setInterval(flush, 500).unref();
  });
}

/** A stopwatch for one clearing; `done()` prints its steps at once. */
export function clearingStopwatch(sessionId: number): Stopwatch {
  return stopwatch((total, steps) => process.stderr.write(`   [PROFILE clearSession ${sessionId}] ${total.toFixed(1)} ms: ${[...steps].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}\n`));
}
