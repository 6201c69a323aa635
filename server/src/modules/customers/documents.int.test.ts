import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { createCustomer, form } from './testing/factory';
import { setDelivery } from '../metering/testing/factory';

let t: TestApp;
let lead: Client;
const PDF = new TextEncoder().encode('%PDF-1.4\n% a licence\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
function day(offset: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(today + 'T00:00:00Z') + offset * 86400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await startTestApp({ config: { uploadLimit: 4096 } });
  lead = await t.userClient(['sales_lead']);
});
afterAll(async () => t?.close());

describe('licences and qualification documents', () => {
  it('uploads by content type, downloads the same bytes, lists expiring ones and keeps history', async () => {
    const c = await createCustomer(lead);
    const up = await lead.req(
      'POST',
      `/api/customers/${c.id}/documents`,
      form({ kind: 'gas_operation_licence', title: '燃气经营许可证', docNo: '川燃经 2024-001', expiresOn: day(20) }, { bytes: PDF, name: '许可证.pdf' }),
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'gas_operation_licence', mime: 'application/pdf', sizeBytes: PDF.length, daysToExpiry: 20, fileName: '许可证.pdf' });
    const img = await lead.req('POST', `/api/customers/${c.id}/documents`, form({ kind: 'business_licence', title: '营业执照' }, { bytes: PNG, name: 'scan.bin' }));
    expect(img.body.mime).toBe('image/png');
    const dl = await lead.get(`/api/customers/${c.id}/documents/${up.body.id}/file`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('许可证.pdf')}`);
    expect(Buffer.from(dl.body).equals(Buffer.from(PDF))).toBe(true);
    const exp = (await lead.get('/api/customer-documents/expiring?days=30')).body;
    expect(exp.map((d: any) => [d.id, d.customerName, d.daysToExpiry])).toEqual([[up.body.id, c.name, 20]]);
    expect((await lead.get('/api/customer-documents/expiring?days=10')).body).toEqual([]);
    expect((await lead.get(`/api/customers/${c.id}`)).body.counts).toEqual({ deliveryPoints: 0, documents: 2, expiringDocuments: 1 });
    const patched = await lead.patch(`/api/customers/${c.id}/documents/${up.body.id}`, { expiresOn: day(400) });
    expect(patched.body.daysToExpiry).toBe(400);
    expect((await lead.del(`/api/customers/${c.id}/documents/${img.body.id}`)).status).toBe(204);
    expect((await lead.get(`/api/customers/${c.id}/documents`)).body.map((d: any) => d.id)).toEqual([up.body.id]);
    const h = (await lead.get(`/api/customers/${c.id}/history?entity=document`)).body.items.map((i: any) => i.action);
    expect(h).toEqual(['document.delete', 'document.update', 'document.upload', 'document.upload']);
  });

  it('refuses a wrong type by content (whatever the name), a too large file, a missing file and bad fields', async () => {
    const c = await createCustomer(lead);
    const exe = await lead.req('POST', `/api/customers/${c.id}/documents`, form({ kind: 'other', title: 'x' }, { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]), name: 'licence.pdf' }));
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UPLOAD_TYPE');
    expect(exe.body.message).toBe('不支持的文件类型：pdf（允许 PDF, JPG, PNG, XLSX, DOCX）');
    const big = new Uint8Array(8192);
    big.set(PDF);
    const tooBig = await lead.req('POST', `/api/customers/${c.id}/documents`, form({ kind: 'other', title: 'x' }, { bytes: big, name: 'big.pdf' }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('UPLOAD_TOO_LARGE');
    const none = await lead.req('POST', `/api/customers/${c.id}/documents`, form({ kind: 'other', title: 'x' }));
    expect(none.body.code).toBe('CUSTOMER_UPLOAD_MISSING');
    const badKind = await lead.req('POST', `/api/customers/${c.id}/documents`, form({ kind: 'passport', title: 'x' }, { bytes: PDF, name: 'a.pdf' }));
    expect(badKind.status).toBe(400);
    expect(badKind.body.details.issues[0].path).toContain('kind');
    expect((await lead.get(`/api/customers/${c.id}/documents`)).body).toEqual([]);
    expect(await t.db.selectFrom('customer_document_files').selectAll().execute()).toHaveLength(2); // only the first test's
  });
});

describe('supply sources and delivery points', () => {
  it('builds the network with parent rules, and delivery points with unique meters', async () => {
    const field = await lead.post('/api/supply-sources', { name: '老翁场气田', kind: 'gas_field' });
    expect(field.status).toBe(201);
    expect(field.body.code).toBe('GF-001');
    const well = await lead.post('/api/supply-sources', { code: 'WS-L14', name: '老14井站', kind: 'well_station', parentId: field.body.id });
    const bad = await lead.post('/api/supply-sources', { name: '某阀室', kind: 'valve_room', parentId: field.body.id });
    expect(bad.body).toMatchObject({ code: 'CUSTOMER_SUPPLY_PARENT_KIND', message: '阀室不能挂在气田之下' });
    expect((await lead.post('/api/supply-sources', { code: 'WS-L14', name: '重复', kind: 'well_station' })).body.code).toBe('CUSTOMER_SUPPLY_CODE_DUPLICATE');
    const c = await createCustomer(lead);
    const dp = await lead.post(`/api/customers/${c.id}/delivery-points`, { name: '长宁门站', kind: 'gate_station', meterNo: 'FT-0001', pressureLevel: 'high', supplySourceId: well.body.id });
    expect(dp.status).toBe(201);
    expect(dp.body).toMatchObject({ code: `${c.code}-01`, supplySourceName: '老14井站', active: true });
    const other = await createCustomer(lead);
    const dup = await lead.post(`/api/customers/${other.id}/delivery-points`, { name: '另一站', kind: 'distribution_station', meterNo: 'FT-0001' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('计量表号 FT-0001 已被交付点“长宁门站”使用');
    expect((await lead.post(`/api/customers/${other.id}/delivery-points`, { name: '另一站', kind: 'distribution_station', meterNo: 'FT-2', supplySourceId: 99999 })).body.code).toBe(
      'CUSTOMER_SUPPLY_SOURCE_NOT_FOUND',
    );
    expect((await lead.patch(`/api/customers/${other.id}/delivery-points/${dp.body.id}`, { name: 'x1' })).status).toBe(404);
    const upd = await lead.patch(`/api/customers/${c.id}/delivery-points/${dp.body.id}`, { pressureLevel: 'sub_high', active: false });
    expect(upd.body).toMatchObject({ pressureLevel: 'sub_high', active: false });
    // With metering data it cannot be deleted; without, it can.
    await setDelivery(t.db, c.id, dp.body.id, '2026-01-01', '100.000');
    const del = await lead.del(`/api/customers/${c.id}/delivery-points/${dp.body.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('CUSTOMER_DELIVERY_POINT_IN_USE');
    const dp2 = await lead.post(`/api/customers/${c.id}/delivery-points`, { name: '二号门站', kind: 'gate_station', meterNo: 'FT-0002' });
    expect(dp2.body.code).toBe(`${c.code}-02`);
    expect((await lead.del(`/api/customers/${c.id}/delivery-points/${dp2.body.id}`)).status).toBe(204);
    expect((await lead.get(`/api/customers/${c.id}/delivery-points`)).body.map((d: any) => d.id)).toEqual([dp.body.id]);
    const h = (await lead.get(`/api/customers/${c.id}/history?entity=delivery_point`)).body.items.map((i: any) => i.action);
    expect(h).toEqual(['delivery_point.delete', 'delivery_point.create', 'delivery_point.update', 'delivery_point.create']);
    const sources = (await lead.get('/api/supply-sources')).body;
    expect(sources.find((s: any) => s.id === well.body.id)).toMatchObject({ parentId: field.body.id, deliveryPoints: 1, downstreamDeliveryPoints: 1 });
    // the gas field feeds no point itself, but the well station below it does (summed downstream)
    expect(sources.find((s: any) => s.id === field.body.id)).toMatchObject({ deliveryPoints: 0, downstreamDeliveryPoints: 1 });
    const am = await t.userClient(['account_manager']);
    expect((await am.post('/api/supply-sources', { name: '某气田', kind: 'gas_field' })).status).toBe(403);
  });
});
