/**
 * End-to-end setup: one real server with the demo data for all e2e files (PGlite in memory, or a
 * fresh schema on PostgreSQL with TEST_DATABASE_URL), serving the built web app. Builds the web app
 * first when dist/web is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../server/src/app';
import { openTestDatabase, testConfig } from '../server/test/harness';
import { chromiumPath } from './browser';

/** True when dist/web is missing or older than any file under web/ or common/. */
function webBuildIsStale(): boolean {
  const built = 'dist/web/index.html';
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > builtAt;
    });
  return newer('web') || newer('common/src');
}

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  project.provide('chromium', browser ?? '');
  if (!browser) {
    project.provide('baseUrl', '');
    return;
  }
  if (webBuildIsStale()) execSync('npx vite build --config web/vite.config.ts', { stdio: 'inherit' });
  const { database, drop } = await openTestDatabase();
  const built = await buildApp(testConfig({ webDist: 'dist/web', demo: true }), { database, logger: false, demo: true });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (built.app.server.address() as any).port;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await built.close();
    await drop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}
