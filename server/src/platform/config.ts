/** Configuration from environment variables, validated once at start-up. */
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 开头的连接串 / must start with postgres://')
    .optional(),
  // PostgreSQL connections per server process (the pool); measured in bench/trading-bidders.bench.ts (BENCHMARKS.md, round "bids").
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .optional(),
  DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // One successful request in N is logged at info (the others at debug); errors and slow requests always. 0 = none.
  LOG_REQUEST_SAMPLE: z.coerce.number().int().min(0).max(1_000_000).default(100),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Unset: Secure outside demo mode. Set 0 only for a non-demo server reached over plain http.
  COOKIE_SECURE: bool.optional(),
  ALLOWED_ORIGINS: z.string().max(2000).optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  // Rows (without the header) one nominations import may hold (issue 13); every other import keeps the reader's defaults.
  NOMINATION_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  SCHEDULER: bool.default(true),
  // Server processes (node:cluster) sharing the port; PostgreSQL only (the embedded database is single-process).
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // The embedded database's shared_buffers (its memory is allocated up front; see database.ts).
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d{1,6}(kB|MB|GB)$/, '格式如 32MB / e.g. 32MB')
    .default('32MB'),
  // Off by default: the client address is the socket's. Set it only behind a reverse proxy:
  // 'true' (trust every hop), a hop count, or a comma-separated list of proxy addresses/CIDRs.
  TRUST_PROXY: z.string().max(2000).optional(),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TZ_NAME: z.string().default('Asia/Shanghai'),
  GAS_DAY_START_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  ADMIN_USERNAME: z.string().min(3).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(10, '管理员初始密码至少 10 位 / at least 10 characters').optional(),
  WEB_DIST: z.string().default('./dist/web'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** PostgreSQL connections per server process (DB_POOL_SIZE, default 10). */
  dbPoolSize?: number;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir: string;
  demo: boolean;
  logLevel: string;
  /** One successful request in N logged at info (others at debug); 0 = none. Errors and slow requests are always logged. */
  logRequestSample?: number;
  sessionTtlHours: number;
  /** Session cookie Secure flag; undefined = secure unless demo (see sessionCookieSecure). */
  cookieSecure?: boolean;
  /** Other origins (scheme://host[:port]) allowed to send state-changing requests (CSRF check). */
  allowedOrigins: string[];
  bodyLimit: number;
  uploadLimit: number;
  /** Rows (header not counted) one nominations import may hold; other imports keep the spreadsheet reader's defaults. */
  nominationImportMaxRows: number;
  scheduler: boolean;
  /** Server processes `npm start` runs (node:cluster); 1 on the embedded database. */
  workers: number;
  /** shared_buffers of the embedded database (PGLITE_SHARED_BUFFERS). */
  pgliteSharedBuffers: string;
  /** Fastify's trustProxy: false unless TRUST_PROXY is set (X-Forwarded-For is then believed from those proxies only). */
  trustProxy: boolean | number | string[];
  /** A running job's lease: a run whose heartbeat is older than this is taken as dead and retried. */
  jobLeaseSeconds: number;
  timeZone: string;
  gasDayStartHour: number;
  adminUsername?: string;
  adminPassword?: string;
  webDist: string;
  /** A PostgreSQL schema to use instead of public (tests on a shared server). */
  pgSchema?: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}（当前值 ${JSON.stringify(env[String(i.path[0])])}）`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    dataDir: e.DATA_DIR,
    pgSchema: e.PG_SCHEMA,
    // Demo data by default on the embedded database, never by default on a PostgreSQL server.
    demo: e.DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    logRequestSample: e.LOG_REQUEST_SAMPLE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    bodyLimit: e.BODY_LIMIT_BYTES,
    uploadLimit: e.UPLOAD_LIMIT_BYTES,
    nominationImportMaxRows: e.NOMINATION_IMPORT_MAX_ROWS,
    scheduler: e.SCHEDULER,
    workers: e.WORKERS,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    jobLeaseSeconds: e.JOB_LEASE_SECONDS,
    timeZone: e.TZ_NAME,
    gasDayStartHour: e.GAS_DAY_START_HOUR,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    webDist: e.WEB_DIST,
  };
}

function parseTrustProxy(v: string | undefined): boolean | number | string[] {
  const t = (v ?? '').trim();
  if (!t || t === '0' || t === 'false') return false;
  if (t === '1' || t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  return t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The session cookie is Secure unless configured otherwise or running the demo. */
export function sessionCookieSecure(c: Pick<Config, 'cookieSecure' | 'demo'>): boolean {
  return c.cookieSecure ?? !c.demo;
}
