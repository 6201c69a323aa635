/** Error codes of the notices module (告知函/回执), zh/en, each naming the field. */
import { defineErrors } from '../../platform/http/errors';

export const NE = defineErrors({
  NOTICE_UNKNOWN_PLACEHOLDER: { status: 400, zh: '{field}中有未知的占位符 {placeholder}（可用：{known}）', en: 'Unknown placeholder {placeholder} in {field} (available: {known})' },
  NOTICE_FIELD_MISSING: { status: 400, zh: '请填写字段“{label}”（{key}）', en: 'Fill in the field "{label}" ({key})' },
  NOTICE_NO_RECIPIENTS: {
    status: 400,
    zh: '收件客户为空：所选条件下没有可发送的客户（已销户或不在您的负责范围内的客户不计）',
    en: 'No recipients: no customer matches the selection (closed customers and customers outside your scope do not count)',
  },
  NOTICE_TOO_MANY: { status: 400, zh: '一次最多向 {max} 家客户发送（当前 {count} 家），请缩小范围', en: 'At most {max} customers at once ({count} selected); narrow the selection' },
  NOTICE_RECIPIENT_UNKNOWN: { status: 400, zh: '客户 {ids} 不存在、已销户或不在您的负责范围内', en: 'Customers {ids} do not exist, are closed or are outside your scope' },
  NOTICE_DUE_REQUIRED: { status: 400, zh: '需要回执时请填写回执截止日期（receiptDueOn）', en: 'A receipt due date (receiptDueOn) is required when a receipt is requested' },
  NOTICE_DUE_BEFORE_SENT: { status: 400, zh: '回执截止日期（receiptDueOn）不能早于发送日期 {sentOn}', en: 'The receipt due date (receiptDueOn) cannot be before the sending date {sentOn}' },
  NOTICE_NO_RECEIPT: { status: 409, zh: '该告知函不需要回执', en: 'This notice does not request a receipt' },
  NOTICE_RETURNED_BEFORE_SENT: {
    status: 400,
    zh: '回执日期（returnedOn）不能早于发函日期 {sentOn}，也不能晚于今天',
    en: 'The receipt date (returnedOn) cannot be before the notice date {sentOn} or after today',
  },
  NOTICE_TEMPLATE_CODE_TAKEN: { status: 409, zh: '模板编码“{code}”已存在', en: 'Template code "{code}" already exists' },
  NOTICE_TEMPLATE_INACTIVE: { status: 409, zh: '模板“{name}”已停用', en: 'Template "{name}" is disabled' },
  NOTICE_FIELD_KEY_RESERVED: { status: 400, zh: '自定义字段名 {key} 与内置占位符重名', en: 'Custom field key {key} is a built-in placeholder' },
  NOTICE_UPLOAD_MISSING: { status: 400, zh: '请上传回执签字盖章件（file）', en: 'Upload the signed copy of the receipt (file)' },
  NOTICE_FONT_MISSING: { status: 500, zh: '服务器缺少中文字体（{path}），无法生成 PDF', en: 'The CJK font ({path}) is missing on the server; the PDF cannot be produced' },
  NOTICE_EXPORT_TOO_LARGE: { status: 400, zh: '导出行数 {count} 超过上限 {max}，请缩小筛选范围', en: '{count} rows exceed the export limit of {max}; narrow the filter' },
});
