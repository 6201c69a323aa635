import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';

let t: TestApp;
let lead: Client;

beforeAll(async () => {
  t = await startTestApp({ demo: true, demoLastDay: '2026-11-26' });
  lead = await t.userClient(['sales_lead']);
}, 600_000);
afterAll(async () => t?.close());

describe('supply demo data', () => {
  it('has capacities, the 2019 Changning earthquake with 27 Yibin customers checked, a pipeline event and a cold-wave plan', async () => {
    const net = await lead.get('/api/supply/network');
    expect(net.body.problems.cycle).toBeNull();
    expect(net.body.nodes.filter((n: any) => n.capacityM3 !== null).length).toBeGreaterThan(30);
    // the demo's capacity history (before: none, after: the capacity only) passes the history response schema
    const capped = net.body.nodes.find((n: any) => n.id.startsWith('S') && n.capacityM3 !== null);
    const h = await lead.get(`/api/supply/nodes/${capped.id}/history`);
    expect(h.status).toBe(200);
    const first = h.body.items.at(-1);
    expect(first.before).toBeNull();
    expect(first.after).toEqual({ capacityM3: capped.capacityM3 });
    const ev = await lead.get('/api/supply/emergencies');
    const quake = ev.body.items.find((e: any) => e.kind === 'earthquake');
    expect(quake.occurredAt.slice(0, 10)).toBe('2019-06-17');
    expect(quake.nodes[0].name).toBe('老14井站');
    expect(quake.checked).toBe(27);
    const d = await lead.get(`/api/supply/emergencies/${quake.id}`);
    const checked = d.body.customers.filter((c: any) => c.contacted && c.siteChecked);
    expect(checked.length).toBe(27);
    expect(checked.every((c: any) => c.city === '宜宾市')).toBe(true);
    expect(ev.body.items.some((e: any) => e.kind === 'pipeline_failure' && e.status === 'open')).toBe(true);
    const plans = await lead.get('/api/supply/plans');
    expect(plans.body.items.length).toBe(1);
    const p = plans.body.items[0];
    expect(p.status).toBe('proposed');
    expect(Number(p.allowedM3)).toBeLessThan(Number(p.demandM3));
    const detail = await lead.get(`/api/supply/plans/${p.id}`);
    // residential demand is never cut while an interruptible customer in the same part of the network gets gas
    expect(detail.body.lines.some((l: any) => l.class === 'interruptible' && Number(l.cutM3) > 0)).toBe(true);
  });
});
