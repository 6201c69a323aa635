/**
 * Saved filters per user on the big lists (issue 9 item 10): save the current filters of a list
 * under a name (saving an existing name replaces it), apply, delete. Each user sees only their own.
 */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { IdParam } from '../../platform/http/schemas';
import { AppError, defineErrors } from '../../platform/http/errors';
import { inTx } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import './system.tables';

/** The lists that offer saved filters (the web's list keys). */
export const FILTER_LISTS = ['customers', 'bank-lines', 'procedure-cases'] as const;
/** The most saved filters one user keeps per list. */
const MAX_PER_LIST = 50;

const SE = defineErrors({
  SAVED_FILTER_LIMIT: { status: 409, zh: '每个列表最多保存 {max} 个筛选条件，请先删除不用的', en: 'At most {max} saved filters per list; delete one you no longer use' },
});

const Scalar = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
const Filters = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.union([Scalar, z.array(z.union([z.string().max(200), z.number()])).max(100)]))
  .refine((o) => Object.keys(o).length <= 30, '筛选条件最多 30 项');
const SavedFilter = z.object({ id: z.number(), list: z.enum(FILTER_LISTS), name: z.string(), filters: z.record(z.string(), z.unknown()), updatedAt: z.string() });

const view = (r: { id: number; list_key: string; name: string; filters: unknown; updated_at: Date }) => ({
  id: r.id,
  list: r.list_key as (typeof FILTER_LISTS)[number],
  name: r.name,
  filters: (typeof r.filters === 'string' ? JSON.parse(r.filters) : r.filters) as Record<string, unknown>,
  updatedAt: r.updated_at.toISOString(),
});

export function savedFilterRoutes(app: Api, ctx: AppContext) {
  const tags = ['系统 System'];
  const me = { permission: 'authenticated' as const };

  app.get(
    '/api/saved-filters',
    { config: me, schema: { tags, summary: '我在某个列表上保存的筛选条件', querystring: z.strictObject({ list: z.enum(FILTER_LISTS) }), response: { 200: z.array(SavedFilter) } } },
    async (req) => {
      const rows = await ctx.db.selectFrom('saved_filters').selectAll().where('user_id', '=', userOf(req).id).where('list_key', '=', req.query.list).orderBy('name').execute();
      return rows.map(view);
    },
  );

  app.put(
    '/api/saved-filters',
    {
      config: me,
      schema: {
        tags,
        summary: '保存当前筛选条件（同名则覆盖）',
        body: z.strictObject({ list: z.enum(FILTER_LISTS), name: z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字'), filters: Filters }),
        response: { 200: SavedFilter },
      },
    },
    async (req) => {
      const user = userOf(req);
      const { list, name, filters } = req.body;
      return inTx(ctx.db, async (trx) => {
        const existing = await trx.selectFrom('saved_filters').select('id').where('user_id', '=', user.id).where('list_key', '=', list).where('name', '=', name).forUpdate().executeTakeFirst();
        if (!existing) {
          const { n } = await trx
            .selectFrom('saved_filters')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', user.id)
            .where('list_key', '=', list)
            .executeTakeFirstOrThrow();
          if (Number(n) >= MAX_PER_LIST) throw new AppError(SE.SAVED_FILTER_LIMIT, { max: MAX_PER_LIST });
        }
        const r = await trx
          .insertInto('saved_filters')
          .values({ user_id: user.id, list_key: list, name, filters: JSON.stringify(filters) })
          .onConflict((oc) => oc.columns(['user_id', 'list_key', 'name']).doUpdateSet({ filters: JSON.stringify(filters), updated_at: new Date() }))
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, actorOf(req), { action: existing ? 'saved_filter.update' : 'saved_filter.create', entity: 'saved_filter', entityId: r.id, after: { list, name, filters } });
        return view(r);
      });
    },
  );

  app.delete('/api/saved-filters/:id', { config: me, schema: { tags, summary: '删除我保存的筛选条件', params: IdParam, response: { 204: z.null() } } }, async (req, reply) => {
    const user = userOf(req);
    await inTx(ctx.db, async (trx) => {
      const r = await trx.deleteFrom('saved_filters').where('id', '=', req.params.id).where('user_id', '=', user.id).returning(['id', 'list_key', 'name']).executeTakeFirst();
      // another user's filter is "not found" too: nothing about it leaks
      if (!r) throw new AppError('NOT_FOUND', { entity: { zh: '保存的筛选条件', en: 'Saved filter' } });
      await audit(trx, actorOf(req), { action: 'saved_filter.delete', entity: 'saved_filter', entityId: r.id, before: { list: r.list_key, name: r.name } });
    });
    return reply.status(204).send(null);
  });
}
