/**
 * Security headers and CSRF protection (issue 10.7), installed once for the whole app.
 * - Headers on every response (written by hand; @fastify/helmet is not a dependency): a
 *   Content-Security-Policy that suits the built Vite app (own scripts only; inline styles for
 *   Ant Design's CSS-in-JS; data:/blob: images for charts and downloads), frame-ancestors 'none',
 *   X-Content-Type-Options, Referrer-Policy, X-Frame-Options (older browsers).
 * - CSRF: the session cookie is SameSite=Lax, and every state-changing /api request that carries
 *   an Origin (or, without one, a Referer) must come from this server's own host — or from a
 *   host in ALLOWED_ORIGINS. A cookie-authenticated mutation with neither Origin nor Referer (an
 *   old browser, or a page that strips the Referer) must carry the header `X-Requested-With`
 *   (the web client sends `X-Requested-With: qike`, web/src/lib/api.ts): a cross-site page cannot
 *   set a custom header without a CORS preflight, which this server never grants. Scripts that
 *   use a session cookie send the header too; requests without the cookie (login, health) are
 *   not affected by that rule.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, defineErrors } from './errors';
import { SESSION_COOKIE } from './auth-plugin';

export const SECURITY_ERRORS = defineErrors({
  CROSS_SITE_REQUEST: { status: 403, zh: '拒绝跨站请求（来源 {origin} 与本站不符）', en: 'Cross-site request refused (origin {origin} does not match this site)' },
  CSRF_HEADER_REQUIRED: {
    status: 403,
    zh: '请求缺少来源信息：使用会话 Cookie 的修改请求须带 Origin 或 X-Requested-With 请求头',
    en: 'Request without a source: a change made with the session cookie needs an Origin or X-Requested-With header',
  },
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

/** The header the web client sends on every request (web/src/lib/api.ts). */
export const CSRF_HEADER = 'x-requested-with';

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
    if (!source) {
      if (req.cookies?.[SESSION_COOKIE] && !req.headers[CSRF_HEADER]) return done(new AppError('CSRF_HEADER_REQUIRED'));
      return done();
    }
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
