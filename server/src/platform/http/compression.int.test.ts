/**
 * Compression and caching (issue 15.6): precompressed hashed assets with immutable caching,
 * index.html never cached, API responses compressed above 1 KB when the client accepts it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';

/** A raw GET (node:http does not decompress, unlike fetch): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const js = `export const x = ${JSON.stringify('气'.repeat(3000))};\n`;
let dist: string;
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body>${'<!-- pad -->'.repeat(200)}</body></html>`);
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), js);
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.gz'), zlib.gzipSync(js));
  t = await startTestApp({ config: { webDist: dist } });
  admin = await t.userClient(['admin']);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('static assets', () => {
  it('sends the precompressed copy the client accepts, immutable for a year', async () => {
    for (const [accept, enc, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const r = await rawGet(`${t.url}/assets/app-abc123.js`, { 'accept-encoding': accept });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(enc);
      expect(r.headers['content-type']).toMatch(/javascript/);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(r.body).toString()).toBe(js);
    }
    const plain = await rawGet(`${t.url}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });

  it('answers 404 for a missing hashed file instead of the page', async () => {
    expect((await rawGet(`${t.url}/assets/gone-000000.js`)).status).toBe(404);
  });

  it('sends index.html (and client routes) with no-cache, compressed', async () => {
    for (const p of ['/', '/customers/7']) {
      const r = await rawGet(t.url + p, { 'accept-encoding': 'br' });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(r.body).toString()).toContain('/assets/app-abc123.js');
    }
  });
});

describe('API responses', () => {
  it('compresses a response above 1 KB when accepted, leaves small ones and refusing clients alone', async () => {
    const cookie = admin.cookie;
    // The OpenAPI document: a large JSON response.
    const gz = await rawGet(`${t.url}/api/docs/json`, { 'accept-encoding': 'gzip', cookie });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(zlib.gunzipSync(gz.body).toString());
    expect(json.openapi).toMatch(/^3\./);
    const br = await rawGet(`${t.url}/api/docs/json`, { 'accept-encoding': 'br, gzip', cookie });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(json)) / 3);
    const none = await rawGet(`${t.url}/api/docs/json`, { cookie });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(none.body.toString()).openapi).toBe(json.openapi);

    const small = await rawGet(`${t.url}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a large authenticated JSON read and fetch decodes it transparently', async () => {
    const r = await rawGet(`${t.url}/api/auth/me`, { 'accept-encoding': 'br', cookie: admin.cookie });
    expect(r.status).toBe(200);
    const body = r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.body;
    expect(JSON.parse(body.toString()).permissions.length).toBeGreaterThan(10);
    // /api/auth/me with every permission of the admin is above 1 KB
    expect(r.headers['content-encoding'] === 'br').toBe(body.length >= 1024);
    expect((await admin.get('/api/auth/me')).body.username).toBeTruthy();
  });
});
