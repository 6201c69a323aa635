/** Error codes of the plans module (zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const PLE = defineErrors({
  PLAN_VERSION_LOCKED: {
    status: 409,
    zh: '计划版本（{year}年 第{seq}版）已{status}并锁定，不能修改；请新建“调整”版本',
    en: 'Plan version {seq} of {year} is {status} and locked; create an adjusted version instead',
  },
  PLAN_INITIAL_EXISTS: { status: 409, zh: '{year}年已有初版计划；请新建“调整”版本', en: 'The {year} plan already has an initial version; create an adjusted version' },
  PLAN_NO_APPROVED: { status: 409, zh: '{year}年还没有已批准的计划版本，不能新建调整版本', en: 'The {year} plan has no approved version to adjust yet' },
  PLAN_MONTHS_NOT_SUM: {
    status: 400,
    zh: '各月计划合计 {sumM3} m³ 与年度目标 {targetM3} m³ 不一致（差 {diffM3} m³）；如确需偏差，请勾选 acceptDeviation 并填写偏差说明 deviationNote',
    en: 'The monthly plans sum to {sumM3} m³, not the annual target {targetM3} m³ (difference {diffM3} m³); to keep the deviation set acceptDeviation with a deviationNote',
  },
  PLAN_MONTHS_INCOMPLETE: { status: 400, zh: '月度计划须包含 1–12 月各一条（months）', en: 'Monthly plans need exactly one row for each month 1–12 (months)' },
  PLAN_AREAS_NOT_SUM: { status: 409, zh: '以下月份作业区分配合计与月度计划不一致：{months}', en: 'The operation-area allocations do not add up to the monthly plan in: {months}' },
  PLAN_UNKNOWN_AREA: { status: 400, zh: '作业区“{area}”不存在（area）', en: 'Unknown operation area “{area}” (area)' },
  PLAN_NO_PROPOSALS: { status: 409, zh: '{year}年没有客户经理提交的建议计划', en: 'No proposals for {year}' },
  NOM_CUSTOMER_CLOSED: { status: 409, zh: '客户 {customer} 已销户，不能录入日指定', en: 'Customer {customer} is closed; no nominations' },
  NOM_PAST_CUTOFF: { status: 409, zh: '燃气日 {gasDay} 的日指定已截止（截止时间 {cutoff}）', en: 'Nominations for gas day {gasDay} closed at {cutoff}' },
  NOM_IMPORT_INVALID: { status: 400, zh: '导入文件有 {count} 处错误，未导入任何数据', en: 'The file has {count} errors; nothing was imported' },
  NOM_IMPORT_HEADER: { status: 400, zh: '缺少列：{columns}', en: 'Missing columns: {columns}' },
  NOM_IMPORT_TOO_MANY_ROWS: {
    status: 413,
    zh: '一次最多导入 {limit} 条日指定（不含表头；上限由 NOMINATION_IMPORT_MAX_ROWS 配置），请拆分文件',
    en: 'At most {limit} nominations per import (header not counted; NOMINATION_IMPORT_MAX_ROWS); split the file',
  },
  NOM_NO_FILE: { status: 400, zh: '请上传文件（file，.xlsx 或 .csv）', en: 'Please upload a file (file, .xlsx or .csv)' },
});
