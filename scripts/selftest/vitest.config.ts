/**
 * Self-check of `npm test`'s exit status (kept out of the normal run): one test that fails on
 * purpose, with a global setup that opens and closes the embedded database in the runner's own
 * process — the situation in which PGlite used to reset vitest's failure status to 0.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@common': fileURLToPath(new URL('../../common/src', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: { name: 'selfcheck', root: fileURLToPath(new URL('../..', import.meta.url)), include: ['scripts/selftest/*.check.ts'], globalSetup: ['scripts/selftest/pglite-setup.ts'] },
});
