import { addTranslations } from '../../app/i18n';

export const NS = 'accounts';

addTranslations(
  NS,
  {
    menu: { board: '气款监控', adjustments: '调账审批', settings: '气款设置', bank: '银行流水' },
    bank: {
      title: '银行流水', hint: '导入银行流水后，按付款账号/户名自动匹配客户并入账；未匹配的在此分配', import: '导入流水（CSV/Excel）', remember: '记住付款人（以后自动匹配）',
      assign: '分配并入账', ignore: '忽略', ignoreConfirm: '该笔不是客户气款，忽略？', assigned: '已入账（同一付款人另有 {{count}} 笔自动入账）',
      result: '共 {{lines}} 笔：入账 {{posted}}，重复 {{duplicates}}，待分配 {{unmatched}}，拒绝 {{rejected}}，跳过支出 {{skipped}}',
      status: { unmatched: '待分配', posted: '已入账', duplicate: '重复', rejected: '拒绝', ignored: '已忽略' },
    },

    tab: '气款账户',
    level: { normal: '正常', warning: '预警', reduce: '减气', stop: '停气', none: '不监控' },
    kind: { payment: '收款', daily_charge: '日气费', settlement_true_up: '结算调整', adjustment: '调账', refund: '退款', reversal: '冲正', trading_deposit: '交易保证金冻结', trading_deposit_release: '交易保证金释放', trading_deposit_applied: '保证金转气款', trading_fee: '交易手续费' },
    status: { pending: '待审批', approved: '已入账', rejected: '已驳回' },
    f: {
      customer: '客户', code: '编码', region: '地区', manager: '客户经理', level: '等级', since: '进入日期', asOf: '气日', dayVolume: '昨日气量(m³)', dayCharge: '昨日气费(元)',
      balance: '余额(元)', receivable: '应收(元)', prepaid: '预付余额(元)', avgCharge: '日均气费(元)', availableDays: '可用天数', date: '业务日期', kind: '类型', reference: '凭证/流水号',
      note: '摘要', amount: '金额(元)', createdBy: '经办人', bankRef: '银行流水号', valueDate: '到账日期', payerName: '付款人', payerAccount: '付款账号', reason: '原因',
      amountSigned: '调账金额(元，负数为扣款)', enteredBy: '录入人', decidedBy: '审批人', decision: '审批意见', from: '开始日期', to: '结束日期', warnDays: '预警天数', reduceDays: '减气天数',
      avgDays: '平均天数 N', effectiveFrom: '生效日期', price: '暂定价格(元/m³)', period: '会计期间', closedAt: '结账时间', closedBy: '结账人', search: '客户名称或编码', missing: '缺数',
    },
    a: {
      pay: '登记收款', adjust: '录入调账', refund: '退款', reverse: '冲正', approve: '审批通过', reject: '驳回', statement: '对账单', pdf: '下载 PDF', excel: '下载 Excel', thresholds: '预警阈值',
      prices: '暂定价格', closePeriod: '月结', more: '查看全部', setPrice: '设置价格', clear: '恢复全局',
    },
    msg: {
      paid: '收款已入账', duplicate: '该银行流水号已登记，未重复入账', adjusted: '调账已提交，待他人审批', approved: '调账已审批入账', rejected: '调账已驳回', refunded: '退款已入账', reversed: '已冲正',
      saved: '已保存', closed: '{{period}} 已结账', reverseConfirm: '将生成一笔方向相反的冲正单，原记录保留。确定冲正？', selfHint: '调账须由录入人以外的用户审批', noRisk: '您负责的客户气款均正常',
      amountInvalid: '请输入金额，最多两位小数', amountPositive: '金额必须大于 0', amountNonZero: '金额不能为 0', required: '必填', thresholdsHint: '留空表示沿用全局设置', notMonitored: '该客户不在供气状态，不做气款监控',
      levelRule: '停气：余额 ≤ 0；减气：可用天数 < 减气天数；预警：可用天数 < 预警天数；可用天数 = 余额 ÷ 近 N 个气日日均气费', pending: '{{count}} 笔调账待审批', levelSince: '自 {{day}} 起',
    },
    widget: { title: '我的欠费风险客户' },
    board: { counts: '停气 {{stop}} · 减气 {{reduce}} · 预警 {{warning}} · 正常 {{normal}}' },
    settings: { global: '全局预警阈值', periods: '已结账期间', close: '结账' },
    st: { opening: '期初余额', payments: '本期收款', charges: '本期气费', adjustments: '本期调账', refunds: '本期退款', closing: '期末余额' },
  },
  {
    menu: { board: 'Payment monitoring', adjustments: 'Adjustments', settings: 'Account settings', bank: 'Bank statements' },
    bank: {
      title: 'Bank statements', hint: 'Imported lines are matched to customers by payer account or name and posted; unmatched ones are assigned here', import: 'Import statement (CSV/Excel)', remember: 'Remember the payer (match automatically next time)',
      assign: 'Assign & post', ignore: 'Ignore', ignoreConfirm: 'Not a customer payment — ignore it?', assigned: 'Posted ({{count}} more from the same payer posted automatically)',
      result: '{{lines}} lines: {{posted}} posted, {{duplicates}} duplicates, {{unmatched}} to assign, {{rejected}} rejected, {{skipped}} debits skipped',
      status: { unmatched: 'To assign', posted: 'Posted', duplicate: 'Duplicate', rejected: 'Rejected', ignored: 'Ignored' },
    },

    tab: 'Account',
    level: { normal: 'Normal', warning: 'Warning', reduce: 'Reduce', stop: 'Stop', none: 'Not monitored' },
    kind: { payment: 'Payment', daily_charge: 'Daily charge', settlement_true_up: 'Settlement true-up', adjustment: 'Adjustment', refund: 'Refund', reversal: 'Reversal', trading_deposit: 'Trading deposit frozen', trading_deposit_release: 'Trading deposit released', trading_deposit_applied: 'Deposit applied to gas', trading_fee: 'Trading fee' },
    status: { pending: 'Pending', approved: 'Posted', rejected: 'Rejected' },
    f: {
      customer: 'Customer', code: 'Code', region: 'Region', manager: 'Manager', level: 'Level', since: 'Since', asOf: 'Gas day', dayVolume: 'Day volume (m³)', dayCharge: 'Day charge (CNY)',
      balance: 'Balance (CNY)', receivable: 'Receivable (CNY)', prepaid: 'Prepaid (CNY)', avgCharge: 'Avg daily charge (CNY)', availableDays: 'Days of gas left', date: 'Date', kind: 'Type', reference: 'Reference',
      note: 'Note', amount: 'Amount (CNY)', createdBy: 'By', bankRef: 'Bank reference', valueDate: 'Value date', payerName: 'Payer', payerAccount: 'Payer account', reason: 'Reason',
      amountSigned: 'Amount (CNY, negative debits)', enteredBy: 'Entered by', decidedBy: 'Decided by', decision: 'Decision note', from: 'From', to: 'To', warnDays: 'Warning days', reduceDays: 'Reduce days',
      avgDays: 'Averaging days N', effectiveFrom: 'Effective from', price: 'Provisional price (CNY/m³)', period: 'Period', closedAt: 'Closed at', closedBy: 'Closed by', search: 'Customer name or code', missing: 'missing',
    },
    a: {
      pay: 'Record payment', adjust: 'Enter adjustment', refund: 'Refund', reverse: 'Reverse', approve: 'Approve', reject: 'Reject', statement: 'Statement', pdf: 'Download PDF', excel: 'Download Excel', thresholds: 'Thresholds',
      prices: 'Provisional prices', closePeriod: 'Close month', more: 'See all', setPrice: 'Set price', clear: 'Use global',
    },
    msg: {
      paid: 'Payment posted', duplicate: 'This bank reference is already recorded; not posted twice', adjusted: 'Adjustment entered; awaiting another user\'s approval', approved: 'Adjustment approved and posted', rejected: 'Adjustment rejected', refunded: 'Refund posted', reversed: 'Reversed',
      saved: 'Saved', closed: '{{period}} closed', reverseConfirm: 'A reversing transaction with opposite postings will be created; the original stays. Reverse?', selfHint: 'An adjustment must be approved by someone other than who entered it', noRisk: 'All your customers are paid up',
      amountInvalid: 'Enter an amount with at most two decimals', amountPositive: 'The amount must be greater than 0', amountNonZero: 'The amount must not be 0', required: 'Required', thresholdsHint: 'Leave empty to use the global setting', notMonitored: 'This customer is not taking gas and is not monitored',
      levelRule: 'Stop: balance ≤ 0; Reduce: days left < reduce days; Warning: days left < warning days; days left = balance ÷ average daily charge over the last N gas days', pending: '{{count}} adjustment(s) pending', levelSince: 'since {{day}}',
    },
    widget: { title: 'My customers at payment risk' },
    board: { counts: 'Stop {{stop}} · Reduce {{reduce}} · Warning {{warning}} · Normal {{normal}}' },
    settings: { global: 'Global thresholds', periods: 'Closed periods', close: 'Close' },
    st: { opening: 'Opening balance', payments: 'Payments', charges: 'Charges', adjustments: 'Adjustments', refunds: 'Refunds', closing: 'Closing balance' },
  },
);
