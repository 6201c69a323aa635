import { addTranslations } from '../../app/i18n';

export const NS = 'supply';

addTranslations(
  NS,
  {
    menu: { network: '供气网络', events: '应急事件', plans: '冬季保供方案' },
    kind: { gas_field: '气田', well_station: '井站', purification_plant: '净化厂', pipeline: '管线', valve_room: '阀室', delivery_point: '交接点（分输站/门站）', customer: '客户' },
    cls: { residential: '民用（居民）', public: '公用事业', key: '重点用户', other: '其他用户', interruptible: '可中断用户' },
    evKind: { earthquake: '地震', pipeline_failure: '管道故障', source_failure: '气源故障', other: '其他' },
    evStatus: { open: '处置中', closed: '已关闭' },
    sup: { unknown: '待核实', normal: '正常供气', reduced: '减量供气', interrupted: '中断供气', restored: '已恢复' },
    planStatus: { proposed: '待审批', approved: '已审批' },
    reason: { full: '全额满足', capacity: '受节点能力限制（同级同比例压减）', higher_priority: '节点能力已全部用于更高优先级', no_demand: '无需求' },
    src: { nomination: '日指定', contract: '合同日量', average: '近 7 日均量', none: '无数据' },
    s: { demand: '需求', allowed: '允许', cut: '压减' },
    f: {
      customer: '客户',
      search: '搜索节点或客户', node: '节点', code: '编号', kind: '类型', capacity: '日能力（m³）', linkCapacity: '进线能力（m³）', upstream: '上游', note: '说明', reason: '修改原因', below: '下游客户', belowNodes: '下游节点', households: '居民户数', share: '居民占比', cls: '优先级', overrideCls: '优先级（人工指定）',
      graph: '网络图', tree: '缩进树', history: '修改记录', at: '时间', by: '操作人', before: '修改前', after: '修改后', problems: '网络问题', unreachable: '无气源路径的节点', cycle: '环路',
      title: '事件标题', evKind: '事件类型', occurredAt: '发生时间', description: '事件描述', nodes: '受影响节点', region: '受影响区域', status: '状态', customers: '受影响客户', checked: '已核查', via: '影响来源', managers: '客户经理', contacts: '联系人', contacted: '已联系', siteChecked: '已现场检查', supplyStatus: '供气状态', demandChange: '需求变化（m³）', notes: '备注',
      timeline: '时间线', coordination: '上游协调', totals: '受影响 {{customers}} 户客户，居民 {{households}} 户；已联系 {{contacted}}，已现场检查 {{siteChecked}}',
      planName: '方案名称', period: '燃气日', fromDay: '开始燃气日', toDay: '结束燃气日', availability: '可供气量', availableM3: '可供气量（m³/日）', shortagePct: '短缺比例（%）', demand: '需求（m³）', allowed: '允许（m³）', cut: '压减（m³）', cutPct: '压减比例', demandSource: '需求来源', residential: '其中民用（m³）', planReason: '原因', adjustReason: '调整原因', actual: '实际（m³）', overTaken: '超用', load: '节点负荷', allocated: '已分配（m³）', fullFor: '满载于', approvedBy: '审批人', computedAt: '计算时间', customerCount: '客户数',
    },
    a: { declare: '登记应急事件', declareOn: '在此节点登记应急事件', edit: '修改能力', save: '保存', check: '核查', log: '记录协调', notify: '发送告知函', close: '关闭事件', pdf: '事件报告 PDF', xlsx: '事件报告 Excel', compute: '编制方案', whatIf: '模拟测算', addAvail: '添加节点', recompute: '重新计算', approve: '审批通过', adjust: '调整', export: '导出 Excel', view: '查看', zoomFit: '重置视图' },
    msg: { saved: '已保存', declared: '已登记，受影响客户 {{n}} 户', noEvents: '暂无应急事件', noPlans: '暂无保供方案', stale: '方案计算后输入已变化，请重新计算后再审批', approved: '方案已审批', notified: '已发送告知函', clickNode: '点击图中节点查看其下游客户', whatIfHint: '修改可供气量后点击“模拟测算”，下方显示方案变化（不保存）', noCut: '供气充足，无需压减', changed: '与已存方案不同' },
  },
  {
    menu: { network: 'Supply network', events: 'Emergencies', plans: 'Winter curtailment' },
    kind: { gas_field: 'Gas field', well_station: 'Well station', purification_plant: 'Purification plant', pipeline: 'Pipeline', valve_room: 'Valve room', delivery_point: 'Delivery point', customer: 'Customer' },
    cls: { residential: 'Residential', public: 'Public services', key: 'Key users', other: 'Others', interruptible: 'Interruptible' },
    evKind: { earthquake: 'Earthquake', pipeline_failure: 'Pipeline failure', source_failure: 'Source failure', other: 'Other' },
    evStatus: { open: 'Open', closed: 'Closed' },
    sup: { unknown: 'Unknown', normal: 'Normal', reduced: 'Reduced', interrupted: 'Interrupted', restored: 'Restored' },
    planStatus: { proposed: 'Proposed', approved: 'Approved' },
    reason: { full: 'Met in full', capacity: 'Limited by a node (same fraction within its class)', higher_priority: 'Node full with higher classes', no_demand: 'No demand' },
    src: { nomination: 'Nomination', contract: 'Contracted daily', average: '7-day average', none: 'No data' },
    s: { demand: 'Demand', allowed: 'Allowed', cut: 'Cut' },
    f: {
      customer: 'Customer',
      search: 'Search a node or customer', node: 'Node', code: 'Code', kind: 'Kind', capacity: 'Daily capacity (m³)', linkCapacity: 'Inflow capacity (m³)', upstream: 'Upstream', note: 'Note', reason: 'Reason', below: 'Customers below', belowNodes: 'Nodes below', households: 'Households', share: 'Residential share', cls: 'Class', overrideCls: 'Class (override)',
      graph: 'Graph', tree: 'Indented tree', history: 'Edit history', at: 'Time', by: 'By', before: 'Before', after: 'After', problems: 'Network problems', unreachable: 'Nodes without a path to a source', cycle: 'Cycle',
      title: 'Title', evKind: 'Kind', occurredAt: 'Occurred', description: 'Description', nodes: 'Affected nodes', region: 'Affected region', status: 'Status', customers: 'Affected customers', checked: 'Checked', via: 'Affected via', managers: 'Managers', contacts: 'Contacts', contacted: 'Contacted', siteChecked: 'Site checked', supplyStatus: 'Supply status', demandChange: 'Demand change (m³)', notes: 'Notes',
      timeline: 'Timeline', coordination: 'Upstream coordination', totals: '{{customers}} customers affected serving {{households}} households; {{contacted}} contacted, {{siteChecked}} site-checked',
      planName: 'Plan name', period: 'Gas days', fromDay: 'First gas day', toDay: 'Last gas day', availability: 'Available supply', availableM3: 'Available (m³/day)', shortagePct: 'Shortage (%)', demand: 'Demand (m³)', allowed: 'Allowed (m³)', cut: 'Cut (m³)', cutPct: 'Cut %', demandSource: 'Demand source', residential: 'Residential (m³)', planReason: 'Reason', adjustReason: 'Adjustment reason', actual: 'Actual (m³)', overTaken: 'Over-taken', load: 'Node loads', allocated: 'Allocated (m³)', fullFor: 'Full for', approvedBy: 'Approved by', computedAt: 'Computed', customerCount: 'Customers',
    },
    a: { declare: 'Declare an emergency', declareOn: 'Declare an emergency here', edit: 'Edit capacity', save: 'Save', check: 'Check', log: 'Log coordination', notify: 'Send notice', close: 'Close event', pdf: 'Report PDF', xlsx: 'Report Excel', compute: 'Compute a plan', whatIf: 'What-if', addAvail: 'Add a node', recompute: 'Recompute', approve: 'Approve', adjust: 'Adjust', export: 'Export Excel', view: 'View', zoomFit: 'Reset view' },
    msg: { saved: 'Saved', declared: 'Declared; {{n}} customers affected', noEvents: 'No emergencies', noPlans: 'No curtailment plans', stale: 'The inputs changed since this plan was computed; recompute before approval', approved: 'Plan approved', notified: 'Notice sent', clickNode: 'Click a node to see the customers below it', whatIfHint: 'Change the available supply and press "What-if" to see the plan change (not saved)', noCut: 'Enough supply, nothing cut', changed: 'differs from the saved plan' },
  },
);
