/**
 * Demo data (order 200, after customers): two years of daily deliveries ending ctx.lastDay for
 * every demo delivery point, daily gas quality per supply source (GCV 34–39 MJ/m³; three sources
 * by a lab composition every other day via GB/T 11062), monthly plans, recent daily nominations
 * and contract daily maxima. Values are built in memory and inserted set-based in batches (unnest).
 */
import { sql } from 'kysely';
import { dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import type { Tx } from '../../platform/db/database';
import { addDays, dayRange } from './gas-day.calc';
import { demoComposition, demoDeliveries, type DemoDay, type DemoPoint } from './demo-data';
import { computeQuality } from './gas-quality.calc';
import { upsertQuality, type QualityValues } from './quality.repo';
import { customerBasics, deliveryPointBasics, supplySourceBasics } from '../customers';

const BATCH = 10_000;

async function insertDeliveries(db: Tx, rows: DemoDay[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = rows.slice(i, i + BATCH);
    await sql`INSERT INTO daily_deliveries (customer_id, delivery_point_id, gas_day, volume_m3, origin)
      SELECT * FROM unnest(${c.map((r) => r.customerId)}::bigint[], ${c.map((r) => r.pointId)}::bigint[], ${c.map((r) => r.gasDay)}::date[], ${c.map((r) => r.volume)}::numeric[], ${c.map((r) => r.origin)}::text[])`.execute(
      db,
    );
  }
}

export const meteringDemo = {
  order: 200,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const points: DemoPoint[] = (
      await sql<{ id: number; customer_id: number; type: string; status: string }>`
        SELECT dp.id, dp.customer_id, c.type, c.status FROM ${deliveryPointBasics()} dp JOIN ${customerBasics()} c ON c.id = dp.customer_id
        WHERE c.status IN ('active', 'restricted', 'closed') ORDER BY dp.customer_id, dp.id`.execute(db)
    ).rows.map((r) => ({ pointId: Number(r.id), customerId: Number(r.customer_id), type: r.type, status: r.status }));
    if (!points.length) {
      ctx.log('metering demo: no delivery points — skipped');
      return;
    }
    const to = ctx.lastDay;
    const from = addDays(to, -729);
    const rows: DemoDay[] = [];
    demoDeliveries(points, from, to, ctx.rng('metering.deliveries'), (r) => rows.push(r));
    await insertDeliveries(db, rows);

    await demoQuality(ctx, from, to);
    await demoPlans(ctx, rows, from, to);
    ctx.log(`metering demo: ${rows.length} daily deliveries for ${points.length} delivery points`);
  },
};

/** Daily quality for the root sources (and now and then a well station); three roots by composition. */
async function demoQuality(ctx: DemoContext, from: string, to: string) {
  const rng = ctx.rng('metering.quality');
  const sources = await ctx.app.db.selectFrom(supplySourceBasics().as('s')).select(['id', 'parent_id', 'kind']).orderBy('id').execute();
  const roots = sources.filter((s) => s.parent_id == null);
  const stations = sources.filter((s) => s.parent_id != null && s.kind === 'well_station');
  const days = dayRange(from, to);
  const values: (QualityValues & { sourceId: number })[] = [];
  roots.forEach((s, idx) => {
    const byComposition = idx < 3;
    let gcv = 34.6 + rng.next() * 3.8; // shape only
    for (const day of days) {
      gcv = Math.min(38.9, Math.max(34.1, gcv + rng.normal() * 0.05));
      if (rng.chance(0.01)) continue; // no report that day: the previous day's GCV applies (lookback)
      if (byComposition) {
        // Lab compositions every other day; the day between takes the previous value (lookback).
        if (daysFrom(day) % 2 === 1) continue;
        const composition = demoComposition(rng);
        const q = computeQuality(composition as any);
        values.push({
          sourceId: s.id,
          gasDay: day,
          method: 'composition',
          gcv: q.gcvMJm3,
          ncv: q.ncvMJm3,
          relativeDensity: q.relativeDensity,
          wobbe: q.wobbeMJm3,
          density: q.densityKgm3,
          z: q.z,
          molarMass: q.molarMass,
          composition,
        });
      } else values.push(reportRow(s.id, day, gcv));
    }
  });
  for (const s of stations.filter(() => rng.chance(0.3))) {
    const gcv = 34.5 + rng.next() * 4;
    for (const day of days) if (rng.chance(0.2)) values.push(reportRow(s.id, day, gcv + rng.normal() * 0.1));
  }
  for (let i = 0; i < values.length; i += BATCH) await upsertQuality(ctx.app.db, values.slice(i, i + BATCH), null);
}

