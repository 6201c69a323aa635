/** HTTP of trading sessions, bids, clearing and results (the bidding API is portal-ready: buyer in the body, idempotency key). */
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { paged } from '../../platform/http/schemas';
import * as s from './trading.schema';
import * as repo from './sessions.repo';
import { cancelSession, closeNow, createSession, sessionView, sessionViews } from './sessions.service';
import { placeBid } from './bids.service';
import { clearSession } from './clearing.service';
import { confirmAgreement, recordAgreement } from './agreements.service';
import { customerAwards, liveCounters, sessionResult } from './results.service';
import { assertCustomerAccess } from '../../platform/auth/scope';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors';

/** Bus topic: a trading session's live counters changed (data: the session id). */
export const LIVE_TOPIC = 'trading.live';

export function tradingRoutes(app: Api, ctx: AppContext) {
  const tags = ['线上交易 Trading'];
  const read = { permission: 'trading:read' as const };
  const write = { permission: 'trading:write' as const };
  const organise = { permission: 'trading:organise' as const };
  /** Tell the live streams of every process that a session's counters or state changed. */
  const liveChanged = <T>(sessionId: number, result: T): T => {
    void ctx.bus.publish(LIVE_TOPIC, String(sessionId)).catch(() => {}); // the 1 s tick covers a lost signal
    return result;
  };
  /**
   * A new bid's signal, at most one per session every 250 ms (trailing): on PostgreSQL a signal is
   * a NOTIFY, and PostgreSQL commits NOTIFYs one at a time database-wide — one per bid would queue
   * 200 bidders on it. The live page only shows counts, which the next signal (or its 1 s tick) brings.
   */
  const pendingBidSignal = new Set<number>();
  const bidPlaced = <T>(sessionId: number, result: T): T => {
    if (!pendingBidSignal.has(sessionId)) {
      pendingBidSignal.add(sessionId);
      setTimeout(() => {
        pendingBidSignal.delete(sessionId);
        liveChanged(sessionId, null);
      }, 250).unref();
    }
    return result;
  };

  app.get('/api/trading/sessions', { config: read, schema: { tags, summary: '交易场次列表', querystring: s.SessionQuery, response: { 200: paged(s.SessionView) } } }, async (req) => {
    const r = await repo.listSessions(ctx.db, req.query);
    return { total: r.total, items: await sessionViews(ctx.db, r.rows) };
  });

  app.post(
    '/api/trading/sessions',
    { config: organise, schema: { tags, summary: '创建交易场次（挂牌/竞价，正式/仿真）', body: s.SessionBody, response: { 201: s.SessionView } } },
    async (req, reply) => {
      reply.code(201);
      return createSession(ctx, req.body, actorOf(req));
    },
  );

  app.post(
    '/api/trading/agreements',
    { config: organise, schema: { tags, summary: '登记协议交易（卖方确认；等待买方确认）', body: s.AgreementBody, response: { 201: s.SessionView } } },
    async (req, reply) => {
      reply.code(201);
      return recordAgreement(ctx, req.body, userOf(req), actorOf(req));
    },
  );
  app.post(
    '/api/trading/agreements/:id/confirm',
    { config: write, schema: { tags, summary: '登记买方确认（确认书与日期），协议成交', params: s.SessionIdParam, body: s.AgreementConfirmBody, response: { 200: s.SessionView } } },
    async (req) => confirmAgreement(ctx, req.params.id, req.body, userOf(req), actorOf(req)),
  );

  app.get('/api/trading/sessions/:id', { config: read, schema: { tags, summary: '交易场次详情', params: s.SessionIdParam, response: { 200: s.SessionView } } }, async (req) => {
    const v = await sessionView(ctx.db, req.params.id);
    if (!v) throw new AppError('NOT_FOUND', { entity: { zh: '交易场次', en: 'Trading session' } });
    return v;
  });

  app.post('/api/trading/sessions/:id/close', { config: organise, schema: { tags, summary: '提前截止报价', params: s.SessionIdParam, response: { 200: s.SessionView } } }, async (req) =>
    liveChanged(req.params.id, await closeNow(ctx, req.params.id, actorOf(req))),
  );
  app.post('/api/trading/sessions/:id/cancel', { config: organise, schema: { tags, summary: '取消场次（尚无报价时）', params: s.SessionIdParam, response: { 200: s.SessionView } } }, async (req) =>
    liveChanged(req.params.id, await cancelSession(ctx, req.params.id, actorOf(req))),
  );
  app.post('/api/trading/sessions/:id/clear', { config: organise, schema: { tags, summary: '出清（截止后一次）', params: s.SessionIdParam, response: { 200: s.SessionView } } }, async (req) =>
    liveChanged(req.params.id, await clearSession(ctx, req.params.id, actorOf(req))),
  );

  app.post(
    '/api/trading/sessions/:id/bids',
    { config: write, schema: { tags, summary: '报价（代客户或用仿真虚拟账户），幂等键防重复', params: s.SessionIdParam, body: s.BidBody, response: { 200: s.PlaceBidResult, 201: s.PlaceBidResult } } },
    async (req, reply) => {
      const r = await placeBid(ctx, req.params.id, req.body, userOf(req), actorOf(req));
      reply.code(r.duplicate ? 200 : 201);
      return r.duplicate ? r : bidPlaced(req.params.id, r);
    },
  );

  app.get(
    '/api/trading/sessions/:id/result',
    { config: read, schema: { tags, summary: '报价与成交结果（密封期间不显示他人报价价格）', params: s.SessionIdParam, response: { 200: s.ResultView } } },
    async (req) => sessionResult(ctx.db, req.params.id, userOf(req)),
  );

  const CustomerAward = z.object({
    id: z.number(),
    sessionId: z.number(),
    title: z.string(),
    mode: z.enum(['listing', 'bidding', 'agreement']),
    deliveryMonth: z.string(),
    resourceTag: z.string(),
    /** The session's unit basis: quantity in m³ or GJ, price in 元/m³ or 元/GJ. */
    basis: z.enum(['m3', 'GJ']),
    quantity: z.string(),
    price: z.string(),
    amountFen: z.number(),
    buyerFeeFen: z.number(),
    depositAppliedFen: z.number(),
    awardedAt: z.string(),
  });
  app.get(
    '/api/trading/customers/:customerId/awards',
    { config: read, schema: { tags, summary: '客户成交结果（正式场次）', params: s.CustomerIdParam, response: { 200: z.array(CustomerAward) } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.customerId);
      return customerAwards(ctx.db, req.params.customerId);
    },
  );

  app.get(
    '/api/trading/sessions/:id/live',
    { config: read, schema: { tags, summary: '场次实时计数（剩余时间、报价笔数，不含价格）', params: s.SessionIdParam, response: { 200: s.LiveView } } },
    async (req) => liveCounters(ctx.db, req.params.id),
  );

  // Server-sent events: the live counters once a second until the session is cleared or cancelled.
  app.get('/api/trading/sessions/:id/events', { config: read, schema: { tags, summary: '场次实时计数（SSE 推送）', params: s.SessionIdParam } }, async (req, reply) => {
    const first = await liveCounters(ctx.db, req.params.id); // 404 before the stream starts
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let stopped = false;
    let busy = false;
    const send = (data: unknown) => res.write(`event: live\ndata: ${JSON.stringify(data)}\n\n`);
    send(first);
    const push = async () => {
      if (stopped || busy) return;
      busy = true;
      try {
        const c = await liveCounters(ctx.db, req.params.id);
        if (stopped) return;
        send(c);
        if (c.state === 'cleared' || c.state === 'cancelled') stop();
      } catch {
        stop();
      } finally {
        busy = false;
      }
    };
    // Every second (the countdown), and at once when a bid or a state change is published on the
    // bus by any server process (PostgreSQL LISTEN/NOTIFY; issue 15.7).
    const timer = setInterval(() => void push(), 1000);
    const unsubscribe = ctx.bus.subscribe(LIVE_TOPIC, (id) => {
      if (id === String(req.params.id)) void push();
    });
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      res.end();
    };
    req.raw.on('close', stop);
  });
}
