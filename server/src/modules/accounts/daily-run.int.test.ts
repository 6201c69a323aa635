import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balance, balanceDrift, makeBilledCustomer, notificationsOf, unbalancedTransactions } from './testing/factory';
import { setDelivery } from '../metering/testing/factory';
import { assignManager } from '../customers/testing/factory';
import type { LevelChangeEvent } from './index';
import type { QikeModule } from '../../platform/module';

let t: TestApp;
let finance: Client;
let lead: Client;
const run = (key: string) => lead.post('/api/jobs/accounts.daily/run', { key });

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient(['finance']);
  lead = await t.userClient(['sales_lead']);
});
afterAll(async () => t?.close());

describe('daily run', () => {
  it('charges volume × price per customer-day, is idempotent, and posts only the difference after a correction', async () => {
    const c = await makeBilledCustomer(t.db, { price: '2.4500' });
    await setDelivery(t.db, c.id, c.points[0], '2026-02-01', '1000.500');
    await setDelivery(t.db, c.id, c.points[1], '2026-02-01', '234.178');
    const r1 = await run('2026-02-01');
    expect(r1.body.status).toBe('succeeded');
    const expected = lineAmountFen('1234.678', '2.4500'); // 3024.9611 → 3024.96 元
    expect(expected).toBe(302_496);
    expect(await balance(t.db, c.id)).toBe(-expected);
    // re-run: nothing changes
    const r2 = await run('2026-02-01');
    expect(r2.body.result.transactions).toBe(0);
    expect(await balance(t.db, c.id)).toBe(-expected);
    // correction of one point's volume → only the difference is posted
    await setDelivery(t.db, c.id, c.points[1], '2026-02-01', '300.000');
    const r3 = await run('2026-02-01');
    expect(r3.body.result.corrections).toBeGreaterThanOrEqual(1);
    const corrected = lineAmountFen('1300.500', '2.4500');
    expect(await balance(t.db, c.id)).toBe(-corrected);
    const txs = await finance.get(`/api/accounts/customers/${c.id}/transactions`);
    expect(txs.body.items.map((x: any) => x.amountFen)).toEqual([-(corrected - expected), -expected]);
    expect(txs.body.items[0].note).toContain('更正');
    expect((await run('2026-02-01')).body.result.transactions).toBe(0);
    expect(await balance(t.db, c.id)).toBe(-corrected);
    expect(await unbalancedTransactions(t.db)).toBe(0);
    expect(await balanceDrift(t.db)).toBe(0);
  });

  it('does not charge customers without a provisional price, and reports them', async () => {
    const c = await makeBilledCustomer(t.db);
    await setDelivery(t.db, c.id, c.points[0], '2026-02-02', '500');
    const r = await run('2026-02-02');
    expect(r.body.result.missingPrice).toBeGreaterThanOrEqual(1);
    expect(await balance(t.db, c.id)).toBe(0);
  });

  it('rounds in SQL exactly like lineAmountFen (half-up once per customer-day)', async () => {
    const samples: [string, string, string][] = [
      ['0.002', '2.5000', '0.000'],
      ['1.001', '2.4950', '0.001'],
      ['123.455', '3.1000', '0.045'],
      ['99999.999', '2.9999', '0.001'],
      ['0.200', '0.0250', '0.000'],
    ];
    const cs = [];
    for (const [a, price, b] of samples) {
      const c = await makeBilledCustomer(t.db, { price });
      await setDelivery(t.db, c.id, c.points[0], '2026-02-03', a);
      await setDelivery(t.db, c.id, c.points[1], '2026-02-03', b);
      cs.push(c);
    }
    await run('2026-02-03');
    for (let i = 0; i < samples.length; i++) {
      const [a, price, b] = samples[i];
      const v = (await sql<{ v: string }>`SELECT (${a}::numeric + ${b}::numeric)::text AS v`.execute(t.db)).rows[0].v;
      expect(await balance(t.db, cs[i].id)).toBe(-lineAmountFen(v, price));
    }
  });

  it('refuses to post into a closed period', async () => {
    const c = await makeBilledCustomer(t.db, { price: '2.0000' });
    await setDelivery(t.db, c.id, c.points[0], '2025-06-10', '100');
    await lead.post('/api/accounts/periods/2025-06/close', {});
    const r = await run('2025-06-10');
    expect(r.body.status).toBe('failed');
    expect(r.body.error).toBe('PERIOD_CLOSED');
    expect(await balance(t.db, c.id)).toBe(0);
  });
});

