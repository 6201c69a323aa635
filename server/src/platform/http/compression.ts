/**
 * Response compression (issue 15.6), written with node:zlib (no plugin dependency):
 * - API responses and the index page (string or Buffer payloads) of at least MIN_BYTES are
 *   compressed when the client accepts it: brotli at a fast level, else gzip. Small responses
 *   (most single-row reads and postings) are sent as they are: compressing them costs more than
 *   it saves.
 * - Built web assets are compressed once at build time (web/vite.config.ts writes .br and .gz
 *   beside each file) and sent by @fastify/static with preCompressed; streams are never
 *   compressed here.
 */
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';

export const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (Accept-Encoding with q-values; q=0 refuses), or null. */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: string) => q.get(e) ?? (q.has('*') ? q.get('*')! : 0);
  const br = weight('br');
  const gz = Math.max(weight('gzip'), q.has('x-gzip') ? q.get('x-gzip')! : 0);
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

export async function compress(buf: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotli(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }) : gzip(buf, { level: 6 });
}

export function installCompression(app: FastifyInstance, opts: { minBytes?: number } = {}) {
  const minBytes = opts.minBytes ?? MIN_BYTES;
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < minBytes || req.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    if (/no-transform/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    const vary = reply.getHeader('vary');
    if (!vary) reply.header('vary', 'accept-encoding');
    else if (!/accept-encoding/i.test(String(vary))) reply.header('vary', `${vary}, accept-encoding`);
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const out = await compress(typeof payload === 'string' ? Buffer.from(payload) : payload, encoding);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return out;
  });
}
