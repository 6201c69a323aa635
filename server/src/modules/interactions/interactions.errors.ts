/** Error codes of the interactions module (contacts, interactions, issues, tasks, letters). */
import { defineErrors } from '../../platform/http/errors';

export const IE = defineErrors({
  CONTACT_NO_MEANS: { status: 400, zh: '联系人“{name}”至少需要填写手机、座机或邮箱之一', en: 'Contact "{name}" needs a mobile, a landline or an email' },
  CONTACT_PRIMARY_REQUIRED: {
    status: 400,
    zh: '联系人“{name}”是主要联系人，不能直接取消；请把另一位联系人设为主要联系人',
    en: 'Contact "{name}" is the primary contact; make another contact primary instead',
  },
  CONTACT_NOT_OF_CUSTOMER: {
    status: 400,
    zh: '参与人（客户联系人）第 {index} 项：联系人 {id} 不属于该客户或已删除',
    en: 'Participant contact #{index}: contact {id} does not belong to this customer or was deleted',
  },
  USER_UNKNOWN: { status: 400, zh: '{field}：用户 {id} 不存在或已停用', en: '{field}: user {id} does not exist or is disabled' },
  ASSIGNEE_OUT_OF_SCOPE: { status: 400, zh: '{field}：用户“{name}”不负责该客户，无法指派', en: '{field}: user "{name}" is not responsible for this customer' },
  DATE_IN_FUTURE: { status: 400, zh: '{field}不能晚于今天（{today}）', en: '{field} cannot be after today ({today})' },
  DATE_ORDER: { status: 400, zh: '{field}不能早于{other}', en: '{field} cannot be before {other}' },
  ISSUE_TRANSITION: { status: 409, zh: '问题状态不能从“{from}”变为“{to}”', en: 'An issue cannot go from "{from}" to "{to}"' },
  ISSUE_RESOLUTION_REQUIRED: { status: 400, zh: '解决问题时必须填写处理结果（resolution）', en: 'Resolving an issue needs a resolution' },
  ISSUE_CLOSED: { status: 409, zh: '问题已关闭，不能再修改', en: 'The issue is closed and cannot be changed' },
  TASK_NOT_OPEN: { status: 409, zh: '待办已{status}，不能再修改', en: 'The task is already {status}' },
  TASK_NOT_YOURS: { status: 403, zh: '只有被指派人或负责该客户的人员可以处理此待办', en: 'Only the assignee or someone responsible for the customer may handle this task' },
  LETTER_NO_MANAGER: { status: 400, zh: '客户“{name}”尚未指定客户经理，无法生成告知函', en: 'Customer "{name}" has no account manager; the letter cannot be produced' },
  LETTER_NONE: { status: 400, zh: '所选条件下没有已指定客户经理的客户', en: 'No customer with an account manager matches the filter' },
  LETTER_TOO_MANY: { status: 400, zh: '一次最多生成 {max} 份告知函（当前 {count} 份），请缩小筛选范围', en: 'At most {max} letters at once ({count} selected); narrow the filter' },
  FONT_MISSING: { status: 503, zh: '服务器缺少中文字体（{path}），无法生成 PDF；请安装 fonts-noto-cjk', en: 'The CJK font ({path}) is missing on the server; install fonts-noto-cjk to produce PDFs' },
  EXPORT_TOO_LARGE: { status: 400, zh: '导出行数 {count} 超过上限 {max}，请缩小筛选范围', en: '{count} rows exceed the export limit of {max}; narrow the filter' },
});
