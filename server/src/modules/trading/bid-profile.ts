/**
 * Where a bid's time goes (bench/trading-bidders.bench.ts): with PROFILE set in the server's
 * environment, placeBid records the time of each step inside the handler and, when a burst of bids
 * ends (no bid for a second), prints one line to stderr: the bids, the handler's p50/p99 (entry to
 * commit, pool wait included and shown apart) and the mean of each step. Off (no cost but a branch)
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

/** A stopwatch for one bid: `step(name)` charges the time since the previous mark to `name`; `done()` records it. */
export function bidStopwatch() {
  if (!ON) return { step: (_: string) => {}, done: () => {} };
  const t0 = performance.now();
  let last = t0;
  const steps = new Map<string, number>();
  return {
    step(name: string) {
      const t = performance.now();
      steps.set(name, (steps.get(name) ?? 0) + t - last);
      last = t;
    },
    done() {
      lastAt = performance.now();
      samples.push({ total: lastAt - t0, steps });
      timer ??= setInterval(flush, 500).unref();
    },
  };
}
