/**
 * End-to-end setup: one real server with the demo data for all e2e files (PGlite in memory, or a
 * fresh schema on PostgreSQL with TEST_DATABASE_URL), serving the built web app. Builds the web app
 * first when dist/web is missing.
 */
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../server/src/app';
import { openTestDatabase, testConfig } from '../server/test/harness';
import { chromiumPath } from './browser';

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  project.provide('chromium', browser ?? '');
  if (!browser) {
    project.provide('baseUrl', '');
    return;
  }
  if (!fs.existsSync('dist/web/index.html')) execSync('npx vite build --config web/vite.config.ts', { stdio: 'inherit' });
  const { database, drop } = await openTestDatabase();
  const built = await buildApp(testConfig({ webDist: 'dist/web', demo: true }), { database, logger: false, demo: true, demoLastDay: '2026-11-26' });
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
