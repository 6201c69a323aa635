/** Use cases of the price book: tags, prices with effective dates, benchmark, reference prices. */
import { PRICE_CATEGORY_LABELS, type PriceCategory } from '@common/customers';
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { publish } from '../../platform/events/events';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { customerIdsByPriceCategory } from '../customers';
import { floatCap, isValidPrice } from './pricing.calc';
import { PE } from './pricing.errors';
import * as repo from './pricing.repo';
import type { Basis, Season } from './pricing.tables';

function assertPrice(field: string, value: string) {
  if (!isValidPrice(value)) throw new AppError(PE.PRICE_DECIMALS, { field, value });
}

export async function createTag(ctx: AppContext, input: { code: string; nameZh: string; nameEn: string; sort: number; active: boolean }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    if (await repo.findTag(trx, input.code)) throw new AppError(PE.PRICE_TAG_EXISTS, { code: input.code });
    await trx.insertInto('price_tags').values({ code: input.code, name_zh: input.nameZh, name_en: input.nameEn, sort: input.sort, active: input.active }).execute();
    await audit(trx, actor, { action: 'pricing.tag_create', entity: 'price_tag', entityId: input.code, after: input });
  });
}

export async function updateTag(ctx: AppContext, code: string, patch: { nameZh?: string; nameEn?: string; sort?: number; active?: boolean }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const before = await repo.findTag(trx, code);
    if (!before) throw new AppError('NOT_FOUND', { entity: { zh: '资源标签', en: 'Resource tag' } });
    await trx
      .updateTable('price_tags')
      .set({ name_zh: patch.nameZh ?? before.name_zh, name_en: patch.nameEn ?? before.name_en, sort: patch.sort ?? before.sort, active: patch.active ?? before.active })
      .where('code', '=', code)
      .execute();
    await audit(trx, actor, { action: 'pricing.tag_update', entity: 'price_tag', entityId: code, before, after: patch });
  });
}

export interface PriceInput {
  tag: string;
  category: PriceCategory;
  basis: Basis;
  season: Season;
  price: string;
  effectiveFrom: string;
  note?: string | null;
}

/**
 * Add a price with an effective date (history is append-only). Non-residential m³ prices are
 * checked against the benchmark city-gate price and its float cap in force on that date
 * (DOMAIN.md §4). The customers of the category get a price-change notice when notices exist.
 */
export async function addPrice(ctx: AppContext, input: PriceInput, actor: Actor) {
  assertPrice('price', input.price);
  return inTx(ctx.db, async (trx) => {
    const tag = await repo.findTag(trx, input.tag);
    if (!tag || !tag.active) throw new AppError(PE.PRICE_TAG_UNKNOWN, { tag: input.tag });
    const existing = await repo.findEntry(trx, input);
    if (existing) throw new AppError(PE.PRICE_EXISTS, { ...input, price: existing.price });
    if (input.category !== 'residential' && input.basis === 'm3') {
      const b = await repo.benchmarkOn(trx, input.effectiveFrom);
      if (b) {
        const cap = floatCap(b.price, b.float_cap_pct);
        if (dec(input.price).gt(cap)) throw new AppError(PE.PRICE_ABOVE_CAP, { price: input.price, benchmark: b.price, capPct: dec(b.float_cap_pct).toFixed(), cap, effectiveFrom: b.effective_from });
      }
    }
    const row = await trx
      .insertInto('price_entries')
      .values({
        tag: input.tag,
        category: input.category,
        basis: input.basis,
        season: input.season,
        price: input.price,
        effective_from: input.effectiveFrom,
        note: input.note ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'pricing.price_add', entity: 'price_entry', entityId: row.id, after: input });
    // a back-dated entry re-prices past days: settlement recomputes its locked months (adjustment lines)
    await publish(ctx, trx, 'pricing.pricesChanged', { fromDay: input.effectiveFrom, toDay: null, kind: 'price' });
    const notices = ctx.capabilities.notices;
    let notified = 0;
    if (notices) {
      const customerIds = await customerIdsByPriceCategory(trx, input.category);
      if (customerIds.length) {
        const cat = PRICE_CATEGORY_LABELS[input.category];
        const unit = input.basis === 'GJ' ? { zh: '元/GJ', en: 'yuan/GJ' } : { zh: '元/m³', en: 'yuan/m³' };
        const r = await notices.send(
          ctx,
          trx,
          {
            kind: 'price_change',
            title: { zh: `价格调整告知函：${tag.name_zh}（${cat.zh}）`, en: `Price change notice: ${tag.name_en} (${cat.en})` },
            body: {
              zh: `{customerName}：自 ${input.effectiveFrom} 起，${tag.name_zh}（${cat.zh}）价格调整为 ${input.price} ${unit.zh}。请签收回执。`,
              en: `{customerName}: from ${input.effectiveFrom} the price of ${tag.name_en} (${cat.en}) is ${input.price} ${unit.en}. Please return the receipt.`,
            },
            customerIds,
            requireReceipt: true,
            source: { module: 'pricing', entity: 'price_entry', id: row.id },
          },
          actor,
        );
        notified = r.recipients;
      }
    }
    return { id: row.id, notified };
  });
}

export async function addBenchmark(ctx: AppContext, input: { effectiveFrom: string; price: string; floatCapPct: string; note?: string | null }, actor: Actor) {
  assertPrice('price', input.price);
  if (!/^\d+(\.\d{1,3})?$/.test(input.floatCapPct)) throw new AppError(PE.PRICE_DECIMALS, { field: 'floatCapPct', value: input.floatCapPct });
  return inTx(ctx.db, async (trx) => {
    const dup = await trx.selectFrom('price_benchmarks').select('id').where('effective_from', '=', input.effectiveFrom).executeTakeFirst();
    if (dup) throw new AppError(PE.BENCHMARK_EXISTS, { effectiveFrom: input.effectiveFrom });
    const row = await trx
      .insertInto('price_benchmarks')
      .values({ effective_from: input.effectiveFrom, price: input.price, float_cap_pct: input.floatCapPct, note: input.note ?? null, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'pricing.benchmark_add', entity: 'price_benchmark', entityId: row.id, after: input });
    return { id: row.id };
  });
}

/** Set the month's reference price (used when the month had no real online trades). */
function lastDayOf(month: string): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

export async function setReferencePrice(ctx: AppContext, input: { month: string; basis: Basis; price: string }, actor: Actor) {
  assertPrice('price', input.price);
  return inTx(ctx.db, async (trx) => {
    const before = await repo.referencePriceOf(trx, input.month, input.basis);
    await trx
      .insertInto('price_reference_months')
      .values({ month: `${input.month}-01`, basis: input.basis, price: input.price, created_by: actor.userId })
      .onConflict((oc) => oc.columns(['month', 'basis']).doUpdateSet({ price: input.price, created_by: actor.userId, created_at: new Date() }))
      .execute();
    await audit(trx, actor, { action: 'pricing.reference_set', entity: 'price_reference', entityId: `${input.month}/${input.basis}`, before, after: input });
    await publish(ctx, trx, 'pricing.pricesChanged', { fromDay: `${input.month}-01`, toDay: lastDayOf(input.month), kind: 'reference' });
  });
}
