/** HTTP: customer issues and follow-up tasks. */
import { z } from 'zod';
import type { Api, AppContext } from '../../platform/module';
import { actorOf, userOf } from '../../platform/http/auth-plugin';
import { requestLang } from '../../platform/http/error-handler';
import { paged } from '../../platform/http/schemas';
import * as s from './interactions.schema';
import * as issues from './issues.service';
import * as tasks from './tasks.service';
import { issueColumns } from './exports';
import { attachment, buildXlsx, XLSX_TYPE } from './xlsx';
import { todayOf } from './interactions.shared';
import { FileResponse } from './interactions.routes';

const READ = { permission: 'customers:read' as const };
const WRITE = { permission: 'customers:write' as const };

export function followUpRoutes(app: Api, ctx: AppContext) {
  const tags = ['客户问题与待办 Issues & tasks'];

  app.get('/api/issues', { config: READ, schema: { tags, querystring: s.IssueQuery, response: { 200: paged(s.IssueView) } } }, async (req) => issues.listIssues(ctx, userOf(req), req.query));
  app.get('/api/issues/export', { config: READ, schema: { tags, querystring: s.IssueQuery.omit({ page: true, pageSize: true }), response: FileResponse } }, async (req, reply) => {
    const { items } = await issues.listIssues(ctx, userOf(req), { ...req.query, page: 1, pageSize: 1 }, 50_000);
    const lang = requestLang(req);
    const buf = await buildXlsx(lang, [{ name: { zh: '客户问题', en: 'Issues' }, columns: issueColumns(lang), rows: items }]);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`${lang === 'en' ? 'issues' : '客户问题'}_${todayOf(ctx)}.xlsx`))
      .send(buf);
  });
  app.get('/api/issues/:id', { config: READ, schema: { tags, params: s.IdParam, response: { 200: s.IssueView } } }, async (req) => issues.getIssue(ctx, userOf(req), req.params.id));
  app.post('/api/issues', { config: WRITE, schema: { tags, body: s.IssueBody, response: { 201: s.IssueView } } }, async (req, reply) =>
    reply.status(201).send(await issues.createIssue(ctx, userOf(req), req.body, actorOf(req))),
  );
  app.patch('/api/issues/:id', { config: WRITE, schema: { tags, params: s.IdParam, body: s.IssuePatch, response: { 200: s.IssueView } } }, async (req) =>
    issues.updateIssue(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/issues/:id/transition', { config: WRITE, schema: { tags, params: s.IdParam, body: s.IssueTransitionBody, response: { 200: s.IssueView } } }, async (req) =>
    issues.transitionIssue(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );

  app.get(
    '/api/tasks/mine',
    { config: READ, schema: { tags, querystring: s.MyTasksQuery, response: { 200: z.object({ total: z.number(), today: z.string(), items: z.array(s.TaskView) }) } } },
    async (req) => tasks.myTasks(ctx, userOf(req), req.query.limit),
  );
  app.get('/api/tasks', { config: READ, schema: { tags, querystring: s.TaskQuery, response: { 200: paged(s.TaskView) } } }, async (req) => tasks.listTasks(ctx, userOf(req), req.query));
  app.post('/api/tasks', { config: WRITE, schema: { tags, body: s.TaskBody, response: { 201: s.TaskView } } }, async (req, reply) =>
    reply.status(201).send(await tasks.createTask(ctx, userOf(req), req.body, actorOf(req))),
  );
  app.patch('/api/tasks/:id', { config: WRITE, schema: { tags, params: s.IdParam, body: s.TaskPatch, response: { 200: s.TaskView } } }, async (req) =>
    tasks.updateTask(ctx, userOf(req), req.params.id, req.body, actorOf(req)),
  );
  app.post('/api/tasks/:id/done', { config: WRITE, schema: { tags, params: s.IdParam, response: { 200: s.TaskView } } }, async (req) =>
    tasks.finishTask(ctx, userOf(req), req.params.id, 'done', actorOf(req)),
  );
  app.post('/api/tasks/:id/cancel', { config: WRITE, schema: { tags, params: s.IdParam, response: { 200: s.TaskView } } }, async (req) =>
    tasks.finishTask(ctx, userOf(req), req.params.id, 'cancelled', actorOf(req)),
  );
}
