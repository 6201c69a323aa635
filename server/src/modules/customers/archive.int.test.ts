import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer, readXlsx, validUscc } from './testing/factory';
import { auditTrail } from '../../platform/audit/audit';

let t: TestApp;
let lead: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
});
afterAll(async () => t?.close());

describe('customer archive', () => {
  it('creates a customer with a generated code, pinyin initials, history and audit', async () => {
    const uscc = validUscc();
    const r = await lead.post('/api/customers', {
      name: '泸州华润燃气有限公司',
      uscc: uscc.toLowerCase(),
      type: 'city_gas',
      priceCategory: 'residential',
      province: '四川省',
      city: '泸州市',
      county: '江阳区',
      residentialShare: '0.6523',
      tags: ['重点客户', '重点客户', '保供'],
    });
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(/^KH\d{5,}$/);
    expect(r.body.uscc).toBe(uscc);
    expect(r.body.pinyin).toBe('lzhrrqyxgs');
    expect(r.body.status).toBe('prospect');
    expect(r.body.servesResidents).toBe(true);
    expect(r.body.residentialShare).toBe('0.6523');
    expect(r.body.tags).toEqual(['重点客户', '保供']);
    expect(r.body.allowedTransitions).toEqual(['survey', 'closed']);
    const h = await lead.get(`/api/customers/${r.body.id}/history`);
    expect(h.body.items.map((i: any) => i.action)).toEqual(['customer.create']);
    expect(h.body.items[0].after.name).toBe('泸州华润燃气有限公司');
    const audit = await t.db.selectFrom(auditTrail().as('a')).select(['action', 'customer_id']).where('customer_id', '=', r.body.id).execute();
    expect(audit).toEqual([{ action: 'customer.create', customer_id: r.body.id }]);
  });

  it('refuses an invalid USCC naming the field, and a duplicate naming the holder', async () => {
    const bad = await lead.post('/api/customers', { name: '某某公司', uscc: '91350100M000100Y44', type: 'industrial', priceCategory: 'industrial', province: '四川省', city: '泸州市' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    expect(bad.body.details.issues[0].path).toContain('uscc');
    expect(bad.body.details.issues[0].message).toContain('校验位');
    const first = await createCustomer(lead, { name: '宜宾丝丽雅集团有限公司' });
    const dup = await lead.post('/api/customers', { name: '另一家公司', uscc: first.uscc, type: 'industrial', priceCategory: 'industrial', province: '四川省', city: '宜宾市' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CUSTOMER_USCC_DUPLICATE');
    expect(dup.body.message).toBe(`统一社会信用代码 ${first.uscc} 已被客户“宜宾丝丽雅集团有限公司”（${first.code}）使用`);
    const count = await t.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', '另一家公司')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('validates the region against the built-in list', async () => {
    const r = await lead.post('/api/customers', { name: '某某公司', type: 'industrial', priceCategory: 'industrial', province: '四川省', city: '永川区' });
    expect(r.status).toBe(400);
    expect(r.body.details.issues[0].path).toContain('city');
    const c = await createCustomer(lead);
    const p = await lead.patch(`/api/customers/${c.id}`, { county: '翠屏区' });
    expect(p.status).toBe(400);
    expect(p.body.code).toBe('CUSTOMER_REGION_INVALID');
    expect(p.body.message).toBe('地区无效：区县“翠屏区”不在内置行政区划中');
    const ok = await lead.patch(`/api/customers/${c.id}`, { province: '重庆市', city: '永川区', county: '朱沱镇' });
    expect(ok.status).toBe(200);
    expect([ok.body.province, ok.body.city, ok.body.county]).toEqual(['重庆市', '永川区', '朱沱镇']);
  });

  it('keeps the history of every change with only the changed fields, and none for a no-op', async () => {
    const c = await createCustomer(lead, { name: '自贡鸿鹤化工有限公司', type: 'chemical', priceCategory: 'chemical_feedstock', city: '自贡市', county: '自流井区' });
    const r = await lead.patch(`/api/customers/${c.id}`, { name: '自贡鸿鹤盐化有限公司', notes: '年度核查', tags: ['可中断'], county: '自流井区' });
    expect(r.status).toBe(200);
    expect(r.body.pinyin).toBe('zghhyhyxgs');
    await lead.patch(`/api/customers/${c.id}`, { notes: '年度核查' });
    const h = await lead.get(`/api/customers/${c.id}/history`);
    expect(h.body.total).toBe(2);
    const upd = h.body.items[0];
    expect(upd.action).toBe('customer.update');
    expect(upd.before).toEqual({ name: '自贡鸿鹤化工有限公司', notes: null, tags: [] });
    expect(upd.after).toEqual({ name: '自贡鸿鹤盐化有限公司', notes: '年度核查', tags: ['可中断'] });
    expect(upd.actorName).toMatch(/^测试sales_lead/);
    const found = await lead.get('/api/customers?q=zghhyh');
    expect(found.body.items.map((i: any) => i.id)).toEqual([c.id]);
  });
});

describe('customer list', () => {
  const ids: Record<string, number> = {};
  let am: Client;
  beforeAll(async () => {
    am = await t.userClient(['account_manager']);
    const amId = (await am.get('/api/auth/me')).body.id;
    const mk = async (k: string, over: Record<string, unknown>) => (ids[k] = (await createCustomer(lead, over)).id);
    await mk('glass', { name: '内江金鑫玻璃有限公司', type: 'industrial', priceCategory: 'industrial', city: '内江市', county: '隆昌市', tags: ['煤改气'] });
    await mk('cng', { name: '内江宏达天然气加气站有限公司', type: 'cng', priceCategory: 'cng', city: '内江市', county: '东兴区' });
    await mk('gas', { name: '内江昆仑燃气有限公司', type: 'city_gas', priceCategory: 'residential', city: '内江市', county: '市中区', tags: ['保供', '煤改气'] });
    await lead.post(`/api/customers/${ids.gas}/managers`, { userId: amId, kind: 'full_time' });
  });

  it('searches name, code, USCC and pinyin initials', async () => {
    const gas = (await lead.get(`/api/customers/${ids.gas}`)).body;
    for (const q of ['昆仑燃气', gas.code.toLowerCase(), gas.uscc.slice(-7), 'njkl']) {
      const r = await lead.get(`/api/customers?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: any) => i.id)).toEqual([ids.gas]);
    }
    expect((await lead.get('/api/customers?q=%25')).body.total).toBe(0);
  });

  it('filters by type, city, county, tags, manager and status, sorts and pages on the server', async () => {
    const q = async (s: string) => (await lead.get(`/api/customers?city=${encodeURIComponent('内江市')}&${s}`)).body;
    expect((await q('type=industrial&type=cng&sort=name&order=asc')).items.map((i: any) => i.id)).toEqual([ids.cng, ids.glass]);
    expect((await q(`tag=${encodeURIComponent('煤改气')}&sort=code`)).items.map((i: any) => i.id)).toEqual([ids.glass, ids.gas]);
    expect((await q(`tag=${encodeURIComponent('煤改气')}&tag=${encodeURIComponent('保供')}`)).items.map((i: any) => i.id)).toEqual([ids.gas]);
    expect((await q(`county=${encodeURIComponent('隆昌市')}`)).items.map((i: any) => i.id)).toEqual([ids.glass]);
    const byManager = await q(`managerId=${(await am.get('/api/auth/me')).body.id}`);
    expect(byManager.items.map((i: any) => [i.id, i.fullTimeManager.displayName])).toEqual([[ids.gas, expect.stringMatching(/^测试account_manager/)]]);
    expect((await q('status=active')).total).toBe(0);
    const p1 = await q('sort=code&order=desc&pageSize=2&page=1');
    const p2 = await q('sort=code&order=desc&pageSize=2&page=2');
    expect(p1.total).toBe(3);
    expect([...p1.items, ...p2.items].map((i: any) => i.id)).toEqual([ids.gas, ids.cng, ids.glass]);
    expect((await lead.get('/api/customers?type=nonsense')).status).toBe(400);
  });

  it('exports the filtered list as a real xlsx with headers in the user language', async () => {
    const r = await lead.get(`/api/customers/export.xlsx?city=${encodeURIComponent('内江市')}&sort=code`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(r.body);
    expect(rows[0].slice(0, 4)).toEqual(['客户编码', '客户名称', '统一社会信用代码', '客户类型']);
    expect(rows.slice(1).map((x) => x[1])).toEqual(['内江金鑫玻璃有限公司', '内江宏达天然气加气站有限公司', '内江昆仑燃气有限公司']);
    expect(rows[3][3]).toBe('城市燃气');
    expect(rows[3][9]).toBe('潜在');
    expect(rows[3][10]).toMatch(/^测试account_manager/);
    const en = await t.userClient(['viewer'], { lang: 'en' });
    const rEn = await en.get(`/api/customers/export.xlsx?city=${encodeURIComponent('内江市')}&type=cng`);
    const rowsEn = await readXlsx(rEn.body);
    expect(rowsEn[0].slice(0, 4)).toEqual(['Code', 'Name', 'USCC', 'Type']);
    expect(rowsEn.length).toBe(2);
    expect(rowsEn[1][3]).toBe('CNG');
    expect(rowsEn[1][9]).toBe('Prospect');
  });
});
