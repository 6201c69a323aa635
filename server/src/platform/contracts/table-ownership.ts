/**
 * Which code owns which table, read from the source tree: a module owns the tables its
 * `<module>.tables.ts` adds to the Kysely `DB` interface; platform owns the tables of
 * platform/db/schema.ts. `foreignTableReferences` finds every place where a module's code (tests,
 * demo data and testing helpers included) — or platform's — names a table it does not own — in a Kysely call
 * (`selectFrom('t')`, `innerJoin('t as x', …)`, …) or in SQL text (`FROM t`, `JOIN t`, …).
 * Used by table-ownership.test.ts, the guard that fails the build.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Platform tables any module may name: cross-cutting records written through platform helpers. */
export const SHARED_PLATFORM_TABLES = new Set<string>([]);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/**
 * Table names of every real `interface DB {` declaration in a file (a line starting with
 * `interface DB {` or `export interface DB {`, not a mention in a comment), read up to its matching
 * closing brace; only the declaration's own members (depth 1) are tables.
 */
export function dbInterfaceTables(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?interface[ \t]+DB[ \t]*\{/gm)) {
    let depth = 1;
    let i = m.index + m[0].length;
    let member = '';
    for (; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (depth === 1) {
        if (ch === '\n' || ch === ';') {
          const t = /^\s*(\w+)\s*:/.exec(member);
          if (t) out.push(t[1]);
          member = '';
        } else member += ch;
      }
    }
  }
  return out;
}

/** module name ('platform' for platform) → tables it owns. */
export function tableOwners(root = SERVER_SRC): Map<string, string> {
  const owner = new Map<string, string>();
  for (const t of dbInterfaceTables(path.join(root, 'platform/db/schema.ts'))) owner.set(t, 'platform');
  const modulesDir = path.join(root, 'modules');
  for (const mod of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, mod);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of walk(dir).filter((f) => f.endsWith('.tables.ts')))
      for (const t of dbInterfaceTables(f)) {
        if (owner.has(t) && owner.get(t) !== mod) throw new Error(`table ${t} declared by both ${owner.get(t)} and ${mod}`);
        owner.set(t, mod);
      }
  }
  return owner;
}

export interface ForeignReference {
  file: string;
  line: number;
  module: string;
  table: string;
  owner: string;
}

const KYSELY =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|using|table)\(\s*\[?\s*['"`](\w+)/g;
const SQL_TEXT = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING|REFERENCES)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?(\w+)"?/gi;

/** Every reference from a module's code to a table another module (or platform) owns. */
export function foreignTableReferences(root = SERVER_SRC): ForeignReference[] {
  const owners = tableOwners(root);
  const out: ForeignReference[] = [];
  const modulesDir = path.join(root, 'modules');
  const areas: [string, string[]][] = [['platform', fs.existsSync(path.join(root, 'platform')) ? walk(path.join(root, 'platform')) : []]];
  for (const mod of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, mod);
    if (fs.statSync(dir).isDirectory()) areas.push([mod, walk(dir)]);
  }
  for (const [mod, files] of areas) {
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((text, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(text)) return; // comments may name tables
        const names = new Set<string>();
        for (const m of text.matchAll(KYSELY)) names.add(m[1]);
        for (const m of text.matchAll(SQL_TEXT)) names.add(m[1]);
        for (const t of names) {
          const o = owners.get(t);
          if (o && o !== mod && !SHARED_PLATFORM_TABLES.has(t)) out.push({ file: path.relative(root, file), line: i + 1, module: mod, table: t, owner: o });
        }
      });
    }
  }
  return out;
}
