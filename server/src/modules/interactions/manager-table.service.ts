/** The manager big table (客户经理大表) and the manager letters (客户经理告知函), DOMAIN.md §3. */
import type { Lang } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { assertCustomerAccess } from '../customers';
import { AppError } from '../../platform/http/errors';
import { readSetting } from '../../platform/settings';
import { todayOf, type Scoped } from './interactions.shared';
import type { LetterBatchQuery, ManagerTableQuery } from './interactions.schema';
import * as repo from './manager-table.repo';
import { renderLetters, type Org } from './letter.pdf';

export const MAX_LETTERS = 500;
export const MAX_EXPORT_ROWS = 50_000;

const DEFAULT_ORG: Org = { name: '天然气销售部', nameEn: 'Natural Gas Sales Department', phone: null };

/** The sender printed on letters: settings key `org` ({name, nameEn, phone}) or a neutral default. */
export async function orgProfile(ctx: AppContext): Promise<Org> {
  const v = (await readSetting<Partial<Org>>(ctx.db, 'org')) ?? {};
  return { name: v.name || DEFAULT_ORG.name, nameEn: v.nameEn || DEFAULT_ORG.nameEn, phone: v.phone ?? null };
}

export async function managerTable(ctx: AppContext, user: Scoped, q: ManagerTableQuery) {
  const { page, pageSize, ...f } = q;
  return repo.managerTable(ctx.db, user, f, pageSize, (page - 1) * pageSize);
}

export async function managerTableAll(ctx: AppContext, user: Scoped, f: Omit<ManagerTableQuery, 'page' | 'pageSize'>) {
  const r = await repo.managerTable(ctx.db, user, f, MAX_EXPORT_ROWS + 1, 0);
  if (r.total > MAX_EXPORT_ROWS) throw new AppError('EXPORT_TOO_LARGE', { count: r.total, max: MAX_EXPORT_ROWS });
  return r.items;
}

export async function customerLetter(ctx: AppContext, user: Scoped, customerId: number, lang: Lang) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const [data] = await repo.letterData(ctx.db, [customerId]);
  if (!data.managers.length) throw new AppError('LETTER_NO_MANAGER', { name: data.name });
  const pdf = await renderLetters([data], { lang, org: await orgProfile(ctx), date: todayOf(ctx) });
  return { pdf, code: data.code };
}

export async function batchLetters(ctx: AppContext, user: Scoped, f: LetterBatchQuery, lang: Lang) {
  const ids = await repo.letterCustomerIds(ctx.db, user, f);
  if (!ids.length) throw new AppError('LETTER_NONE');
  if (ids.length > MAX_LETTERS) throw new AppError('LETTER_TOO_MANY', { max: MAX_LETTERS, count: ids.length });
  const data = await repo.letterData(ctx.db, ids);
  return { pdf: await renderLetters(data, { lang, org: await orgProfile(ctx), date: todayOf(ctx) }), count: data.length };
}
