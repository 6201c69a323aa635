/**
 * The module contract: a module names only the tables it declares in its `*.tables.ts` (platform:
 * platform/db/schema.ts); everything else it reads through the owner's index.ts (published
 * functions and query fragments). Tests, demo data and testing helpers included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbInterfaceTables, foreignTableReferences, tableOwners, type ForeignReference } from './table-ownership';

/**
 * Allowed exceptions, each with its reason. Keep this short; prefer publishing a read from the owner.
 * An entry that no longer matches any reference fails the test, so the list cannot go stale.
 */
const ALLOWED: { file: string; table: string; why: string }[] = [
  // No module deletes customers or users (they are closed / disabled), so no published delete exists;
  // the test deletes them only to show that the nominations guards (migration 202612080401) refuse it.
  { file: 'modules/plans/nominations-integrity.int.test.ts', table: 'customers', why: 'shows a customer with nominations cannot be deleted (guard that replaced the foreign key)' },
  { file: 'modules/plans/nominations-integrity.int.test.ts', table: 'users', why: 'shows a user who entered nominations cannot be deleted (guard that replaced the foreign key)' },
];

const allowed = (r: ForeignReference) => ALLOWED.some((a) => a.file === r.file && a.table === r.table);

describe('table ownership', () => {
  it('every table has exactly one owner, and platform owns its own tables', () => {
    const owners = tableOwners();
    for (const t of ['users', 'sessions', 'audit_log', 'settings', 'job_runs', 'notifications', 'reaction_queue']) expect(owners.get(t), t).toBe('platform');
    expect(owners.get('customers')).toBe('customers');
    expect(owners.get('daily_deliveries')).toBe('metering');
    expect(owners.get('bank_statement_lines')).toBe('accounts'); // from a second `interface DB {` block of one file
  });

  it('no module (nor platform) names a table it does not own', () => {
    const bad = foreignTableReferences().filter((r) => !allowed(r));
    const listing = bad.map((r) => `${r.file}:${r.line}  module ${r.module} names ${r.table} (owned by ${r.owner})`).join('\n');
    expect(listing, `read these through the owner's index.ts instead:\n${listing}`).toBe('');
  });

  it('every allow-list entry is justified and still needed', () => {
    const refs = foreignTableReferences();
    for (const a of ALLOWED) {
      expect(a.why.length, `${a.file} ${a.table}: say why`).toBeGreaterThan(20);
      expect(
        refs.some((r) => r.file === a.file && r.table === a.table),
        `${a.file} ${a.table} no longer names the table: remove the entry`,
      ).toBe(true);
    }
  });
});

describe('the scanner itself', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-ownership-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('platform/db/schema.ts', "/**\n * Modules merge: declare module '…' { interface DB { not_a_table: X } }\n */\nexport interface DB {\n  p_users: A;\n  p_log: B;\n}\n");
  write(
    'modules/alpha/alpha.tables.ts',
    "declare module '../../platform/db/schema' {\n  interface DB {\n    a_items: T;\n    a_parts: { nested: { x: number } };\n  }\n}\ndeclare module '../../platform/db/schema' {\n  interface DB {\n    a_more: T;\n  }\n}\n",
  );
  write('modules/beta/beta.tables.ts', "declare module '../../platform/db/schema' {\n  interface DB {\n    b_things: T;\n  }\n}\n");
  write(
    'modules/beta/beta.repo.ts',
    [
      "db.selectFrom('b_things').selectAll();", // own table: fine
      "db.selectFrom('a_items as i').innerJoin('p_users as u', 'u.id', 'i.owner');", // two foreign tables
      '// a comment may name a_items',
      'sql`SELECT * FROM b_things t JOIN a_parts p ON p.id = t.part_id`;', // SQL text
      "db.insertInto('a_more').values(v);",
      "sql.table('p_log');",
    ].join('\n'),
  );
  write('modules/beta/testing/factory.ts', "await db.updateTable('a_items').set(x);\n");
  write('platform/helper.ts', "db.selectFrom('p_users');\nsql`DELETE FROM a_items`;\n");

  it('reads only real `interface DB {` declarations, every block, members at depth 1', () => {
    expect(dbInterfaceTables(path.join(root, 'platform/db/schema.ts'))).toEqual(['p_users', 'p_log']);
    expect(dbInterfaceTables(path.join(root, 'modules/alpha/alpha.tables.ts'))).toEqual(['a_items', 'a_parts', 'a_more']);
  });

  it('finds Kysely calls and SQL text naming foreign tables, in code, testing helpers and platform', () => {
    const refs = foreignTableReferences(root).map((r) => `${r.file}:${r.line} ${r.module} ${r.table} ${r.owner}`);
    expect(refs.sort()).toEqual(
      [
        'modules/beta/beta.repo.ts:2 beta a_items alpha',
        'modules/beta/beta.repo.ts:2 beta p_users platform',
        'modules/beta/beta.repo.ts:4 beta a_parts alpha',
        'modules/beta/beta.repo.ts:5 beta a_more alpha',
        'modules/beta/beta.repo.ts:6 beta p_log platform',
        'modules/beta/testing/factory.ts:1 beta a_items alpha',
        'platform/helper.ts:2 platform a_items alpha',
      ].sort(),
    );
  });
});

describe('published read fragments', () => {
  it('refuse to run by themselves (they are built without a database)', async () => {
    const { fragmentBuilder } = await import('../db/fragments');
    await expect(fragmentBuilder.selectFrom('users').select('id').execute()).rejects.toThrow(/cannot run by itself/);
  });
});
