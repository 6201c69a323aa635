/** The one HTTP client of the web app, typed by the API contract. Errors arrive as ApiError {status, code, message, details}. */
import type { ApiRequest, ApiResponse, Init, PathWith } from '../api';

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

/** Anything a request may carry, checked per path and method against the contract (web/src/api/schema.d.ts). */
interface RequestInit_ {
  path?: Record<string, string | number>;
  query?: object;
  body?: unknown;
}

/** '/api/customers/{id}' + { id: 7 } → '/api/customers/7' (each parameter URL-encoded). */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null || v === '') throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(v));
  });
}

function url(template: string, init?: RequestInit_): string {
  return fillPath(template, init?.path) + toQueryString(init?.query as Query | undefined);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // X-Requested-With: the server's CSRF check for cookie-authenticated changes (platform/http/security.ts)
  const init: RequestInit = { method, credentials: 'same-origin', headers: { 'x-requested-with': 'qike' } };
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

/**
 * The one HTTP client, typed by the API contract: the path must be a route the server declares,
 * `init` carries its path parameters, query and body with the server's types, and the result has
 * the server's response type. Feature code calls it only from its `api.ts`.
 *
 *   api.get('/api/customers/{id}', { path: { id } })        // Promise<ApiResponse<'/api/customers/{id}'>>
 *   api.post('/api/customers', { body })                    // body: ApiBody<'/api/customers', 'post'>
 */
export const api = {
  get: <P extends PathWith<'get'>>(path: P, ...[init]: Init<P, 'get'>) => request<ApiResponse<P, 'get'>>('GET', url(path, init as RequestInit_)),
  post: <P extends PathWith<'post'>>(path: P, ...[init]: Init<P, 'post'>) => request<ApiResponse<P, 'post'>>('POST', url(path, init as RequestInit_), (init as RequestInit_ | undefined)?.body ?? {}),
  put: <P extends PathWith<'put'>>(path: P, ...[init]: Init<P, 'put'>) => request<ApiResponse<P, 'put'>>('PUT', url(path, init as RequestInit_), (init as RequestInit_ | undefined)?.body ?? {}),
  patch: <P extends PathWith<'patch'>>(path: P, ...[init]: Init<P, 'patch'>) =>
    request<ApiResponse<P, 'patch'>>('PATCH', url(path, init as RequestInit_), (init as RequestInit_ | undefined)?.body ?? {}),
  del: <P extends PathWith<'delete'>>(path: P, ...[init]: Init<P, 'delete'>) => request<ApiResponse<P, 'delete'>>('DELETE', url(path, init as RequestInit_)),
  /** multipart upload to a POST route: one file plus text fields. */
  async upload<P extends PathWith<'post'>>(path: P, file: File | Blob, fields: Record<string, string> = {}, ...[init]: Init<P, 'post'>): Promise<ApiResponse<P, 'post'>> {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append('file', file, (file as File).name ?? 'upload');
    const r = await fetch(url(path, init as RequestInit_), { method: 'POST', body: fd, credentials: 'same-origin', headers: { 'x-requested-with': 'qike' } });
    return handle<ApiResponse<P, 'post'>>(r);
  },
  /** GET a file route and save it; the server's Content-Disposition name wins over `filename`. */
  async download<P extends PathWith<'get'>>(path: P, init?: ApiRequest<P, 'get'>, filename?: string): Promise<void> {
    const r = await fetch(url(path, init as RequestInit_), { credentials: 'same-origin' });
    if (!r.ok) await handle(r);
    const blob = await r.blob();
    const cd = r.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
    const name = m ? decodeURIComponent(m[1]) : (filename ?? 'download');
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  },
};
