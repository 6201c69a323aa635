import { addTranslations } from '../../app/i18n';

export const NS = 'settlement';

addTranslations(
  NS,
  {
    menu: { prices: '价格管理', contracts: '购销合同', settlement: '月度结算', deviation: '偏差结算' },
    basis: { m3: '按体积 (m³)', GJ: '按能量 (GJ)' },
    season: { all: '全年', heating: '采暖季(11–3月)', non_heating: '非采暖季' },
    cstatus: { draft: '草稿', active: '生效', terminated: '终止' },
    mstatus: { draft: '草稿', confirmed: '已确认', closed: '已关闭' },
    dstatus: { draft: '草稿', reviewed: '已会商', confirmed: '已出具确认单', signed: '已回签', posted: '已入账' },
    kind: { base: '合同基础量', award: '线上交易量', extra: '超合同量', adjustment: '以前月份调整' },
    cause: { force_majeure: '不可抗力', supplier_curtailment: '供方限气', earthquake: '地震', maintenance: '设备检修', other: '其他' },
    f: {
      tag: '资源标签', category: '价格类别', basis: '计价方式', season: '期间', price: '价格', effectiveFrom: '生效日期', current: '当前', note: '备注', benchmark: '基准门站价(元/m³)', cap: '上浮上限(%)',
      month: '月份', reference: '参照价格', customer: '客户', contractNo: '合同编号', year: '合同年度', period: '合同期间', status: '状态', total: '合同总量', theta: '照付不议比例 θ', tau: '超量容差 τ', k: '偏差系数 k',
      basePrice: '合同价格(空=按价格表)', months: '分月气量', quantity: '数量', contracted: '合同量', actual: '实际量', ratio: '完成率', overTake: '超量', version: '版本', prepayment: '预付款条款',
      amount: '金额(元)', daily: '已计日气费(元)', trueUp: '多退少补(元)', lines: '结算明细', line: '序号', kindL: '类别', days: '期间', runs: '结算次数', customers: '客户数', reason: '原因',
      label: '名称', from: '起始月', to: '终止月', shortfall: '偏差气量 Q_s', exempt: '免责气量 Q_x', fee: '偏差结算费(元)', cases: '客户数', claimed: '申请免责量', approved: '核定免责量', receivedOn: '来函日期',
      cause: '原因', description: '说明', heldOn: '会商日期', participants: '参会科室', decision: '会商结论', posted: '已入账', customerTimes: '户次', claims: '来函', byTag: '按资源标签', byType: '按客户类型', byCity: '按地区',
      contractPrice: '合同价格 P_c', lastMonth: '终止后最后一个月', effectiveMonth: '变更生效月', search: '客户名称或编码', evidence: '证明材料',
    },
    a: {
      addPrice: '录入价格', history: '显示历史', addBenchmark: '录入基准门站价', setReference: '设置参照价格', addTag: '新增标签', newContract: '新建合同', activate: '生效', terminate: '终止', amend: '变更',
      upload: '上传签字合同', download: '下载合同', run: '运行结算', confirm: '确认', close: '关闭月份', reopen: '重新打开', pdf: '下载 PDF', excel: '下载 Excel', statement: '结算单',
      newPeriod: '生成草稿名单', addClaim: '登记来函', review: '专题会商', issue: '出具确认单', print: '打印确认单', signed: '上传回签件', post: '入账', fillAll: '每月相同',
    },
    msg: {
      saved: '已保存', ran: '结算完成：{{customers}} 户，合计 {{total}} 元，多退少补 {{trueUp}} 元', confirmed: '已确认', closed: '已关闭并锁定', reopened: '已重新打开', reopenHint: '重新打开已关闭月份须填写原因（仅销售部负责人）',
      noMonth: '请选择或输入月份', pickMonth: '结算月份', created: '已生成 {{cases}} 户', overTake: '超出 τ', locked: '已关闭的月份已锁定：更正将在下一个未关闭月份以调整行体现',
      chart: '合同量与实际量', posted: '偏差结算费已入账', issued: '确认单已出具', uploaded: '已上传', required: '必填', unitPrice: '元/{{u}}', yearly: '{{year}} 年偏差结算：{{times}} 户次，偏差气量 {{shortfall}} 万方，费用 {{fee}} 元',
    },
  },
  {
    menu: { prices: 'Price book', contracts: 'Contracts', settlement: 'Monthly settlement', deviation: 'Deviation settlement' },
    basis: { m3: 'Volume (m³)', GJ: 'Energy (GJ)' },
    season: { all: 'All year', heating: 'Heating season (Nov–Mar)', non_heating: 'Outside heating season' },
    cstatus: { draft: 'Draft', active: 'Active', terminated: 'Terminated' },
    mstatus: { draft: 'Draft', confirmed: 'Confirmed', closed: 'Closed' },
    dstatus: { draft: 'Draft', reviewed: 'Reviewed', confirmed: 'Confirmation issued', signed: 'Signed', posted: 'Posted' },
    kind: { base: 'Contract base', award: 'Online award', extra: 'Above contract', adjustment: 'Adjustment of a closed month' },
    cause: { force_majeure: 'Force majeure', supplier_curtailment: 'Seller curtailment', earthquake: 'Earthquake', maintenance: 'Maintenance', other: 'Other' },
    f: {
      tag: 'Resource tag', category: 'Price category', basis: 'Basis', season: 'Period', price: 'Price', effectiveFrom: 'Effective from', current: 'Current', note: 'Note', benchmark: 'Benchmark city-gate price (yuan/m³)', cap: 'Float cap (%)',
      month: 'Month', reference: 'Reference price', customer: 'Customer', contractNo: 'Contract no.', year: 'Contract year', period: 'Period', status: 'Status', total: 'Total contracted', theta: 'Take-or-pay θ', tau: 'Over-take tolerance τ', k: 'Deviation coefficient k',
      basePrice: 'Contract price (empty = price book)', months: 'Monthly volumes', quantity: 'Quantity', contracted: 'Contracted', actual: 'Actual', ratio: 'Ratio', overTake: 'Over-take', version: 'Version', prepayment: 'Prepayment terms',
      amount: 'Amount (yuan)', daily: 'Daily charges (yuan)', trueUp: 'True-up (yuan)', lines: 'Lines', line: 'No.', kindL: 'Kind', days: 'Days', runs: 'Runs', customers: 'Customers', reason: 'Reason',
      label: 'Name', from: 'From', to: 'To', shortfall: 'Shortfall Q_s', exempt: 'Exempt Q_x', fee: 'Deviation fee (yuan)', cases: 'Customers', claimed: 'Claimed exempt', approved: 'Approved exempt', receivedOn: 'Received on',
      cause: 'Cause', description: 'Description', heldOn: 'Review date', participants: 'Departments', decision: 'Decision', posted: 'Posted', customerTimes: 'Customer-times', claims: 'Claims', byTag: 'By resource tag', byType: 'By customer type', byCity: 'By city',
      contractPrice: 'Contract price P_c', lastMonth: 'Last month in force', effectiveMonth: 'Effective month', search: 'Customer name or code', evidence: 'Evidence',
    },
    a: {
      addPrice: 'Add price', history: 'Show history', addBenchmark: 'Add benchmark', setReference: 'Set reference price', addTag: 'New tag', newContract: 'New contract', activate: 'Activate', terminate: 'Terminate', amend: 'Amend',
      upload: 'Upload signed contract', download: 'Download contract', run: 'Run settlement', confirm: 'Confirm', close: 'Close month', reopen: 'Reopen', pdf: 'Download PDF', excel: 'Download Excel', statement: 'Statement',
      newPeriod: 'Make draft list', addClaim: 'Record claim', review: 'Joint review', issue: 'Issue confirmation', print: 'Print confirmation', signed: 'Upload signed copy', post: 'Post fee', fillAll: 'Same every month',
    },
    msg: {
      saved: 'Saved', ran: 'Settled {{customers}} customers, total {{total}} yuan, true-up {{trueUp}} yuan', confirmed: 'Confirmed', closed: 'Closed and locked', reopened: 'Reopened', reopenHint: 'Reopening a closed month needs a reason (sales lead only)',
      noMonth: 'Choose or enter a month', pickMonth: 'Settlement month', created: '{{cases}} customers on the draft list', overTake: 'Above τ', locked: 'A closed month is locked: corrections appear as adjustment lines in the next open month',
      chart: 'Contracted vs actual', posted: 'Deviation fee posted', issued: 'Confirmation issued', uploaded: 'Uploaded', required: 'Required', unitPrice: 'yuan/{{u}}', yearly: '{{year}} deviation settlement: {{times}} customer-times, shortfall {{shortfall}} ×10⁴ m³, fees {{fee}} yuan',
    },
  },
);
