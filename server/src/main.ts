/** Starts the server (web + scheduler) from environment configuration. */
import cluster from 'node:cluster';
import { loadConfig, ConfigError } from './platform/config';
import { DatabaseLockedError } from './platform/db/database';
import { MigrationError } from './platform/db/migrate';
import { buildApp } from './app';
import { serveBackupRequests } from './platform/db/backup';
import { startScheduler } from './platform/jobs/jobs';
import { DEMO_PASSWORD } from './platform/demo/demo';

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

/**
 * WORKERS=N on PostgreSQL (issue 15.7): this process forks N server processes sharing the port
 * (node:cluster). The first migrates and loads what an empty database needs before the others
 * start; a worker that dies is replaced. Nothing that must be shared lives in a worker's memory
 * (sessions and throttling in the database, cache revocations and live counters over
 * LISTEN/NOTIFY, each scheduled job claimed once in the database): docs/OPERATIONS.md.
 */
function primary(workers: number) {
  let stopping = false;
  let started = false;
  cluster.fork().once('listening', () => {
    started = true;
    for (let i = 1; i < workers; i++) cluster.fork();
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!started) process.exit(code || 1); // the first worker could not start (configuration, migrations): said why
    console.error(`worker ${w.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => cluster.fork(), 1000);
  });
  const shutdown = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function main() {
  const config = loadConfigOrExit();
  if (cluster.isPrimary && config.workers > 1) {
    if (!config.databaseUrl) {
      console.error(
        `WORKERS=${config.workers}: 嵌入式数据库只能由一个进程使用，以单进程启动；多进程请设置 DATABASE_URL（PostgreSQL）。\n` +
          `WORKERS=${config.workers}: the embedded database is single-process; starting one process. Set DATABASE_URL (PostgreSQL) to run several.`,
      );
    } else {
      console.log(`  气客 Qike: ${config.workers} 个工作进程 / workers on PostgreSQL`);
      return primary(config.workers);
    }
  }
  const t0 = Date.now();
  let built;
  try {
    built = await buildApp(config);
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      console.error(e.message);
      process.exit(3);
    }
    if (e instanceof MigrationError) {
      console.error(e.message);
      process.exit(4);
    }
    throw e;
  }
  const { app, ctx } = built;
  await app.listen({ port: config.port, host: config.host });
  const stopScheduler = config.scheduler ? startScheduler(ctx, app.log) : () => {};
  serveBackupRequests(ctx.database, config.dataDir, (m) => app.log.info(m)); // `npm run cli -- backup` while running (embedded)
  const url = `http://localhost:${config.port}`;
  app.log.info({ ms: Date.now() - t0, database: ctx.database.kind }, 'ready');
  const lines = [`\n  气客 Qike 已启动 / is running: ${url}`, `  数据库 database: ${ctx.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`];
  if (config.demo) lines.push(`  演示账号 demo sign-in: admin / lead / am01 / finance …  密码 password: ${DEMO_PASSWORD}`);
  else lines.push('  首次使用请以 ADMIN_USERNAME/ADMIN_PASSWORD 或 `npm run cli -- create-admin` 创建管理员');
  lines.push(`  API 文档 docs: ${url}/api/docs\n`);
  if (cluster.isPrimary || cluster.worker?.id === 1) console.log(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await built.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
