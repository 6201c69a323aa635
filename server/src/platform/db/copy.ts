/**
 * Bulk load through PostgreSQL `COPY … FROM STDIN` (text format) on a node-postgres client, without
 * an extra package: a "submittable" query (the same client hook pg-copy-streams uses) that answers
 * the server's CopyInResponse with the data in CopyData messages, then CopyDone. The embedded
 * database (PGlite) loads the same text with `COPY … FROM '/dev/blob'` (database.ts).
 */
import type pg from 'pg';

/** One value in COPY text format: NULL as \N; backslash, tab, newline and CR escaped. */
function copyValue(v: string | number | null | undefined): string {
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

const CHUNK = 1 << 16;

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** A node-postgres submittable running one `COPY … FROM STDIN` with the given text data. */
class CopyIn {
  rowCount = 0;
  private error: Error | null = null;
  callback?: (err: Error | null, rowCount?: number) => void;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: PgConnection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection) {
    for (let i = 0; i < this.data.length; i += CHUNK) connection.sendCopyFromChunk(this.data.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }) {
    const m = /^COPY (\d+)/.exec(msg.text);
    if (m) this.rowCount = Number(m[1]);
  }
  handleError(err: Error) {
    // pg drops the active query on an error message, so report it now (ReadyForQuery follows)
    this.error = err;
    this.callback?.(err);
  }
  handleReadyForQuery() {
    if (!this.error) this.callback?.(null, this.rowCount);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** `COPY <target> FROM STDIN` of `data` (COPY text format) on this client; resolves to the row count. */
export function copyFromStdin(client: pg.ClientBase, target: string, data: string): Promise<number> {
  const q = new CopyIn(`COPY ${target} FROM STDIN`, Buffer.from(data, 'utf8'));
  return new Promise((resolve, reject) => {
    q.callback = (err, n) => (err ? reject(err) : resolve(n ?? 0));
    client.query(q as any);
  });
}
