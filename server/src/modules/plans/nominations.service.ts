/**
 * Daily nominations (日指定, issue 13): the customer's requested volume per gas day, entered by
 * the manager, posted through the API or imported from Excel/CSV (read with metering's ingest
 * helpers). Refused for closed customers and for gas days past their cut-off; all or nothing.
 * Nomination accuracy per customer and month; the `nominations` capability for other modules.
 */
import { tr, type Lang } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { inCustomerScope, seesAllCustomers } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { NominationsPort } from '../../platform/ports';
import { onboardingCustomerBriefs } from '../customers';
import { cellText, gasDayBounds, gasDayConfigOf, parseDay, parseQuantityText, dailyVolumesByCustomer } from '../metering';
import { DEFAULT_SHEET_LIMITS, readSpreadsheet } from '../../platform/files/spreadsheet';
import { nominationAccuracy } from './plans.calc';
import * as repo from './plans.repo';
import { nominationsOfDay } from './published';
import { sql } from 'kysely';

type User = Pick<SessionUser, 'id' | 'roles'>;
export interface NominationInput {
  customerId: number;
  gasDay: string;
  volumeM3: string;
}

/**
 * Cut-off: a gas day can be nominated until it starts (config gas-day start, 08:00 Asia/Shanghai,
 * DOMAIN.md §2) — a nomination is a request for a day to come, so a begun or past day is closed.
 */
export function cutoffOf(ctx: Pick<AppContext, 'config'>, gasDay: string): Date {
  return gasDayBounds(gasDay, gasDayConfigOf(ctx.config)).start;
}

/** The checks every nomination write passes (in this order): scope, closed customers, cut-off of the earliest day. */
function assertNominable(ctx: AppContext, f: { outOfScope: number; closed: string | null; firstDay: string }, now: Date) {
  if (f.outOfScope) throw new AppError('OUT_OF_SCOPE');
  if (f.closed) throw new AppError('NOM_CUSTOMER_CLOSED', { customer: f.closed });
  const cut = cutoffOf(ctx, f.firstDay);
  if (cut <= now) throw new AppError('NOM_PAST_CUTOFF', { gasDay: f.firstDay, cutoff: cut.toISOString() });
}

async function checkAll(ctx: AppContext, trx: Tx, user: User, items: NominationInput[], now: Date) {
  const ids = [...new Set(items.map((i) => i.customerId))];
  const briefs = await onboardingCustomerBriefs(trx, ids); // by id
  if (briefs.length !== ids.length) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
  let outOfScope = 0;
  if (!seesAllCustomers(user)) {
    const { rows } = await sql<{ id: number }>`SELECT x.id FROM unnest(${sql.val(ids)}::bigint[]) AS x(id) WHERE ${inCustomerScope(user, 'x.id')}`.execute(trx);
    outOfScope = ids.length - rows.length;
  }
  const closed = briefs.find((b) => b.status === 'closed');
  assertNominable(ctx, { outOfScope, closed: closed ? `${closed.name}（${closed.code}）` : null, firstDay: items.map((i) => i.gasDay).reduce((a, b) => (b < a ? b : a)) }, now);
}

export async function enter(ctx: AppContext, user: User, items: NominationInput[], source: 'manual' | 'api', actor: Actor, now = new Date()) {
  return inTx(ctx.db, async (trx) => {
    await checkAll(ctx, trx, user, items, now);
    await repo.upsertNominations(trx, items, source, user.id);
    await audit(trx, actor, { action: 'nomination.enter', entity: 'nomination', after: { source, count: items.length, items: items.slice(0, 50) } });
    return items.length;
  });
}

/** The import template's columns (either language's header is accepted: HEADERS below). */
export const NOMINATION_TEMPLATE = {
  name: { zh: '日指定导入模板', en: 'nomination-import-template' },
  sheet: { zh: '日指定', en: 'Nominations' },
  columns: [
    { zh: '客户编号', en: 'Customer code' },
    { zh: '燃气日', en: 'Gas day' },
    { zh: '指定气量(m³)', en: 'Nominated volume (m³)' },
  ],
};

