/**
 * The load generator as its own process (issue 15 item 1): bench/harness.ts `loadgen()` spawns this
 * file with the autocannon options as JSON in argv[2] and reads one JSON result line from stdout,
 * so the load is never generated on the server's event loop.
 */
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const r = await autocannon({ pipelining: 1, ...opts });
const out = {
  rps: r.requests.average,
  total: r.requests.total,
  p50: r.latency.p50,
  p90: r.latency.p90,
  p99: r.latency.p99,
  max: r.latency.max,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  statusCodeStats: r.statusCodeStats,
  durationS: r.duration,
};
process.stdout.write(JSON.stringify(out) + '\n');
