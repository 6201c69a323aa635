/**
 * The one API contract between server and web: the OpenAPI document the app serves at
 * /api/docs/json (built from every route's zod schemas), turned into web/src/api/schema.d.ts.
 * `npm run api:generate` writes both files; `npm run api:check` (CI) fails when the committed
 * declarations are stale. The web's typed client (web/src/lib/api.ts) only accepts paths, queries
 * and bodies the contract declares, so a server change that breaks the web fails typecheck.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config';
import { openApiToTs } from './openapi-ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CONTRACT_TS = path.join(root, 'web/src/api/schema.d.ts');
export const CONTRACT_JSON = path.join(root, 'dist/openapi.json');

const HEADER = `/**
 * The API contract, generated from the server's zod route schemas (OpenAPI document of the app).
 * Do not edit: run \`npm run api:generate\` after changing a route schema (\`npm run api:check\` in CI).
 * Use it through web/src/lib/api.ts (typed client) and the ApiResponse/ApiBody/ApiQuery helpers.
 */`;

/** Build the app on an empty in-memory database (no demo data, no scheduler, never listening) and return its OpenAPI document. */
export async function buildOpenApiDocument(): Promise<any> {
  const { buildApp } = await import('../../app');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false', DATA_DIR: 'memory://' } as any), webDist: '/nonexistent' };
  const built = await buildApp(config, { logger: false, demo: false });
  try {
    await built.app.ready();
    return built.app.swagger();
  } finally {
    await built.close();
  }
}

export function contractTs(document: any): string {
  return openApiToTs(document, HEADER);
}

export async function generateContract(): Promise<{ ts: string; document: any }> {
  const document = await buildOpenApiDocument();
  return { ts: contractTs(document), document };
}