const HEADERS: Record<string, 'customerCode' | 'gasDay' | 'volumeM3'> = {
  客户编号: 'customerCode',
  客户代码: 'customerCode',
  customer_code: 'customerCode',
  customercode: 'customerCode',
  燃气日: 'gasDay',
  gas_day: 'gasDay',
  gasday: 'gasDay',
  日期: 'gasDay',
  '指定气量(m³)': 'volumeM3',
  '指定气量(m3)': 'volumeM3',
  指定气量: 'volumeM3',
  日指定: 'volumeM3',
  volume_m3: 'volumeM3',
  volumem3: 'volumeM3',
  'nominatedvolume(m³)': 'volumeM3',
  'nominatedvolume(m3)': 'volumeM3',
  nominatedvolume: 'volumeM3',
};
const header = (h: unknown) => {
  const s = String(h ?? '')
    .trim()
    .replace(/^\uFEFF/, '');
  const k = s.toLowerCase().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  return HEADERS[k] ?? HEADERS[s] ?? HEADERS[s.split(/\s+/)[0]] ?? HEADERS[s.split(/\s+/)[0]?.toLowerCase()] ?? null;
};

/**
 * The file's first sheet (or CSV) through the platform's bounded reader (parsed in a worker, with
 * its limits on size, columns, heap and time). Only the row limit is the nominations' own
 * (config NOMINATION_IMPORT_MAX_ROWS, default 100,000 rows plus the header; cells scale with it):
 * a day's nominations for every customer fit in one file.
 */
async function readTable(ctx: AppContext, buf: Uint8Array, owner: number): Promise<unknown[][]> {
  const limit = ctx.config.nominationImportMaxRows;
  const limits = { maxRows: limit + 1, maxCells: Math.max(DEFAULT_SHEET_LIMITS.maxCells, (limit + 1) * 8) };
  try {
    return (await readSpreadsheet(buf, { owner, limits })).rows;
  } catch (e) {
    if (e instanceof AppError && e.code === 'SHEET_TOO_MANY_ROWS') throw new AppError('NOM_IMPORT_TOO_MANY_ROWS', { limit });
    throw e;
  }
}

const ROW_MSG = {
  customerCode: { zh: '客户编号不存在', en: 'unknown customer code' },
  gasDay: { zh: '燃气日无效（YYYY-MM-DD）', en: 'invalid gas day (YYYY-MM-DD)' },
  volumeM3: { zh: '气量无效（非负数，最多 3 位小数）', en: 'invalid volume (non-negative, ≤ 3 decimals)' },
  duplicate: { zh: '同一客户同一燃气日重复', en: 'duplicate customer and gas day' },
};

