import { addTranslations } from '../../app/i18n';
import { CASE_STATUS_LABELS, MILESTONE_LABELS, OPINION_LABELS, SECTION_LABELS } from '@common/onboarding';

export const NS = 'onboarding';
const pick = <K extends string>(l: Record<K, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, (v as { zh: string; en: string })[lang]]));

addTranslations(
  NS,
  {
    menu: { cases: '新增客户', board: '项目看板' },
    section: pick(SECTION_LABELS, 'zh'),
    opinion: pick(OPINION_LABELS, 'zh'),
    status: pick(CASE_STATUS_LABELS, 'zh'),
    milestone: pick(MILESTONE_LABELS, 'zh'),
    stage: { survey: '调研', review: '审查', approved: '已批准', construction: '建设', commissioned: '已投产' },
    todoKind: { section: '填写调研部分', combine: '形成综合意见', approve: '审批', construction: '建设进度' },
    event: { open: '立案', survey: '安排联合调研', section: '科室填写', combine: '综合意见', submit: '报公司审批', approve: '批准', return: '退回', contract: '签订合同', milestone: '建设节点', commission: '投产' },
    f: {
      id: '案件号', customer: '客户', project: '项目名称', status: '状态', expected: '预计年用气量（万方）', expectedDaily: '预计日用气量（m³）', expectedAnnual: '预计年用气量（m³）', surveyDate: '调研日期', surveyPlace: '调研地点',
      participants: '参加人员', department: '科室', names: '人员', sections: '已完成部分', openedAt: '立案时间', age: '已历时（天）', findings: '调查情况', opinionF: '审查意见', conditions: '条件/理由', reviewer: '审查人',
      completedAt: '填写时间', files: '附件', combined: '综合意见', conclusion: '结论', suggested: '建议结论', decision: '审批意见', contractNo: '合同编号', signedOn: '签订日期', contractedAnnual: '合同年气量（m³）',
      plannedOn: '计划日期', doneOn: '完成日期', note: '说明', commissionedOn: '投产日期', year: '年度', newCustomers: '新增客户', commissioned: '投产项目', newScale: '新增合同规模（万方/年）', contracts: '签约数',
      count: '项目数', volume: '预计年用气（万方）', avgAge: '平均历时（天）', keyword: '项目名称', reason: '退回原因', history: '案件记录', todo: '我的待办（新增客户）',
    },
    a: { open: '新建案件', survey: '安排联合调研', fill: '填写', combine: '形成综合意见', submit: '报公司审批', approve: '批准', return: '退回', contract: '登记合同', commission: '投产', report: '调查报告 PDF', review: '审查意见表 PDF', upload: '上传附件', edit: '登记' },
    tabs: { list: '案件列表', board: '项目看板', yearly: '年度统计' },
    msg: { saved: '已保存', noCases: '暂无新增客户案件', noTodo: '暂无待办', sectionsHint: '各科室在现场联合调研后分别填写本科室负责的部分', onlyDept: '由{{dept}}填写', fileHint: '仅限 PDF、JPG、PNG' },
  },
  {
    menu: { cases: 'New customers', board: 'Pipeline board' },
    section: pick(SECTION_LABELS, 'en'),
    opinion: pick(OPINION_LABELS, 'en'),
    status: pick(CASE_STATUS_LABELS, 'en'),
    milestone: pick(MILESTONE_LABELS, 'en'),
    stage: { survey: 'Survey', review: 'Review', approved: 'Approved', construction: 'Construction', commissioned: 'Commissioned' },
    todoKind: { section: 'Complete survey section', combine: 'Record combined opinion', approve: 'Approve', construction: 'Construction progress' },
    event: { open: 'Opened', survey: 'Joint survey scheduled', section: 'Section completed', combine: 'Combined opinion', submit: 'Submitted for approval', approve: 'Approved', return: 'Returned', contract: 'Contract signed', milestone: 'Milestone', commission: 'Commissioned' },
    f: {
      id: 'Case', customer: 'Customer', project: 'Project', status: 'Status', expected: 'Expected annual volume (10⁴ m³)', expectedDaily: 'Expected daily volume (m³)', expectedAnnual: 'Expected annual volume (m³)', surveyDate: 'Survey date', surveyPlace: 'Survey place',
      participants: 'Participants', department: 'Department', names: 'People', sections: 'Sections done', openedAt: 'Opened', age: 'Age (days)', findings: 'Findings', opinionF: 'Opinion', conditions: 'Conditions/reasons', reviewer: 'Reviewer',
      completedAt: 'Completed', files: 'Attachments', combined: 'Combined opinion', conclusion: 'Conclusion', suggested: 'Suggested', decision: 'Decision note', contractNo: 'Contract no.', signedOn: 'Signed on', contractedAnnual: 'Contracted annual volume (m³)',
      plannedOn: 'Planned', doneOn: 'Done', note: 'Note', commissionedOn: 'Commissioned on', year: 'Year', newCustomers: 'New customers', commissioned: 'Projects commissioned', newScale: 'New contracted scale (10⁴ m³/yr)', contracts: 'Contracts',
      count: 'Projects', volume: 'Expected annual (10⁴ m³)', avgAge: 'Average age (days)', keyword: 'Project name', reason: 'Reason for return', history: 'Case history', todo: 'My to-do (new customers)',
    },
    a: { open: 'New case', survey: 'Schedule joint survey', fill: 'Complete', combine: 'Combined opinion', submit: 'Submit for approval', approve: 'Approve', return: 'Return', contract: 'Record contract', commission: 'Commission', report: 'Survey report PDF', review: 'Review form PDF', upload: 'Upload', edit: 'Record' },
    tabs: { list: 'Cases', board: 'Pipeline board', yearly: 'Yearly figures' },
    msg: { saved: 'Saved', noCases: 'No onboarding cases', noTodo: 'Nothing to do', sectionsHint: 'After the joint site survey each department completes its own sections', onlyDept: 'Completed by {{dept}}', fileHint: 'PDF, JPG or PNG only' },
  },
);
