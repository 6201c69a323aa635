#!/usr/bin/env node
/**
 * Proves that a failing test makes `npm test` (scripts/test.mjs) exit non-zero, in the situation
 * that used to lose the status: PGlite opened and closed in the runner's process.
 */
import { spawnSync } from 'node:child_process';

const r = spawnSync('node', ['scripts/test.mjs', '--config', 'scripts/selftest/vitest.config.ts'], { stdio: 'inherit' });
if (r.status === 0) {
  console.error('check-test-exit: a deliberately failing test exited 0 — npm test would hide failures');
  process.exit(1);
}
console.log(`check-test-exit: ok, a failing test exits ${r.status}`);
