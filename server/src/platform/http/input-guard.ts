/**
 * Input every route refuses before validation (issue 10.4), installed once for the whole app:
 * a NUL character (U+0000) anywhere — path parameters, query string, JSON body (keys and values at
 * any depth), or a header — answers 400 NUL_CHARACTER naming where it was; a multipart request
 * without a boundary answers 400 MULTIPART_NO_BOUNDARY. PostgreSQL cannot
 * store NUL in text, so letting one through would end in a server error.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, defineErrors } from './errors';

export const INPUT_ERRORS = defineErrors({
  MULTIPART_NO_BOUNDARY: { status: 400, zh: 'multipart/form-data 请求缺少 boundary 参数', en: 'A multipart/form-data request needs a boundary parameter' },
  NUL_CHARACTER: { status: 400, zh: '输入中含有不允许的空字符（U+0000）：{where}', en: 'The input contains a NUL character (U+0000), which is not allowed: {where}' },
});

/** Path of the first string containing NUL in `v` (keys included), or null. Depth-limited. */
export function findNul(v: unknown, path = '', depth = 0): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path || '(value)' : null;
  if (depth > 64 || v === null || typeof v !== 'object') return null;
  if (Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNul(v[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\u0000')) return `${path}${path ? '.' : ''}${k.split('\u0000').join('\\0')}`;
    const p = findNul(x, `${path}${path ? '.' : ''}${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

export function installInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', (req, _reply, done) => {
    for (const [name, value] of Object.entries(req.headers)) {
      if (findNul(value)) return done(new AppError('NUL_CHARACTER', { where: `header ${name}` }));
    }
    const type = String(req.headers['content-type'] ?? '');
    if (/^\s*multipart\//i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) return done(new AppError('MULTIPART_NO_BOUNDARY'));
    // %00 anywhere in the URL (path or query) decodes to NUL.
    if (/%00/.test(req.url)) return done(new AppError('NUL_CHARACTER', { where: 'URL' }));
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const where = (findNul(req.params) && `path ${findNul(req.params)}`) || (findNul(req.query) && `query ${findNul(req.query)}`) || (findNul(req.body) && `body ${findNul(req.body)}`);
    done(where ? new AppError('NUL_CHARACTER', { where }) : undefined);
  });
}
