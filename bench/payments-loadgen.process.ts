/**
 * Load generator for the payments bench, as its own process (issue 15 item 1): like
 * loadgen.process.ts, but each request posts to a random customer (1..customers) with a new bank
 * reference `<run>-<n>`, so 50 clients do not queue on one customer. argv[2]: JSON options
 * { url, cookie, customers, run, valueDate, connections, duration }; prints one JSON result line.
 */
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2] ?? '{}');
let seq = 0;
let posted = 0;
let postedFen = 0;
const r = await autocannon({
  url: o.url,
  connections: o.connections ?? 50,
  amount: o.amount,
  pipelining: 1,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: '/api/accounts/payments',
      headers: { 'content-type': 'application/json', cookie: o.cookie, 'x-requested-with': 'qike' },
      setupRequest: (req: any, context: any) => {
        seq++;
        const customerId = 1 + Math.floor(Math.random() * o.customers);
        const amountFen = 10_000 + (seq % 1000);
        context.amountFen = amountFen;
        return { ...req, body: JSON.stringify({ customerId, amountFen, bankRef: `${o.run}-${seq}`, valueDate: o.valueDate }) };
      },
      // autocannon: one context per connection, one request in flight per connection (pipelining 1)
      onResponse: (status: number, _body: unknown, context: any) => {
        if (status === 201) {
          posted++;
          postedFen += context.amountFen;
        }
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    ok2xx: r['2xx'],
    posted,
    postedFen,
  }) + '\n',
);
