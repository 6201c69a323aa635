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

export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: ByFileName },
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/src/lib/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/*.fault.test.ts', 'node_modules/**'] } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
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
