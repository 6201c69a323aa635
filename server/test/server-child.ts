/**
 * A server process for the several-processes test (issue 15.7) and the online backup test: the
 * real app on the database named by the environment (DATABASE_URL + PG_SCHEMA, or DATA_DIR),
 * listening on a free port, answering backup requests like main.ts. It prints
 * `LISTEN <url>` when ready; on stdin, `tick <ISO time>` runs one scheduler tick at that moment
 * and prints `TICKED <n>` (the runs it started); `exit` closes it.
 */
import readline from 'node:readline';
import { loadConfig } from '../src/platform/config';
import { buildApp } from '../src/app';
import { schedulerTick } from '../src/platform/jobs/jobs';
import { serveBackupRequests } from '../src/platform/db/backup';

async function main() {
  const config = { ...loadConfig(), demo: false, scheduler: false, pgSchema: process.env.PG_SCHEMA || undefined };
  const built = await buildApp(config, { logger: false, demo: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (built.app.server.address() as { port: number }).port;
  serveBackupRequests(built.ctx.database, config.dataDir, () => {}); // as main.ts (embedded only)
  process.stdout.write(`LISTEN http://127.0.0.1:${port}\n`);
  const quiet = { info() {}, warn() {}, error() {} };
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === 'tick') {
      const runs = await schedulerTick(built.ctx, quiet, new Date(arg));
      process.stdout.write(`TICKED ${runs.length}\n`);
    } else if (cmd === 'exit') break;
  }
  await built.close();
  process.exit(0); // stdin (the parent's pipe) would keep the process alive
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
