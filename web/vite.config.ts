import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Precompressed copies of the built files (issue 15.6): <file>.br and <file>.gz beside every text
 * asset of 1 KB or more, at the best ratio (done once at build, not per request). The server sends
 * them to clients that accept the encoding (@fastify/static preCompressed; server/src/app.ts).
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'qike-precompress',
    apply: 'build',
    async closeBundle() {
      const files: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.(js|mjs|css|html|svg|json|txt|map)$/.test(e.name) && fs.statSync(p).size >= 1024) files.push(p);
        }
      };
      walk(outDir);
      await Promise.all(
        files.map(async (f) => {
          const buf = fs.readFileSync(f);
          const [br, gz] = await Promise.all([brotli(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }), gzip(buf, { level: 9 })]);
          fs.writeFileSync(`${f}.br`, br);
          fs.writeFileSync(`${f}.gz`, gz);
        }),
      );
    },
  };
}

const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress(outDir)],
  resolve: { alias: { '@common': fileURLToPath(new URL('../common/src', import.meta.url)) } },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
