/** HTTP of the price book. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf } from '../../platform/http/auth-plugin';
import { localParts } from '../../platform/jobs/jobs';
import * as s from './pricing.schema';
import * as repo from './pricing.repo';
import * as svc from './pricing.service';

export function pricingRoutes(app: Api, ctx: AppContext) {
  const tags = ['价格 Pricing'];
  const read = { permission: 'contracts:read' as const };
  const write = { permission: 'pricing:write' as const };

  app.get('/api/pricing/tags', { config: read, schema: { tags, summary: '资源标签', response: { 200: z.array(s.PriceTag) } } }, async () =>
    (await repo.listTags(ctx.db)).map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en, sort: t.sort, active: t.active })),
  );
  app.post('/api/pricing/tags', { config: write, schema: { tags, summary: '新增资源标签', body: s.PriceTagInput } }, async (req, reply) => {
    await svc.createTag(ctx, req.body, actorOf(req));
    return reply.code(201).send({ ok: true });
  });
  app.patch('/api/pricing/tags/:code', { config: write, schema: { tags, summary: '修改资源标签', params: z.strictObject({ code: z.string().max(40) }), body: s.PriceTagPatch } }, async (req) => {
    await svc.updateTag(ctx, req.params.code, req.body, actorOf(req));
    return { ok: true };
  });

  app.get(
    '/api/pricing/prices',
    { config: read, schema: { tags, summary: '价格表（当前及将来生效；history=true 含全部历史）', querystring: s.PriceQuery, response: { 200: z.array(s.PriceEntry) } } },
    async (req) => {
      const rows = await repo.listEntries(ctx.db, { ...req.query, asOf: req.query.asOf ?? localParts(new Date(), ctx.config.timeZone).date, history: req.query.history === 'true' });
      return rows.map((r) => ({
        id: Number(r.id),
        tag: r.tag,
        category: r.category,
        basis: r.basis,
        season: r.season,
        price: r.price,
        effectiveFrom: r.effective_from,
        note: r.note,
        createdBy: r.created_by == null ? null : Number(r.created_by),
        createdAt: new Date(r.created_at),
        current: r.current,
      }));
    },
  );
  app.post(
    '/api/pricing/prices',
    { config: write, schema: { tags, summary: '录入价格（按生效日期，历史不可改写）', body: s.PriceEntryInput, response: { 201: z.object({ id: z.number(), notified: z.number() }) } } },
    async (req, reply) => reply.code(201).send(await svc.addPrice(ctx, { ...req.body, note: req.body.note ?? null }, actorOf(req))),
  );

  app.get('/api/pricing/benchmarks', { config: read, schema: { tags, summary: '基准门站价', response: { 200: z.array(s.Benchmark) } } }, async () =>
    (await repo.listBenchmarks(ctx.db)).map((b) => ({
      id: Number(b.id),
      effectiveFrom: b.effective_from,
      price: b.price,
      floatCapPct: b.float_cap_pct,
      note: b.note,
      createdAt: new Date(b.created_at),
    })),
  );
  app.post('/api/pricing/benchmarks', { config: write, schema: { tags, summary: '录入基准门站价与上浮上限', body: s.BenchmarkInput } }, async (req, reply) =>
    reply.code(201).send(await svc.addBenchmark(ctx, req.body, actorOf(req))),
  );

  app.get('/api/pricing/reference-prices', { config: read, schema: { tags, summary: '月度参照价格（无线上交易时使用）', response: { 200: z.array(s.ReferencePrice) } } }, async () =>
    repo.listReferencePrices(ctx.db),
  );
  app.put('/api/pricing/reference-prices', { config: write, schema: { tags, summary: '设置月度参照价格', body: s.ReferencePriceInput } }, async (req) => {
    await svc.setReferencePrice(ctx, req.body, actorOf(req));
    return { ok: true };
  });
}
