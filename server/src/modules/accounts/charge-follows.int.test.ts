/**
 * Issue 9 item 9: a delivery entered or corrected for a gas day the daily run has already charged
 * tells the user the charge will follow (accounts re-prices it by its reaction); in a closed
 * accounting month, that the month's settlement adjusts it. Days not yet charged say nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { addDays } from './accounts.calc';
import { makeBilledCustomer } from './testing/factory';

let t: TestApp;
let lead: Client;
let am: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

describe('a delivery for a day already charged', () => {
  it('says the charge will follow, or that settlement adjusts a closed month, and nothing for a day not yet charged', async () => {
    const c = await makeBilledCustomer(t.db, { managerId: am.userId, price: '2.4500', points: 1 });
    const meterNo = ((await am.get(`/api/customers/${c.id}/delivery-points`)).body as any[]).find((p) => p.id === c.points[0]).meterNo as string;
    const day = (await am.get('/api/metering/config')).body.importRange.maxDay as string;
    const earlier = addDays(day, -1);
    const put = (gasDay: string, volumeM3: string, reason?: string) => am.put('/api/metering/deliveries', { deliveryPointId: c.points[0], gasDay, volumeM3, origin: 'manual', reason });

    // before the daily run reaches it: nothing to tell
    const first = await put(earlier, '1000.000');
    expect(first.status).toBe(200);
    expect(first.body.charges).toEqual({ follow: [], closed: [] });
    expect((await lead.post('/api/jobs/accounts.daily/run', { key: earlier })).body.status).toBe('succeeded');

    // a correction and a batch for the charged day: the charge follows; the later day is not charged yet
    expect((await put(earlier, '1200.000', '表计复核')).body.charges).toEqual({ follow: [earlier], closed: [] });
    const batch = await am.post('/api/metering/deliveries/batch', {
      rows: [
        { meterNo, gasDay: earlier, volumeM3: '1300.000', origin: 'manual' },
        { meterNo, gasDay: day, volumeM3: '900.000', origin: 'manual' },
      ],
      reason: '补录',
    });
    expect(batch.status).toBe(200);
    expect(batch.body.charges).toEqual({ follow: [earlier], closed: [] });

    // re-sending the same values changes nothing: nothing to tell
    expect((await put(earlier, '1300.000')).body.charges).toEqual({ follow: [], closed: [] });

    // the month closed: settlement adjusts, the charge does not follow by itself
    await t.db
      .insertInto('accounting_periods')
      .values({ month: `${earlier.slice(0, 7)}-01` })
      .execute();
    expect((await put(earlier, '1400.000', '复核')).body.charges).toEqual({ follow: [], closed: [earlier] });

    // the queued reactions of these changes finish before the schema is dropped (polling, no fixed sleep)
    const until = Date.now() + 30_000;
    while ((await admin.get('/api/reactions')).body.counts.pending > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  });
});