const daysFrom = (day: string) => Math.round(Date.parse(day + 'T00:00:00Z') / 86_400_000);

function reportRow(sourceId: number, gasDay: string, gcv: number): QualityValues & { sourceId: number } {
  const text = dec(Math.round(gcv * 10_000))
    .div(10_000)
    .toFixed(4);
  return { sourceId, gasDay, method: 'report', gcv: text, ncv: null, relativeDensity: null, wobbe: null, density: null, z: null, molarMass: null, composition: null };
}

/** Monthly plans near the actual use, daily nominations for the last two weeks, contract maxima. */
async function demoPlans(ctx: DemoContext, rows: DemoDay[], from: string, to: string) {
  const rng = ctx.rng('metering.plans');
  const monthly = new Map<string, number>(); // customer|month → Σ m³ (shape only)
  const daily = new Map<string, number>(); // customer|day
  for (const r of rows) {
    const v = Number(r.volume);
    const mk = `${r.customerId}|${r.gasDay.slice(0, 7)}`;
    monthly.set(mk, (monthly.get(mk) ?? 0) + v);
    const dk = `${r.customerId}|${r.gasDay}`;
    daily.set(dk, (daily.get(dk) ?? 0) + v);
  }
  const customers = [...new Set(rows.map((r) => r.customerId))].sort((a, b) => a - b);
  const mRows: { c: number; m: string; p: string }[] = [];
  for (const [k, v] of [...monthly].sort()) {
    const [c, m] = k.split('|');
    if (m < from.slice(0, 7)) continue;
    mRows.push({ c: Number(c), m, p: String(Math.round(v * (0.92 + rng.next() * 0.18))) });
  }
  const dRows: { c: number; d: string; p: string }[] = [];
  const lRows: { c: number; max: string }[] = [];
  const recent = dayRange(addDays(to, -13), to);
  for (const c of customers) {
    const last30 = dayRange(addDays(to, -30), to).map((d) => daily.get(`${c}|${d}`) ?? 0);
    const typical = last30.reduce((a, b) => a + b, 0) / last30.length;
    if (typical > 0 && rng.chance(0.6)) for (const d of recent) dRows.push({ c, d, p: String(Math.round(typical * (0.95 + rng.next() * 0.12))) });
    let peak = 0;
    for (const d of dayRange(addDays(to, -365), to)) peak = Math.max(peak, daily.get(`${c}|${d}`) ?? 0);
    const factor = rng.chance(0.06) ? 0.9 : 1.05 + rng.next() * 0.25;
    if (peak > 0) lRows.push({ c, max: String(Math.max(1, Math.round(peak * factor))) });
  }
  const db = ctx.app.db;
  for (let i = 0; i < mRows.length; i += BATCH) {
    const b = mRows.slice(i, i + BATCH);
    await sql`INSERT INTO customer_monthly_plans (customer_id, month, planned_m3) SELECT * FROM unnest(${b.map((r) => r.c)}::bigint[], ${b.map((r) => r.m)}::text[], ${b.map((r) => r.p)}::numeric[])`.execute(
      db,
    );
  }
  if (dRows.length)
    await sql`INSERT INTO customer_daily_plans (customer_id, gas_day, planned_m3) SELECT * FROM unnest(${dRows.map((r) => r.c)}::bigint[], ${dRows.map((r) => r.d)}::date[], ${dRows.map((r) => r.p)}::numeric[])`.execute(
      db,
    );
  if (lRows.length)
    await sql`INSERT INTO customer_contract_limits (customer_id, daily_max_m3) SELECT * FROM unnest(${lRows.map((r) => r.c)}::bigint[], ${lRows.map((r) => r.max)}::numeric[])`.execute(db);
}
