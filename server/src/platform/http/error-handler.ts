/** The one place that turns errors into the `{code, message, details?}` shape, in the user's language. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { tr, pickLang, type Lang } from '@common/lang';
import { AppError, errorDef } from './errors';

export function requestLang(req: FastifyRequest): Lang {
  return pickLang(req.user?.lang, req.headers['accept-language'] as string | undefined);
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: string, params: Record<string, unknown> = {}, details?: unknown) {
  const def = errorDef(code) ?? errorDef('INTERNAL')!;
  const message = tr(def, requestLang(req), { requestId: req.id, ...params });
  return reply.status(def.status).send(details === undefined ? { code, message } : { code, message, details });
}

type Issue = { path: (string | number)[]; message: string; code?: string };
function issuesOf(list: readonly { path?: PropertyKey[]; instancePath?: string; message: string; code?: string }[]): Issue[] {
  return list.map((i) => ({
    path: (i.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[],
    message: i.message,
    code: i.code,
  }));
}

export function installErrorHandler(app: FastifyInstance, limits: { uploadLimit?: number } = {}) {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err.code, err.params, err.details);
    if (err instanceof ZodError) return sendError(req, reply, 'VALIDATION', {}, { issues: issuesOf(err.issues as any) });
    const fe = err as FastifyError;
    if (hasZodFastifySchemaValidationErrors(fe)) {
      const issues = fe.validation.map((v: any) => ({
        path: [
          fe.validationContext ?? 'body',
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ],
        message: v.message,
        code: v.params?.issue?.code,
      }));
      return sendError(req, reply, 'VALIDATION', {}, { issues });
    }
    if (isResponseSerializationError(fe)) {
      req.log.error({ err: fe }, 'response did not match its schema');
      return sendError(req, reply, 'INTERNAL');
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(req, reply, 'MALFORMED_JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(req, reply, 'BODY_TOO_LARGE', { limit: app.initialConfig.bodyLimit });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(req, reply, 'UNSUPPORTED_MEDIA');
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendError(req, reply, 'UPLOAD_TOO_LARGE', { limitMb: Math.round(((limits.uploadLimit ?? 0) / 1048576) * 10) / 10 });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(req, reply, 'BAD_REQUEST', { reason: fe.message });
    }
    // Text PostgreSQL cannot store (NUL or invalid UTF-8) that escaped the input guard is bad input.
    if ((err as any).code === '22021' || (err as any).code === '22P05') return sendError(req, reply, 'BAD_REQUEST', { reason: 'invalid characters in text' });
    // Unique violations that escaped a service's own check are conflicts, not crashes.
    if ((err as any).code === '23505') return sendError(req, reply, 'CONFLICT', { reason: (err as any).detail ?? (err as any).constraint ?? 'duplicate' });
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'INTERNAL');
  });

  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'ROUTE_NOT_FOUND'));
}
