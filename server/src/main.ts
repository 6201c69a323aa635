/** Starts the server (web + scheduler) from environment configuration. */
import { loadConfig, ConfigError } from './platform/config';
import { DatabaseLockedError } from './platform/db/database';
import { MigrationError } from './platform/db/migrate';
import { buildApp } from './app';
import { startScheduler } from './platform/jobs/jobs';
import { DEMO_PASSWORD } from './platform/demo/demo';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
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
  const url = `http://localhost:${config.port}`;
  app.log.info({ ms: Date.now() - t0, database: ctx.database.kind }, 'ready');
  const lines = [`\n  气客 Qike 已启动 / is running: ${url}`, `  数据库 database: ${ctx.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`];
  if (config.demo) lines.push(`  演示账号 demo sign-in: admin / lead / am01 / finance …  密码 password: ${DEMO_PASSWORD}`);
  else lines.push('  首次使用请以 ADMIN_USERNAME/ADMIN_PASSWORD 或 `npm run cli -- create-admin` 创建管理员');
  lines.push(`  API 文档 docs: ${url}/api/docs\n`);
  console.log(lines.join('\n'));

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
