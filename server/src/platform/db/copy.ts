/**
 * Bulk load through PostgreSQL `COPY … FROM STDIN` (text format) on a node-postgres client
 * (pg-copy-streams). The embedded database (PGlite) loads the same text with
 * `COPY … FROM '/dev/blob'` (database.ts).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value in COPY text format: NULL as \N; backslash, tab, newline and CR escaped. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/**
 * Rows in COPY text format, built column-wise (each column an array of the same length).
 * Columns known to be free of special characters (ids, dates, decimals) may be passed as `plain`.
 */
export function copyText(columns: readonly (readonly (string | number | null | undefined)[])[], plain: readonly boolean[] = []): string {
  const n = columns[0]?.length ?? 0;
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c][i];
      line += (c ? '\t' : '') + (plain[c] && v !== null && v !== undefined ? String(v) : copyValue(v));
    }
    parts[i] = line;
  }
  return n ? parts.join('\n') + '\n' : '';
}

/** `COPY <target> FROM STDIN` of `data` (COPY text format) on this client; resolves to the row count. */
export async function copyFromStdin(client: pg.ClientBase, target: string, data: string): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  await pipeline(Readable.from(chunks(data)), stream);
  return Number(stream.rowCount ?? 0);
}

/** The text in pieces of about 1 MiB (stream backpressure, no one huge buffer). */
function* chunks(data: string): Generator<Buffer> {
  const size = 1 << 20;
  for (let i = 0; i < data.length; i += size) yield Buffer.from(data.slice(i, i + size), 'utf8');
}
