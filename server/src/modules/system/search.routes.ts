/** The global search (Ctrl+K, issue 9 item 6): one query across every module's search source. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { userOf } from '../../platform/http/auth-plugin';
import { SEARCH_KINDS, searchAll } from '../../platform/discovery/discovery';

export function searchRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/api/search',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['系统 System'],
        querystring: z.strictObject({ q: z.string().max(100), limit: z.coerce.number().int().min(1).max(20).default(6) }),
        response: { 200: z.object({ items: z.array(z.object({ kind: z.enum(SEARCH_KINDS), id: z.string(), title: z.string(), subtitle: z.string().nullable(), path: z.string() })) }) },
      },
    },
    async (req) => ({ items: await searchAll(ctx, userOf(req), req.query.q, req.query.limit) }),
  );
}