/** Import a file (xlsx or csv: 客户编号 customer_code, 燃气日 gas_day, 指定气量(m³) volume_m3): all rows or none. */
export async function importFile(ctx: AppContext, user: User, buf: Uint8Array, name: string, lang: Lang, actor: Actor, now = new Date()) {
  const table = await readTable(ctx, buf, user.id);
  if (!table.length) throw new AppError('NOM_IMPORT_HEADER', { columns: '客户编号, 燃气日, 指定气量(m³)' });
  const heads = table[0].map(header);
  const missing = (['customerCode', 'gasDay', 'volumeM3'] as const).filter((h) => !heads.includes(h));
  if (missing.length) throw new AppError('NOM_IMPORT_HEADER', { columns: missing.join(', ') });
  const col = (h: string) => heads.indexOf(h as any);
  const parsed: { row: number; code: string; gasDay: string | null; volumeM3: string | undefined }[] = [];
  const errors: { row: number; field: string; message: string }[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells || cells.every((c) => c == null || String(c).trim() === '')) continue;
    const rowErrs: any[] = [];
    const volumeM3 = parseQuantityText(i + 1, 'volumeM3', cells[col('volumeM3')], rowErrs, 3, 13);
    const gasDay = parseDay(cells[col('gasDay')]);
    const code = cellText(cells[col('customerCode')]) ?? '';
    if (!gasDay) errors.push({ row: i + 1, field: 'gasDay', message: tr(ROW_MSG.gasDay, lang) });
    if (volumeM3 === undefined || rowErrs.length) errors.push({ row: i + 1, field: 'volumeM3', message: tr(ROW_MSG.volumeM3, lang) });
    parsed.push({ row: i + 1, code, gasDay, volumeM3 });
  }
  // Set-based from here (issue 13): the rows go by COPY into a staging table; unknown codes,
  // repeated customer-days, scope, closed customers and the cut-off are checked over it in SQL and
  // the rows are upserted in one statement — the same report as row by row.
  return inTx(ctx.db, async (trx) => {
    await repo.stageNominations(trx, ctx.database, parsed);
    for (const e of await repo.stagedNominationErrors(trx))
      errors.push(
        e.kind === 'customerCode'
          ? { row: e.row, field: 'customerCode', message: `${tr(ROW_MSG.customerCode, lang)}: ${e.code}` }
          : { row: e.row, field: 'gasDay', message: tr(ROW_MSG.duplicate, lang) },
      );
    if (errors.length) throw new AppError('NOM_IMPORT_INVALID', { count: errors.length }, { errors: errors.sort((a, b) => a.row - b.row).slice(0, 200) });
    // every staged row is now readable, of a known customer and unique
    const f = await repo.stagedNominationFacts(trx, inCustomerScope(user, 'ids.id'));
    if (!f.rows) throw new AppError('NOM_IMPORT_HEADER', { columns: '—' });
    assertNominable(ctx, { outOfScope: f.out_of_scope, closed: f.closed, firstDay: f.first_day! }, now);
    await repo.upsertStagedNominations(trx, 'import', user.id);
    await audit(trx, actor, { action: 'nomination.import', entity: 'nomination', after: { file: name, count: f.rows } });
    return { imported: f.rows, errors: [] };
  });
}

export async function list(db: Tx, user: User, customerId: number | undefined, from: string, to: string) {
  const rows = await repo.nominations(db, customerId ? [customerId] : null, from, to, inCustomerScope(user, 'n.customer_id'));
  return rows.map((r) => ({ customerId: r.customer_id, gasDay: r.gas_day, volumeM3: r.volume_m3, source: r.source }));
}

/** Nomination accuracy per customer for a month: Σ|actual − nomination| / Σ nomination over compared days. */
export async function accuracy(db: Tx, user: User, month: string) {
  const from = `${month}-01`;
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
  const noms = await repo.nominations(db, null, from, to, inCustomerScope(user, 'n.customer_id'));
  const ids = [...new Set(noms.map((n) => n.customer_id))];
  const actual = new Map((await dailyVolumesByCustomer(db, ids, from, to)).map((d) => [`${d.customerId}|${d.gasDay}`, d.volumeM3]));
  const briefs = new Map((await onboardingCustomerBriefs(db, ids)).map((b) => [b.id, b]));
  const byCustomer = new Map<number, { nominationM3: string; actualM3: string | null }[]>();
  for (const n of noms) {
    const list = byCustomer.get(n.customer_id) ?? [];
    list.push({ nominationM3: n.volume_m3, actualM3: actual.get(`${n.customer_id}|${n.gas_day}`) ?? null });
    byCustomer.set(n.customer_id, list);
  }
  return ids.map((id) => {
    const days = byCustomer.get(id)!;
    const a = nominationAccuracy(days);
    const b = briefs.get(id)!;
    return { customerId: id, customerCode: b.code, customerName: b.name, daysNominated: days.length, ...a };
  });
}

/** The `nominations` capability (platform/ports.ts) provided to other modules. */
export const nominationsPort: NominationsPort = {
  async nominations(db, customerIds, from, to) {
    const rows = await repo.nominations(db, customerIds, from, to);
    return rows.map((r) => ({ customerId: r.customer_id, gasDay: r.gas_day, volumeM3: r.volume_m3 }));
  },
  dayFragment: nominationsOfDay,
};
