/** Error codes of the metering module and the messages of import row errors (zh/en). */
import type { Msg } from '@common/lang';
import { tr, type Lang } from '@common/lang';
import { defineErrors } from '../../platform/http/errors';

export const ME = defineErrors({
  METERING_IMPORT_INVALID: {
    status: 422,
    zh: '导入数据有 {count} 行错误，未导入任何数据（可选择“仅导入有效行”）',
    en: '{count} row(s) are invalid; nothing was imported (you may choose to import only the valid rows)',
  },
  METERING_IMPORT_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file contains no data rows' },
  METERING_IMPORT_TOO_MANY_ROWS: { status: 413, zh: '一次最多导入 {max} 行（当前 {count} 行）', en: 'At most {max} rows per import ({count} given)' },
  METERING_IMPORT_FORMAT: { status: 400, zh: '无法读取文件：{reason}', en: 'Cannot read the file: {reason}' },
  METERING_IMPORT_HEADER: { status: 400, zh: '缺少必需的列：{columns}', en: 'Missing required column(s): {columns}' },
  METERING_QUALITY_INVALID: { status: 422, zh: '气质数据有 {count} 行错误，未保存任何数据', en: '{count} gas-quality row(s) are invalid; nothing was saved' },
  METERING_REASON_REQUIRED: { status: 400, zh: '修改已有的日气量必须填写修改原因', en: 'Correcting an existing daily volume needs a reason' },
  METERING_DELIVERY_ROW_INVALID: { status: 400, zh: '{message}', en: '{message}' },
  METERING_DELIVERY_POINT_NOT_FOUND: { status: 404, zh: '交接点不存在', en: 'Delivery point not found' },
  METERING_SUPPLY_SOURCE_NOT_FOUND: { status: 404, zh: '气源不存在', en: 'Supply source not found' },
});

/** Labels of import fields, used in row messages. */
export const FIELD_LABELS: Record<string, Msg> = {
  meterNo: { zh: '计量表号', en: 'meter number' },
  gasDay: { zh: '燃气日', en: 'gas day' },
  volumeM3: { zh: '日气量(m³)', en: 'daily volume (m³)' },
  origin: { zh: '来源', en: 'origin' },
  hourly: { zh: '小时数据', en: 'hourly values' },
  reason: { zh: '备注/修改原因', en: 'reason' },
  sourceCode: { zh: '气源编码', en: 'supply source code' },
  gcvMJm3: { zh: '高位发热量(MJ/m³)', en: 'GCV (MJ/m³)' },
  composition: { zh: '组分', en: 'composition' },
  plannedM3: { zh: '计划气量(m³)', en: 'planned volume (m³)' },
};

export function fieldLabel(field: string): Msg {
  const m = /^h(\d{2})$/.exec(field);
  if (m) return { zh: `第${Number(m[1])}小时`, en: `hour ${Number(m[1])}` };
  if (field.startsWith('composition.')) return { zh: `组分 ${field.slice(12)}`, en: `component ${field.slice(12)}` };
  return FIELD_LABELS[field] ?? { zh: field, en: field };
}

/** Row-level problems of an import; each message names the row and the field. */
export const ROW_ERRORS = {
  REQUIRED: { zh: '不能为空', en: 'is required' },
  BAD_DATE: { zh: '“{value}”不是有效日期（应为 YYYY-MM-DD）', en: '"{value}" is not a valid date (YYYY-MM-DD)' },
  BAD_NUMBER: { zh: '“{value}”不是有效数字', en: '"{value}" is not a number' },
  NEGATIVE: { zh: '不能为负数（{value}）', en: 'must not be negative ({value})' },
  TOO_PRECISE: { zh: '最多 {dp} 位小数（{value}）', en: 'at most {dp} decimal places ({value})' },
  TOO_LARGE: { zh: '数值过大（{value}）', en: 'value too large ({value})' },
  BAD_ORIGIN: { zh: '“{value}”无效，应为 scada/manual/estimate（SCADA/人工/估算）', en: '"{value}" is invalid; use scada, manual or estimate' },
  HOURLY_COUNT: { zh: '应有 24 个小时值，实际 {count} 个', en: 'needs 24 hourly values, got {count}' },
  HOURLY_SUM: { zh: '24 小时合计 {sum} m³ 与日气量 {volume} m³ 相差超过 0.001 m³', en: 'the 24 hourly values sum to {sum} m³, more than 0.001 m³ away from the daily volume {volume} m³' },
  UNKNOWN_METER: { zh: '计量表号“{value}”不存在', en: 'meter "{value}" does not exist' },
  OUT_OF_SCOPE: { zh: '计量表“{value}”所属客户不在您的负责范围内', en: 'meter "{value}" belongs to a customer outside your responsibility' },
  FUTURE_DAY: { zh: '{value} 晚于当前燃气日 {max}', en: '{value} is after the current gas day {max}' },
  TOO_OLD: { zh: '{value} 早于 {min}（只能导入最近两年的数据）', en: '{value} is before {min} (only the last two years can be imported)' },
  DUPLICATE: { zh: '与第 {rows} 行重复（同一计量表、同一燃气日）', en: 'duplicates row(s) {rows} (same meter and gas day)' },
  ESTIMATE_OVER_MEASURED: { zh: '该日已有实测值（{origin}），不能用估算值覆盖', en: 'a measured value ({origin}) exists for this day; an estimate cannot replace it' },
  TOO_LONG: { zh: '超过 {max} 个字符', en: 'longer than {max} characters' },
  UNKNOWN_SOURCE: { zh: '气源编码“{value}”不存在', en: 'supply source "{value}" does not exist' },
  GCV_XOR_COMPOSITION: { zh: '须提供高位发热量或组分之一，且不能同时提供', en: 'give either a GCV or a composition, not both' },
  GCV_RANGE: { zh: '{value} MJ/m³ 超出合理范围（20–60）', en: '{value} MJ/m³ is outside the plausible range (20–60)' },
  COMPOSITION_SUM_NOT_ONE: { zh: '组分摩尔分数之和为 {sum}，应为 1', en: 'the mole fractions sum to {sum}, not 1' },
  COMPOSITION_NEGATIVE: { zh: '组分摩尔分数不能为负数（{detail}）', en: 'mole fractions must not be negative ({detail})' },
  COMPOSITION_UNKNOWN_COMPONENT: { zh: '未知组分（{detail}）', en: 'unknown component ({detail})' },
  COMPOSITION_EMPTY: { zh: '组分为空', en: 'the composition is empty' },
  COMPOSITION_ERROR: { zh: '无法计算发热量：{detail}', en: 'cannot compute the calorific value: {detail}' },
} satisfies Record<string, Msg>;
export type RowErrorCode = keyof typeof ROW_ERRORS;

export interface RowError {
  row: number;
  field: string;
  code: RowErrorCode;
  params?: Record<string, unknown>;
}

/** "第 3 行「日气量(m³)」：不能为负数（-5）" / "Row 3, daily volume (m³): must not be negative (-5)". */
export function rowMessage(e: RowError, lang: Lang): string {
  const label = tr(fieldLabel(e.field), lang);
  const detail = tr(ROW_ERRORS[e.code], lang, e.params ?? {});
  return lang === 'en' ? `Row ${e.row}, ${label}: ${detail}` : `第 ${e.row} 行「${label}」：${detail}`;
}
