/**
 * The load generator as its own process (issue 15 item 1): bench/harness.ts `loadgen()` spawns this
 * file with the autocannon options as JSON in argv[2] and reads one JSON result line from stdout,
 * so the load is never generated on the server's event loop.
 */
import autocannon from 'autocannon';

const { bodies, ...opts } = JSON.parse(process.argv[2] ?? '{}');
// `bodies`: the requests take these bodies in turn, `[<seq>]` replaced by the request's number;
// the 2xx answers are counted per body (so a bench can check what was accepted against the database).
const okByBody: number[] | undefined = bodies ? bodies.map(() => 0) : undefined;
if (bodies) {
  let seq = 0;
  opts.requests = [
    {
      method: opts.method ?? 'POST',
      setupRequest: (req: any, context: any) => {
        const n = seq++;
        context.body = n % bodies.length;
        return { ...req, body: bodies[context.body].replaceAll('[<seq>]', String(n)) };
      },
      // one context per connection, one request in flight per connection (pipelining 1)
      onResponse: (status: number, _body: unknown, context: any) => {
        if (status >= 200 && status < 300) okByBody![context.body]++;
      },
    },
  ];
}
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
  okByBody,
};
process.stdout.write(JSON.stringify(out) + '\n');
