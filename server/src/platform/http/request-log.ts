/**
 * Request logging that does not cost the throughput it measures (issue 15 item 5): Fastify's own
 * two lines per request ("incoming request", "request completed") are off; one line is written when
 * a response is sent — always for server errors (error), client errors (warn) and slow requests
 * (warn, ≥ SLOW_MS), and for one successful request in `sampleEvery` (info; the others at debug,
 * so LOG_LEVEL=debug still logs every request).
 */
import type { FastifyInstance } from 'fastify';

export const SLOW_MS = 1000;

export function installRequestLog(app: FastifyInstance, sampleEvery = 100): void {
  let n = 0;
  app.addHook('onResponse', (req, reply, done) => {
    const status = reply.statusCode;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const line = { method: req.method, url: req.url, status, ms };
    if (status >= 500) req.log.error(line, 'request failed');
    else if (status >= 400) req.log.warn(line, 'request refused');
    else if (ms >= SLOW_MS) req.log.warn(line, 'slow request');
    else if (sampleEvery > 0 && ++n % sampleEvery === 0) req.log.info({ ...line, sampled: sampleEvery }, 'request completed');
    else req.log.debug(line, 'request completed'); // pino skips it cheaply below debug
    done();
  });
}
