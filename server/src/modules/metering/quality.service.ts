/**
 * Gas quality per supply source and gas day (issue 4 item 3): either the GCV from the quality
 * report, or a composition (mole fractions) from which GCV, NCV, relative density and Wobbe index
 * are computed per GB/T 11062 (gas-quality.calc.ts) and stored with the composition.
 * A batch is all-or-nothing; every error names its row and field.
 */
import type { Lang } from '@common/lang';
import { dec, isDecimalString } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { COMPONENTS, CompositionError, computeQuality, type Composition } from './gas-quality.calc';
import { isValidDay, parseDay } from './ingest.calc';
import { importableDays } from './ingest.service';
import { ME, rowMessage, type RowError } from './metering.errors';
import * as repo from './quality.repo';

export interface QualityRowInput {
  supplySourceId?: number;
  sourceCode?: string;
  gasDay: string;
  gcvMJm3?: string | null;
  composition?: Record<string, string> | null;
}

const GCV_MIN = dec(20);
const GCV_MAX = dec(60);

/** Validate and compute one row; pushes row errors, returns the values to store or null. */
export function evaluateQualityRow(input: QualityRowInput, row: number, sourceId: number | undefined, range: { minDay: string; maxDay: string }, errors: RowError[]): repo.QualityValues | null {
  const before = errors.length;
  if (sourceId === undefined) {
    const value = input.sourceCode ?? input.supplySourceId;
    errors.push(value == null ? { row, field: 'sourceCode', code: 'REQUIRED' } : { row, field: 'sourceCode', code: 'UNKNOWN_SOURCE', params: { value } });
  }
  const day = parseDay(input.gasDay);
  if (!input.gasDay) errors.push({ row, field: 'gasDay', code: 'REQUIRED' });
  else if (!day || !isValidDay(day)) errors.push({ row, field: 'gasDay', code: 'BAD_DATE', params: { value: input.gasDay } });
  else if (day > range.maxDay) errors.push({ row, field: 'gasDay', code: 'FUTURE_DAY', params: { value: day, max: range.maxDay } });
  else if (day < range.minDay) errors.push({ row, field: 'gasDay', code: 'TOO_OLD', params: { value: day, min: range.minDay } });

  const hasGcv = input.gcvMJm3 != null && input.gcvMJm3 !== '';
  const hasComp = input.composition != null && Object.keys(input.composition).length > 0;
  if (hasGcv === hasComp) {
    errors.push({ row, field: 'gcvMJm3', code: 'GCV_XOR_COMPOSITION' });
    return null;
  }
  if (hasGcv) {
    const g = String(input.gcvMJm3).trim();
    if (!isDecimalString(g)) errors.push({ row, field: 'gcvMJm3', code: 'BAD_NUMBER', params: { value: g } });
    else if (dec(g).lt(GCV_MIN) || dec(g).gt(GCV_MAX)) errors.push({ row, field: 'gcvMJm3', code: 'GCV_RANGE', params: { value: g } });
    else if (dec(g).decimalPlaces() > 6) errors.push({ row, field: 'gcvMJm3', code: 'TOO_PRECISE', params: { dp: 6, value: g } });
    if (errors.length > before) return null;
    return { method: 'report', gcv: dec(g).toFixed(), ncv: null, relativeDensity: null, wobbe: null, density: null, z: null, molarMass: null, composition: null, gasDay: day! };
  }
  const comp: Composition = {};
  for (const [k, v] of Object.entries(input.composition!)) {
    const s = String(v ?? '').trim();
    if (!(COMPONENTS as readonly string[]).includes(k)) errors.push({ row, field: 'composition', code: 'COMPOSITION_UNKNOWN_COMPONENT', params: { detail: k } });
    else if (!isDecimalString(s)) errors.push({ row, field: `composition.${k}`, code: 'BAD_NUMBER', params: { value: s } });
    else (comp as any)[k] = s;
  }
  if (errors.length > before) return null;
  try {
    const q = computeQuality(comp);
    return {
      method: 'composition',
      gcv: q.gcvMJm3,
      ncv: q.ncvMJm3,
      relativeDensity: q.relativeDensity,
      wobbe: q.wobbeMJm3,
      density: q.densityKgm3,
      z: q.z,
      molarMass: q.molarMass,
      composition: comp,
      gasDay: day!,
    };
  } catch (e) {
    if (!(e instanceof CompositionError)) throw e;
    const d = e.detail ?? {};
    if (e.code === 'SUM_NOT_ONE') errors.push({ row, field: 'composition', code: 'COMPOSITION_SUM_NOT_ONE', params: { sum: d.sum ?? '?' } });
    else if (e.code === 'NEGATIVE') errors.push({ row, field: `composition.${d.component ?? ''}`, code: 'COMPOSITION_NEGATIVE', params: { detail: `${d.component}=${d.value}` } });
    else if (e.code === 'UNKNOWN_COMPONENT') errors.push({ row, field: 'composition', code: 'COMPOSITION_UNKNOWN_COMPONENT', params: { detail: String(d.component) } });
    else if (e.code === 'EMPTY') errors.push({ row, field: 'composition', code: 'COMPOSITION_EMPTY' });
    else errors.push({ row, field: 'composition', code: 'COMPOSITION_ERROR', params: { detail: e.message } });
    return null;
  }
}

