/** Excel exports of the trading lists (user's language) and the result notices (成交结果通知) to awarded customers. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { AppError } from '../../platform/http/errors';
import { inTx } from '../../platform/db/database';
import { audit } from '../../platform/audit/audit';
import { formatFen } from '@common/money';
import * as s from './trading.schema';
import * as repo from './sessions.repo';
import { requireSession, sessionViews } from './sessions.service';
import { sessionResult } from './results.service';
import { competitionBoard, tradingStats } from './stats.service';
import { XLSX, attachment, labels, sheetXlsx } from './trading.excel';
import { TE } from './trading.errors';
import type { AwardView, SessionView } from './trading.schema';

export function tradingExportRoutes(app: Api, ctx: AppContext) {
  const tags = ['线上交易 Trading'];
  const read = { permission: 'trading:read' as const };
  const organise = { permission: 'trading:organise' as const };

  app.get('/api/trading/sessions.xlsx', { config: read, schema: { tags, summary: '导出交易场次 Excel', querystring: s.SessionQuery } }, async (req, reply) => {
    const lang = requestLang(req);
    const L = labels(lang);
    const r = await repo.listSessions(ctx.db, { ...req.query, page: 1, pageSize: 100_000 });
    const rows = await sessionViews(ctx.db, r.rows);
    const buf = await sheetXlsx<SessionView>(
      lang,
      { zh: '交易场次', en: 'Sessions' },
      [
        { zh: '场次名称', en: 'Title', value: (x) => x.title, width: 30 },
        { zh: '类型', en: 'Kind', value: (x) => L.kind[x.kind] },
        { zh: '交易方式', en: 'Mode', value: (x) => L.mode[x.mode] },
        { zh: '资源标签', en: 'Resource tag', value: (x) => x.resourceTag },
        { zh: '交付月份', en: 'Delivery month', value: (x) => x.deliveryMonth },
        { zh: '交付点', en: 'Delivery point', value: (x) => x.deliveryPoint },
        { zh: '总量', en: 'Quantity', value: (x) => x.quantity },
        { zh: '挂牌价/底价/协议价', en: 'Fixed/floor/agreed price', value: (x) => x.fixedPrice ?? x.floorPrice ?? x.agreement?.price ?? null },
        { zh: '开始时间', en: 'Opens', value: (x) => x.opensAt },
        { zh: '截止时间', en: 'Closes', value: (x) => x.closesAt },
        { zh: '报价笔数', en: 'Bids', value: (x) => x.bidCount },
        { zh: '成交量', en: 'Sold', value: (x) => x.soldQuantity },
        { zh: '最低成交价', en: 'Clearing price', value: (x) => x.clearingPrice },
        { zh: '状态', en: 'State', value: (x) => x.state },
      ],
      rows,
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`${lang === 'en' ? 'trading-sessions' : '交易场次'}.xlsx`))
      .send(buf);
  });

  app.get('/api/trading/sessions/:id/result.xlsx', { config: read, schema: { tags, summary: '导出成交结果 Excel', params: s.SessionIdParam } }, async (req, reply) => {
    const lang = requestLang(req);
    const r = await sessionResult(ctx.db, req.params.id, userOf(req));
    const buf = await sheetXlsx<AwardView>(
      lang,
      { zh: '成交结果', en: 'Results' },
      [
        { zh: '买方', en: 'Buyer', value: (a) => a.customerName ?? a.virtualAccountName, width: 30 },
        { zh: '成交量', en: 'Quantity', value: (a) => a.quantity },
        { zh: '成交价(元)', en: 'Deal price (yuan)', value: (a) => a.price },
        { zh: '成交金额(元)', en: 'Amount (yuan)', value: (a) => a.amountFen, money: true },
        { zh: '买方手续费(元)', en: 'Buyer fee (yuan)', value: (a) => a.buyerFeeFen, money: true },
        { zh: '卖方手续费(元)', en: 'Seller fee (yuan)', value: (a) => a.sellerFeeFen, money: true },
        { zh: '保证金转气款(元)', en: 'Deposit applied (yuan)', value: (a) => a.depositAppliedFen, money: true },
        { zh: '保证金释放(元)', en: 'Deposit released (yuan)', value: (a) => a.depositReleasedFen, money: true },
        { zh: '成交时间', en: 'Awarded at', value: (a) => a.awardedAt, width: 26 },
      ],
      r.awards,
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`${lang === 'en' ? 'trading-results' : '成交结果'}-${req.params.id}.xlsx`))
      .send(buf);
  });

  app.get('/api/trading/stats.xlsx', { config: read, schema: { tags, summary: '导出线上交易统计 Excel', querystring: s.StatsQuery } }, async (req, reply) => {
    const lang = requestLang(req);
    const st = await tradingStats(ctx.db, req.query.year);
    type Row = { month: string; sessions: number; trades: number; volume: string };
    const buf = await sheetXlsx<Row>(
      lang,
      { zh: '线上交易统计', en: 'Trading statistics' },
      [
        { zh: '月份', en: 'Month', value: (m) => m.month },
        { zh: '场次', en: 'Sessions', value: (m) => m.sessions },
        { zh: '成交笔数', en: 'Trades', value: (m) => m.trades },
        { zh: '成交量', en: 'Volume', value: (m) => m.volume },
      ],
      [...st.current.months, { month: lang === 'en' ? `Total ${st.current.year}` : `${st.current.year} 年合计`, sessions: st.current.sessions, trades: st.current.trades, volume: st.current.volume }],
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`${lang === 'en' ? 'trading-stats' : '线上交易统计'}-${req.query.year}.xlsx`))
      .send(buf);
  });

  app.get('/api/trading/board.xlsx', { config: read, schema: { tags, summary: '导出劳动竞赛排行榜 Excel', querystring: s.BoardQuery } }, async (req, reply) => {
    const lang = requestLang(req);
    const rows = await competitionBoard(ctx.db, req.query.from, req.query.to);
    const buf = await sheetXlsx<(typeof rows)[number]>(
      lang,
      { zh: '劳动竞赛', en: 'Competition' },
      [
        { zh: '名次', en: 'Rank', value: (r) => r.rank },
        { zh: '客户经理', en: 'Manager', value: (r) => r.name, width: 20 },
        { zh: '组织场次', en: 'Sessions organised', value: (r) => r.sessions },
        { zh: '带动客户数', en: 'Customers brought', value: (r) => r.customers },
        { zh: '成交笔数', en: 'Trades', value: (r) => r.trades },
        { zh: '成交量', en: 'Volume', value: (r) => r.volume },
      ],
      rows,
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`${lang === 'en' ? 'competition' : '劳动竞赛'}-${req.query.from}-${req.query.to}.xlsx`))
      .send(buf);
  });

  // 成交结果通知: one notice per awarded customer of a cleared real session, through the notices port.
  app.post(
    '/api/trading/sessions/:id/notices',
    { config: organise, schema: { tags, summary: '向成交客户发送成交结果通知', params: s.SessionIdParam, response: { 200: z.object({ notices: z.number(), customers: z.number() }) } } },
    async (req) =>
      inTx(ctx.db, async (trx) => {
        await repo.lockSession(trx, req.params.id);
        const sess = await requireSession(trx, req.params.id);
        if (sess.kind !== 'real' || sess.status !== 'cleared') throw new AppError(TE.NOTICE_NOT_CLEARED);
        const sent = await trx.selectFrom('trading_result_notices').select('session_id').where('session_id', '=', sess.id).executeTakeFirst();
        if (sent) throw new AppError(TE.NOTICE_ALREADY_SENT);
        const awards = await trx.selectFrom('trading_awards').selectAll().where('session_id', '=', sess.id).where('customer_id', 'is not', null).orderBy('id').execute();
        const per = new Map<number, { qty: number; amount: number; fee: number; lines: string[]; linesEn: string[] }>();
        for (const a of awards) {
          const e = per.get(a.customer_id!) ?? { qty: 0, amount: 0, fee: 0, lines: [], linesEn: [] };
          e.amount += Number(a.amount_fen);
          e.fee += Number(a.buyer_fee_fen);
          e.lines.push(`${a.quantity} m³ × ${a.price} 元/m³ = ${formatFen(Number(a.amount_fen))} 元`);
          e.linesEn.push(`${a.quantity} m³ × ${a.price} yuan/m³ = ${formatFen(Number(a.amount_fen))} yuan`);
          per.set(a.customer_id!, e);
        }
        const port = ctx.capabilities.notices;
        if (!port) throw new Error('the notices module (notices port) is not loaded');
        let notices = 0;
        for (const [customerId, e] of per) {
          await port.send(
            ctx,
            trx,
            {
              kind: 'trading',
              title: { zh: `成交结果通知：${sess.title}`, en: `Trade result notice: ${sess.title}` },
              body: {
                zh: `{customerName}：您在“${sess.title}”（${sess.delivery_month}，${sess.delivery_point}，${sess.resource_tag}）中成交：${e.lines.join('；')}。成交金额合计 ${formatFen(e.amount)} 元，买方手续费 ${formatFen(e.fee)} 元。`,
                en: `{customerName}: in “${sess.title}” (${sess.delivery_month}, ${sess.delivery_point}, ${sess.resource_tag}) you won: ${e.linesEn.join('; ')}. Total amount ${formatFen(e.amount)} yuan, buyer fee ${formatFen(e.fee)} yuan.`,
              },
              customerIds: [customerId],
              requireReceipt: false,
              source: { module: 'trading', entity: 'session', id: sess.id },
            },
            actorOf(req),
          );
          notices++;
        }
        await trx
          .insertInto('trading_result_notices')
          .values({ session_id: sess.id, customers: per.size, sent_by: userOf(req).id })
          .execute();
        await audit(trx, actorOf(req), { action: 'trading.session.notices', entity: 'trading_session', entityId: sess.id, after: { notices, customers: per.size } });
        return { notices, customers: per.size };
      }),
  );
}
