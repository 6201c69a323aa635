import { addTranslations } from '../../app/i18n';

export const NS = 'interactions';

addTranslations(
  NS,
  {
    menu: { interactions: '对接与走访', issues: '客户问题', tasks: '我的待办', managerTable: '经理大表', stats: '对接统计' },
    tabs: { contacts: '联系人', interactions: '对接记录', issues: '问题' },
    kind: { phone: '电话', visit: '走访', meeting: '会议', online: '线上' },
    topic: { price: '价格', payment: '气款', quality_metering: '质量计量', policy: '政策', supply: '供气', complaint: '投诉', other: '其他' },
    role: { legal_rep: '法定代表人', finance: '财务', dispatch: '调度', safety: '安全', business: '经营', other: '其他' },
    issueStatus: { open: '待处理', in_progress: '处理中', resolved: '已解决', closed: '已关闭' },
    taskStatus: { open: '待办', done: '已完成', cancelled: '已取消' },
    managerKind: { full_time: '专职', part_time: '兼职' },
    f: {
      customer: '客户', date: '日期', kind: '方式', topic: '主题', owner: '负责人', summary: '内容摘要', users: '我方参与人', contacts: '客户参与人', others: '其他参与人',
      nextStep: '下一步', followUp: '生成待办', followUpDue: '待办到期日', followUpTitle: '待办事项', assignee: '被指派人', period: '期间', keyword: '客户/内容关键词',
      name: '姓名', title: '职务', mobile: '手机', landline: '座机', email: '邮箱', role: '角色', primary: '主要联系人', notes: '备注',
      issue: '问题', description: '问题描述', raisedAt: '提出时间', dueOn: '到期日', status: '状态', firstResponse: '首次响应', resolution: '处理结果', resolutionTime: '解决用时', overdue: '逾期', contact: '提出人',
      task: '待办事项', manager: '客户经理', managerKind: '类别', managerPhone: '经理电话', region: '地区', type: '客户类型', code: '客户编号', primaryContact: '主要联系人', otherContacts: '其他联系人',
      granularity: '统计粒度', month: '按月', quarter: '按季', year: '按年', contactsCount: '对接次数', visits: '走访', phones: '电话', meetings: '会议', online: '线上', issuesOpened: '新增问题', issuesResolved: '解决问题', avgResponse: '平均首次响应',
    },
    a: {
      log: '记录对接', editLog: '编辑对接记录', addContact: '新增联系人', editContact: '编辑联系人', setPrimary: '设为主要联系人', history: '变更历史', raise: '登记问题', editIssue: '编辑问题',
      start: '开始处理', resolve: '解决', close: '关闭', reopen: '重新处理', newTask: '新建待办', done: '完成', cancelTask: '取消待办', letter: '告知函', batchLetters: '批量告知函', sendLetters: '发送为告知函', sendLettersConfirm: '将当前筛选的客户经理告知函作为告知函发送（站内通知客户经理，并记入各客户“告知函”）？', deleteConfirm: '确定删除？', more: '查看全部',
    },
    msg: {
      saved: '已保存', deleted: '已删除', done: '已完成', primaryHint: '每个客户有且只有一位主要联系人；设新的主要联系人会自动取消原来的', resolutionRequired: '请填写处理结果',
      noneDue: '暂无待办', overdueCount: '{{count}} 项已逾期', dueToday: '今天到期', hours: '{{h}} 小时', statsSubtitle: '对接次数 = 全部对接记录（电话、走访、会议、线上），按负责人统计；平均首次响应按期间内提出的问题计算',
      scopeHint: '仅显示您负责的客户', meansRequired: '手机、座机、邮箱至少填写一项', mobileFormat: '手机号应为 11 位数字，以 13–19 开头，如 13980001001', landlineFormat: '座机格式应为 区号-号码，如 0830-3100001（可带分机 -12）', totalContacts: '合计对接', totalVisits: '合计走访',
    },
    widget: { title: '我的待办', subtitle: '到期提醒' },
  },
  {
    menu: { interactions: 'Contacts & visits', issues: 'Customer issues', tasks: 'My tasks', managerTable: 'Manager table', stats: 'Contact statistics' },
    tabs: { contacts: 'Contacts', interactions: 'Interactions', issues: 'Issues' },
    kind: { phone: 'Phone', visit: 'Visit', meeting: 'Meeting', online: 'Online' },
    topic: { price: 'Price', payment: 'Payment', quality_metering: 'Quality & metering', policy: 'Policy', supply: 'Supply', complaint: 'Complaint', other: 'Other' },
    role: { legal_rep: 'Legal representative', finance: 'Finance', dispatch: 'Dispatch', safety: 'Safety', business: 'Business', other: 'Other' },
    issueStatus: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' },
    taskStatus: { open: 'To do', done: 'Done', cancelled: 'Cancelled' },
    managerKind: { full_time: 'Full-time', part_time: 'Part-time' },
    f: {
      customer: 'Customer', date: 'Date', kind: 'Kind', topic: 'Topic', owner: 'Owner', summary: 'Summary', users: 'Our participants', contacts: 'Customer participants', others: 'Other participants',
      nextStep: 'Next step', followUp: 'Create a task', followUpDue: 'Task due', followUpTitle: 'Task', assignee: 'Assignee', period: 'Period', keyword: 'Customer / text',
      name: 'Name', title: 'Title', mobile: 'Mobile', landline: 'Landline', email: 'Email', role: 'Role', primary: 'Primary contact', notes: 'Notes',
      issue: 'Issue', description: 'Description', raisedAt: 'Raised at', dueOn: 'Due', status: 'Status', firstResponse: 'First response', resolution: 'Resolution', resolutionTime: 'Time to resolve', overdue: 'Overdue', contact: 'Raised by',
      task: 'Task', manager: 'Account manager', managerKind: 'Kind', managerPhone: 'Manager phone', region: 'Region', type: 'Customer type', code: 'Code', primaryContact: 'Primary contact', otherContacts: 'Other contacts',
      granularity: 'Granularity', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly', contactsCount: 'Contacts', visits: 'Visits', phones: 'Phone', meetings: 'Meetings', online: 'Online', issuesOpened: 'Issues opened', issuesResolved: 'Issues resolved', avgResponse: 'Avg first response',
    },
    a: {
      log: 'Log contact', editLog: 'Edit interaction', addContact: 'New contact', editContact: 'Edit contact', setPrimary: 'Make primary', history: 'History', raise: 'Raise issue', editIssue: 'Edit issue',
      start: 'Start', resolve: 'Resolve', close: 'Close', reopen: 'Reopen', newTask: 'New task', done: 'Done', cancelTask: 'Cancel task', letter: 'Letter', batchLetters: 'Letters (batch)', sendLetters: 'Send as notice', sendLettersConfirm: 'Send the account-manager letters of this filter as a notice (in-app to the managers, recorded on each customer’s Notices tab)?', deleteConfirm: 'Delete?', more: 'See all',
    },
    msg: {
      saved: 'Saved', deleted: 'Deleted', done: 'Done', primaryHint: 'Each customer has exactly one primary contact; making another one primary unsets the old one', resolutionRequired: 'Enter the resolution',
      noneDue: 'Nothing to do', overdueCount: '{{count}} overdue', dueToday: 'Due today', hours: '{{h}} h', statsSubtitle: 'Contacts = all logged interactions (phone, visit, meeting, online), counted for their owner; average first response over the issues raised in the period',
      scopeHint: 'Only customers you are responsible for', meansRequired: 'Enter a mobile, a landline or an email', mobileFormat: 'A mobile number has 11 digits starting 13–19, e.g. 13980001001', landlineFormat: 'A landline is area code-number, e.g. 0830-3100001 (extension -12 allowed)', totalContacts: 'Contacts in total', totalVisits: 'Visits in total',
    },
    widget: { title: 'My tasks', subtitle: 'Due dates' },
  },
);
