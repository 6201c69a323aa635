/** Error codes of the onboarding module (zh/en). */
import { defineErrors } from '../../platform/http/errors';

export const OE = defineErrors({
  ONB_NOT_PROSPECT: {
    status: 409,
    zh: '只能为潜在或调研阶段的客户立新增客户案件（当前状态：{status}）',
    en: 'An onboarding case can only be opened for a prospect or a customer in survey (current status: {status})',
  },
  ONB_CASE_EXISTS: { status: 409, zh: '该客户已有新增客户案件（案件号 {caseId}）', en: 'The customer already has an onboarding case (#{caseId})' },
  ONB_CASE_LOCKED: { status: 409, zh: '案件当前状态为“{status}”，不能再修改调研内容', en: 'The case is “{status}”; its survey can no longer be edited' },
  ONB_WRONG_DEPARTMENT: {
    status: 403,
    zh: '“{section}”由{department}填写，您所在科室（{yours}）不能填写',
    en: '“{section}” is completed by {department}; your department ({yours}) cannot complete it',
  },
  ONB_SURVEY_NOT_SCHEDULED: { status: 409, zh: '请先安排联合现场调研（日期、地点、参加人员）', en: 'Schedule the joint site survey first (date, place, participants)' },
  ONB_CONDITIONS_REQUIRED: { status: 400, zh: '“有条件同意”或“不同意”须填写条件或理由（conditions）', en: 'An opinion “with conditions” or “disagree” needs its conditions or reasons (conditions)' },
  ONB_SECTIONS_MISSING: { status: 409, zh: '以下部分尚未完成：{sections}', en: 'These sections are not completed yet: {sections}' },
  ONB_COMBINED_MISSING: { status: 409, zh: '请先形成综合意见', en: 'Record the combined opinion first' },
  ONB_COMBINED_CONTRADICTS: { status: 400, zh: '有科室不同意（{sections}），综合意见不能为“同意”', en: 'A department disagrees ({sections}); the combined conclusion cannot be “agree”' },
  ONB_NOT_SUBMITTED: { status: 409, zh: '案件不在待审批状态', en: 'The case is not awaiting approval' },
  ONB_APPROVE_DISAGREE: { status: 409, zh: '综合意见为“不同意”，不能批准，只能退回', en: 'The combined conclusion is “disagree”; the case can only be returned' },
  ONB_NOT_APPROVED: { status: 409, zh: '案件尚未批准（当前状态：{status}）', en: 'The case is not approved (current status: {status})' },
  ONB_CONTRACT_OTHER_CUSTOMER: { status: 409, zh: '合同 {contractNo} 不属于该客户', en: 'Contract {contractNo} belongs to another customer' },
  ONB_CONTRACT_TERMINATED: { status: 409, zh: '合同 {contractNo} 已终止，不能关联', en: 'Contract {contractNo} is terminated and cannot be linked' },
  ONB_CONTRACT_NO_MISMATCH: {
    status: 409,
    zh: '登记的合同编号 {contractNo} 与已关联的合同 {linked} 不一致',
    en: 'The contract number {contractNo} differs from the linked contract {linked}',
  },
  ONB_CONTRACT_FORBIDDEN: { status: 403, zh: '新建合同草稿需要合同编辑权限', en: 'Creating a draft contract needs the contracts write permission' },
  ONB_NOT_CONTRACTED: { status: 409, zh: '须先签订购销合同（当前状态：{status}）', en: 'The contract must be signed first (current status: {status})' },
  ONB_MILESTONES_OPEN: { status: 409, zh: '以下建设节点尚未完成，不能投产：{milestones}', en: 'These construction milestones are not done; cannot commission: {milestones}' },
  ONB_DATE_ORDER: { status: 400, zh: '{field} 不能早于 {after}', en: '{field} cannot be before {after}' },
  ONB_NO_FILE: { status: 400, zh: '请上传文件（file）', en: 'Please upload a file (file)' },
  ONB_BAD_FILE: { status: 400, zh: '不支持的文件类型（允许 PDF、JPG、PNG）', en: 'Unsupported file type (PDF, JPG, PNG allowed)' },
  ONB_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体（{path}），无法生成 PDF；请安装 fonts-noto-cjk',
    en: 'The CJK font ({path}) is missing on the server; install fonts-noto-cjk to print PDFs',
  },
});
