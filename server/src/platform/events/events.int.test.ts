/**
 * The durable reaction queue: after-commit delivery, rollback, retry with back-off, give-up alert,
 * manual retry. The test drains with drainSoon, which waits for a drain already started after a
 * commit (on PostgreSQL it runs concurrently and would otherwise skip the row it has locked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import type { AppContext, QikeModule } from '../module';
import { inTx } from '../db/database';
import { backoffSeconds, drainSoon, MAX_ATTEMPTS, publish } from './events';

let t: TestApp;
let ctx: AppContext;
let admin: Client;
const seen: string[] = [];
let failuresLeft = 0;

const testModule: QikeModule = {
  name: 'events-test',
  reactions: [
    {
      event: 'metering.deliveriesChanged',
      name: 'test.flaky',
      mode: 'queued',
      handle: async (_ctx, _trx, e) => {
        if (e.channel !== 'events-test') return;
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('upstream unavailable');
        }
        seen.push(e.gasDays.join(','));
      },
    },
    {
      event: 'metering.deliveriesChanged',
      name: 'test.strict',
      mode: 'inTransaction',
      handle: async (_ctx, _trx, e) => {
        if (e.channel === 'events-test' && e.gasDays.includes('refuse')) throw new Error('refused in transaction');
      },
    },
  ],
};

const rows = async () =>
  (
    await sql<{
      id: number;
      status: string;
      attempts: number;
      last_error: string | null;
    }>`SELECT id, status, attempts, last_error FROM reaction_queue WHERE reaction = 'test.flaky' ORDER BY id`.execute(ctx.db)
  ).rows;
const makeDue = () => sql`UPDATE reaction_queue SET next_attempt_at = now() WHERE status = 'pending'`.execute(ctx.db);

beforeAll(async () => {
  t = await startTestApp();
  ctx = t.built.ctx;
  ctx.modules.push(testModule);
  admin = await t.userClient(['admin']);
});
afterAll(async () => {
  ctx.modules.splice(ctx.modules.indexOf(testModule), 1);
  await t?.close();
});

describe('reactions', () => {
  it('queues in the publisher transaction, runs after commit, and nothing on rollback', async () => {
    await expect(
      inTx(ctx.db, async (trx) => {
        await publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [1], gasDays: ['rolled-back'], channel: 'events-test' });
        throw new Error('publisher fails');
      }),
    ).rejects.toThrow('publisher fails');
    expect(await rows()).toEqual([]);

    await inTx(ctx.db, (trx) => publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [1], gasDays: ['2026-01-01'], channel: 'events-test' }));
    await drainSoon(ctx);
    expect(seen).toContain('2026-01-01');
    expect((await rows()).map((r) => r.status)).toEqual(['done']);
  });

  it('an in-transaction reaction that fails rolls the publisher back', async () => {
    await expect(inTx(ctx.db, (trx) => publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [1], gasDays: ['refuse'], channel: 'events-test' }))).rejects.toThrow('refused in transaction');
    expect((await rows()).length).toBe(1); // the queued part was rolled back too
  });

  it('retries with back-off, then gives up, alerts administrators and can be retried by hand', async () => {
    expect([1, 2, 3, 10].map(backoffSeconds)).toEqual([5, 20, 80, 3600]);
    failuresLeft = 2;
    await inTx(ctx.db, (trx) => publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [1], gasDays: ['2026-01-02'], channel: 'events-test' }));
    await drainSoon(ctx);
    let r = (await rows()).at(-1)!;
    expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: 'upstream unavailable' });
    await drainSoon(ctx); // not due yet: back-off holds it
    expect((await rows()).at(-1)!.attempts).toBe(1);
    await makeDue();
    await drainSoon(ctx);
    await makeDue();
    await drainSoon(ctx);
    r = (await rows()).at(-1)!;
    expect(r).toMatchObject({ status: 'done', attempts: 3 });
    expect(seen).toContain('2026-01-02');

    // a reaction that keeps failing: after MAX_ATTEMPTS it stops, alerts and shows as failed
    failuresLeft = 1000;
    await inTx(ctx.db, (trx) => publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [1], gasDays: ['2026-01-03'], channel: 'events-test' }));
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await makeDue();
      await drainSoon(ctx);
    }
    r = (await rows()).at(-1)!;
    expect(r).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const list = (await admin.get('/api/reactions?status=failed')).body;
    expect(list.counts.failed).toBe(1);
    expect(list.items[0]).toMatchObject({ reaction: 'test.flaky', lastError: 'upstream unavailable' });
    const alerts = (await admin.get('/api/notifications')).body;
    expect(JSON.stringify(alerts)).toContain('test.flaky');

    failuresLeft = 0;
    expect((await admin.post(`/api/reactions/${r.id}/retry`)).status).toBe(200);
    await drainSoon(ctx);
    expect((await rows()).at(-1)!.status).toBe('done');
    expect(seen).toContain('2026-01-03');
    expect((await admin.post(`/api/reactions/${r.id}/retry`)).status).toBe(404); // only failed ones
  });
});
