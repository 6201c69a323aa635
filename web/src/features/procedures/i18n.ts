import { addTranslations } from '../../app/i18n';

export const NS = 'procedures';

addTranslations(
  NS,
  {
    menu: { cases: '减停气程序', inbox: '待执行指令', approvals: '停气审批' },
    tab: '减停气',
    step: { warning: '预警通知', notice: '催款函', reduce: '减气指令', stop: '停气指令', restore: '恢复供气' },
    stepStatus: { done: '已完成', pending_approval: '待审批', pending_execution: '待执行', executed: '已执行', rejected: '已驳回', cancelled: '已撤回' },
    status: { open: '进行中', restore_proposed: '建议恢复', closed: '已结案', cancelled: '已撤销', active: '未结束' },
    level: { normal: '正常', warning: '预警', reduce: '减气', stop: '停气', unknown: '未知' },
    via: { manual: '手工立案', auto: '自动立案' },
    f: {
      case: '案件号', customer: '客户', region: '地区', manager: '客户经理', status: '状态', step: '当前步骤', pending: '待办', level: '气款等级', openedAt: '立案时间', closedAt: '结案时间',
      keyword: '客户编号/名称', residents: '供居民', residentsHint: '保民用：停气须经销售部负责人批准', balance: '预付余额', availableDays: '可用天数', avgCharge: '日均气费', openedVia: '立案方式', openedBy: '立案人',
      trigger: '触发等级', note: '说明', actor: '操作人', actedAt: '时间', operators: '接收作业区', targetVolume: '减至（m³/日）', overrideReason: '跳过步骤的理由', noticeNo: '函件编号', sentAt: '发函时间',
      deliveredAt: '送达时间', signedAt: '签收时间', signer: '签收人', receipt: '回执', executedAt: '执行时间', executor: '执行人', actualVolume: '实际日量（m³）', valveClosed: '已关阀', executionNote: '执行说明', paidOverride: '客户已缴费：仍须执行的原因（强制执行）',
      approvedBy: '审批人', approvalNote: '审批意见', rejectReason: '驳回理由', cancelReason: '撤销理由', attachments: '附件', purpose: '类别', levelAt: '当时等级', closeReason: '结案原因', managers: '客户经理', phone: '电话', address: '地址', restored: '已恢复供气',
    },
    a: {
      open: '立案', openTitle: '新建减停气案件', add: '下达/登记', confirm: '确认执行', confirmTitle: '确认执行：{{kind}}', approve: '批准', reject: '驳回', rejectTitle: '驳回停气', approveTitle: '批准停气',
      receipt: '登记回执', upload: '上传附件', uploadReceipt: '上传回执扫描件', print: '打印催款函', printOther: '英文版', cancel: '撤销案件', cancelTitle: '撤销案件', view: '查看', toCase: '查看案件',
    },
    msg: {
      opened: '已立案', saved: '已保存', uploaded: '已上传', approved: '已批准，指令已下达作业区', rejected: '已驳回', confirmed: '已确认执行', cancelled: '案件已撤销',
      needsApproval: '该客户供应居民用气，停气指令将提交销售部负责人审批（保民用）', needsReason: '此操作须填写理由（销售部负责人跳过步骤）', restoreProposed: '客户已缴费，余额回到预警线以上，建议恢复供气',
      noPayment: '暂无气款数据', fileHint: '仅限 PDF、JPG、PNG', alreadyOpen: '已有未结束案件', inboxHint: '下达给您的减气、停气、恢复供气指令；执行后请确认时间、执行人与实际减量/关阀情况', approvalsHint: '供应居民用气的客户（保民用）停气须经您批准',
      cancelHint: '仅当未实际减气/停气时可撤销；待执行指令将撤回', noCases: '暂无减停气案件', timeline: '程序记录', progress: '程序进度', customerInfo: '客户与气款',
    },
    purpose: { attachment: '附件', receipt: '回执' },
    inbox: { pending: '待执行', done: '已执行', all: '全部' },
    approvals: { pending: '待审批', decided: '已审批', all: '全部' },
  },
  {
    menu: { cases: 'Reduce/stop', inbox: 'Instructions', approvals: 'Stop approvals' },
    tab: 'Reduce/stop',
    step: { warning: 'Warning', notice: 'Payment notice', reduce: 'Reduce', stop: 'Stop', restore: 'Restore supply' },
    stepStatus: { done: 'Done', pending_approval: 'Awaiting approval', pending_execution: 'To execute', executed: 'Executed', rejected: 'Rejected', cancelled: 'Withdrawn' },
    status: { open: 'Open', restore_proposed: 'Restore proposed', closed: 'Closed', cancelled: 'Cancelled', active: 'Not closed' },
    level: { normal: 'Normal', warning: 'Warning', reduce: 'Reduce', stop: 'Stop', unknown: 'Unknown' },
    via: { manual: 'Manual', auto: 'Automatic' },
    f: {
      case: 'Case', customer: 'Customer', region: 'Region', manager: 'Account manager', status: 'Status', step: 'Current step', pending: 'Pending', level: 'Payment level', openedAt: 'Opened', closedAt: 'Closed',
      keyword: 'Customer code / name', residents: 'Residential', residentsHint: 'Residential supply: a stop needs the sales lead’s approval', balance: 'Prepaid balance', availableDays: 'Days of gas left', avgCharge: 'Avg. daily charge', openedVia: 'Opened', openedBy: 'Opened by',
      trigger: 'Trigger level', note: 'Note', actor: 'By', actedAt: 'Time', operators: 'Operation area', targetVolume: 'Reduce to (m³/day)', overrideReason: 'Reason for skipping a step', noticeNo: 'Notice no.', sentAt: 'Sent at',
      deliveredAt: 'Delivered at', signedAt: 'Signed at', signer: 'Signed by', receipt: 'Receipt', executedAt: 'Executed at', executor: 'Executed by', actualVolume: 'Actual volume (m³/day)', valveClosed: 'Valve closed', executionNote: 'Execution note', paidOverride: 'The customer has paid: reason to execute anyway (override)',
      approvedBy: 'Approved by', approvalNote: 'Approval note', rejectReason: 'Rejection reason', cancelReason: 'Reason', attachments: 'Attachments', purpose: 'Type', levelAt: 'Level then', closeReason: 'Close reason', managers: 'Managers', phone: 'Phone', address: 'Address', restored: 'Supply restored',
    },
    a: {
      open: 'Open case', openTitle: 'New reduce/stop case', add: 'Issue / record', confirm: 'Confirm execution', confirmTitle: 'Confirm execution: {{kind}}', approve: 'Approve', reject: 'Reject', rejectTitle: 'Reject stop', approveTitle: 'Approve stop',
      receipt: 'Record receipt', upload: 'Upload', uploadReceipt: 'Upload signed receipt', print: 'Print notice', printOther: 'Chinese version', cancel: 'Cancel case', cancelTitle: 'Cancel case', view: 'View', toCase: 'Open case',
    },
    msg: {
      opened: 'Case opened', saved: 'Saved', uploaded: 'Uploaded', approved: 'Approved; the instruction went to the operation area', rejected: 'Rejected', confirmed: 'Execution confirmed', cancelled: 'Case cancelled',
      needsApproval: 'This customer supplies residents: the stop goes to the sales lead for approval', needsReason: 'A reason is required (sales lead skipping a step)', restoreProposed: 'The customer paid; the balance is above the warning level — restoring supply is proposed',
      noPayment: 'No payment data', fileHint: 'PDF, JPG or PNG only', alreadyOpen: 'has an open case', inboxHint: 'Reduce, stop and restore instructions sent to you; after executing, confirm the time, executor and actual volume / valve', approvalsHint: 'Stops of customers supplying residents need your approval',
      cancelHint: 'Only while gas was not actually reduced or stopped; pending instructions are withdrawn', noCases: 'No reduce/stop cases', timeline: 'Record', progress: 'Progress', customerInfo: 'Customer and payment',
    },
    purpose: { attachment: 'Attachment', receipt: 'Receipt' },
    inbox: { pending: 'To execute', done: 'Executed', all: 'All' },
    approvals: { pending: 'Pending', decided: 'Decided', all: 'All' },
  },
);
