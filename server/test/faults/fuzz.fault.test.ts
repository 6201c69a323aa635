/**
 * Fault test (issue 10.4): OpenAPI-driven fuzzing. Reads /api/docs/json and sends malformed path
 * parameters, query strings, bodies and headers to every operation as a user holding every role;
 * fails on any 5xx, and on any 4xx without a code and a message in the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@common/roles';
import { startTestApp, type TestApp, type Client } from '../harness';

let t: TestApp;
let zh: Client;
let en: Client;

beforeAll(async () => {
  t = await startTestApp();
  zh = await t.userClient([...ROLES], { department: '市场部' as any });
  en = await t.userClient([...ROLES], { department: '市场部' as any, lang: 'en' });
});
afterAll(async () => t?.close());

interface Op {
  method: string;
  path: string;
  params: string[];
  query: { name: string; type?: string }[];
  body?: { properties?: Record<string, any> };
}

const NUL = '\u0000';
const PATH_VALUES = ['%00', 'abc', '-1', '0', '1.5', '99999999999999999999', "'%3B%20DROP%20TABLE%20users%3B--", '%E2%80%AE', 'x'.repeat(600), '%FF%FE', '1'];
const QUERY_VALUES = ['%00', 'x'.repeat(3000), '-1', '0', '1e309', '2026-13-45', '%FF', 'NaN', '[]', 'true'];
const SKIP = new Set(['POST /api/auth/logout']);

function wrongFor(schema: any): unknown[] {
  const type = schema?.type ?? (schema?.anyOf ? 'mixed' : undefined);
  const base: unknown[] = [NUL, `a${NUL}b`, null, {}, [], -1, 1e308, 'x'.repeat(20_000)];
  if (type === 'string') return [...base, 5, true, '   '];
  if (type === 'integer' || type === 'number') return [...base, '12abc', 1.5, Number.MAX_SAFE_INTEGER + 10];
  if (type === 'array') return [...base, [NUL], [{}], Array(5000).fill(1)];
  return base;
}

function bodies(op: Op): { body: string; type: string }[] {
  const json = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });
  const out = [
    { body: '{', type: 'application/json' },
    { body: 'null', type: 'application/json' },
    { body: '[]', type: 'application/json' },
    { body: '"text"', type: 'application/json' },
    { body: '{"a":1}'.padEnd(10, ' '), type: 'text/plain' },
    { body: 'a=1&b=%00', type: 'application/x-www-form-urlencoded' },
    { body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na\r\n--x--', type: 'multipart/form-data' },
    { body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004garbage\r\n--x--', type: 'multipart/form-data; boundary=x' },
    json({ [`k${NUL}`]: 1 }),
    json('['.repeat(2000) + ']'.repeat(2000)),
  ];
  let deep: any = 'x';
  for (let i = 0; i < 500; i++) deep = { a: deep };
  out.push(json(deep));
  for (const [name, schema] of Object.entries(op.body?.properties ?? {})) for (const v of wrongFor(schema)) out.push(json({ [name]: v }));
  return out;
}

async function operations(): Promise<Op[]> {
  const doc = (await zh.get('/api/docs/json')).body;
  const ops: Op[] = [];
  for (const [p, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = (op.parameters ?? []).filter((x: any) => x.in === 'path').map((x: any) => x.name);
      const query = (op.parameters ?? []).filter((x: any) => x.in === 'query').map((x: any) => ({ name: x.name, type: x.schema?.type }));
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path: p, params, query, body });
    }
  }
  return ops;
}

const fill = (path: string, params: string[], value: (name: string) => string) => params.reduce((p, n) => p.replace(`{${n}}`, value(n)), path);

describe('fuzzing every operation of the OpenAPI document', () => {
  it('never answers 5xx, and every 4xx has a code and a message in the user language', async () => {
    const ops = (await operations()).filter((o) => !SKIP.has(`${o.method} ${o.path}`));
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    const check = async (c: Client, method: string, url: string, body?: string, headers: Record<string, string> = {}) => {
      sent++;
      let r;
      try {
        r = await c.req(method, url, body, headers);
      } catch (e) {
        failures.push(`${method} ${url.slice(0, 120)} → no answer (${(e as Error).message})`);
        return;
      }
      if (r.status >= 500) failures.push(`${method} ${url.slice(0, 120)} ${headers['content-type'] ?? ''} ${(body ?? '').slice(0, 60)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      else if (r.status >= 400) {
        const b = r.body as any;
        if (!b || typeof b.code !== 'string' || typeof b.message !== 'string') failures.push(`${method} ${url.slice(0, 120)} → ${r.status} without code/message`);
        else if (c === en && /[\u4e00-\u9fff]/.test(b.message)) failures.push(`${method} ${url.slice(0, 120)} → ${r.status} ${b.code} message not in English: ${b.message}`);
      }
    };
    const jobs: (() => Promise<void>)[] = [];
    for (const op of ops) {
      const ok = fill(op.path, op.params, () => '1');
      for (const v of PATH_VALUES)
        for (const p of op.params)
          jobs.push(() =>
            check(
              zh,
              op.method,
              fill(op.path, op.params, (n) => (n === p ? v : '1')),
              op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
              op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' },
            ),
          );
      for (const q of op.query) for (const v of QUERY_VALUES) jobs.push(() => check(en, op.method, `${ok}?${encodeURIComponent(q.name)}=${v}`));
      jobs.push(() => check(en, op.method, `${ok}?unknown%00=1&page=-5&pageSize=100000`));
      if (op.method !== 'GET' && op.method !== 'DELETE') for (const b of bodies(op)) jobs.push(() => check(jobs.length % 2 ? zh : en, op.method, ok, b.body, { 'content-type': b.type }));
      jobs.push(() => check(en, op.method, ok, undefined, { 'accept-language': 'xx;q=abc,,,', 'content-type': 'application/json; charset=ebcdic' }));
    }
    // Eight at a time: enough to find races, bounded for a shared 2-core machine.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let j = queue.shift(); j; j = queue.shift()) await j();
      }),
    );
    console.log(`fuzz: ${ops.length} operations, ${sent} requests, ${failures.length} failures`);
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it('refuses NUL in a login, a search and a body field with 400 NUL_CHARACTER', async () => {
    const login = await t.anon().post('/api/auth/login', { username: `ad${NUL}min`, password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.code).toBe('NUL_CHARACTER');
    expect(login.body.message).toContain('U+0000');
    const search = await en.get('/api/customers?q=%00');
    expect(search.status).toBe(400);
    expect(search.body.code).toBe('NUL_CHARACTER');
    const multipart = await zh.req('POST', '/api/metering/deliveries/import', 'x', { 'content-type': 'multipart/form-data' });
    expect(multipart.status).toBe(400);
  });
});
