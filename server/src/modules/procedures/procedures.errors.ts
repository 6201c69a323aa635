/** Error codes of the reduce/stop procedure (zh/en). The PROC_* refusals come from procedures.calc.ts. */
import { defineErrors } from '../../platform/http/errors';

export const PE = defineErrors({
  PROC_CASE_NOT_OPEN: { status: 409, zh: '减停气案件已结束，不能再操作', en: 'The reduce/stop case is no longer open' },
  PROC_CASE_ALREADY_OPEN: { status: 409, zh: '客户已有未结束的减停气案件（案件号 {caseId}）', en: 'The customer already has an open reduce/stop case (#{caseId})' },
  PROC_WARNING_FIRST: { status: 409, zh: '步骤顺序错误：预警通知只能作为案件的第一步', en: 'Step order: the warning is the first step of a case' },
  PROC_NEEDS_WARNING: { status: 409, zh: '步骤顺序错误：发送催款函前须先发出预警通知', en: 'Step order: send the warning before the payment notice' },
  PROC_NEEDS_NOTICE: { status: 409, zh: '步骤顺序错误：下达减气/停气指令前须先发出催款函', en: 'Step order: send the payment notice before a reduce or stop instruction' },
  PROC_INSTRUCTION_PENDING: { status: 409, zh: '上一条指令（{kind}）尚未审批或执行确认，不能下达新指令', en: 'The previous instruction ({kind}) is still awaiting approval or execution' },
  PROC_ALREADY_STOPPED: { status: 409, zh: '客户已停气，只能恢复供气', en: 'Gas is already stopped; only restoring is possible' },
  PROC_STOP_NEEDS_REDUCE: {
    status: 409,
    zh: '停气前须先执行减气；跳过减气须由销售部负责人填写理由（overrideReason）',
    en: 'A stop needs an executed reduce first; only the sales lead may skip it, with a reason (overrideReason)',
  },
  PROC_OVERRIDE_NOT_ALLOWED: { status: 403, zh: '只有销售部负责人可以跳过步骤（overrideReason）', en: 'Only the sales lead may skip a step (overrideReason)' },
  PROC_RESTORE_NEEDS_PAYMENT: {
    status: 409,
    zh: '余额尚未回到预警线以上，不能恢复供气（当前等级：{level}）',
    en: 'The balance is not back above the warning level; cannot restore (current level: {level})',
  },
  PROC_AFTER_RESTORE: { status: 409, zh: '已下达恢复供气，案件不能再添加步骤', en: 'Restoring has been issued; no further steps' },
  PROC_NOT_PENDING_APPROVAL: { status: 409, zh: '该指令不在待审批状态', en: 'This instruction is not awaiting approval' },
  PROC_NOT_PENDING_EXECUTION: { status: 409, zh: '该步骤不是待执行的指令', en: 'This step is not an instruction awaiting execution' },
  PROC_CANCEL_RESTRICTED: { status: 409, zh: '已执行减气/停气，须通过恢复供气结束案件', en: 'Gas was reduced or stopped; end the case by restoring supply' },
  PROC_CUSTOMER_PAID: {
    status: 409,
    zh: '客户已缴费，气款等级已恢复正常：确认执行{kind}须填写强制执行原因（overrideReason）',
    en: 'The customer has paid and its level is back to normal: confirming the {kind} needs an override reason (overrideReason)',
  },
  PROC_NOT_ASSIGNED: { status: 403, zh: '该指令未下达给您，不能确认执行', en: 'This instruction was not sent to you' },
  PROC_NO_OPERATOR: { status: 400, zh: '没有可接收指令的作业区用户（operatorUserIds），请先创建作业区账号或手工选择', en: 'No operation-area user to receive the instruction (operatorUserIds)' },
  PROC_BAD_OPERATOR: { status: 400, zh: '用户 {userId} 不是有效的作业区用户（operatorUserIds）', en: 'User {userId} is not an active operation-area user (operatorUserIds)' },
  PROC_NOT_NOTICE: { status: 409, zh: '只有催款函有回执', en: 'Only a payment notice has a receipt' },
  PROC_RECEIPT_ORDER: { status: 400, zh: '回执签收时间（signedAt）不能早于发函时间', en: 'The receipt signing time (signedAt) cannot be before the notice was sent' },
  PROC_EXEC_BEFORE_ISSUE: { status: 400, zh: '执行时间（executedAt）不能早于指令下达时间', en: 'The execution time (executedAt) cannot be before the instruction was issued' },
  PROC_FUTURE_TIME: { status: 400, zh: '{field} 不能晚于当前时间', en: '{field} cannot be in the future' },
  PROC_NO_FILE: { status: 400, zh: '请上传文件（file）', en: 'Please upload a file (file)' },
  PROC_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体（{path}），无法生成 PDF；请安装 fonts-noto-cjk',
    en: 'The CJK font ({path}) is missing on the server; install fonts-noto-cjk to print PDFs',
  },
  PROC_FIELD_NOT_FOR_KIND: { status: 400, zh: '字段 {field} 不适用于{kind}', en: 'Field {field} does not apply to a {kind}' },
  PROC_CUSTOMER_CLOSED: { status: 409, zh: '客户已销户，不能立减停气案件', en: 'The customer is closed; no reduce/stop case can be opened' },
});
