/** Error codes of the contracts module (zh/en, naming the field). */
import { defineErrors } from '../../platform/http/errors';

export const KE = defineErrors({
  CONTRACT_OVERLAP: {
    status: 409,
    zh: '客户在 {from} 至 {to} 已有合同 {other}（{otherFrom} 至 {otherTo}），合同期间不能重叠',
    en: 'The customer already has contract {other} ({otherFrom} to {otherTo}) overlapping {from} to {to}; contract periods must not overlap',
  },
  CONTRACT_MONTHS_MISSING: { status: 400, zh: '分月气量 months 缺少以下月份：{months}', en: 'Monthly volumes (months) are missing for: {months}' },
  CONTRACT_MONTHS_OUTSIDE: { status: 400, zh: '分月气量 months 含合同期间之外或重复的月份：{months}', en: 'Monthly volumes (months) include months outside the contract period or repeated: {months}' },
  CONTRACT_PERIOD: {
    status: 400,
    zh: '合同期间无效：起始月 startMonth {from} 晚于终止月 endMonth {to}，或超过 24 个月',
    en: 'Invalid contract period: startMonth {from} is after endMonth {to} or longer than 24 months',
  },
  CONTRACT_QUANTITY: {
    status: 400,
    zh: '{month} 的合同气量 quantity 应为不小于 0、最多 3 位小数的数字，当前为 {value}',
    en: 'The contracted quantity for {month} must be ≥ 0 with at most 3 decimals; got {value}',
  },
  CONTRACT_NO_TAKEN: { status: 409, zh: '合同编号 contractNo「{no}」已存在', en: 'Contract number "{no}" already exists' },
  CONTRACT_STATUS: { status: 409, zh: '合同 {no} 当前状态为「{status}」，不能{action}', en: 'Contract {no} is {status}; cannot {action}' },
  CONTRACT_AMEND_MONTH: { status: 400, zh: '变更生效月 effectiveMonth {month} 不在合同期间 {from} 至 {to} 内', en: 'The amendment month {month} is outside the contract period {from} to {to}' },
  CONTRACT_TERMINATE_MONTH: { status: 400, zh: '终止后最后一个月 lastMonth {month} 应在 {from} 至 {to} 之间', en: 'The last month before termination ({month}) must be between {from} and {to}' },
  CONTRACT_TAG_UNKNOWN: { status: 400, zh: '基础资源标签 baseTag「{tag}」不存在', en: 'Base resource tag "{tag}" does not exist' },
  CONTRACT_PRICE: { status: 400, zh: '合同价格 basePrice 应为大于 0、最多 4 位小数的数字，当前为 {value}', en: 'The contract price basePrice must be > 0 with at most 4 decimals; got {value}' },
  CONTRACT_RATIO: { status: 400, zh: '{field} 应在 0 到 {max} 之间、最多 4 位小数，当前为 {value}', en: '{field} must be between 0 and {max} with at most 4 decimals; got {value}' },
  CONTRACT_FILE_MISSING: { status: 400, zh: '请上传签字盖章的合同文件（PDF/JPG/PNG）', en: 'Upload the signed contract file (PDF/JPG/PNG)' },
  CONTRACT_FILE_TYPE: { status: 400, zh: '合同文件只接受 PDF、JPG 或 PNG', en: 'The signed file must be a PDF, JPG or PNG' },
  CONTRACT_CUSTOMER_UNKNOWN: { status: 400, zh: '客户 customerId {id} 不存在', en: 'Customer {id} does not exist' },
});
