/**
 * Import of customer archives from Excel with a per-row validation report (issue 3 §6).
 * Default all-or-nothing: while any row is invalid nothing is saved (422 with the report).
 * mode=valid_only saves the valid rows and reports the others; dryRun only reports.
 * Either way everything that is saved is saved in one transaction.
 */
import { userDirectory } from '../../platform/auth/users';
import type ExcelJS from 'exceljs';
import { readSpreadsheet, type SheetTable } from '../../platform/files/spreadsheet';
import { tr, type Lang } from '@common/lang';
import { regionError } from '@common/regions';
import { dec } from '@common/decimal';
import { CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS, PRICE_CATEGORIES, PRICE_CATEGORY_LABELS, EXCHANGE_STATUSES, EXCHANGE_STATUS_LABELS } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import * as repo from './customers.repo';
import { CustomerCreate } from './customers.schema';
import { archiveOf, toInsertRow } from './customers.service';
import { track, type Change } from './customers.history';
import { IMPORT_COLUMNS, cellText, headerKey } from './customers.excel';
import { sniffFileType } from './file-sniff';
import { CE } from './customers.errors';

export const IMPORT_MAX_ROWS = 20_000;

export interface ImportError {
  row: number;
  field: string;
  message: string;
}
export interface ImportOptions {
  mode: 'all_or_nothing' | 'valid_only';
  dryRun: boolean;
  lang: Lang;
}

type Labels = Record<string, { zh: string; en: string }>;
function enumValue(raw: string, codes: readonly string[], labels: Labels): string | null {
  const k = raw.trim().toLowerCase();
  for (const c of codes) if (k === c || k === labels[c].zh.toLowerCase() || k === labels[c].en.toLowerCase()) return c;
  return null;
}

function bool(raw: string): boolean | null | undefined {
  const k = raw.trim().toLowerCase();
  if (!k) return undefined;
  if (['是', 'y', 'yes', 'true', '1'].includes(k)) return true;
  if (['否', 'n', 'no', 'false', '0'].includes(k)) return false;
  return null;
}

