/** Error codes of the settlement module (zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const SE = defineErrors({
  SETTLEMENT_RUNNING: { status: 409, zh: '{month} 的结算正在另一个会话中运行，请稍后再试', en: 'Settlement of {month} is already running in another session; try again shortly' },
  SETTLEMENT_MONTH_LOCKED: {
    status: 409,
    zh: '{month} 结算状态为「{status}」，已锁定，不能{action}；更正将在下一个未关闭月份以调整行体现',
    en: 'Settlement month {month} is {status} and locked; cannot {action}. Corrections appear as adjustment lines in the next open month',
  },
  SETTLEMENT_MONTH_NOT_ENDED: { status: 400, zh: '{month} 尚未结束（最后一个气日 {last}），不能结算', en: 'Month {month} has not ended (last gas day {last}); it cannot be settled yet' },
  SETTLEMENT_MISSING_PRICES: {
    status: 409,
    zh: '{month} 有 {count} 项缺少价格或热值，结算已停止（不会按零价结算）：{list}',
    en: 'Settlement of {month} stopped: {count} missing prices or energy values (nothing is priced at zero): {list}',
  },
  SETTLEMENT_STATUS: { status: 409, zh: '{month} 结算状态为「{status}」，不能{action}', en: 'Settlement month {month} is {status}; cannot {action}' },
  SETTLEMENT_NOT_RUN: { status: 404, zh: '{month} 尚未结算', en: 'Month {month} has not been settled' },
  SETTLEMENT_LATER_LOCKED: { status: 409, zh: '其后的 {later} 已确认或关闭，不能重新打开 {month}', en: 'The later month {later} is confirmed or closed; {month} cannot be reopened' },
  SETTLEMENT_STATEMENT_NONE: { status: 404, zh: '客户在 {month} 没有结算单', en: 'The customer has no settlement statement for {month}' },
  SETTLEMENT_PDF_FONT_MISSING: { status: 503, zh: '服务器缺少中文字体（{path}），无法生成 PDF；请改为导出 Excel', en: 'The server lacks a CJK font ({path}) to render the PDF; export Excel instead' },
});

export const DE = defineErrors({
  DEVIATION_PERIOD_EXISTS: { status: 409, zh: '{from} 至 {to} 的偏差结算期间已存在', en: 'A deviation period {from} to {to} already exists' },
  DEVIATION_MONTHS_UNSETTLED: { status: 409, zh: '以下月份尚未完成月度结算，不能生成偏差结算草稿：{months}', en: 'These months are not settled yet; the deviation draft cannot be made: {months}' },
  DEVIATION_NOT_ON_DRAFT: {
    status: 400,
    zh: '客户 {customer} 不在该期间的偏差结算草稿名单上，不能出具确认单',
    en: 'Customer {customer} is not on this period’s deviation draft list; no confirmation can be issued',
  },
  DEVIATION_EXEMPT_EXCEEDS_CLAIM: {
    status: 400,
    zh: '来函 #{claim} 核定免责量 {approved} 超过申请量 {claimed}',
    en: 'The approved exempt volume {approved} of claim #{claim} exceeds the claimed {claimed}',
  },
  DEVIATION_CLAIM_UNKNOWN: { status: 400, zh: '来函 #{claim} 不属于该偏差结算案例', en: 'Claim #{claim} does not belong to this deviation case' },
  DEVIATION_REVIEW_PENDING: { status: 409, zh: '该客户有来函尚未经专题会商核定，不能出具确认单', en: 'The customer’s claims have not been decided by the joint review; no confirmation yet' },
  DEVIATION_STATUS: { status: 409, zh: '偏差结算案例 #{id} 当前为「{status}」，不能{action}', en: 'Deviation case #{id} is {status}; cannot {action}' },
  DEVIATION_QUANTITY: { status: 400, zh: '{field} 应为大于 0、最多 3 位小数的数字，当前为 {value}', en: '{field} must be > 0 with at most 3 decimals; got {value}' },
  DEVIATION_FILE: { status: 400, zh: '请上传 PDF、JPG 或 PNG 文件', en: 'Upload a PDF, JPG or PNG file' },
  DEVIATION_NO_PRICE: {
    status: 409,
    zh: '客户 {customer} 合同 {contract} 在 {day} 没有基础标签的合同价格，不能计算偏差结算费',
    en: 'Customer {customer} (contract {contract}) has no base-tag contract price on {day}; the deviation fee cannot be computed',
  },
});
