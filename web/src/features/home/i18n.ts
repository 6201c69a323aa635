import { addTranslations } from '../../app/i18n';

export const NS = 'home';

addTranslations(
  NS,
  {
    title: '工作台',
    hello: '{{name}}，您好',
    none: '暂无可显示的工作内容',
    scope: { company: '全公司', mine: '我负责的客户' },
    levels: { title: '气款等级（{{scope}}）', stop: '停气', reduce: '减气', warning: '预警', normal: '正常', customers: '户' },
    money: { receivable: '应收合计', negative: '负余额客户', adjustments: '待审批调账' },
    volume: {
      title: '昨日用气（{{day}}）',
      actual: '实际',
      plan: '计划',
      ofPlan: '完成计划',
      lastYear: '去年同日（{{day}}）',
      change: '同比',
      noPlan: '无计划',
      customers: '{{count}} 户',
    },
    todo: { title: '待办', openCases: '进行中的减停气程序', approvals: '待审批（保民用停气）', instructions: '待执行指令', expired: '已过期证照', expiring: '{{days}} 天内到期证照' },
    payments: { title: '收款（{{day}}）', count: '收款笔数', amount: '收款金额', month: '本月累计', unmatched: '待分配银行流水', unmatchedFen: '待分配金额' },
    unit: { yuan: '元', m3: 'm³', count: '笔', items: '项' },
  },
  {
    title: 'Workbench',
    hello: 'Hello, {{name}}',
    none: 'Nothing to show yet',
    scope: { company: 'company', mine: 'my customers' },
    levels: { title: 'Payment levels ({{scope}})', stop: 'Stop', reduce: 'Reduce', warning: 'Warning', normal: 'Normal', customers_one: 'customer', customers_other: 'customers' },
    money: { receivable: 'Receivables', negative: 'Negative balances', adjustments: 'Adjustments to approve' },
    volume: {
      title: 'Yesterday’s volume ({{day}})',
      actual: 'Actual',
      plan: 'Plan',
      ofPlan: 'Of plan',
      lastYear: 'Same day last year ({{day}})',
      change: 'Year on year',
      noPlan: 'No plan',
      customers_one: '{{count}} customer',
      customers_other: '{{count}} customers',
    },
    todo: {
      title: 'To do',
      openCases: 'Open reduce/stop cases',
      approvals: 'Awaiting approval (residential stops)',
      instructions: 'Instructions to execute',
      expired: 'Expired documents',
      expiring: 'Documents expiring within {{days}} days',
    },
    payments: { title: 'Payments ({{day}})', count: 'Payments', amount: 'Amount', month: 'Month to date', unmatched: 'Unmatched bank lines', unmatchedFen: 'Unmatched amount' },
    unit: { yuan: 'CNY', m3: 'm³', count: '', items: '' },
  },
);
