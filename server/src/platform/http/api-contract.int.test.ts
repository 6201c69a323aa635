/**
 * The committed API contract (web/src/api/schema.d.ts) is what the server's route schemas produce
 * today — the same check as `npm run api:check`, so `npm test` fails on a stale contract too.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TS, generateContract } from './api-contract';

describe('API contract', () => {
  it('web/src/api/schema.d.ts matches the server (run `npm run api:generate` if not)', async () => {
    const { ts, document } = await generateContract();
    expect(Object.keys(document.paths).length).toBeGreaterThan(100);
    expect(ts).toContain('"/api/customers/{id}": {');
    const committed = fs.readFileSync(CONTRACT_TS, 'utf8');
    expect(committed === ts, 'web/src/api/schema.d.ts is stale: run `npm run api:generate` and fix what no longer typechecks in web/').toBe(true);
    // builds the whole app and its OpenAPI document: CPU-bound, ~10 s alone, a minute and more when
    // other test files share the two cores
  }, 240_000);
});
