/** npm run bench: runs every bench/*.bench.ts in turn (or those named on the command line). */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n##### bench/${f}`);
  const r = spawnSync('node', ['--import', 'tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark script(s) failed`);
  process.exit(1);
}
