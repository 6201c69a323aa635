/**
 * Authentication and authorization for every route, deny by default:
 * - at registration, a route under /api without `config.public` or `config.permission` is refused
 *   (the app does not start), so no endpoint can be forgotten;
 * - per request (onRequest, before parsing and validation), the session cookie is resolved and the route's permission checked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@common/roles';
import type { SessionStore } from '../auth/sessions';
import type { Actor } from '../audit/audit';
import { AppError } from './errors';

export const SESSION_COOKIE = 'qike_sid';

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
  permission?: string;
}

/** Every /api route with its access rule (filled at registration; tests walk it). */
export function installAuth(app: FastifyInstance, sessions: SessionStore): RouteInfo[] {
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const cfg = (route.config ?? {}) as { public?: boolean; permission?: string };
    if (!cfg.public && !cfg.permission) throw new Error(`route ${route.method} ${route.url} declares neither config.public nor config.permission`);
    for (const m of [route.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: route.url, public: !!cfg.public, permission: cfg.permission });
  });

  // onRequest: before the body is parsed or validated, so nothing about a route leaks to a caller without access.
  app.addHook('onRequest', (req, _reply, done) => {
    const cfg = req.routeOptions.config ?? {};
    // Public routes without a session cookie (health, readiness, login) need no work here.
    if (cfg.public && !req.cookies?.[SESSION_COOKIE]) return done();
    authenticate(req, cfg).then(() => done(), done);
  });

  async function authenticate(req: FastifyRequest, cfg: { public?: boolean; permission?: string }) {
    const url = req.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const u = await sessions.resolve(token);
      if (u && u !== 'expired') req.user = u;
      else if (!cfg.public) throw new AppError(u === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    if (cfg.public) return;
    if (!req.user) throw new AppError('UNAUTHENTICATED');
    if (cfg.permission && cfg.permission !== 'authenticated' && !can(req.user.roles, cfg.permission as any)) throw new AppError('FORBIDDEN');
  }
  return routes;
}

/** The authenticated user of a non-public route. */
export function userOf(req: FastifyRequest) {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user?.id ?? null, username: req.user?.username ?? null, requestId: req.id, ip: req.ip };
}
