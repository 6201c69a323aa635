/**
 * The load generator as its own process (issue 15 item 1): bench/harness.ts `loadgen()` spawns this
 * file with the autocannon options as JSON in argv[2] and reads one JSON result line from stdout,
 * so the load is never generated on the server's event loop. With `routes: true` it also reports
 * each route's latencies (path with ids as `:id`, without the query string).
 */
import autocannon from 'autocannon';

const { routes: perRoute, stagger, bodies, ...opts } = JSON.parse(process.argv[2] ?? '{}');
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
const byRoute = new Map<string, number[]>();
// stagger: each connection starts at its own place in the `requests` cycle (spread evenly), so 50
// users are spread over the day's screens instead of all opening the first one at once.
let clients = 0;
const setupClient =
  stagger && opts.requests?.length
    ? (client: any) => {
        const reqs = opts.requests as unknown[];
        const at = Math.floor((clients++ * reqs.length) / (opts.connections ?? 10)) % reqs.length;
        client.setRequests([...reqs.slice(at), ...reqs.slice(0, at)]);
      }
    : undefined;
const instance = autocannon({ pipelining: 1, ...opts, ...(setupClient ? { setupClient } : {}) }) as unknown as Promise<autocannon.Result> & { on(e: 'response', f: (...a: any[]) => void): void };
if (perRoute)
  instance.on('response', (client: any, _status: number, _bytes: number, ms: number) => {
    // With pipelining 1 the iterator still points at the request that just completed.
    const path: string = client.requestIterator?.currentRequest?.path ?? '?';
    const route = path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/:id');
    let xs = byRoute.get(route);
    if (!xs) byRoute.set(route, (xs = []));
    xs.push(ms);
  });
const r = await instance;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const routes = Object.fromEntries(
  [...byRoute].map(([k, xs]) => {
    xs.sort((a, b) => a - b);
    return [k, { n: xs.length, p50: Math.round(pct(xs, 50)), p99: Math.round(pct(xs, 99)), max: Math.round(xs[xs.length - 1]) }];
  }),
);
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
  ...(perRoute ? { routes } : {}),
  okByBody,
};
process.stdout.write(JSON.stringify(out) + '\n');
