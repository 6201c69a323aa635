/**
 * The contracts port serves m³ and GJ contracts: the daily quantity in the contract's basis, and in
 * m³ converted with metering's GCV of the customer and day (V = E × 1000 / GCV, DOMAIN.md §2); a
 * GJ contract without a known GCV gives no m³ figure (null), never a guess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeCustomer, makeSupplySource } from '../customers/testing/factory';
import { setQuality } from '../metering/testing/factory';
import { contract, yearMonths } from '../settlement/test/factory';

const Y = new Date().getUTCFullYear() - 1;
const DAY = `${Y}-04-10`; // April: 30 days
let t: TestApp;
let lead: Client;

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
});
afterAll(async () => t?.close());

describe('contracts port', () => {
  it('serves GJ contracts converted with the day’s GCV, and m³ contracts as they are', async () => {
    const db = t.built.ctx.db;
    const src = await makeSupplySource(db);
    await setQuality(db, src.id, DAY, '36.000000');
    const gj = await makeCustomer(db, { sources: [src.id] });
    const m3 = await makeCustomer(db, { sources: [src.id] });
    const noGcv = await makeCustomer(db, { sources: [null] });
    const year = { yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12` };
    await contract(lead, { ...year, customerId: gj.id, contractNo: `HT-GJ-${gj.id}`, basis: 'GJ', months: yearMonths(Y, '1080') });
    await contract(lead, { ...year, customerId: m3.id, contractNo: `HT-M3-${m3.id}`, months: yearMonths(Y, '30000') });
    await contract(lead, { ...year, customerId: noGcv.id, contractNo: `HT-GJN-${noGcv.id}`, basis: 'GJ', months: yearMonths(Y, '900') });
    const port = t.built.ctx.capabilities.contracts!;
    const rows = await db.transaction().execute((trx) => port.contractedDaily(trx, [gj.id, m3.id, noGcv.id], DAY));
    const by = new Map(rows.map((r) => [r.customerId, r]));
    // 1080 GJ / 30 days = 36 GJ a day; at 36 MJ/m³: 36 × 1000 / 36 = 1000 m³
    expect(by.get(gj.id)).toEqual({ customerId: gj.id, basis: 'GJ', quantity: '36.000', volumeM3: '1000.000', gcvMJm3: '36.000000' });
    expect(by.get(m3.id)).toEqual({ customerId: m3.id, basis: 'm3', quantity: '1000.000', volumeM3: '1000.000', gcvMJm3: null });
    expect(by.get(noGcv.id)).toEqual({ customerId: noGcv.id, basis: 'GJ', quantity: '30.000', volumeM3: null, gcvMJm3: null });
  });
});
