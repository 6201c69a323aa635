/**
 * Child process for the crash test: opens the database named by the environment (DATABASE_URL +
 * PG_SCHEMA, or DATA_DIR for the embedded one) and runs `accounts.daily` for each day given on the
 * command line, printing a line before and after each run. The parent kills it at a random moment.
 */
import { loadConfig } from '../../src/platform/config';
import { buildApp } from '../../src/app';
import { runJob } from '../../src/platform/jobs/jobs';

async function main() {
  const days = process.argv.slice(2);
  const config = { ...loadConfig(), demo: false, scheduler: false, pgSchema: process.env.PG_SCHEMA || undefined };
  const built = await buildApp(config, { logger: false, demo: false });
  const job = built.ctx.jobs.find((j) => j.name === 'accounts.daily')!;
  process.stdout.write('READY\n');
  for (const day of days) {
    process.stdout.write(`RUN ${day}\n`);
    const r = await runJob(built.ctx, job, day, { userId: null, username: 'crash-test' });
    process.stdout.write(`DONE ${day} ${r.status}\n`);
  }
  await built.close();
  process.stdout.write('EXIT\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
