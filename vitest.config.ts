import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The e2e files share one server with the demo data and some change it (settling a month posts
 * true-ups, a payment lifts a customer to 正常): they run one at a time in file-name order, so the
 * order is the same on every machine (accounts, which needs the demo's customers at risk, first).
 */
class ByFileName extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

const alias = { '@common': fileURLToPath(new URL('./common/src', import.meta.url)) };

/**
 * Files at once per project. Vitest's default on a 2-core machine is one (cores − 1), which left a
 * core idle while an integration file waited on its database. The projects run one after another
 * (groupOrder), so only one project's files share the machine at a time: unit and integration files
 * in parallel (each integration file has its own database — PGlite in memory or its own schema on
 * PostgreSQL — and nothing else shared), faults and e2e one file at a time. TEST_WORKERS overrides
 * the integration count (e.g. 1 on a machine that is already busy).
 */
const integrationWorkers = Number(process.env.TEST_WORKERS ?? (process.env.TEST_DATABASE_URL ? 3 : 2));

export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: ByFileName },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/src/lib/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.fault.test.ts', 'node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          maxWorkers: integrationWorkers,
          include: ['server/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database (PGlite in memory, or its own schema on PostgreSQL).
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          // Fault tests (issue 10, docs/SECURITY.md): crashes, upload bombs, login floods, fuzz, backups.
          name: 'faults',
          sequence: { groupOrder: 2 },
          include: ['server/test/faults/**/*.fault.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
