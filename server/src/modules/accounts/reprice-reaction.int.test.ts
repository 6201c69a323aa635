/**
 * The reaction accounts.repriceChangedDays (declared in accounts' module definition) to metering's
 * 'metering.deliveriesChanged': a correction or a late delivery of an already charged gas day
 * reaches the ledger by itself, without re-running the daily job by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { addDays } from './accounts.calc';
import { balance, makeBilledCustomer } from './testing/factory';

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

/** Wait (polling, no fixed sleep) until `read` returns `want` or 15 s pass; returns the last value. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  const until = Date.now() + 15_000;
  let v = await read();
  while (v !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

describe('metering corrections re-price charged days automatically', () => {
  it('posts the difference of a correction and charges a late delivery, then leaves later days to the daily run', async () => {
    const c = await makeBilledCustomer(t.db, { managerId: am.userId, price: '2.4500', points: 1 });
    const cfg = (await am.get('/api/metering/config')).body;
    const day = cfg.importRange.maxDay as string;
    const earlier = addDays(day, -1);
    const put = (gasDay: string, volumeM3: string, reason?: string) => am.put('/api/metering/deliveries', { deliveryPointId: c.points[0], gasDay, volumeM3, origin: 'manual', reason });

    expect((await put(day, '1000.000')).body.status).toBe('created');
    const run = await lead.post('/api/jobs/accounts.daily/run', { key: day });
    expect(run.body.status).toBe('succeeded');
    const first = lineAmountFen('1000.000', '2.4500');
    expect(await balance(t.db, c.id)).toBe(-first);

    // a correction of the charged day: the ledger follows without a manual re-run
    expect((await put(day, '1500.250', '表计复核')).body.status).toBe('corrected');
    const corrected = lineAmountFen('1500.250', '2.4500');
    expect(await eventually(() => balance(t.db, c.id), -corrected)).toBe(-corrected);

    // a late delivery for a day before the last run day is charged too
    expect((await put(earlier, '200.000')).body.status).toBe('created');
    const late = lineAmountFen('200.000', '2.4500');
    expect(await eventually(() => balance(t.db, c.id), -(corrected + late))).toBe(-(corrected + late));

    // the queue shows the reactions as done, visible to administrators
    const q = (await admin.get('/api/reactions?status=done')).body;
    expect(q.items.filter((r: any) => r.reaction === 'accounts.repriceChangedDays').length).toBeGreaterThanOrEqual(2);
    expect(q.counts.failed).toBe(0);
    // and only administrators/job runners may read it
    expect((await am.get('/api/reactions')).status).toBe(403);

    // the account shows the correction as an adjusting daily charge of that day
    const ledger = (await am.get(`/api/accounts/customers/${c.id}/transactions?pageSize=50`)).body;
    const charges = ledger.items.filter((x: any) => x.kind === 'daily_charge');
    expect(charges.length).toBe(3);
  });
});
