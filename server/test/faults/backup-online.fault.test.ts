/**
 * Fault test (issue 10.6, online path): `npm run cli -- backup` while a server holds the embedded
 * data directory — the CLI asks the running server, which writes a consistent copy from inside its
 * process; the copy restores into an empty directory with the same data, and the server keeps
 * answering throughout.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-online-backup-'));
const env = { ...process.env, LOG_LEVEL: 'silent', DEMO: 'false', DATA_DIR: path.join(tmp, 'live'), ADMIN_USERNAME: 'onlineadmin', ADMIN_PASSWORD: 'online-pass-2026' } as Record<
  string,
  string | undefined
>;
delete env.DATABASE_URL;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/test/server-child.ts'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.stdin!.write('exit\n');
    await exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('online backup of the embedded database', () => {
  it('writes a backup through the running server, which restores with the same data', async () => {
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: server.stdout! }).on('line', (l) => l.startsWith('LISTEN ') && resolve(l.slice(7)));
      server.once('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    const file = path.join(tmp, 'online.tgz');
    // The CLI in its own process (spawnSync would block this one; the server is a separate process).
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'backup', file], { env, encoding: 'utf8', timeout: 240_000 });
    expect(`${r.stdout}${r.stderr}`).toContain('backup of the embedded database written');
    expect(r.status).toBe(0);
    expect((await fetch(url + '/api/ready')).status).toBe(200); // still serving

    const restored = path.join(tmp, 'restored');
    const rr = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'restore', file], { env: { ...env, DATA_DIR: restored }, encoding: 'utf8', timeout: 240_000 });
    expect(rr.status).toBe(0);
    const db = await openDatabase({ dataDir: restored });
    try {
      const users = await sql<{ username: string }>`SELECT username FROM users`.execute(db.db);
      expect(users.rows.map((u) => u.username)).toContain('onlineadmin');
    } finally {
      await db.close();
    }
  });
});
