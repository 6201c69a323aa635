/** HTTP of exchange membership and follow-ups, simulation training records and feedback, statistics and the competition board. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../../platform/auth/scope';
import * as s from './trading.schema';
import { addFollowup, followups, membershipList, setMembership } from './membership.service';
import { addFeedback } from './feedback.service';
import { competitionBoard, trainingRecord, tradingStats } from './stats.service';
import { requireSession } from './sessions.service';
import { TE } from './trading.errors';

export function membershipRoutes(app: Api, ctx: AppContext) {
  const tags = ['线上交易 Trading'];
  const read = { permission: 'trading:read' as const };
  const write = { permission: 'trading:write' as const };

  app.get(
    '/api/trading/memberships',
    { config: read, schema: { tags, summary: '交易中心会员进度（可筛选仍需帮助的客户）', querystring: s.MembershipQuery, response: { 200: paged(s.MembershipView) } } },
    async (req) => {
      const { needsHelp, ...q } = req.query;
      return membershipList(ctx.db, userOf(req), { ...q, needsHelp: needsHelp === 'true' });
    },
  );
  app.put(
    '/api/trading/memberships/:customerId',
    { config: write, schema: { tags, summary: '登记会员注册/账户绑定/培训日期', params: s.CustomerIdParam, body: s.MembershipBody, response: { 200: s.MembershipView } } },
    async (req) => setMembership(ctx, userOf(req), req.params.customerId, req.body, actorOf(req)),
  );
  app.get(
    '/api/trading/memberships/:customerId/followups',
    { config: read, schema: { tags, summary: '会员办理跟进记录', params: s.CustomerIdParam, response: { 200: z.array(s.FollowupView) } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.customerId);
      return followups(ctx.db, req.params.customerId);
    },
  );
  app.post(
    '/api/trading/memberships/:customerId/followups',
    { config: write, schema: { tags, summary: '添加跟进记录', params: s.CustomerIdParam, body: s.FollowupBody, response: { 201: s.FollowupView } } },
    async (req, reply) => {
      reply.code(201);
      return addFollowup(ctx, userOf(req), req.params.customerId, req.body, actorOf(req));
    },
  );

  const Training = z.object({
    participants: z.array(
      z.object({ virtualAccountId: z.number(), name: z.string(), customerName: z.string().nullable(), userName: z.string().nullable(), bids: z.number(), wonQuantity: z.string() }),
    ),
    feedback: z.array(s.FeedbackView),
  });
  app.get(
    '/api/trading/sessions/:id/training',
    { config: read, schema: { tags, summary: '仿真培训记录（参与人、成绩、反馈）', params: s.SessionIdParam, response: { 200: Training } } },
    async (req) => {
      const sess = await requireSession(ctx.db, req.params.id);
      if (sess.kind !== 'simulation') throw new AppError(TE.SIMULATION_ONLY);
      return trainingRecord(ctx.db, req.params.id);
    },
  );
  app.post(
    '/api/trading/sessions/:id/feedback',
    { config: write, schema: { tags, summary: '仿真反馈（规则/系统）', params: s.SessionIdParam, body: s.FeedbackBody, response: { 201: s.FeedbackView } } },
    async (req, reply) => {
      reply.code(201);
      return addFeedback(ctx, req.params.id, req.body, actorOf(req));
    },
  );

  const Month = z.object({ month: z.string(), sessions: z.number(), trades: z.number(), volume: z.string() });
  const Year = z.object({ year: z.number(), sessions: z.number(), trades: z.number(), customers: z.number(), volume: z.string(), amountFen: z.number(), avgPremium: z.string().nullable() });
  app.get(
    '/api/trading/stats',
    {
      config: read,
      schema: {
        tags,
        summary: '线上交易统计（同比）',
        querystring: s.StatsQuery,
        response: {
          200: z.object({
            current: Year.extend({ months: z.array(Month) }),
            previous: Year,
            change: z.object({ tradesPct: z.string().nullable(), volumePct: z.string().nullable(), sessionsPct: z.string().nullable() }),
          }),
        },
      },
    },
    async (req) => tradingStats(ctx.db, req.query.year),
  );
  app.get(
    '/api/trading/board',
    {
      config: read,
      schema: {
        tags,
        summary: '劳动竞赛排行榜',
        querystring: s.BoardQuery,
        response: { 200: z.array(z.object({ rank: z.number(), userId: z.number(), name: z.string(), sessions: z.number(), customers: z.number(), trades: z.number(), volume: z.string() })) },
      },
    },
    async (req) => competitionBoard(ctx.db, req.query.from, req.query.to),
  );
}
