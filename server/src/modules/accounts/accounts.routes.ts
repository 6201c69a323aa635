/** HTTP: monitoring board, customer account, statements, prices and thresholds. */
import { z } from 'zod';
import ExcelJS from 'exceljs';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { paged } from '../../platform/http/schemas';
import { assertCustomerAccess } from '../customers';
import { DEFAULT_THRESHOLDS, effectiveThresholds, receivableAndPrepaid, LEVEL_LABELS, PAYMENT_LEVELS, type Thresholds } from './accounts.calc';
import { accountSummaryRow } from './summary.repo';
import { AE } from './accounts.errors';
import * as s from './accounts.schema';
import * as ledger from './ledger.repo';
import * as boardRepo from './board.repo';
import { paymentBoard } from './board.service';
import * as settings from './settings.service';
import { globalThresholds } from './levels.repo';
import { statusOf } from './levels.service';
import { buildStatement } from './statement.service';
import { statementPdf, statementXlsx } from './statement.render';
import { formatMoneyCells, moneyCell } from '../../platform/files/excel-money';

function attachment(name: string) {
  return `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function accountsRoutes(app: Api, ctx: AppContext) {
  const tags = ['气款账户 Accounts'];
  const read = { permission: 'accounts:read' as const };

  app.get(
    '/api/accounts/board',
    { config: read, schema: { tags, summary: '气款监控看板（按风险排序）', querystring: s.BoardQuery, response: { 200: paged(s.BoardRow).extend({ counts: z.record(z.string(), z.number()) }) } } },
    async (req) => {
      const u = userOf(req);
      const { mine, ...q } = req.query;
      return paymentBoard(ctx.db, u, { ...q, mine: mine === 'true' });
    },
  );

  app.get('/api/accounts/board/export', { config: read, schema: { tags, summary: '导出气款监控看板 Excel', querystring: s.BoardQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const lang = requestLang(req);
    const { mine, ...q } = req.query;
    const r = await boardRepo.board(ctx.db, userOf(req), { ...q, mine: mine === 'true', page: 1, pageSize: 100_000 });
    const en = lang === 'en';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(en ? 'Payment monitoring' : '气款监控');
    ws.addRow(
      en
        ? [
            'Code',
            'Customer',
            'Region',
            'Manager',
            'Level',
            'Since',
            'Gas day',
            'Volume (m³)',
            'Charge (yuan)',
            'Balance (yuan)',
            'Receivable (yuan)',
            'Prepaid (yuan)',
            'Avg daily charge (yuan)',
            'Days left',
          ]
        : ['编码', '客户', '地区', '客户经理', '等级', '进入日期', '气日', '日气量(m³)', '日气费(元)', '余额(元)', '应收(元)', '预付余额(元)', '日均气费(元)', '可用天数'],
    ).font = { bold: true };
    for (const x of r.items) {
      const row = ws.addRow([
        x.code,
        x.name,
        x.region ?? '',
        x.managerName ?? '',
        en ? LEVEL_LABELS[x.level].en : LEVEL_LABELS[x.level].zh,
        x.sinceDay,
        x.asOfDay,
        x.dayVolumeM3 ?? '—',
        moneyCell(x.dayChargeFen),
        moneyCell(x.balanceFen),
        moneyCell(x.receivableFen),
        moneyCell(x.prepaidFen),
        moneyCell(x.avgDailyChargeFen),
        x.availableDays ?? '—',
      ]);
      formatMoneyCells(row, [9, 10, 11, 12, 13]);
    }
    ws.columns.forEach((c) => (c.width = 14));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(en ? 'payment-monitoring.xlsx' : '气款监控.xlsx'))
      .send(buf);
  });

  app.get('/api/accounts/customers/:id', { config: read, schema: { tags, summary: '客户账户概况', params: s.CustomerIdParam, response: { 200: s.AccountSummary } } }, async (req) => {
    const id = req.params.id;
    const r = await accountSummaryRow(ctx.db, userOf(req), id);
    if (!r) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
    if (!r.visible) throw new AppError('OUT_OF_SCOPE');
    const balance = Number(r.balance);
    const lv = r.lv_customer == null ? null : r;
    const monitored = r.status === 'active' || r.status === 'restricted';
    const st = lv && monitored ? statusOf(lv) : null;
    const own = { warnDays: r.own_warn, reduceDays: r.own_reduce, avgDays: r.own_avg };
    const global = { ...DEFAULT_THRESHOLDS, ...((r.global_thresholds as Partial<Thresholds>) ?? {}) };
    return {
      customerId: r.id,
      code: r.code,
      name: r.name,
      customerStatus: r.status,
      monitored,
      balanceFen: balance,
      ...receivableAndPrepaid(balance),
      level: st?.level ?? null,
      sinceDay: st?.sinceDay ?? null,
      asOfDay: st?.asOfDay ?? null,
      dayVolumeM3: lv?.day_volume_m3 ?? null,
      dayChargeFen: lv?.day_charge_fen ?? null,
      avgDailyChargeFen: st?.avgDailyChargeFen ?? null,
      availableDays: st?.availableDays ?? null,
      thresholds: { own, effective: effectiveThresholds(global, own) },
      pendingAdjustments: Number(r.pending),
    };
  });

  app.get(
    '/api/accounts/customers/:id/transactions',
    { config: read, schema: { tags, summary: '客户账务明细', params: s.CustomerIdParam, querystring: s.TxQuery, response: { 200: paged(s.TxView) } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
      return ledger.listTransactions(ctx.db, req.params.id, req.query);
    },
  );

  // ----- statement of account -----
  const statement = async (req: any) => {
    await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
    if (req.query.from > req.query.to) throw new AppError(AE.STATEMENT_RANGE, req.query);
    return buildStatement(ctx.db, req.params.id, req.query.from, req.query.to);
  };
  app.get(
    '/api/accounts/customers/:id/statement',
    { config: read, schema: { tags, summary: '对账单', params: s.CustomerIdParam, querystring: s.StatementQuery, response: { 200: s.StatementView } } },
    statement,
  );
  app.get('/api/accounts/customers/:id/statement.xlsx', { config: read, schema: { tags, summary: '对账单 Excel', params: s.CustomerIdParam, querystring: s.StatementQuery } }, async (req, reply) => {
    const st = await statement(req);
    const buf = await statementXlsx(st, requestLang(req));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`对账单-${st.customer.code}-${st.from}-${st.to}.xlsx`))
      .send(buf);
  });
  app.get('/api/accounts/customers/:id/statement.pdf', { config: read, schema: { tags, summary: '对账单 PDF', params: s.CustomerIdParam, querystring: s.StatementQuery } }, async (req, reply) => {
    const st = await statement(req);
    const buf = await statementPdf(st, requestLang(req));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(`对账单-${st.customer.code}-${st.from}-${st.to}.pdf`))
      .send(buf);
  });

  // ----- provisional prices -----
  app.get('/api/accounts/customers/:id/prices', { config: read, schema: { tags, summary: '暂定价格（元/m³）', params: s.CustomerIdParam, response: { 200: s.PriceList } } }, async (req) => {
    await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
    return settings.listPrices(ctx.db, req.params.id);
  });
  app.put(
    '/api/accounts/customers/:id/prices',
    { config: { permission: 'settings:manage' }, schema: { tags, summary: '设置暂定价格', params: s.CustomerIdParam, body: s.PriceBody, response: { 200: s.PriceList } } },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
      return settings.setPrice(ctx, req.params.id, req.body, actorOf(req));
    },
  );

  // ----- thresholds -----
  app.get('/api/accounts/thresholds', { config: read, schema: { tags, summary: '全局预警阈值', response: { 200: s.Thresholds.extend({ levels: z.array(z.string()) }) } } }, async () => ({
    ...(await globalThresholds(ctx.db)),
    levels: [...PAYMENT_LEVELS],
  }));
  app.put(
    '/api/accounts/thresholds',
    { config: { permission: 'settings:manage' }, schema: { tags, summary: '设置全局预警阈值', body: s.ThresholdsBody, response: { 200: s.Thresholds } } },
    async (req) => settings.setGlobalThresholds(ctx, req.body, actorOf(req)),
  );
  app.get('/api/accounts/customers/:id/thresholds', { config: read, schema: { tags, params: s.CustomerIdParam, response: { 200: s.CustomerThresholds } } }, async (req) => {
    await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
    return settings.customerThresholds(ctx.db, req.params.id);
  });
  app.put(
    '/api/accounts/customers/:id/thresholds',
    {
      config: { permission: 'settings:manage' },
      schema: { tags, summary: '设置客户预警阈值（null 表示沿用全局）', params: s.CustomerIdParam, body: s.CustomerThresholdsBody, response: { 200: s.CustomerThresholds } },
    },
    async (req) => {
      await assertCustomerAccess(ctx.db, userOf(req), req.params.id);
      return settings.setCustomerThresholds(ctx, req.params.id, req.body, actorOf(req));
    },
  );
}
