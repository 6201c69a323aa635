/**
 * Nominations keep their references without row-level foreign keys (migration
 * 202612080401_plans_nominations_statement_checks): one check per statement refuses an unknown
 * customer or entering user — on insert and on the upsert's update — and writes nothing; a customer
 * or user with nominations cannot be deleted (what the foreign keys also guaranteed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCustomer } from '../customers/testing/factory';
import { nominations, upsertNominations } from './plans.repo';

let t: TestApp;
let userId: number;
let customer: { id: number };
const NONE = 987_654_321;

beforeAll(async () => {
  t = await startTestApp();
  userId = (await t.userClient(['sales_lead'])).userId;
  customer = await makeCustomer(t.db, { name: '指定完整性测试公司' });
  await upsertNominations(t.db, [{ customerId: customer.id, gasDay: '2099-05-01', volumeM3: '10' }], 'api', userId);
});
afterAll(async () => t?.close());

const fkError = (message: RegExp) => expect.objectContaining({ code: '23503', message: expect.stringMatching(message) });

describe('nominations without row-level foreign keys', () => {
  it('refuse an unknown customer or user in the statement, insert or update, and write none of its rows', async () => {
    const day = (d: number) => `2099-05-${String(d).padStart(2, '0')}`;
    await expect(
      upsertNominations(
        t.db,
        [
          { customerId: customer.id, gasDay: day(2), volumeM3: '1' },
          { customerId: NONE, gasDay: day(2), volumeM3: '1' },
        ],
        'import',
        userId,
      ),
    ).rejects.toEqual(fkError(/customer 987654321 does not exist/));
    await expect(upsertNominations(t.db, [{ customerId: customer.id, gasDay: day(3), volumeM3: '1' }], 'import', NONE)).rejects.toEqual(fkError(/user 987654321 does not exist/));
    // the existing day: ON CONFLICT updates it, and the update is checked too
    await expect(upsertNominations(t.db, [{ customerId: customer.id, gasDay: day(1), volumeM3: '2' }], 'import', NONE)).rejects.toEqual(fkError(/user 987654321 does not exist/));
    const rows = await nominations(t.db, [customer.id], day(1), day(31));
    expect(rows.map((r) => [r.gas_day, r.volume_m3, r.source])).toEqual([[day(1), '10.000', 'api']]);
    // and a valid update still goes through (null user: the API's system writes)
    await upsertNominations(t.db, [{ customerId: customer.id, gasDay: day(1), volumeM3: '3' }], 'import', null);
    expect((await nominations(t.db, [customer.id], day(1), day(1)))[0].volume_m3).toBe('3.000');
  });

  it('keep a customer or a user that has nominations from being deleted', async () => {
    await expect(t.db.deleteFrom('customers').where('id', '=', customer.id).execute()).rejects.toEqual(fkError(/customers \d+ is referenced by nominations.customer_id/));
    const other = await makeCustomer(t.db, { name: '无指定测试公司' });
    await t.db.deleteFrom('customers').where('id', '=', other.id).execute(); // no nominations: not in the way
    await upsertNominations(t.db, [{ customerId: customer.id, gasDay: '2099-06-01', volumeM3: '1' }], 'api', userId);
    await expect(t.db.deleteFrom('users').where('id', '=', userId).execute()).rejects.toEqual(fkError(/users \d+ is referenced by nominations.entered_by/));
  });
});