describe('levels and crossings', () => {
  it('notifies each active manager exactly once per crossing into a worse level, and recovers on payment', async () => {
    const am = await t.userClient(['account_manager']);
    const pt = await t.userClient(['part_time_manager']);
    const old = await t.userClient(['account_manager']);
    const c = await makeBilledCustomer(t.db, { managerId: am.userId, partTimeIds: [pt.userId], price: '2.0000', points: 1 });
    // a former manager, unassigned: gets nothing
    await assignManager(t.db, c.id, old.userId, 'part_time', { unassignedAt: new Date() });
    const events: LevelChangeEvent[] = [];
    // a module declaring an in-transaction reaction to the level change (as procedures does)
    const observer: QikeModule = {
      name: 'test-observer',
      reactions: [
        {
          event: 'accounts.levelChanged',
          name: 'test.observeLevels',
          mode: 'inTransaction',
          handle: async (_ctx, trx, e) => {
            if (e.customerId !== c.id) return;
            // runs inside the transaction that changes the level: the new level is visible
            const row = await trx.selectFrom('customer_payment_levels').select('level').where('customer_id', '=', c.id).executeTakeFirstOrThrow();
            expect(row.level).toBe(e.to);
            events.push(e);
          },
        },
      ],
    };
    t.built.ctx.modules.push(observer);
    const off = () => t.built.ctx.modules.splice(t.built.ctx.modules.indexOf(observer), 1);
    try {
      // 1,000 m³ × 2 元 = 2,000 元 a day; prepay 10,000 元 → after day 1: 8,000 元 = 4 days → 预警
      await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 1_000_000, bankRef: `LV-${c.id}-1`, valueDate: '2026-04-01' });
      for (let d = 1; d <= 7; d++) await setDelivery(t.db, c.id, c.points[0], `2026-04-0${d}`, '1000');
      await run('2026-04-01');
      // window of 7 days holds only 2,000 元 so far → average 285.71 元 → 28 days → 正常
      let s = (await am.get(`/api/accounts/customers/${c.id}`)).body;
      expect(s.level).toBe('normal');
      for (let d = 2; d <= 7; d++) await run(`2026-04-0${d}`);
      // 7 days charged: balance 10,000 − 14,000 = −4,000 元 → 停气 ; check the walk: day 4 → 预警? see history
      const changes = await t.db.selectFrom('payment_level_changes').select(['gas_day', 'from_level', 'to_level']).where('customer_id', '=', c.id).orderBy('id').execute();
      expect(changes.map((x) => `${x.gas_day}:${x.to_level}`)).toEqual(['2026-04-03:warning', '2026-04-04:reduce', '2026-04-05:stop']);
      s = (await am.get(`/api/accounts/customers/${c.id}`)).body;
      expect(s.level).toBe('stop');
      expect(s.balanceFen).toBe(-400_000);
      expect(s.receivableFen).toBe(400_000);
      expect(s.availableDays).toBe('-2.0');
      for (const u of [am, pt]) {
        const n = await notificationsOf(t.db, u.userId, c.id);
        expect(n.map((x) => x.dedupe_key)).toEqual([`level:${c.id}:warning:2026-04-03`, `level:${c.id}:reduce:2026-04-04`, `level:${c.id}:stop:2026-04-05`]);
      }
      expect(await notificationsOf(t.db, old.userId, c.id)).toEqual([]);
      // re-running days changes nothing and notifies no one again
      await run('2026-04-07');
      await run('2026-04-05');
      expect((await notificationsOf(t.db, am.userId, c.id)).length).toBe(3);
      // a payment lifts the balance: the level is recomputed at once → 正常
      const p = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 5_000_000, bankRef: `LV-${c.id}-2`, valueDate: '2026-04-08' });
      expect(p.body.status.level).toBe('normal');
      expect(p.body.status.availableDays).toBe('23.0'); // 46,000 元 / 2,000 元
      expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['normal>warning', 'warning>reduce', 'reduce>stop', 'stop>normal']);
      expect((await notificationsOf(t.db, am.userId, c.id)).length).toBe(3);
    } finally {
      off();
    }
  });

  it('applies per-customer thresholds and lists the board by risk within the user’s scope', async () => {
    const am = await t.userClient(['account_manager']);
    const a = await makeBilledCustomer(t.db, { managerId: am.userId, price: '1.0000', points: 1, name: '看板甲' });
    const b = await makeBilledCustomer(t.db, { price: '1.0000', points: 1, name: '看板乙' });
    for (const c of [a, b]) {
      await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 700_000, bankRef: `BD-${c.id}`, valueDate: '2026-05-01' });
      for (let d = 1; d <= 7; d++) await setDelivery(t.db, c.id, c.points[0], `2026-05-0${d}`, '1000');
    }
    for (let d = 1; d <= 7; d++) await run(`2026-05-0${d}`);
    // both: balance 7,000 − 7,000 = 0 → 停气 ; pay 6,000 元 to a → 6 days → 正常
    await finance.post('/api/accounts/payments', { customerId: a.id, amountFen: 600_000, bankRef: `BD-${a.id}-2`, valueDate: '2026-05-08' });
    expect((await am.get(`/api/accounts/customers/${a.id}`)).body.level).toBe('normal');
    const th = await lead.put(`/api/accounts/customers/${a.id}/thresholds`, { warnDays: '10', reduceDays: null, avgDays: null });
    expect(th.status).toBe(200);
    expect(th.body.effective).toEqual({ warnDays: '10.00', reduceDays: '2', avgDays: 7 });
    expect((await am.get(`/api/accounts/customers/${a.id}`)).body.level).toBe('warning');
    const bad = await lead.put(`/api/accounts/customers/${a.id}/thresholds`, { warnDays: '1', reduceDays: '3', avgDays: null });
    expect(bad.body.code).toBe('THRESHOLDS_INVALID');
    // scope: the manager sees only its own customer; finance sees both, b (停气) before a (预警)
    const mine = await am.get('/api/accounts/board');
    expect(mine.body.items.map((x: any) => x.customerId)).toEqual([a.id]);
    expect((await am.get(`/api/accounts/customers/${b.id}`)).status).toBe(403);
    const all = await finance.get('/api/accounts/board?pageSize=500');
    const ids = all.body.items.map((x: any) => x.customerId);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const levels = all.body.items.map((x: any) => x.level);
    const rank = { stop: 0, reduce: 1, warning: 2, normal: 3 } as any;
    expect([...levels].sort((x, y) => rank[x] - rank[y])).toEqual(levels);
    const onlyWarn = await finance.get('/api/accounts/board?level=warning&pageSize=500');
    expect(onlyWarn.body.items.every((x: any) => x.level === 'warning')).toBe(true);
    expect(onlyWarn.body.items.map((x: any) => x.customerId)).toContain(a.id);
    const byManager = await finance.get(`/api/accounts/board?managerId=${am.userId}`);
    expect(byManager.body.items.map((x: any) => x.customerId)).toEqual([a.id]);
    const xlsx = await finance.get('/api/accounts/board/export');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('statement of account', () => {
  it('opening + movements = closing, for any period; Excel and PDF', async () => {
    const c = await makeBilledCustomer(t.db, { price: '3.0000', points: 1 });
    await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 1_000_000, bankRef: `ST-${c.id}-1`, valueDate: '2026-06-01' });
    await setDelivery(t.db, c.id, c.points[0], '2026-06-02', '100');
    await setDelivery(t.db, c.id, c.points[0], '2026-06-03', '200');
    await run('2026-06-02');
    await run('2026-06-03');
    const p2 = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 50_000, bankRef: `ST-${c.id}-2`, valueDate: '2026-06-03' });
    await finance.post(`/api/accounts/transactions/${p2.body.transaction.id}/reverse`, { reason: '退票', businessDate: '2026-06-04' });
    await finance.post('/api/accounts/refunds', { customerId: c.id, amountFen: 1_000, businessDate: '2026-06-04' });
    const s = await finance.get(`/api/accounts/customers/${c.id}/statement?from=2026-06-02&to=2026-06-30`);
    expect(s.status).toBe(200);
    expect(s.body.totals).toEqual({ openingFen: 1_000_000, paymentsFen: 0, chargesFen: 90_000, adjustmentsFen: 0, refundsFen: 1_000, closingFen: 909_000 });
    expect(s.body.lines.at(-1).balanceFen).toBe(909_000);
    expect(await balance(t.db, c.id)).toBe(909_000);
    const whole = await finance.get(`/api/accounts/customers/${c.id}/statement?from=2026-01-01&to=2026-12-31`);
    expect(whole.body.totals.paymentsFen).toBe(1_000_000);
    expect(whole.body.totals.openingFen + whole.body.totals.paymentsFen - whole.body.totals.chargesFen + whole.body.totals.adjustmentsFen - whole.body.totals.refundsFen).toBe(
      whole.body.totals.closingFen,
    );
    const bad = await finance.get(`/api/accounts/customers/${c.id}/statement?from=2026-07-01&to=2026-06-01`);
    expect(bad.body.code).toBe('STATEMENT_RANGE');
    const x = await finance.get(`/api/accounts/customers/${c.id}/statement.xlsx?from=2026-06-01&to=2026-06-30`);
    expect(x.status).toBe(200);
    expect((x.body as Uint8Array).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const pdf = await finance.get(`/api/accounts/customers/${c.id}/statement.pdf?from=2026-06-01&to=2026-06-30`);
    if (pdf.status === 200) expect(new TextDecoder().decode((pdf.body as Uint8Array).slice(0, 5))).toBe('%PDF-');
    else expect(pdf.body.code).toBe('PDF_FONT_MISSING');
  });
});
