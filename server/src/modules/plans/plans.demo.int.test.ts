/** The full demo dataset loads with the onboarding and plans steps, and their data is consistent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';

let t: TestApp;
let lead: Client;
beforeAll(async () => {
  t = await startTestApp({ demo: true, demoLastDay: '2026-11-26' });
  lead = t.anon();
  await lead.login('lead', 'qike2026demo');
}, 600_000);
afterAll(async () => t?.close());

describe('onboarding and plans demo', () => {
  it('has cases at every stage and 16 projects commissioned last year', async () => {
    const board = (await lead.get('/api/onboarding/board')).body;
    for (const s of board.stages) expect(s.count, s.stage).toBeGreaterThan(0);
    const y = (await lead.get('/api/onboarding/yearly?from=2025&to=2025')).body;
    expect(y[0]).toMatchObject({ year: 2025, projectsCommissioned: 16 });
    const c = board.stages.find((s: any) => s.stage === 'review').cases[0];
    const pdf = await lead.get(`/api/onboarding/cases/${c.id}/review.pdf`);
    expect(pdf.status).toBe(200);
  });

  it('has approved plans for two years whose roll-ups are exact, and nominations', async () => {
    const versions = (await lead.get('/api/plans/versions')).body;
    expect(
      versions
        .filter((v: any) => v.status === 'approved')
        .map((v: any) => v.year)
        .sort(),
    ).toEqual([2025, 2026]);
    for (const v of versions.filter((x: any) => x.status === 'approved')) {
      const d = (await lead.get(`/api/plans/versions/${v.id}`)).body;
      expect(d.areaGaps).toEqual([]);
      expect(d.monthsDiffM3).toBe('0.000');
      for (const m of d.months) expect(m.customersM3).toBe(m.volumeM3);
    }
    const ledger = (await lead.get('/api/plans/ledger?year=2026&groupBy=area')).body;
    expect(ledger.rows.length).toBeGreaterThanOrEqual(3);
    const acc = (await lead.get('/api/plans/nominations/accuracy?month=2026-11')).body;
    expect(acc).toHaveLength(10);
  });
});
