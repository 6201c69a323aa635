import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf, SESSION_COOKIE } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { paged } from '../../platform/http/schemas';
import { sessionCookieSecure } from '../../platform/config';
import * as s from './identity.schema';
import * as svc from './identity.service';
import * as repo from './identity.repo';
import { markNotificationsRead } from '../../platform/notify';
import { userDirectory } from '../../platform/auth/users';

export function identityRoutes(app: Api, ctx: AppContext) {
  const tags = ['身份与权限 Identity'];
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: sessionCookieSecure(ctx.config) };

  app.post('/api/auth/login', { config: { public: true }, schema: { tags, body: s.LoginBody, response: { 200: s.MeResponse } } }, async (req, reply) => {
    const { token, expiresAt } = await svc.login(ctx, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOpts, expires: expiresAt });
    const u = await ctx.sessions.resolve(token);
    return svc.me(u as any);
  });

  app.post('/api/auth/logout', { config: { permission: 'authenticated' }, schema: { tags, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.logout(ctx, userOf(req), actorOf(req));
    reply.clearCookie(SESSION_COOKIE, cookieOpts);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: s.MeResponse } } }, async (req) => svc.me(userOf(req)));

  app.post('/api/auth/password', { config: { permission: 'authenticated' }, schema: { tags, body: s.ChangePasswordBody, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.changePassword(ctx, userOf(req), req.body.currentPassword, req.body.newPassword, actorOf(req));
    return reply.status(204).send(null);
  });

  app.put('/api/auth/lang', { config: { permission: 'authenticated' }, schema: { tags, body: s.LangBody, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.setLang(ctx, userOf(req), req.body.lang, actorOf(req));
    return reply.status(204).send(null);
  });

  app.put('/api/auth/preferences', { config: { permission: 'authenticated' }, schema: { tags, body: s.PreferencesBody, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.setPreferences(ctx, userOf(req), req.body, actorOf(req));
    return reply.status(204).send(null);
  });

  app.get(
    '/api/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ unread: z.number(), items: z.array(s.NotificationView) }) },
      },
    },
    async (req) => repo.listNotifications(ctx.db, userOf(req).id, req.query.unread === 'true', req.query.limit, requestLang(req)),
  );

  app.post(
    '/api/notifications/read',
    { config: { permission: 'authenticated' }, schema: { tags, body: z.strictObject({ ids: z.array(z.number().int()).max(500).optional() }), response: { 204: z.null() } } },
    async (req, reply) => {
      await markNotificationsRead(ctx.db, userOf(req).id, req.body.ids);
      return reply.status(204).send(null);
    },
  );

  const admin = { permission: 'users:manage' as const };
  app.get('/api/admin/users', { config: admin, schema: { tags, querystring: s.UserListQuery, response: { 200: paged(s.UserView) } } }, async (req) => {
    const { disabled, ...rest } = req.query;
    return repo.listUsers(ctx.db, { ...rest, disabled: disabled === undefined ? undefined : disabled === 'true' });
  });
  app.post('/api/admin/users', { config: admin, schema: { tags, body: s.CreateUserBody, response: { 201: s.UserView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createUser(ctx, req.body, actorOf(req))),
  );
  app.patch('/api/admin/users/:id', { config: admin, schema: { tags, params: s.IdParam, body: s.UpdateUserBody, response: { 200: s.UserView } } }, async (req) =>
    svc.updateUser(ctx, req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/admin/users/:id/reset-password', { config: admin, schema: { tags, params: s.IdParam, body: s.ResetPasswordBody, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.resetPassword(ctx, req.params.id, req.body.newPassword, actorOf(req));
    return reply.status(204).send(null);
  });

  // Directory of active users (for choosing managers, reviewers, assignees); any signed-in user.
  app.get(
    '/api/users/directory',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        querystring: z.strictObject({ role: z.string().max(40).optional() }),
        response: {
          200: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), department: z.string().nullable(), phone: z.string().nullable() })),
        },
      },
    },
    async (req) => {
      let q = ctx.db.selectFrom(userDirectory().as('u')).selectAll().where('disabled', '=', false);
      if (req.query.role) q = q.where((eb) => eb(eb.val(req.query.role!), '=', eb.fn.any('roles')));
      const rows = await q.orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roles: r.roles, department: r.department, phone: r.phone }));
    },
  );
}
