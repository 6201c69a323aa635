#!/usr/bin/env node
/**
 * `npm test`: runs vitest and decides the exit status from vitest's JSON report, not from the
 * exit status alone. Why: the embedded database (PGlite) resets `process.exitCode` when it shuts
 * down inside the runner's process (e2e global setup), so vitest's own "1 failed" could exit 0.
 * A run fails when vitest exits non-zero, when the report is missing or unreadable, or when the
 * report counts any failed test or failed file. Prints one closing line "N passed, N failed,
 * N skipped". Arguments are passed to `vitest run`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qike-vitest-')), 'report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let verdict;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const failedFiles = (r.testResults ?? []).filter((f) => f.status === 'failed').length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numFailedTests > 0 || r.numFailedTestSuites > 0 || failedFiles > 0 || r.success === false)
    verdict = `failed: ${r.numFailedTests} test(s), ${failedFiles} file(s), ${r.numFailedTestSuites ?? 0} suite(s)`;
  else if (run.status !== 0) verdict = `vitest exited with status ${run.status ?? run.signal}`;
  else if (r.numTotalTests === 0) verdict = 'no test ran';
} catch (e) {
  verdict = `no readable vitest report (${e.message}); vitest exited with status ${run.status ?? run.signal}`;
}
if (verdict) {
  console.error(`npm test: ${verdict}`);
  process.exit(1);
}
