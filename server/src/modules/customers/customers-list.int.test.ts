/**
 * The list's one-scan path (ids and count in one statement, rows by id; issue 15 item 5) gives
 * exactly what the two-statement path (page and count apart) gives: same items in the same order
 * and the same total, for searches (long, short, pinyin, code), filters, sorts, pages past the end,
 * and a scoped account manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCustomers } from './testing/factory';
import { pinyinInitials } from './pinyin';
import { listCustomers } from './customers.repo';
import type { CustomerFilter } from './customers.schema';

let t: TestApp;
let amId: number;
const WORDS = ['宏达', '鑫源', '华盛', '金鑫', '泸州', '宜宾'];
const KINDS = ['玻璃有限公司', '燃气有限公司', '化工有限公司'];

beforeAll(async () => {
  t = await startTestApp();
  const am = await t.userClient(['account_manager']);
  amId = (await am.get('/api/auth/me')).body.id;
  const specs = Array.from({ length: 60 }, (_, i) => ({
    name: `${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}${KINDS[i % KINDS.length]}${i % 4}`, // duplicate names on purpose
    type: ['industrial', 'city_gas', 'cng'][i % 3],
    status: ['active', 'active', 'restricted', 'prospect'][i % 4],
    city: ['泸州市', '宜宾市'][i % 2],
    managerId: i % 3 === 0 ? amId : undefined,
  }));
  const made = await makeCustomers(t.db, specs);
  for (const [i, c] of made.entries()) await sql`UPDATE customers SET pinyin = ${pinyinInitials(c.name)}, tags = ${i % 5 === 0 ? ['保供'] : []}::text[] WHERE id = ${c.id}`.execute(t.db);
});
afterAll(async () => t?.close());

const lead = { id: 0, roles: ['sales_lead'] as any };
const base: CustomerFilter = { sort: 'code', order: 'asc' };

describe('customer list: one scan equals list + count', () => {
  const cases: [string, Partial<CustomerFilter>][] = [
    ['long search', { q: '宏达鑫源' }],
    ['one character', { q: '鑫' }],
    ['two characters, by name desc', { q: '宏达', sort: 'name', order: 'desc' }],
    ['pinyin initials', { q: 'hd' }],
    ['code prefix', { q: 'T' }],
    ['nothing matches', { q: '不存在的名字' }],
    ['type and status', { type: ['industrial', 'cng'], status: ['active'] }],
    ['city, by status', { city: '宜宾市', sort: 'status' }],
    ['tag, by updated', { tag: ['保供'], sort: 'updatedAt', order: 'desc' }],
    ['by region', { q: '公司', sort: 'city' }],
  ];
  for (const [name, f] of cases)
    it(name, async () => {
      for (const user of [lead, { id: amId, roles: ['account_manager'] as any }])
        for (const page of [1, 2, 3, 9])
          for (const pageSize of [7, 20]) {
            const filter = { ...base, ...f };
            const one = await listCustomers(t.db, user, filter, { page, pageSize });
            const two = await listCustomers(t.db, user, filter, { page, pageSize }, { oneScan: false });
            expect(one).toEqual(two);
          }
    });

  it('the two-statement total is what the filter matches (sanity)', async () => {
    const r = await listCustomers(t.db, lead, { ...base, q: '鑫' }, { page: 1, pageSize: 5 });
    expect(r.items).toHaveLength(5);
    expect(r.total).toBeGreaterThan(5);
  });
});

describe('short searches through the 1–2 character index (migration 202612071601)', () => {
  it('the index expression holds every single character and every pair of every search text', async () => {
    const { rows } = await sql<{ missing: number; checked: number }>`
      SELECT count(*) FILTER (WHERE NOT customer_search_grams(c.search_text) @> ARRAY[substr(c.search_text, i, n)])::int AS missing, count(*)::int AS checked
        FROM customers c, generate_series(1, length(c.search_text)) i, (VALUES (1), (2)) k(n)
       WHERE i + n - 1 <= length(c.search_text)`.execute(t.db);
    expect(rows[0].checked).toBeGreaterThan(1000);
    expect(rows[0].missing).toBe(0);
  });

  it('finds exactly what LIKE alone finds', async () => {
    const seen = (await sql<{ search_text: string }>`SELECT search_text FROM customers ORDER BY id LIMIT 1`.execute(t.db)).rows[0].search_text;
    const across = seen.slice(seen.indexOf('|') - 1, seen.indexOf('|') + 1); // a pair across the separator
    for (const q of ['鑫', '宏达', '达鑫', 'hd', 'h', '1', '%', '_1', across, '不在']) {
      const r = await listCustomers(t.db, lead, { ...base, q }, { page: 1, pageSize: 500 });
      const like = await sql<{ id: number }>`SELECT id FROM customers WHERE strpos(search_text, ${q.toLowerCase()}) > 0 ORDER BY id`.execute(t.db);
      expect(
        r.items.map((i) => i.id),
        q,
      ).toEqual(like.rows.map((x) => x.id));
      expect(r.total, q).toBe(like.rows.length);
    }
  });
});
