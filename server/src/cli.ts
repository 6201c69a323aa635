/**
 * Command line: npm run cli -- <command>
 *   migrate                      apply pending migrations
 *   demo:reset                   drop everything and rebuild the demo data (embedded or DEMO=1)
 *   create-admin <username>      create an administrator; password from ADMIN_PASSWORD or stdin
 *   job <name> [key]             run a job by hand (e.g. job accounts.daily 2026-11-26)
 *   jobs                         list jobs
 *   backup <file>                back up the database (pg_dump on PostgreSQL; the embedded one also while the server runs)
 *   restore <file> [--force]     restore a backup into an empty database (docs/OPERATIONS.md)
 *   <module command>             commands of feature modules (QikeModule.cli), e.g. metering:import <file>
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { buildApp } from './app';
import { runJob } from './platform/jobs/jobs';
import { backupDatabase, restoreDatabase } from './platform/db/backup';
import { createUser } from './modules/identity';
import { modules } from './modules';
import { AppError, errorDef } from './platform/http/errors';
import { pickLang, tr } from '@common/lang';

async function readSecret(prompt: string): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => rl.question(prompt, (a) => (rl.close(), resolve(a.trim()))));
}

/** Commands contributed by feature modules (QikeModule.cli), e.g. metering:import. */
const moduleCommands = () => Object.assign({}, ...modules.map((m) => m.cli ?? {})) as Record<string, (args: string[]) => Promise<void>>;

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (cmd) {
    case 'migrate': {
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
      const applied = await migrate(db, console.log);
      console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
      await db.close();
      return;
    }
    case 'demo:reset': {
      if (config.databaseUrl && process.env.DEMO !== '1') throw new Error('demo:reset on PostgreSQL drops every table: set DEMO=1 to confirm');
      if (config.databaseUrl) {
        const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
        await db.execScript('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await db.close();
      } else {
        fs.rmSync(`${config.dataDir}/pglite`, { recursive: true, force: true });
      }
      const t = Date.now();
      const built = await buildApp({ ...config, demo: true, scheduler: false }, { logger: false, demo: true });
      await built.close();
      console.log(`demo data rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      return;
    }
    case 'create-admin': {
      const username = args[0];
      if (!username) throw new Error('usage: create-admin <username>');
      const password = await readSecret('password (≥10, letters and digits): ');
      const built = await buildApp({ ...config, demo: false }, { logger: false, demo: false });
      try {
        await createUser(built.ctx, { username, displayName: '系统管理员', roles: ['admin'], password }, { userId: null, username: 'cli' });
        console.log(`administrator ${username} created`);
      } finally {
        await built.close();
      }
      return;
    }
    case 'jobs':
    case 'job': {
      const built = await buildApp({ ...config, scheduler: false }, { logger: false });
      try {
        if (cmd === 'jobs' || !args[0]) {
          for (const j of built.ctx.jobs) console.log(`${j.name}\t${j.description.zh} / ${j.description.en}`);
          return;
        }
        const job = built.ctx.jobs.find((j) => j.name === args[0]);
        if (!job) throw new Error(`unknown job ${args[0]}`);
        const key = args[1] ?? job.defaultKey(new Date(), built.ctx);
        const r = await runJob(built.ctx, job, key, { userId: null, username: 'cli' });
        console.log(JSON.stringify(r, null, 2));
        if (r.status !== 'succeeded') process.exitCode = 1;
      } finally {
        await built.close();
      }
      return;
    }
    case 'backup': {
      if (!args[0]) throw new Error('usage: backup <file>');
      const t = Date.now();
      const r = await backupDatabase(config, args[0]);
      console.log(
        `backup of the ${r.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database written to ${args[0]} (${(r.bytes / 1048576).toFixed(1)} MB, ${((Date.now() - t) / 1000).toFixed(1)} s)`,
      );
      return;
    }
    case 'restore': {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) throw new Error('usage: restore <file> [--force]');
      const r = await restoreDatabase(config, file, { force: args.includes('--force') });
      if (r.movedAside) console.log(`the previous data directory was moved to ${r.movedAside}`);
      // Bring the restored schema up to this version's migrations.
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: config.pgSchema, pgliteSharedBuffers: config.pgliteSharedBuffers });
      const applied = await migrate(db, () => {});
      await db.close();
      console.log(`restored ${file} into the ${r.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database${applied.length ? `; applied ${applied.length} newer migration(s)` : ''}`);
      return;
    }
    default: {
      const extra = moduleCommands()[cmd ?? ''];
      if (extra) return extra(args);
      console.error(`commands: migrate | demo:reset | create-admin <username> | jobs | job <name> [key] | backup <file> | restore <file> [--force] | ${Object.keys(moduleCommands()).join(' | ')}`);
      process.exitCode = 2;
    }
  }
}

main().catch((e) => {
  if (e instanceof AppError) {
    const def = errorDef(e.code);
    console.error(def ? `${e.code}: ${tr(def, pickLang(null, process.env.LANG?.startsWith('en') ? 'en' : null), e.params)}` : e.code);
    if (e.details) console.error(JSON.stringify(e.details, null, 2));
  } else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
