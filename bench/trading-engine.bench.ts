/**
 * Trading clearing engine (issue 12): `clearBidding` (pure, DOMAIN.md §4 竞价) on 100,000 bids
 * < 100 ms and 1,000,000 bids < 1 s, decimal strings in and out (parsing and formatting included).
 * Each size is warmed up once, then the best of 3 runs is reported. Run: npx tsx bench/trading-engine.bench.ts
 */
import { machine, report } from './lib';
import { clearBidding, type SealedBid } from '../server/src/modules/trading/clearing.calc';

function bids(n: number): SealedBid[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: SealedBid[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ticks = Math.floor(rnd() * 200); // floor 2.0000, step 0.0050
    out[i] = {
      bidId: i + 1,
      customerId: 1 + Math.floor(rnd() * 5000),
      price: (2 + ticks * 0.005).toFixed(4),
      quantity: String(1000 + Math.floor(rnd() * 49_000)),
      submittedAt: 1_765_000_000_000 + Math.floor(rnd() * 600_000),
    };
  }
  return out;
}

console.log(`machine: ${machine()}`);
for (const [n, targetMs] of [
  [100_000, 100],
  [1_000_000, 1000],
] as const) {
  const input = bids(n);
  const rules = { quantity: String(n * 10_000), minPerBuyer: '1000', pricing: 'pay_as_bid' as const };
  clearBidding(rules, input);
  let best = Infinity;
  let sold = '';
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    sold = clearBidding(rules, input).soldQuantity;
    best = Math.min(best, performance.now() - t);
  }
  report(`clear ${n.toLocaleString('en')} bids (sold ${sold} m³)`, `${best.toFixed(1)} ms`, `< ${targetMs} ms`, best < targetMs);
}
