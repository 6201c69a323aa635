import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer, form, IMPORT_HEADER, readXlsx, validUscc, xlsx } from './testing/factory';

let t: TestApp;
let lead: Client;
let amName: string;
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const upload = (bytes: Uint8Array, fields: Record<string, string> = {}, name = 'customers.xlsx') => lead.req('POST', '/api/customers/import', form(fields, { bytes, name }));

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  amName = (await (await t.userClient(['account_manager'])).get('/api/auth/me')).body.username;
});
afterAll(async () => t?.close());

describe('Excel import of customer archives', () => {
  it('serves a template whose header the import accepts', async () => {
    const r = await lead.get('/api/customers/import/template.xlsx');
    expect(r.status).toBe(200);
    const rows = await readXlsx(r.body);
    expect(rows[0]).toEqual(IMPORT_HEADER);
  });

  it('imports nothing while any row is invalid, and reports row, field and message', async () => {
    const existing = await createCustomer(lead, { name: '已存在燃气有限公司' });
    const u1 = validUscc();
    const file = await xlsx([
      IMPORT_HEADER,
      ['泸州金鑫玻璃有限公司', u1, '工业', '工业', '四川省', '泸州市', '泸县', '', '', '', '', '', '煤改气', '', ''],
      ['坏的公司', '91350100M000100Y44', '钢铁', '工业', '四川省', '泸州', '', '', '', '', '', '', '', '', ''],
      ['重复公司', existing.uscc, '工业', '工业', '四川省', '成都', '', '', '', '', '', '', '', '', 'nobody'],
      ['文件内重复', u1, 'CNG', 'CNG', '四川省', '泸州市', '', '', '', '', '', '', '', '', ''],
    ]);
    const before = await count();
    const r = await upload(file);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('CUSTOMER_IMPORT_HAS_ERRORS');
    expect(r.body.message).toBe('共有 3 行存在错误（5 处），未导入任何数据；请修正后重新导入，或选择“仅导入有效行”');
    expect(r.body.details.total).toBe(4);
    expect(r.body.details.valid).toBe(1);
    expect(r.body.details.errors).toEqual([
      { row: 3, field: '客户类型', message: expect.stringContaining('客户类型“钢铁”无效') },
      { row: 3, field: '市', message: '城市“泸州”不在内置行政区划中' },
      { row: 3, field: '统一社会信用代码', message: expect.stringContaining('校验位不正确') },
      { row: 4, field: '市', message: '城市“成都”不在内置行政区划中' },
      { row: 5, field: '统一社会信用代码', message: `统一社会信用代码 ${u1} 与第 2 行重复` },
    ]);
    expect(await count()).toBe(before);
    // dry run: the same report, 200, nothing saved
    const dry = await upload(file, { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, total: 4, valid: 1, imported: 0 });
    expect(await count()).toBe(before);
  });

  it('with valid_only imports the valid rows, maps labels and assigns managers', async () => {
    const [u1, u2] = [validUscc(), validUscc()];
    const file = await xlsx([
      IMPORT_HEADER,
      ['永川港华燃气有限公司', u1.toLowerCase(), '城市燃气', '居民', '重庆市', '永川区', '中山路街道', '永川区人民大道1号', '是', '65.5', '2026/3/1', '已培训', '保供，重点客户', '导入测试', amName],
      ['坏行', '', '工业', '', '四川省', '泸州市', '', '', '', '', '', '', '', '', ''],
      ['荣昌安陶有限公司', u2, 'industrial', 'Industrial', '重庆市', '荣昌区', '', '', '否', '', '', '', '', '', 'not-a-user'],
      [],
      ['江津玻璃有限公司', '', '工业', '工业', '重庆市', '江津区', '', '', '', '', '', '', '', '', ''],
    ]);
    const before = await count();
    const r = await upload(file, { mode: 'valid_only' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mode: 'valid_only', total: 4, valid: 2, imported: 2 });
    expect(r.body.errors).toEqual([
      { row: 3, field: '价格类别', message: '价格类别为必填项' },
      { row: 4, field: '专职客户经理账号', message: '用户“not-a-user”不存在' },
    ]);
    expect(await count()).toBe(before + 2);
    const yc = (await lead.get(`/api/customers?q=${u1}`)).body.items[0];
    const view = (await lead.get(`/api/customers/${yc.id}`)).body;
    expect(view).toMatchObject({
      name: '永川港华燃气有限公司',
      uscc: u1,
      type: 'city_gas',
      priceCategory: 'residential',
      city: '永川区',
      county: '中山路街道',
      servesResidents: true,
      residentialShare: '0.6550',
      useStructureVerifiedOn: '2026-03-01',
      exchangeStatus: 'trained',
      tags: ['保供', '重点客户'],
      notes: '导入测试',
    });
    expect(view.managers.map((m: any) => [m.username, m.kind])).toEqual([[amName, 'full_time']]);
    const h = (await lead.get(`/api/customers/${yc.id}/history`)).body.items.map((i: any) => i.action).sort();
    expect(h).toEqual(['customer.import', 'manager.assign']);
    expect((await lead.get(`/api/customers?q=${encodeURIComponent('江津玻璃')}`)).body.total).toBe(1);
  });

  it('accepts English headers and refuses a wrong template or a non-xlsx file', async () => {
    const en = await xlsx([
      ['Name', 'USCC', 'Type', 'Price category', 'Province', 'City'],
      ['乐山硅业有限公司', '', 'Chemical', 'Chemical feedstock', '四川省', '乐山市'],
    ]);
    expect((await upload(en)).body.imported).toBe(1);
    const wrong = await xlsx([
      ['名称', '统一社会信用代码', '客户类型', '省'],
      ['某公司', '', '工业', '四川省'],
    ]);
    const before = await count();
    const r = await upload(wrong);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CUSTOMER_IMPORT_TEMPLATE');
    expect(r.body.message).toBe('导入模板不正确：缺少列 客户名称、价格类别、市。请下载最新的导入模板');
    const txt = await upload(new TextEncoder().encode('客户名称,统一社会信用代码\n某公司,\n'), {}, 'customers.xlsx');
    expect(txt.status).toBe(400);
    expect(txt.body.code).toBe('CUSTOMER_IMPORT_NOT_XLSX');
    const docx = await upload(new TextEncoder().encode('%PDF-1.4 not a workbook'), {}, 'x.xlsx');
    expect(docx.body.code).toBe('CUSTOMER_IMPORT_NOT_XLSX');
    expect((await upload(await xlsx([IMPORT_HEADER]))).body.code).toBe('CUSTOMER_IMPORT_EMPTY');
    expect((await upload(await xlsx([IMPORT_HEADER]), { mode: 'some' })).status).toBe(400);
    expect(await count()).toBe(before);
    const am = await t.userClient(['account_manager']);
    expect((await am.req('POST', '/api/customers/import', form({}, { bytes: en, name: 'a.xlsx' }))).status).toBe(403);
  });
});
