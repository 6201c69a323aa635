/** buildApp(config): the Fastify instance with every module, used by main.ts and by tests. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installRequestLog } from './platform/http/request-log';
import type { Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { SessionStore } from './platform/auth/sessions';
import { openBus } from './platform/events/bus';
import { installAuth, type RouteInfo } from './platform/http/auth-plugin';
import { installErrorHandler } from './platform/http/error-handler';
import { installInputGuard } from './platform/http/input-guard';
import { installSecurity } from './platform/http/security';
import { installCompression } from './platform/http/compression';
import type { AppContext } from './platform/module';
import { modules as allModules } from './modules';
import { loadDemo } from './platform/demo/demo';
import { localParts } from './platform/jobs/jobs';
import { ensureFirstAdmin } from './modules';

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Every /api route with its access rule. */
  routes: RouteInfo[];
  close(): Promise<void>;
}

export interface BuildOptions {
  /** An already open database (tests share one per file). */
  database?: Database;
  logger?: boolean | object;
  /** Load demo data into an empty database (defaults to config.demo). */
  demo?: boolean;
  demoLastDay?: string;
}

export function yesterday(timeZone: string, now = new Date()): string {
  const { date } = localParts(new Date(now.getTime() - 86400_000), timeZone);
  return date;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<BuiltApp> {
  const database =
    opts.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: config.pgSchema, poolSize: config.dbPoolSize, pgliteSharedBuffers: config.pgliteSharedBuffers }));
  try {
    return await assemble(config, database, opts);
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}

async function assemble(config: Config, database: Database, opts: BuildOptions): Promise<BuiltApp> {
  const loggerOpt = opts.logger ?? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] };
  const app = Fastify({
    logger: loggerOpt as any,
    bodyLimit: config.bodyLimit,
    genReqId: () => crypto.randomUUID(),
    logController: new LogController({ disableRequestLogging: true }), // one line per response instead, sampled for successes (request-log.ts)
    requestIdHeader: false,
    trustProxy: config.trustProxy as boolean | string | string[], // a number (hop count) works at run time too
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  installRequestLog(app, config.logRequestSample);

  await migrate(database, (m) => app.log.info(m));

  const bus = await openBus(database);
  const sessions = new SessionStore(database.db, config.sessionTtlHours, bus);
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    sessions,
    bus,
    modules: allModules,
    closeChecks: allModules.flatMap((m) => m.closeChecks ?? []),
    jobs: allModules.flatMap((m) => m.jobs ?? []),
    capabilities: Object.assign({}, ...allModules.map((m) => m.provides ?? {})),
  };

  const demo = opts.demo ?? config.demo;
  const anyUser = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyUser && demo) {
    app.log.info('empty database: loading demo data');
    await loadDemo(ctx, { lastDay: opts.demoLastDay ?? process.env.DEMO_LAST_DAY ?? yesterday(config.timeZone), log: (m) => app.log.info(m) });
  }
  await ensureFirstAdmin(ctx, app.log);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '气客 Qike API', version: '0.1.0', description: '天然气客户管理平台 API。所有接口需登录（会话 Cookie qike_sid），按角色与客户范围授权。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qike_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installErrorHandler(app, { uploadLimit: config.uploadLimit });
  installInputGuard(app);
  installSecurity(app, { allowedOrigins: config.allowedOrigins });
  installCompression(app);
  const routes = installAuth(app, sessions);

  await app.register(async (api) => {
    for (const m of allModules) if (m.routes) await m.routes(api as any, ctx);
  });

  serveWeb(app, config);

  return {
    app,
    ctx,
    routes,
    async close() {
      await app.close();
      await bus.close();
      if (!opts.database) await database.close();
    },
  };
}

/** Serve the built web app with a fallback to index.html for client-side routes. */
function serveWeb(app: FastifyInstance, config: Config) {
  const dist = path.resolve(config.webDist);
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  // Hashed build files (assets/<name>-<hash>.<ext>) never change under their name: cached for a
  // year, immutable. Anything else (favicon and the like) for an hour; index.html is never cached
  // (no-cache: revalidated on every load, so a new build is picked up at once). Precompressed .br/.gz
  // copies written at build (web/vite.config.ts) are sent to clients that accept them (issue 15.6).
  app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      const hashed = path.relative(dist, file).startsWith(`assets${path.sep}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'));
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0];
    if (p.startsWith('/api/') || p.startsWith('/assets/')) return reply.callNotFound(); // a missing hashed file is a 404, not the page
    const file = path.join(dist, path.normalize(p));
    if (file.startsWith(dist) && p !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(dist, file));
    return reply.header('cache-control', 'no-cache').type('text/html').send(indexHtml);
  });
}