export async function saveQuality(ctx: AppContext, rows: QualityRowInput[], lang: Lang, actor: Actor, now = new Date()) {
  const sources = await repo.findSources(
    ctx.db,
    rows.map((r) => r.sourceCode).filter((c): c is string => !!c),
    rows.map((r) => r.supplySourceId).filter((c): c is number => c != null),
  );
  const range = importableDays(now, ctx.config);
  const errors: RowError[] = [];
  const values: (repo.QualityValues & { sourceId: number; row: number })[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNo = i + 1;
    const sourceId = r.supplySourceId != null ? sources.byId.get(r.supplySourceId) : r.sourceCode ? sources.byCode.get(r.sourceCode) : undefined;
    const v = evaluateQualityRow(r, rowNo, sourceId, range, errors);
    if (!v || sourceId === undefined) return;
    const key = `${sourceId}:${v.gasDay}`;
    if (seen.has(key)) {
      errors.push({ row: rowNo, field: 'sourceCode', code: 'DUPLICATE', params: { rows: seen.get(key) } });
      return;
    }
    seen.set(key, rowNo);
    values.push({ ...v, sourceId, row: rowNo });
  });
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const list = errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: rowMessage(e, lang) }));
    throw new AppError(ME.METERING_QUALITY_INVALID, { count: new Set(errors.map((e) => e.row)).size }, { errors: list });
  }
  return inTx(ctx.db, async (trx) => {
    const before =
      rows.length <= 20
        ? await repo.getQuality(
            trx,
            values.map((v) => v.sourceId),
            values.map((v) => v.gasDay),
          )
        : [];
    const n = await repo.upsertQuality(trx, values, actor.userId);
    await audit(
      trx,
      actor,
      rows.length <= 20
        ? values.map((v) => ({
            action: 'metering.quality.save',
            entity: 'gas_quality',
            entityId: `${v.sourceId}:${v.gasDay}`,
            before: before.find((b) => b.supply_source_id === v.sourceId && b.gas_day === v.gasDay) ?? undefined,
            after: { method: v.method, gcv: v.gcv, composition: v.composition },
          }))
        : { action: 'metering.quality.import', entity: 'gas_quality', after: { rows: values.length } },
    );
    return {
      saved: n,
      items: values.map((v) => ({
        row: v.row,
        supplySourceId: v.sourceId,
        gasDay: v.gasDay,
        method: v.method,
        gcvMJm3: v.gcv,
        ncvMJm3: v.ncv,
        relativeDensity: v.relativeDensity,
        wobbeMJm3: v.wobbe,
      })),
    };
  });
}
