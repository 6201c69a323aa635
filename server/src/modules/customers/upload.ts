/** Reads one multipart file (+ the text fields sent before it). Size is limited by the multipart plugin (config.uploadLimit). */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { CE } from './customers.errors';

export async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, string>; name: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError(CE.CUSTOMER_UPLOAD_MISSING);
  const part = await req.file();
  if (!part) throw new AppError(CE.CUSTOMER_UPLOAD_MISSING);
  const content = await part.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE → 413 UPLOAD_TOO_LARGE
  if (!content.length) throw new AppError(CE.CUSTOMER_UPLOAD_MISSING);
  const fields: Record<string, string> = {};
  for (const [k, f] of Object.entries(part.fields)) {
    const one = Array.isArray(f) ? f[0] : f;
    if (one && one.type === 'field') fields[k] = String(one.value);
  }
  return { fields, name: part.filename || 'upload', content };
}

export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
