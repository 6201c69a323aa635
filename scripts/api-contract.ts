/**
 * npm run api:generate — write web/src/api/schema.d.ts (and dist/openapi.json) from the app's routes.
 * npm run api:check    — exit 1 when the committed web/src/api/schema.d.ts is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACT_JSON, CONTRACT_TS, generateContract } from '../server/src/platform/http/api-contract';

const mode = process.argv[2] ?? 'generate';
const { ts, document } = await generateContract();
const rel = path.relative(process.cwd(), CONTRACT_TS);
if (mode === 'check') {
  const current = fs.existsSync(CONTRACT_TS) ? fs.readFileSync(CONTRACT_TS, 'utf8') : '';
  if (current !== ts) {
    console.error(`${rel} is stale: the server's route schemas changed. Run \`npm run api:generate\`, fix what no longer typechecks in web/, and commit both.`);
    process.exit(1);
  }
  console.log(`${rel} matches the server's routes (${Object.keys(document.paths ?? {}).length} paths).`);
} else {
  fs.mkdirSync(path.dirname(CONTRACT_TS), { recursive: true });
  fs.writeFileSync(CONTRACT_TS, ts);
  fs.mkdirSync(path.dirname(CONTRACT_JSON), { recursive: true });
  fs.writeFileSync(CONTRACT_JSON, JSON.stringify(document, null, 2) + '\n');
  console.log(`wrote ${rel} and ${path.relative(process.cwd(), CONTRACT_JSON)} (${Object.keys(document.paths ?? {}).length} paths)`);
}
