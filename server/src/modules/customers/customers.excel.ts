/**
 * Excel columns of the customer archive: the export of a filtered list, the import template and
 * the header/value parsing of an import. Headers follow the user's language; an import accepts
 * Chinese or English headers and labels or codes for enumerations.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '@common/lang';
import { CUSTOMER_TYPE_LABELS, PRICE_CATEGORY_LABELS, CUSTOMER_STATUS_LABELS, EXCHANGE_STATUS_LABELS, CUSTOMER_TYPES, PRICE_CATEGORIES, EXCHANGE_STATUSES } from '@common/customers';
import { dec } from '@common/decimal';
import type { CustomerListItem } from './customers.schema';

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  width: number;
}

const col = (key: string, zh: string, en: string, width = 14): ColumnDef => ({ key, zh, en, width });

export const EXPORT_COLUMNS: ColumnDef[] = [
  col('code', '客户编码', 'Code', 11),
  col('name', '客户名称', 'Name', 34),
  col('uscc', '统一社会信用代码', 'USCC', 22),
  col('type', '客户类型', 'Type', 10),
  col('priceCategory', '价格类别', 'Price category', 10),
  col('province', '省', 'Province', 9),
  col('city', '市', 'City', 12),
  col('county', '区县', 'County', 12),
  col('address', '地址', 'Address', 30),
  col('status', '状态', 'Status', 9),
  col('fullTimeManager', '专职客户经理', 'Full-time manager', 12),
  col('partTimeManagers', '兼职客户经理', 'Part-time managers', 14),
  col('servesResidents', '服务居民', 'Serves residents', 9),
  col('residentialShare', '居民用气占比(%)', 'Residential share (%)', 12),
  col('useStructureVerifiedOn', '用气结构核查日期', 'Use structure verified on', 14),
  col('exchangeStatus', '交易中心会员', 'Exchange membership', 12),
  col('tags', '标签', 'Tags', 18),
  col('notes', '备注', 'Notes', 30),
  col('updatedAt', '更新时间', 'Updated', 18),
];

/** Import template columns; `required` columns must be present in the header row. */
export const IMPORT_COLUMNS: (ColumnDef & { required: boolean; hintZh: string; hintEn: string })[] = [
  { ...col('name', '客户名称', 'Name', 34), required: true, hintZh: '必填，2–100 字', hintEn: 'required, 2–100 characters' },
  {
    ...col('uscc', '统一社会信用代码', 'USCC', 22),
    required: true,
    hintZh: '18 位，校验位按 GB 32100-2015；可留空，不可重复',
    hintEn: '18 characters, GB 32100-2015 check digit; may be blank; unique',
  },
  {
    ...col('type', '客户类型', 'Type', 10),
    required: true,
    hintZh: CUSTOMER_TYPES.map((t) => CUSTOMER_TYPE_LABELS[t].zh).join('/'),
    hintEn: CUSTOMER_TYPES.map((t) => CUSTOMER_TYPE_LABELS[t].en).join('/'),
  },
  {
    ...col('priceCategory', '价格类别', 'Price category', 10),
    required: true,
    hintZh: PRICE_CATEGORIES.map((t) => PRICE_CATEGORY_LABELS[t].zh).join('/'),
    hintEn: PRICE_CATEGORIES.map((t) => PRICE_CATEGORY_LABELS[t].en).join('/'),
  },
  { ...col('province', '省', 'Province', 9), required: true, hintZh: '四川省 或 重庆市', hintEn: 'in Chinese, as in the region list: 四川省 (Sichuan) or 重庆市 (Chongqing)' },
  { ...col('city', '市', 'City', 12), required: true, hintZh: '如 泸州市；重庆填区县，如 永川区', hintEn: 'in Chinese, e.g. 泸州市 (Luzhou); for Chongqing the district, e.g. 永川区 (Yongchuan)' },
  { ...col('county', '区县', 'County', 12), required: false, hintZh: '如 江阳区；重庆填街道/镇', hintEn: 'in Chinese, e.g. 江阳区 (Jiangyang); for Chongqing the sub-district/town' },
  { ...col('address', '地址', 'Address', 30), required: false, hintZh: '最多 200 字', hintEn: 'up to 200 characters' },
  { ...col('servesResidents', '服务居民', 'Serves residents', 9), required: false, hintZh: '是/否；城市燃气默认为是', hintEn: 'yes/no; city gas defaults to yes' },
  { ...col('residentialShare', '居民用气占比(%)', 'Residential share (%)', 12), required: false, hintZh: '0–100，最多 2 位小数', hintEn: '0–100, up to 2 decimals' },
  { ...col('useStructureVerifiedOn', '用气结构核查日期', 'Use structure verified on', 14), required: false, hintZh: 'YYYY-MM-DD', hintEn: 'YYYY-MM-DD' },
  {
    ...col('exchangeStatus', '交易中心会员', 'Exchange membership', 12),
    required: false,
    hintZh: EXCHANGE_STATUSES.map((t) => EXCHANGE_STATUS_LABELS[t].zh).join('/'),
    hintEn: EXCHANGE_STATUSES.map((t) => EXCHANGE_STATUS_LABELS[t].en).join('/'),
  },
  { ...col('tags', '标签', 'Tags', 18), required: false, hintZh: '多个用逗号分隔', hintEn: 'comma separated' },
  { ...col('notes', '备注', 'Notes', 30), required: false, hintZh: '最多 2000 字', hintEn: 'up to 2000 characters' },
  {
    ...col('fullTimeManager', '专职客户经理账号', 'Full-time manager username', 14),
    required: false,
    hintZh: '用户名，如 am01；须为专职客户经理',
    hintEn: 'username, e.g. am01; must be an account manager',
  },
];

