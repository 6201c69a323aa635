/** Test helpers of settlement: everything through the other modules' HTTP APIs (no foreign tables). */
import type { Client } from '../../../../test/harness';
import { createCustomer } from '../../customers/testing/factory';

let seq = 0;

/** A customer with one delivery point; returns ids and the meter number. */
export async function customerWithPoint(admin: Client, over: Record<string, unknown> = {}) {
  const c = await createCustomer(admin, { type: 'industrial', priceCategory: 'industrial', ...over });
  const meterNo = `ST${process.pid % 10000}-${++seq}`;
  const p = await admin.post(`/api/customers/${c.id}/delivery-points`, { name: `${c.name}分输站`, kind: 'distribution_station', meterNo });
  if (p.status !== 201) throw new Error(`delivery point: ${p.status} ${JSON.stringify(p.body)}`);
  return { id: c.id, code: c.code, name: c.name, pointId: p.body.id as number, meterNo };
}

export async function deliver(admin: Client, meterNo: string, days: [string, string][]) {
  const r = await admin.post('/api/metering/deliveries/batch', { rows: days.map(([gasDay, volumeM3]) => ({ meterNo, gasDay, volumeM3 })) });
  if (r.status !== 200 || r.body.invalid) throw new Error(`deliveries: ${r.status} ${JSON.stringify(r.body)}`);
}

export async function dailyRun(admin: Client, days: string[]) {
  for (const key of days) {
    const r = await admin.post('/api/jobs/accounts.daily/run', { key });
    if (r.body.status !== 'succeeded') throw new Error(`daily run ${key}: ${JSON.stringify(r.body)}`);
  }
}

export async function balanceFen(c: Client, customerId: number): Promise<number> {
  const r = await c.get(`/api/accounts/customers/${customerId}`);
  if (r.status !== 200) throw new Error(`balance: ${r.status}`);
  return r.body.balanceFen;
}

/** Twelve months of contracted volume, `quantity` each unless overridden. */
export function yearMonths(year: number, quantity: string, over: Record<string, string> = {}) {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { month, quantity: over[month] ?? quantity };
  });
}

export async function contract(c: Client, body: Record<string, unknown>, activate = true) {
  const r = await c.post('/api/contracts', body);
  if (r.status !== 201) throw new Error(`contract: ${r.status} ${JSON.stringify(r.body)}`);
  if (activate) {
    const a = await c.post(`/api/contracts/${r.body.id}/activate`);
    if (a.status !== 200) throw new Error(`activate: ${a.status} ${JSON.stringify(a.body)}`);
  }
  return r.body.id as number;
}
