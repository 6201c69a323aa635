/** HTTP: postings (payments, refunds, reversals), adjustments (maker-checker), closed periods. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { IdParam, paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../customers';
import * as s from './accounts.schema';
import * as ledger from './ledger.repo';
import * as pay from './payments.service';
import * as adj from './adjustments.service';
import * as settings from './settings.service';

const NOT_FOUND_TX = { entity: { zh: '账务', en: 'Transaction' } };
const NOT_FOUND_ADJ = { entity: { zh: '调账', en: 'Adjustment' } };

export function ledgerRoutes(app: Api, ctx: AppContext) {
  const tags = ['气款账户 Accounts'];

  app.post(
    '/api/accounts/payments',
    {
      config: { permission: 'payments:write' },
      schema: { tags, summary: '登记收款（银行流水号唯一，重复提交返回原记录）', body: s.PaymentBody, response: { 200: s.PaymentResponse, 201: s.PaymentResponse } },
    },
    async (req, reply) => {
      const r = await pay.postPayment(ctx, req.body, actorOf(req), userOf(req));
      return reply.status(r.duplicate ? 200 : 201).send(r);
    },
  );

  app.post('/api/accounts/refunds', { config: { permission: 'payments:write' }, schema: { tags, summary: '登记退款', body: s.RefundBody, response: { 201: s.TxView } } }, async (req, reply) => {
    if (!(req.body.amountFen > 0)) throw new AppError('REFUND_AMOUNT_NOT_POSITIVE', { amount: req.body.amountFen });
    await assertCustomerAccess(ctx.db, userOf(req), req.body.customerId);
    return reply.status(201).send(await pay.recordRefund(ctx, req.body, actorOf(req)));
  });

  app.get('/api/accounts/transactions/:id', { config: { permission: 'accounts:read' }, schema: { tags, params: IdParam, response: { 200: s.TxView } } }, async (req) => {
    const tx = await ledger.findTransaction(ctx.db, req.params.id);
    if (!tx) throw new AppError('NOT_FOUND', NOT_FOUND_TX);
    await assertCustomerAccess(ctx.db, userOf(req), tx.customerId);
    return tx;
  });

  app.post(
    '/api/accounts/transactions/:id/reverse',
    { config: { permission: 'adjustments:approve' }, schema: { tags, summary: '冲正一笔账务（只能冲正一次）', params: IdParam, body: s.ReverseBody, response: { 201: s.TxView } } },
    async (req, reply) => {
      const tx = await ledger.findTransaction(ctx.db, req.params.id);
      if (!tx) throw new AppError('NOT_FOUND', NOT_FOUND_TX);
      await assertCustomerAccess(ctx.db, userOf(req), tx.customerId);
      return reply.status(201).send(await pay.reverseTransaction(ctx, tx, req.body, actorOf(req)));
    },
  );

  // ----- adjustments (maker-checker) -----
  app.get('/api/accounts/adjustments', { config: { permission: 'accounts:read' }, schema: { tags, querystring: s.AdjustmentQuery, response: { 200: paged(s.AdjustmentView) } } }, async (req) =>
    adj.listAdjustments(ctx.db, userOf(req), req.query),
  );

  app.post(
    '/api/accounts/adjustments',
    { config: { permission: 'adjustments:write' }, schema: { tags, summary: '录入调账（待另一用户审批后入账）', body: s.AdjustmentBody, response: { 201: s.AdjustmentView } } },
    async (req, reply) => {
      if (req.body.amountFen === 0) throw new AppError('ADJUSTMENT_AMOUNT_ZERO');
      await assertCustomerAccess(ctx.db, userOf(req), req.body.customerId);
      return reply.status(201).send(await adj.enterAdjustment(ctx, req.body, actorOf(req)));
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/accounts/adjustments/:id/${decision}`,
      {
        config: { permission: 'adjustments:approve' },
        schema: { tags, summary: decision === 'approve' ? '审批通过调账（入账）' : '驳回调账', params: IdParam, body: s.DecisionBody, response: { 200: s.AdjustmentView } },
      },
      async (req) => {
        const a = await adj.findAdjustment(ctx.db, req.params.id);
        if (!a) throw new AppError('NOT_FOUND', NOT_FOUND_ADJ);
        await assertCustomerAccess(ctx.db, userOf(req), a.customerId);
        return adj.decideAdjustment(ctx, a, decision, req.body?.note ?? null, actorOf(req));
      },
    );
  }

  // ----- closed periods -----
  app.get('/api/accounts/periods', { config: { permission: 'accounts:read' }, schema: { tags, response: { 200: z.array(s.PeriodView) } } }, async () => settings.listPeriods(ctx.db));
  app.post(
    '/api/accounts/periods/:period/close',
    {
      config: { permission: 'adjustments:approve' },
      schema: {
        tags,
        summary: '月结：关闭会计期间',
        params: s.PeriodParam,
        body: z.strictObject({ note: z.string().max(500).nullish() }).optional(),
        response: { 200: z.object({ period: z.string(), closed: z.boolean() }) },
      },
    },
    async (req) => settings.closePeriod(ctx, req.params.period, req.body?.note ?? null, actorOf(req)),
  );
}
