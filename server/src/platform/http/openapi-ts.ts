/**
 * OpenAPI 3 document → TypeScript declarations for the web (web/src/api/schema.d.ts). Written here
 * instead of adding openapi-typescript: the app's document (zod → JSON Schema through
 * fastify-type-provider-zod) uses a small subset of JSON Schema, and the output is shaped for the
 * web's typed client (web/src/lib/api.ts):
 *
 *   paths['/api/customers/{id}']['get'] = { request: { path: { id: number } }; response: {...} }
 *
 * `request` holds what the caller sends (path parameters, query, JSON body — the zod *input*
 * types); a key is optional when nothing in it is required. `response` is the JSON of the first
 * success status (200, 201, …), `void` for 204 and `unknown` when the route declares no schema
 * (files).
 */

type Schema = Record<string, any> | boolean | undefined;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const IDENT = /^[A-Za-z_$][\w$]*$/;

function key(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

function union(parts: string[]): string {
  const uniq = [...new Set(parts)];
  if (uniq.includes('unknown')) return 'unknown';
  return uniq.length ? uniq.join(' | ') : 'never';
}

/** Parenthesise a union or intersection before `[]`. */
function group(t: string): string {
  return /^[\w$."'[\]-]+$|^\{[\s\S]*\}$/.test(t) && !/^\{[\s\S]*\}\s*[|&]/.test(t) ? t : `(${t})`;
}

function doc(s: Record<string, any>, depth: number): string {
  const text = typeof s.description === 'string' ? s.description.trim() : '';
  return text ? `${pad(depth)}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';
}

function object(s: Record<string, any>, depth: number, refName: (ref: string) => string): string {
  const props: Record<string, Schema> = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const lines = Object.entries(props).map(([name, p]) => {
    const d = p && typeof p === 'object' ? doc(p, depth + 1) : '';
    return `${d}${pad(depth + 1)}${key(name)}${required.has(name) ? '' : '?'}: ${toTs(p, depth + 1, refName)};`;
  });
  const extra = s.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const t = extra === true ? 'unknown' : toTs(extra, depth + 1, refName);
    if (!lines.length) return `Record<string, ${t}>`;
    lines.push(`${pad(depth + 1)}[key: string]: ${t === 'unknown' ? 'unknown' : union([t, ...Object.values(props).map((p) => toTs(p, depth + 1, refName)), 'undefined'])};`);
  }
  if (!lines.length) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

/** One JSON Schema (OpenAPI 3.0 dialect, plus 3.1 type arrays and const) as a TypeScript type. */
export function toTs(s: Schema, depth = 0, refName: (ref: string) => string = (r) => `components["schemas"][${JSON.stringify(r.split('/').pop())}]`): string {
  if (s === undefined || s === true) return 'unknown';
  if (s === false) return 'never';
  let t: string;
  if (typeof s.$ref === 'string') t = refName(s.$ref);
  else if ('const' in s) t = JSON.stringify(s.const);
  else if (Array.isArray(s.enum)) t = union(s.enum.map((v: unknown) => JSON.stringify(v)));
  else if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) t = union((s.anyOf ?? s.oneOf).map((x: Schema) => toTs(x, depth, refName)));
  else if (Array.isArray(s.allOf)) t = s.allOf.map((x: Schema) => group(toTs(x, depth, refName))).join(' & ') || 'unknown';
  else if (Array.isArray(s.type)) t = union(s.type.map((ty: string) => toTs({ ...s, type: ty, nullable: false }, depth, refName)));
  else {
    switch (s.type) {
      case 'string':
        t = 'string';
        break;
      case 'integer':
      case 'number':
        t = 'number';
        break;
      case 'boolean':
        t = 'boolean';
        break;
      case 'null':
        t = 'null';
        break;
      case 'array':
        t = Array.isArray(s.prefixItems) ? `[${s.prefixItems.map((x: Schema) => toTs(x, depth, refName)).join(', ')}]` : `${group(toTs(s.items, depth, refName))}[]`;
        break;
      case 'object':
        t = object(s, depth, refName);
        break;
      default:
        t = s.properties ? object(s, depth, refName) : 'unknown';
    }
  }
  return s.nullable === true && t !== 'unknown' ? union([t, 'null']) : t;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  description?: string;
}

function params(list: Parameter[], where: string, depth: number): { type: string; required: boolean } | null {
  const ps = list.filter((p) => p.in === where);
  if (!ps.length) return null;
  const props = Object.fromEntries(ps.map((p) => [p.name, { ...(p.schema as object), ...(p.description ? { description: p.description } : {}) }]));
  const required = ps.filter((p) => p.required || where === 'path').map((p) => p.name);
  return { type: toTs({ type: 'object', properties: props, required }, depth), required: required.length > 0 };
}

function response(responses: Record<string, any> = {}, depth: number): string {
  const ok = Object.keys(responses)
    .filter((c) => /^2\d\d$/.test(c))
    .sort();
  if (!ok.length) return 'unknown';
  const code = ok[0];
  if (code === '204') return 'void';
  const json = responses[code]?.content?.['application/json']?.schema;
  return json === undefined ? 'unknown' : toTs(json, depth);
}

/** The whole `schema.d.ts` text for an OpenAPI document. Deterministic: paths and methods in document order. */
export function openApiToTs(document: { paths?: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } }, header: string): string {
  const out: string[] = [header.trimEnd(), '', 'export interface paths {'];
  for (const [p, item] of Object.entries(document.paths ?? {})) {
    out.push(`  ${JSON.stringify(p)}: {`);
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const shared: Parameter[] = item.parameters ?? [];
      const list: Parameter[] = [...shared.filter((s) => !(op.parameters ?? []).some((o: Parameter) => o.name === s.name && o.in === s.in)), ...(op.parameters ?? [])];
      const req: string[] = [];
      const path = params(list, 'path', 4);
      if (path) req.push(`path: ${path.type};`);
      const query = params(list, 'query', 4);
      if (query) req.push(`query${query.required ? '' : '?'}: ${query.type};`);
      const body = op.requestBody?.content?.['application/json']?.schema;
      // An object body with nothing required may be left out (the client sends {}).
      const optionalBody = op.requestBody?.required === false || (body?.type === 'object' && !(body.required ?? []).length);
      if (body !== undefined) req.push(`body${optionalBody ? '?' : ''}: ${toTs(body, 4)};`);
      if (op.summary) out.push(`    /** ${String(op.summary).replace(/\*\//g, '*\\/')} */`);
      out.push(`    ${m}: {`);
      out.push(req.length ? `      request: {\n${req.map((r) => `        ${r}`).join('\n')}\n      };` : '      request: {};');
      out.push(`      response: ${response(op.responses, 3)};`);
      out.push('    };');
    }
    out.push('  };');
  }
  out.push('}');
  const schemas = Object.entries(document.components?.schemas ?? {});
  if (schemas.length) {
    out.push('', 'export interface components {', '  schemas: {');
    for (const [name, s] of schemas) out.push(`    ${key(name)}: ${toTs(s, 2)};`);
    out.push('  };', '}');
  }
  return out.join('\n') + '\n';
}
