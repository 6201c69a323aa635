/**
 * Security headers and CSRF protection (issue 10.7), installed once for the whole app.
 * - Headers on every response (written by hand; @fastify/helmet is not a dependency): a
 *   Content-Security-Policy that suits the built Vite app (own scripts only; inline styles for
 *   Ant Design's CSS-in-JS; data:/blob: images for charts and downloads), frame-ancestors 'none',
 *   X-Content-Type-Options, Referrer-Policy, X-Frame-Options (older browsers).
 * - CSRF: the session cookie is SameSite=Lax, and every state-changing /api request that carries
 *   an Origin (or, without one, a Referer) must come from this server's own host — or from a
 *   host in ALLOWED_ORIGINS. Clients that send neither (scripts, the CLI) are not browsers.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, defineErrors } from './errors';

export const SECURITY_ERRORS = defineErrors({
  CROSS_SITE_REQUEST: { status: 403, zh: '拒绝跨站请求（来源 {origin} 与本站不符）', en: 'Cross-site request refused (origin {origin} does not match this site)' },
});

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI (/api/docs) runs an inline initialiser; it gets the same policy with inline scripts.
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installSecurity(app: FastifyInstance, opts: { allowedOrigins?: string[] } = {}) {
  const allowed = new Set((opts.allowedOrigins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    done(null, payload);
  });
  app.addHook('onRequest', (req, _reply, done) => {
    if (!UNSAFE.has(req.method) || !req.url.startsWith('/api/')) return done();
    const source = (req.headers.origin as string | undefined) ?? (req.headers.referer as string | undefined);
    if (!source) return done();
    let origin: URL;
    try {
      origin = new URL(source);
    } catch {
      return done(new AppError('CROSS_SITE_REQUEST', { origin: String(source).slice(0, 100) }));
    }
    const host = String(req.host ?? req.headers.host ?? '').toLowerCase();
    if (origin.host.toLowerCase() === host || allowed.has(origin.origin.toLowerCase())) return done();
    done(new AppError('CROSS_SITE_REQUEST', { origin: origin.origin }));
  });
}
