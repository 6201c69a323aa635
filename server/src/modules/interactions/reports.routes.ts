/** HTTP: contact statistics, the manager big table and the manager letters (PDF). */
import type { Api, AppContext } from '../../platform/module';
import { userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { paged } from '../../platform/http/schemas';
import * as s from './interactions.schema';
import { interactionStats } from './stats.service';
import * as mt from './manager-table.service';
import { managerTableColumns, statsColumns } from './exports';
import { attachment, buildXlsx, XLSX_TYPE } from './xlsx';
import { todayOf } from './interactions.shared';
import { FileResponse } from './interactions.routes';
import { actorOf } from '../../platform/http/auth-plugin';
import { sendManagerLetters } from './letter.notices';
import { z } from 'zod';

const READ = { permission: 'customers:read' as const };

export function reportRoutes(app: Api, ctx: AppContext) {
  const tags = ['对接统计与经理大表 Reports'];

  app.get('/api/interaction-stats', { config: READ, schema: { tags, querystring: s.StatsQuery, response: { 200: s.StatsView } } }, async (req) => interactionStats(ctx, userOf(req), req.query));
  app.get('/api/interaction-stats/export', { config: READ, schema: { tags, querystring: s.StatsQuery, response: FileResponse } }, async (req, reply) => {
    const v = await interactionStats(ctx, userOf(req), req.query);
    const lang = requestLang(req);
    const buf = await buildXlsx(lang, [
      { name: { zh: '按经理汇总', en: 'By manager' }, columns: statsColumns(lang, false), rows: v.byManager },
      { name: { zh: '按期间明细', en: 'By period' }, columns: statsColumns(lang, true), rows: v.rows },
    ]);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'contact-stats' : '对接统计'}_${req.query.from}_${req.query.to}.xlsx`))
      .send(buf);
  });

  app.get('/api/manager-table', { config: READ, schema: { tags, querystring: s.ManagerTableQuery, response: { 200: paged(s.ManagerTableRow) } } }, async (req) =>
    mt.managerTable(ctx, userOf(req), req.query),
  );
  app.get('/api/manager-table/export', { config: READ, schema: { tags, querystring: s.ManagerTableQuery.omit({ page: true, pageSize: true }), response: FileResponse } }, async (req, reply) => {
    const rows = await mt.managerTableAll(ctx, userOf(req), req.query);
    const lang = requestLang(req);
    const buf = await buildXlsx(lang, [{ name: { zh: '客户经理大表', en: 'Account managers' }, columns: managerTableColumns(lang), rows }]);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'account-managers' : '客户经理大表'}_${todayOf(ctx)}.xlsx`))
      .send(buf);
  });

  app.get('/api/customers/:id/manager-letter', { config: READ, schema: { tags, params: s.CustomerParam, response: FileResponse } }, async (req, reply) => {
    const lang = requestLang(req);
    const { pdf, code } = await mt.customerLetter(ctx, userOf(req), req.params.id, lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${lang === 'en' ? 'account-manager-letter' : '客户经理告知函'}_${code}.pdf`))
      .send(pdf);
  });
  app.get('/api/manager-letters', { config: READ, schema: { tags, querystring: s.LetterBatchQuery, response: FileResponse } }, async (req, reply) => {
    const lang = requestLang(req);
    const { pdf } = await mt.batchLetters(ctx, userOf(req), req.query, lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${lang === 'en' ? 'account-manager-letters' : '客户经理告知函'}_${todayOf(ctx)}.pdf`))
      .send(pdf);
  });
  // Send the same letters as a notice (告知函 module, in-app to the managers, tracked per customer).
  app.post(
    '/api/manager-letters/send',
    { config: { permission: 'notices:send' }, schema: { tags, body: s.LetterBatchQuery, response: { 201: z.object({ noticeId: z.number(), recipients: z.number() }) } } },
    async (req, reply) => reply.status(201).send(await sendManagerLetters(ctx, userOf(req), req.body, actorOf(req))),
  );
}
