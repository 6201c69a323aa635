/** The one HTTP client of the web app. Errors arrive as ApiError {status, code, message, details}. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: any,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function toQueryString(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

async function handle<T>(r: Response): Promise<T> {
  if (r.status === 204) return undefined as T;
  const type = r.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const e = typeof body === 'object' && body ? body : { code: 'HTTP_' + r.status, message: String(body || r.statusText) };
    if (r.status === 401 && !r.url.endsWith('/api/auth/login')) onUnauthenticated();
    throw new ApiError(r.status, e.code, e.message, e.details);
  }
  return body as T;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let r: Response;
  try {
    r = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK', navigator.language?.startsWith('en') ? 'Network error' : '网络错误，请检查连接');
  }
  return handle<T>(r);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path + toQueryString(query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** multipart upload: one file plus text fields. */
  async upload<T>(path: string, file: File | Blob, fields: Record<string, string> = {}): Promise<T> {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append('file', file, (file as File).name ?? 'upload');
    const r = await fetch(path, { method: 'POST', body: fd, credentials: 'same-origin' });
    return handle<T>(r);
  },
  /** GET a file and save it; the server's Content-Disposition name wins over `filename`. */
  async download(path: string, query?: Query, filename?: string): Promise<void> {
    const r = await fetch(path + toQueryString(query), { credentials: 'same-origin' });
    if (!r.ok) await handle(r);
    const blob = await r.blob();
    const cd = r.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
    const name = m ? decodeURIComponent(m[1]) : (filename ?? 'download');
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