/** "65.5", "65.5%" (percent) or a percent-formatted cell's fraction → fraction string with ≤4 decimals. */
function share(raw: string, isPercentCell: boolean): string | null {
  const s = raw.replace(/[%％\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const v = isPercentCell && !raw.includes('%') ? dec(s) : dec(s).div(100);
  if (v.gt(1) || v.decimalPlaces() > 4) return null;
  return v.toFixed(4);
}

function date(raw: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw.trim();
}

const colLabel = (key: string, lang: Lang) => {
  const c = IMPORT_COLUMNS.find((x) => x.key === key);
  return c ? (lang === 'en' ? c.en : c.zh) : key;
};

/** The sheet 客户档案/customers (else the first), read by the platform's bounded reader (limits, worker). */
async function readSheet(buf: Buffer, owner: string | number): Promise<SheetTable> {
  if (sniffFileType(buf) !== 'xlsx') throw new AppError(CE.CUSTOMER_IMPORT_NOT_XLSX);
  let t: SheetTable;
  try {
    t = await readSpreadsheet(buf, { owner, kind: 'xlsx', sheetNames: ['客户档案', 'customers'], withFormats: true });
  } catch (e) {
    if (e instanceof AppError && e.code === 'SHEET_UNREADABLE') throw new AppError(CE.CUSTOMER_IMPORT_NOT_XLSX);
    throw e;
  }
  if (t.sheetName === null) throw new AppError(CE.CUSTOMER_IMPORT_EMPTY);
  return t;
}

export async function importCustomers(ctx: AppContext, buf: Buffer, opts: ImportOptions, actor: Actor) {
  const sheet = await readSheet(buf, actor.userId ?? actor.username ?? 'anonymous');
  const { lang } = opts;
  const cell = (row: number, col: number) => sheet.rows[row - 1]?.[col - 1] as ExcelJS.CellValue; // 1-based like Excel

  // Header: map each known column to its position; required columns must all be there.
  const pos = new Map<string, number>();
  (sheet.rows[0] ?? []).forEach((value, i) => {
    const h = headerKey(cellText(value as ExcelJS.CellValue));
    const def = IMPORT_COLUMNS.find((c) => headerKey(c.zh) === h || headerKey(c.en) === h || c.key.toLowerCase() === h);
    if (def && !pos.has(def.key)) pos.set(def.key, i + 1);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !pos.has(c.key));
  if (missing.length) throw new AppError(CE.CUSTOMER_IMPORT_TEMPLATE, { columns: { zh: missing.map((c) => c.zh).join('、'), en: missing.map((c) => c.en).join(', ') } });

  // Rows → raw records (blank rows skipped).
  const raws: { row: number; v: Record<string, string>; percentCell: boolean }[] = [];
  for (let rowNo = 2; rowNo <= sheet.rows.length; rowNo++) {
    const v: Record<string, string> = {};
    let any = false;
    for (const [k, c] of pos) {
      v[k] = cellText(cell(rowNo, c));
      if (v[k]) any = true;
    }
    if (any) raws.push({ row: rowNo, v, percentCell: pos.has('residentialShare') && String(sheet.formats[rowNo - 1]?.[pos.get('residentialShare')! - 1] ?? '').includes('%') });
  }
  if (!raws.length) throw new AppError(CE.CUSTOMER_IMPORT_EMPTY);
  if (raws.length > IMPORT_MAX_ROWS) throw new AppError(CE.CUSTOMER_IMPORT_TOO_MANY, { max: IMPORT_MAX_ROWS, rows: raws.length });

  const errors: ImportError[] = [];
  const err = (row: number, key: string, zh: string, en: string) => errors.push({ row, field: colLabel(key, lang), message: lang === 'en' ? en : zh });

  // Per-row validation with the same schema as the API.
  const parsed: { row: number; input: CustomerCreate; manager: string | null }[] = [];
  for (const { row, v, percentCell } of raws) {
    const before = errors.length;
    const obj: Record<string, unknown> = { name: v.name, type: v.type, priceCategory: v.priceCategory, province: v.province, city: v.city };
    const type = enumValue(v.type ?? '', CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS);
    if (v.type && !type)
      err(
        row,
        'type',
        `客户类型“${v.type}”无效，应为 ${CUSTOMER_TYPES.map((t) => CUSTOMER_TYPE_LABELS[t].zh).join('/')}`,
        `Unknown type "${v.type}"; use ${CUSTOMER_TYPES.map((t) => CUSTOMER_TYPE_LABELS[t].en).join('/')}`,
      );
    else obj.type = type ?? undefined;
    const pc = enumValue(v.priceCategory ?? '', PRICE_CATEGORIES, PRICE_CATEGORY_LABELS);
    if (v.priceCategory && !pc)
      err(
        row,
        'priceCategory',
        `价格类别“${v.priceCategory}”无效，应为 ${PRICE_CATEGORIES.map((t) => PRICE_CATEGORY_LABELS[t].zh).join('/')}`,
        `Unknown price category "${v.priceCategory}"; use ${PRICE_CATEGORIES.map((t) => PRICE_CATEGORY_LABELS[t].en).join('/')}`,
      );
    else obj.priceCategory = pc ?? undefined;
    if (v.uscc) obj.uscc = v.uscc;
    if (v.county) obj.county = v.county;
    if (v.address) obj.address = v.address;
    if (v.notes) obj.notes = v.notes;
    if (v.tags) obj.tags = v.tags.split(/[,，;；、\s]+/).filter(Boolean);
    if (v.useStructureVerifiedOn) obj.useStructureVerifiedOn = date(v.useStructureVerifiedOn);
    const sr = bool(v.servesResidents ?? '');
    if (sr === null) err(row, 'servesResidents', `“${v.servesResidents}”应为 是 或 否`, `"${v.servesResidents}" should be yes or no`);
    else if (sr !== undefined) obj.servesResidents = sr;
    if (v.residentialShare) {
      const s = share(v.residentialShare, percentCell);
      if (s === null)
        err(
          row,
          'residentialShare',
          `居民用气占比“${v.residentialShare}”应为 0–100 之间的百分数（最多 2 位小数）`,
          `Residential share "${v.residentialShare}" should be a percentage 0–100 (up to 2 decimals)`,
        );
      else obj.residentialShare = s;
    }
    if (v.exchangeStatus) {
      const es = enumValue(v.exchangeStatus, EXCHANGE_STATUSES, EXCHANGE_STATUS_LABELS);
      if (!es) err(row, 'exchangeStatus', `交易中心会员状态“${v.exchangeStatus}”无效`, `Unknown exchange membership "${v.exchangeStatus}"`);
      else obj.exchangeStatus = es;
    }
    // The region is checked on its own so that it is reported even when another field is wrong.
    if (v.province && v.city) {
      const bad = regionError({ province: v.province, city: v.city, county: v.county || null });
      if (bad) {
        const zhLevel = { province: '省份', city: '城市', county: '区县' }[bad];
        err(row, bad, `${zhLevel}“${v[bad]}”不在内置行政区划中`, `${bad} "${v[bad]}" is not in the built-in region list`);
      }
    }
    const r = CustomerCreate.safeParse(obj);
    if (!r.success) {
      for (const i of r.error.issues) {
        const key = String(i.path[0] ?? 'name');
        if (errors.some((e) => e.row === row && e.field === colLabel(key, lang))) continue;
        const raw = v[key] ?? '';
        err(row, key, raw ? i.message : `${colLabel(key, 'zh-CN')}为必填项`, raw ? `invalid value "${raw}" (${i.message})` : `${colLabel(key, 'en')} is required`);
      }
    }
    if (errors.length === before && r.success) parsed.push({ row, input: r.data, manager: v.fullTimeManager || null });
  }

  // Across rows and against the database: USCC unique, manager usernames known and eligible.
  const firstRow = new Map<string, number>();
  for (const p of parsed) {
    const u = p.input.uscc;
    if (!u) continue;
    if (firstRow.has(u)) err(p.row, 'uscc', `统一社会信用代码 ${u} 与第 ${firstRow.get(u)} 行重复`, `USCC ${u} repeats row ${firstRow.get(u)}`);
    else firstRow.set(u, p.row);
  }
  const existing = new Map<string, { code: string; name: string }>();
  const usccs = [...firstRow.keys()];
  for (let i = 0; i < usccs.length; i += 5000) for (const e of await repo.findByUscc(ctx.db, usccs.slice(i, i + 5000))) existing.set(e.uscc!, e);
  for (const p of parsed) {
    const e = p.input.uscc ? existing.get(p.input.uscc) : undefined;
    if (e) err(p.row, 'uscc', `统一社会信用代码 ${p.input.uscc} 已被客户“${e.name}”（${e.code}）使用`, `USCC ${p.input.uscc} is already used by "${e.name}" (${e.code})`);
  }
  const names = [...new Set(parsed.map((p) => p.manager).filter((m): m is string => !!m))];
  const users = names.length ? await ctx.db.selectFrom(userDirectory().as('u')).select(['id', 'username', 'roles', 'disabled']).where('username', 'in', names).execute() : [];
  const byName = new Map(users.map((u) => [u.username, u]));
  for (const p of parsed) {
    if (!p.manager) continue;
    const u = byName.get(p.manager);
    if (!u) err(p.row, 'fullTimeManager', `用户“${p.manager}”不存在`, `User "${p.manager}" does not exist`);
    else if (u.disabled || !u.roles.includes('account_manager')) err(p.row, 'fullTimeManager', `用户“${p.manager}”不是可用的专职客户经理`, `User "${p.manager}" is not an active account manager`);
  }

  errors.sort((a, b) => a.row - b.row);
  const badRows = new Set(errors.map((e) => e.row));
  const valid = parsed.filter((p) => !badRows.has(p.row));
  const report = { mode: opts.mode, dryRun: opts.dryRun, total: raws.length, valid: valid.length, imported: 0, errors };
  if (opts.dryRun) return report;
  if (errors.length && opts.mode === 'all_or_nothing') {
    throw new AppError(CE.CUSTOMER_IMPORT_HAS_ERRORS, { rows: badRows.size, count: errors.length }, { total: raws.length, valid: valid.length, errors });
  }
  if (!valid.length) return report;

  await inTx(ctx.db, async (trx) => {
    const rows = valid.map((p) => toInsertRow(p.input, actor.userId));
    const inserted = await repo.insertCustomersBulk(trx, rows);
    const changes: Change[] = inserted.map((c, i) => ({
      customerId: c.id,
      action: 'customer.import',
      entity: 'customer',
      entityId: c.id,
      after: { code: c.code, ...archiveOf(rows[i] as any), row: valid[i].row },
    }));
    const managerRows = valid.flatMap((p, i) =>
      p.manager
        ? [
            {
              customer_id: inserted[i].id,
              user_id: byName.get(p.manager)!.id,
              kind: 'full_time' as const,
              assigned_by: actor.userId,
              reason: tr({ zh: '导入时指定', en: 'assigned by import' }, 'zh-CN'),
            },
          ]
        : [],
    );
    for (let i = 0; i < managerRows.length; i += 1000) {
      const ms = await trx
        .insertInto('customer_managers')
        .values(managerRows.slice(i, i + 1000))
        .returning(['id', 'customer_id', 'user_id'])
        .execute();
      for (const m of ms)
        changes.push({ customerId: m.customer_id, action: 'manager.assign', entity: 'manager', entityId: m.id, after: { userId: m.user_id, kind: 'full_time', reason: '导入时指定' } });
    }
    await track(trx, actor, changes);
  });
  return { ...report, imported: valid.length };
}
