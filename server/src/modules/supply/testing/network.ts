/** Test helper: a small supply network built through the customers API (no table of another module is named). */
import type { Client } from '../../../../test/harness';
import { createCustomer } from '../../customers/testing/factory';

let seq = 0;

async function ok<T = any>(p: Promise<{ status: number; body: any }>, status = 201): Promise<T> {
  const r = await p;
  if (r.status !== status) throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export interface TestNet {
  src: Record<'GF' | 'WS' | 'PL' | 'VR1' | 'VR2', number>;
  customers: Record<'city' | 'hospital' | 'glass' | 'plant', { id: number; name: string; dp: number }>;
}

/**
 * GF → WS → PL → VR1 → city gas (share 0.6) and hospital; PL → VR2 → glass (可中断) and plant (重点客户).
 * All customers active with a full-time manager (`managerId`).
 */
export async function buildNetwork(admin: Client, managerId: number): Promise<TestNet> {
  const n = ++seq;
  const tag = `${process.pid % 10000}${n}`;
  const mk = (code: string, name: string, kind: string, parentId?: number, region?: string) =>
    ok(admin.post('/api/supply-sources', { code: `T${tag}${code}`, name: `${name}${tag}`, kind, parentId, region }));
  const GF = (await mk('GF', '测试气田', 'gas_field', undefined, '四川省宜宾市')).id;
  const WS = (await mk('WS', '测试井站', 'well_station', GF, '四川省宜宾市')).id;
  const PL = (await mk('PL', '测试管线', 'pipeline', WS, '四川省宜宾市')).id;
  const VR1 = (await mk('V1', '测试一号阀室', 'valve_room', PL, '四川省宜宾市长宁县')).id;
  const VR2 = (await mk('V2', '测试二号阀室', 'valve_room', PL, '四川省宜宾市珙县')).id;
  const cust = async (over: Record<string, unknown>, valve: number, meter: string) => {
    const c = await createCustomer(admin, { city: '宜宾市', county: '长宁县', ...over });
    await ok(admin.post(`/api/customers/${c.id}/managers`, { userId: managerId, kind: 'full_time' }), 200);
    for (const to of ['survey', 'review', 'contracted', 'active']) await ok(admin.post(`/api/customers/${c.id}/transitions`, { to, reason: '测试' }), 200);
    const dp = await ok(admin.post(`/api/customers/${c.id}/delivery-points`, { name: `${c.name}门站`, kind: 'gate_station', meterNo: `T${tag}${meter}`, supplySourceId: valve }));
    return { id: c.id, name: c.name, dp: dp.id };
  };
  const city = await cust({ name: `测试城市燃气${tag}`, type: 'city_gas', priceCategory: 'residential', servesResidents: true, residentialShare: '0.6' }, VR1, 'M1');
  const hospital = await cust({ name: `测试人民医院${tag}`, type: 'other', priceCategory: 'non_residential' }, VR1, 'M2');
  const glass = await cust({ name: `测试玻璃${tag}`, type: 'industrial', priceCategory: 'industrial', tags: ['可中断'], county: '珙县' }, VR2, 'M3');
  const plant = await cust({ name: `测试化工${tag}`, type: 'chemical', priceCategory: 'chemical_feedstock', tags: ['重点客户'], county: '珙县' }, VR2, 'M4');
  return { src: { GF, WS, PL, VR1, VR2 }, customers: { city, hospital, glass, plant } };
}
