import { addTranslations } from '../../app/i18n';

export const NS = 'plans';

addTranslations(
  NS,
  {
    menu: { ledger: '销售计划台账', versions: '销售计划', nominations: '日指定' },
    groupBy: { month: '按月', area: '按作业区', type: '按客户类型', customer: '按客户' },
    kind: { initial: '初版', adjusted: '调整' },
    status: { draft: '草稿', approved: '已批准', superseded: '已替代' },
    f: {
      year: '年度', month: '月份', allMonths: '全年', group: '分组', plan: '计划（万方）', actual: '实际（万方）', dev: '偏差（万方）', devPct: '偏差率', ytdPlan: '年累计计划（万方）', ytdActual: '年累计实际（万方）', ytdDev: '年累计偏差（万方）', ytdDevPct: '年累计偏差率',
      version: '版本', target: '年度目标（万方）', revenue: '目标收入（元）', deviation: '偏差说明', monthsSum: '各月合计（万方）', areas: '作业区分配（万方）', customers: '客户分配（万方）', customerCount: '分配客户数', approvedAt: '批准时间', gaps: '作业区分配不平衡的月份',
      customer: '客户', daysNominated: '指定天数', daysCompared: '可比天数', nominated: '指定量（m³）', actualM3: '实际量（m³）', errorPct: '指定偏差率', actualThrough: '实际数据截至',
    },
    a: { approve: '批准并锁定', import: '导入日指定（Excel/CSV）' },
    msg: { noPlan: '该年度暂无已批准的计划', approved: '已批准', imported: '已导入 {{n}} 条日指定', flagged: '月度计划合计与年度目标不一致（已标记偏差）', chart: '计划与实际', accuracyHint: '指定偏差率 = Σ|实际 − 指定| ÷ Σ指定（仅统计有计量数据的燃气日）' },
  },
  {
    menu: { ledger: 'Plan ledger', versions: 'Sales plans', nominations: 'Nominations' },
    groupBy: { month: 'By month', area: 'By operation area', type: 'By customer type', customer: 'By customer' },
    kind: { initial: 'Initial', adjusted: 'Adjusted' },
    status: { draft: 'Draft', approved: 'Approved', superseded: 'Superseded' },
    f: {
      year: 'Year', month: 'Month', allMonths: 'Whole year', group: 'Group', plan: 'Plan (10⁴ m³)', actual: 'Actual (10⁴ m³)', dev: 'Deviation (10⁴ m³)', devPct: 'Deviation %', ytdPlan: 'YTD plan (10⁴ m³)', ytdActual: 'YTD actual (10⁴ m³)', ytdDev: 'YTD deviation (10⁴ m³)', ytdDevPct: 'YTD deviation %',
      version: 'Version', target: 'Annual target (10⁴ m³)', revenue: 'Target revenue (CNY)', deviation: 'Deviation note', monthsSum: 'Months total (10⁴ m³)', areas: 'Areas (10⁴ m³)', customers: 'Customers (10⁴ m³)', customerCount: 'Customers allocated', approvedAt: 'Approved', gaps: 'Months whose areas do not add up',
      customer: 'Customer', daysNominated: 'Days nominated', daysCompared: 'Days compared', nominated: 'Nominated (m³)', actualM3: 'Actual (m³)', errorPct: 'Nomination error', actualThrough: 'Actuals through',
    },
    a: { approve: 'Approve and lock', import: 'Import nominations (Excel/CSV)' },
    msg: { noPlan: 'No approved plan for this year', approved: 'Approved', imported: '{{n}} nominations imported', flagged: 'Monthly plans do not sum to the annual target (flagged deviation)', chart: 'Plan vs actual', accuracyHint: 'Nomination error = Σ|actual − nomination| ÷ Σ nomination (gas days with metering data only)' },
  },
);