const l = (lang: Lang, m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);

function styleHeader(ws: ExcelJS.Worksheet) {
  const h = ws.getRow(1);
  h.font = { bold: true };
  h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FA' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function buildExport(
  items: (CustomerListItem & { address: string | null; residentialShare: string | null; useStructureVerifiedOn: string | null; notes: string | null })[],
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(lang === 'en' ? 'Customers' : '客户');
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: l(lang, c), key: c.key, width: c.width }));
  const yes = lang === 'en' ? 'Yes' : '是';
  const no = lang === 'en' ? 'No' : '否';
  for (const it of items) {
    ws.addRow({
      ...it,
      type: l(lang, CUSTOMER_TYPE_LABELS[it.type]),
      priceCategory: PRICE_CATEGORY_LABELS[it.priceCategory as keyof typeof PRICE_CATEGORY_LABELS]
        ? l(lang, PRICE_CATEGORY_LABELS[it.priceCategory as keyof typeof PRICE_CATEGORY_LABELS])
        : it.priceCategory,
      status: l(lang, CUSTOMER_STATUS_LABELS[it.status]),
      exchangeStatus: l(lang, EXCHANGE_STATUS_LABELS[it.exchangeStatus]),
      fullTimeManager: it.fullTimeManager?.displayName ?? '',
      partTimeManagers: it.partTimeManagers.map((m) => m.displayName).join(', '),
      servesResidents: it.servesResidents ? yes : no,
      residentialShare: it.residentialShare == null ? '' : dec(it.residentialShare).times(100).toFixed(2),
      tags: it.tags.join(', '),
      updatedAt: it.updatedAt.slice(0, 19).replace('T', ' '),
    });
  }
  styleHeader(ws);
  ws.getColumn('uscc').numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildTemplate(lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(lang === 'en' ? 'Customers' : '客户档案');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: l(lang, c) + (c.required && c.key !== 'uscc' ? '*' : ''), key: c.key, width: c.width, style: { numFmt: '@' } }));
  styleHeader(ws);
  const help = wb.addWorksheet(lang === 'en' ? 'Instructions' : '填写说明');
  help.columns = [
    { header: lang === 'en' ? 'Column' : '列', width: 26 },
    { header: lang === 'en' ? 'How to fill in' : '填写说明', width: 80 },
  ];
  for (const c of IMPORT_COLUMNS) help.addRow([l(lang, c), lang === 'en' ? c.hintEn : c.hintZh]);
  help.addRow([]);
  help.addRow([
    lang === 'en' ? 'Example' : '示例',
    lang === 'en' ? '泸州某某燃气有限公司 | 91510500… | City gas | Residential | 四川省 | 泸州市 | 江阳区' : '泸州某某燃气有限公司 | 91510500… | 城市燃气 | 居民 | 四川省 | 泸州市 | 江阳区',
  ]);
  styleHeader(help);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain text of a cell value (rich text, formulas, hyperlinks, dates). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
    return '';
  }
  return String(v).trim();
}

/** Normalises a header for matching: no spaces, no asterisk, lower case. */
export const headerKey = (s: string) => s.replace(/[\s*＊]/g, '').toLowerCase();
