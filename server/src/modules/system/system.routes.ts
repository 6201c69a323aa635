/** Health, readiness and jobs. */
import { z } from 'zod';
import { sql } from 'kysely';
import type { Api, AppContext } from '../../platform/module';
import { pendingMigrations } from '../../platform/db/migrate';
import { failingJobKeys, MAX_AUTO_RETRIES, recentJobRuns, runJob } from '../../platform/jobs/jobs';
import { actorOf } from '../../platform/http/auth-plugin';
import { AppError } from '../../platform/http/errors';
import { requestLang } from '../../platform/http/error-handler';

export function systemRoutes(app: Api, ctx: AppContext) {
  const tags = ['系统 System'];
  app.get('/api/health', { config: { public: true }, schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  // What the login page needs before sign-in: whether demo accounts exist.
  app.get('/api/meta', { config: { public: true }, schema: { tags, response: { 200: z.object({ demo: z.boolean(), version: z.string() }) } } }, async () => ({
    demo: ctx.config.demo,
    version: '0.1.0',
  }));

  app.get(
    '/api/ready',
    { config: { public: true }, schema: { tags, response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ code: z.string(), message: z.string() }) } } },
    async () => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
      } catch (e: any) {
        throw new AppError('UNAVAILABLE', { reason: `database: ${e.message}` });
      }
      const pending = await pendingMigrations(ctx.database);
      if (pending.length) throw new AppError('UNAVAILABLE', { reason: `pending migrations: ${pending.join(', ')}` });
      return { status: 'ready' as const, database: ctx.database.kind };
    },
  );

  app.get(
    '/api/jobs',
    {
      config: { permission: 'jobs:run' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              name: z.string(),
              description: z.string(),
              dailyAt: z.string().nullable(),
              defaultKey: z.string(),
              lastRuns: z.array(
                z.object({
                  id: z.number(),
                  runKey: z.string(),
                  status: z.string(),
                  startedAt: z.string(),
                  finishedAt: z.string().nullable(),
                  error: z.string().nullable(),
                  triggeredBy: z.string().nullable(),
                }),
              ),
              failing: z.array(z.object({ runKey: z.string(), failures: z.number(), lastError: z.string().nullable(), retrying: z.boolean() })),
            }),
          ),
        },
      },
    },
    async (req) => {
      const lang = requestLang(req);
      const runs = await recentJobRuns(ctx, 200);
      // Keys whose newest runs failed or were interrupted ALERT_AFTER times or more in a row.
      const failing = await failingJobKeys(ctx);
      return ctx.jobs.map((j) => ({
        name: j.name,
        description: lang === 'en' ? j.description.en : j.description.zh,
        dailyAt: j.dailyAt ?? null,
        defaultKey: j.defaultKey(new Date(), ctx),
        lastRuns: runs
          .filter((r) => r.job === j.name)
          .slice(0, 10)
          .map((r) => ({
            id: r.id,
            runKey: r.run_key,
            status: r.status,
            startedAt: r.started_at.toISOString(),
            finishedAt: r.finished_at?.toISOString() ?? null,
            error: r.error,
            triggeredBy: r.triggered_by,
          })),
        failing: failing.rows.filter((f) => f.job === j.name).map((f) => ({ runKey: f.run_key, failures: f.failures, lastError: f.last_error, retrying: f.failures < MAX_AUTO_RETRIES })),
      }));
    },
  );

  app.post(
    '/api/jobs/:name/run',
    {
      config: { permission: 'jobs:run' },
      schema: {
        tags,
        params: z.strictObject({ name: z.string().max(80) }),
        body: z.strictObject({ key: z.string().max(20).optional() }).optional(),
        response: { 200: z.object({ id: z.number(), status: z.string(), result: z.unknown(), error: z.string().nullable() }) },
      },
    },
    async (req) => {
      const job = ctx.jobs.find((j) => j.name === req.params.name);
      if (!job) throw new AppError('NOT_FOUND', { entity: { zh: '任务', en: 'Job' } });
      const key = req.body?.key ?? job.defaultKey(new Date(), ctx);
      if (job.validateKey && !job.validateKey(key)) throw new AppError('BAD_REQUEST', { reason: `key ${key}` });
      return runJob(ctx, job, key, actorOf(req));
    },
  );
}
