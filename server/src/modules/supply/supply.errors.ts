/** Error codes of the supply module (network, emergencies, curtailment plans) with zh/en messages. */
import { defineErrors } from '../../platform/http/errors';

export const SE = defineErrors({
  SUPPLY_NODE_UNKNOWN: { status: 404, zh: '供气网络节点 {ref} 不存在', en: 'Supply network node {ref} does not exist' },
  SUPPLY_NODE_KIND: { status: 400, zh: '{field}：节点 {ref} 不能作为{what}', en: '{field}: node {ref} cannot be used as {what}' },
  SUPPLY_NEGATIVE_CAPACITY: { status: 400, zh: '{field}不能为负数（{value}）', en: '{field} cannot be negative ({value})' },
  SUPPLY_CYCLE: { status: 400, zh: '把 {ref} 的上游改为 {upstream} 会形成环路：{cycle}', en: 'Making {upstream} the upstream of {ref} would close a cycle: {cycle}' },
  SUPPLY_NETWORK_BROKEN: { status: 409, zh: '供气网络有误，无法编制保供方案：{problem}', en: 'The supply network is wrong, no curtailment plan can be made: {problem}' },
  SUPPLY_NO_PATH: {
    status: 409,
    zh: '客户“{name}”的交接点 {dp} 没有通往气源的路径，方案会出错；请先在客户档案中指定供气气源',
    en: 'Delivery point {dp} of customer "{name}" has no path to a source; the plan would be wrong — set its supply source in the archive first',
  },
  SUPPLY_CUSTOMER_UNKNOWN: { status: 404, zh: '客户 {id} 不存在或未接入供气网络', en: 'Customer {id} does not exist or is not on the supply network' },
  SUPPLY_NO_TARGET: { status: 400, zh: '请至少选择一个受影响的网络节点或填写受影响区域', en: 'Choose at least one affected network node or enter an affected region' },
  SUPPLY_EVENT_FUTURE: { status: 400, zh: '发生时间不能晚于当前时间', en: 'The time of the event cannot be in the future' },
  SUPPLY_EVENT_CLOSED: { status: 409, zh: '应急事件已关闭，不能再修改', en: 'The emergency is closed and cannot be changed' },
  SUPPLY_NOT_AFFECTED: { status: 404, zh: '客户 {id} 不在该应急事件的受影响名单中', en: 'Customer {id} is not among the customers affected by this emergency' },
  SUPPLY_NOTICES_UNAVAILABLE: { status: 503, zh: '告知函功能尚未启用（通知模块未安装），无法发送通知', en: 'Notices are not available (no notices module installed); nothing was sent' },
  SUPPLY_PLAN_DAYS: {
    status: 400,
    zh: '方案期间 {from} 至 {to} 无效：结束日期不能早于开始日期，且最长 {max} 天',
    en: 'Plan period {from} to {to} is invalid: the end cannot be before the start, at most {max} days',
  },
  SUPPLY_PLAN_CLOSED_DAY: {
    status: 409,
    zh: '燃气日 {day} 已结束（最后一个完整燃气日为 {last}），不能为已结束的日期编制方案',
    en: 'Gas day {day} is over (last complete gas day {last}); no plan can be made for a closed day',
  },
  SUPPLY_PLAN_STALE: { status: 409, zh: '方案计算后输入已变化（{what}），请重新计算后再审批', en: 'The inputs changed since the plan was computed ({what}); recompute it before approval' },
  SUPPLY_PLAN_APPROVED: { status: 409, zh: '方案已审批，不能再修改或重算', en: 'The plan is approved and cannot be changed or recomputed' },
  SUPPLY_PLAN_NOT_APPROVED: { status: 409, zh: '方案尚未审批，不能发送通知', en: 'The plan is not approved yet; no notices can be sent' },
  SUPPLY_PLAN_LINE_UNKNOWN: { status: 404, zh: '方案中没有客户 {id} 在 {day} 的配气行', en: 'The plan has no line for customer {id} on {day}' },
  SUPPLY_ADJUST_ABOVE_DEMAND: { status: 400, zh: '调整后的允许气量 {allowed} m³ 不能超过需求 {demand} m³', en: 'The adjusted allowed volume {allowed} m³ cannot exceed the demand {demand} m³' },
  SUPPLY_ADJUST_OVER_CAPACITY: {
    status: 409,
    zh: '调整后经过节点“{node}”的配气量 {total} m³ 超过其能力 {capacity} m³',
    en: 'After the adjustment {total} m³ would pass node "{node}" with a capacity of {capacity} m³',
  },
  SUPPLY_NO_CUSTOMERS: { status: 400, zh: '供气网络上没有可编制方案的供气客户', en: 'No supplied customer is on the supply network' },
});
