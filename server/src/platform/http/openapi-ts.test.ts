/** The OpenAPI → TypeScript step of the API contract (web/src/api/schema.d.ts). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiToTs, toTs } from './openapi-ts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('toTs', () => {
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: 'integer' }, 'number'],
    [{ type: 'number', nullable: true }, 'number | null'],
    [{ type: 'boolean' }, 'boolean'],
    [{ type: 'string', enum: ['a', 'b'] }, '"a" | "b"'],
    [{ const: 'ok' }, '"ok"'],
    [{ type: 'array', items: { type: 'string' } }, 'string[]'],
    [{ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } }, '(string | number)[]'],
    [{ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, 'string | string[]'],
    [{ type: ['string', 'null'] }, 'string | null'],
    [{}, 'unknown'],
    [undefined, 'unknown'],
    [{ type: 'object', additionalProperties: { type: 'number' } }, 'Record<string, number>'],
    [{ type: 'object', properties: {}, additionalProperties: false }, 'Record<string, never>'],
    [{ $ref: '#/components/schemas/Customer' }, 'components["schemas"]["Customer"]'],
    [{ allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] }] }, 'components["schemas"]["A"] & { x: string; }'],
  ])('%j → %s', (schema, ts) => {
    expect(flat(toTs(schema as any))).toBe(ts);
  });

  it('objects: required keys plain, others optional, odd names quoted, descriptions kept', () => {
    const ts = toTs({ type: 'object', properties: { id: { type: 'number' }, 'x-y': { type: 'string', description: 'a */ b' }, note: { type: 'string', nullable: true } }, required: ['id'] });
    expect(flat(ts)).toBe('{ id: number; /** a *\\/ b */ "x-y"?: string; note?: string | null; }');
  });

  it('a zod schema as the app documents it: input and output types where the wire needs them', () => {
    const View = z.object({ id: z.number(), status: z.enum(['open', 'closed']), note: z.string().nullable(), tags: z.array(z.string()), extra: z.string().optional() });
    const ts = flat(toTs(z.toJSONSchema(View, { target: 'openapi-3.0' }) as any));
    expect(ts).toBe('{ id: number; status: "open" | "closed"; note: string | null; tags: string[]; extra?: string; }');
  });
});

describe('openApiToTs', () => {
  const doc = {
    paths: {
      '/api/things/{id}': {
        get: {
          parameters: [
            { in: 'path', name: 'id', required: true, schema: { type: 'integer' } },
            { in: 'query', name: 'full', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          responses: { 200: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] } } } } },
        },
        patch: {
          parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
          responses: { 204: { description: 'done' } },
        },
      },
      '/api/things': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } } },
          responses: { 201: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] } } } }, 400: {} },
        },
      },
      '/api/things/export.xlsx': { get: { responses: { 200: { description: 'file' } } } },
    },
  };
  const out = flat(openApiToTs(doc, '// header'));

  it('one entry per path and method with request (path, query, body) and the success response', () => {
    expect(out).toContain('"/api/things/{id}": { get: { request: { path: { id: number; }; query?: { full?: "true" | "false"; }; }; response: { id: number; }; };');
    expect(out).toContain('"/api/things": { post: { request: { body: { name: string; }; }; response: { id: number; }; }; };');
  });
  it('a body with nothing required is optional; 204 answers void; a route without a JSON schema answers unknown', () => {
    expect(out).toContain('patch: { request: { path: { id: number; }; body?: { name?: string; }; }; response: void; };');
    expect(out).toContain('"/api/things/export.xlsx": { get: { request: {}; response: unknown; }; };');
  });
  it('is deterministic and starts with the header', () => {
    expect(openApiToTs(doc, '// header')).toBe(openApiToTs(structuredClone(doc), '// header'));
    expect(out.startsWith('// header export interface paths {')).toBe(true);
  });
});
