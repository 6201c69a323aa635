import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@common': fileURLToPath(new URL('./common/src', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['common/**/*.test.ts', 'server/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/*.fault.test.ts', 'node_modules/**'] } },
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
      { resolve: { alias }, test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], globalSetup: ['e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false } },
    ],
  },
});
