/** HTTP of monthly settlement. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import * as s from './settlement.schema';
import * as svc from './settlement.service';
import * as repo from './settlement.repo';
import { runMonth } from './settlement.run';
import { monthXlsx, statementPdf, statementXlsx } from './settlement.render';
import { customerSettlementOverview } from './customer-overview.repo';
import { assertCustomerAccess } from '../customers';

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function settlementRoutes(app: Api, ctx: AppContext) {
  const tags = ['月度结算 Settlement'];
  const read = { permission: 'contracts:read' as const };

  app.get(
    '/api/settlement/customers/:customerId',
    { config: read, schema: { tags, summary: '客户的月度结算单与偏差结算（客户页“合同/结算”）', params: s.CustomerParam, response: { 200: s.CustomerSettlementOverview } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.customerId);
      return customerSettlementOverview(ctx.db, req.params.customerId);
    },
  );
  app.get('/api/settlement/months', { config: read, schema: { tags, summary: '结算月份及状态', response: { 200: z.array(s.MonthView) } } }, async () =>
    (await repo.listMonths(ctx.db)).map((m) => ({
      month: m.month,
      status: m.status,
      runs: Number(m.runs),
      lastRunAt: m.last_run_at,
      confirmedAt: m.confirmed_at,
      closedAt: m.closed_at,
      reopenedAt: m.reopened_at,
      reopenReason: m.reopen_reason,
      customers: Number(m.customers),
      totalFen: Number(m.total_fen),
      trueUpFen: Number(m.true_up_fen),
    })),
  );
  app.post(
    '/api/settlement/months/:month/run',
    { config: { permission: 'settlement:run' }, schema: { tags, summary: '运行月度结算（草稿月可重算）', params: s.MonthParam, response: { 200: s.RunResult } } },
    async (req) => runMonth(ctx, req.params.month, actorOf(req)),
  );
  app.post('/api/settlement/months/:month/confirm', { config: { permission: 'settlement:run' }, schema: { tags, summary: '确认结算月', params: s.MonthParam } }, async (req) => {
    await svc.confirmMonth(ctx, req.params.month, actorOf(req));
    return { ok: true };
  });
  app.post('/api/settlement/months/:month/close', { config: { permission: 'settlement:close' }, schema: { tags, summary: '关闭结算月（锁定）', params: s.MonthParam } }, async (req) => {
    await svc.closeMonth(ctx, req.params.month, actorOf(req));
    return { ok: true };
  });
  app.post(
    '/api/settlement/months/:month/reopen',
    { config: { permission: 'settlement:close' }, schema: { tags, summary: '重新打开已关闭月份（销售部负责人，须填原因）', params: s.MonthParam, body: s.ReopenBody } },
    async (req) => {
      await svc.reopenMonth(ctx, req.params.month, req.body.reason, actorOf(req));
      return { ok: true };
    },
  );
  app.get(
    '/api/settlement/months/:month/statements',
    {
      config: read,
      schema: {
        tags,
        summary: '月度结算单列表',
        params: s.MonthParam,
        querystring: s.StatementsQuery,
        response: { 200: z.object({ total: z.number(), totals: z.object({ totalFen: z.number(), dailyChargesFen: z.number(), trueUpFen: z.number() }), items: z.array(s.StatementRow) }) },
      },
    },
    async (req) => svc.monthStatements(ctx.db, userOf(req), req.params.month, req.query),
  );
  app.get('/api/settlement/months/:month/statements.xlsx', { config: read, schema: { tags, summary: '导出月度结算单列表 Excel', params: s.MonthParam } }, async (req, reply) => {
    const lang = requestLang(req);
    const list = await svc.monthStatements(ctx.db, userOf(req), req.params.month, { page: 1, pageSize: 1_000_000 });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${lang === 'en' ? 'settlement' : '月度结算'}-${req.params.month}.xlsx`))
      .send(await monthXlsx(req.params.month, list.items, lang));
  });
  app.get('/api/settlement/months/:month/summary', { config: read, schema: { tags, summary: '月度汇总（按标签/客户类型/地区）', params: s.MonthParam, response: { 200: s.Summary } } }, async (req) =>
    svc.monthSummary(ctx.db, userOf(req), req.params.month),
  );
  app.get(
    '/api/settlement/months/:month/customers/:customerId',
    { config: read, schema: { tags, summary: '客户月度结算单', params: s.MonthCustomerParam, response: { 200: s.Statement } } },
    async (req) => svc.customerStatement(ctx.db, userOf(req), req.params.month, req.params.customerId),
  );
  app.get('/api/settlement/months/:month/customers/:customerId/statement.pdf', { config: read, schema: { tags, summary: '客户月度结算单 PDF', params: s.MonthCustomerParam } }, async (req, reply) => {
    const st = await svc.customerStatement(ctx.db, userOf(req), req.params.month, req.params.customerId);
    const lang = requestLang(req);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(`${lang === 'en' ? 'settlement' : '结算单'}-${st.customer.code}-${st.month}.pdf`))
      .send(await statementPdf(st, lang));
  });
  app.get(
    '/api/settlement/months/:month/customers/:customerId/statement.xlsx',
    { config: read, schema: { tags, summary: '客户月度结算单 Excel', params: s.MonthCustomerParam } },
    async (req, reply) => {
      const st = await svc.customerStatement(ctx.db, userOf(req), req.params.month, req.params.customerId);
      const lang = requestLang(req);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${lang === 'en' ? 'settlement' : '结算单'}-${st.customer.code}-${st.month}.xlsx`))
        .send(await statementXlsx(st, lang));
    },
  );
}
