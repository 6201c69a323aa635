/** Excel column sets of this module's exports; headers and coded values in the user's language. */
import type { Lang } from '@common/lang';
import { CUSTOMER_STATUS_LABELS, CUSTOMER_TYPE_LABELS, MANAGER_KIND_LABELS } from '@common/customers';
import type { Column } from './xlsx';
import type { InteractionView, IssueView, ManagerTableRow, StatsView } from './interactions.schema';
import { ISSUE_STATUS_LABELS, KIND_LABELS, TOPIC_LABELS } from './interactions.calc';

type L = Record<string, { zh: string; en: string }>;
const label = (labels: L, lang: Lang) => (k: string | null | undefined) => (k == null ? '' : labels[k] ? (lang === 'en' ? labels[k].en : labels[k].zh) : k);
const h = (zh: string, en: string) => ({ zh, en });
const localTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
const hours = (min: number | null) => (min == null ? null : Math.round(min / 6) / 10); // hours, one decimal (display only)

export function interactionColumns(lang: Lang): Column<InteractionView>[] {
  const kind = label(KIND_LABELS, lang);
  const topic = label(TOPIC_LABELS, lang);
  return [
    { header: h('日期', 'Date'), width: 12, value: (r) => r.occurredOn },
    { header: h('客户编号', 'Customer code'), width: 12, value: (r) => r.customerCode },
    { header: h('客户名称', 'Customer'), width: 30, value: (r) => r.customerName },
    { header: h('方式', 'Kind'), width: 8, value: (r) => kind(r.kind) },
    { header: h('主题', 'Topic'), width: 10, value: (r) => topic(r.topic) },
    { header: h('负责人', 'Owner'), width: 10, value: (r) => r.ownerName },
    { header: h('我方参与人', 'Our participants'), width: 20, value: (r) => r.users.map((u) => u.name).join('、') },
    { header: h('客户参与人', 'Customer participants'), width: 20, value: (r) => r.contacts.map((c) => c.name).join('、') },
    { header: h('其他参与人', 'Other participants'), width: 16, value: (r) => r.otherParticipants },
    { header: h('内容摘要', 'Summary'), width: 50, value: (r) => r.summary },
    { header: h('下一步', 'Next step'), width: 30, value: (r) => r.nextStep },
  ];
}

export function issueColumns(lang: Lang): Column<IssueView>[] {
  const topic = label(TOPIC_LABELS, lang);
  const status = label(ISSUE_STATUS_LABELS, lang);
  const yes = lang === 'en' ? 'Yes' : '是';
  return [
    { header: h('提出时间', 'Raised at'), width: 18, value: (r) => localTime(r.raisedAt) },
    { header: h('客户编号', 'Customer code'), width: 12, value: (r) => r.customerCode },
    { header: h('客户名称', 'Customer'), width: 30, value: (r) => r.customerName },
    { header: h('问题', 'Issue'), width: 30, value: (r) => r.title },
    { header: h('主题', 'Topic'), width: 10, value: (r) => topic(r.topic) },
    { header: h('负责人', 'Owner'), width: 10, value: (r) => r.ownerName },
    { header: h('到期日', 'Due'), width: 12, value: (r) => r.dueOn },
    { header: h('状态', 'Status'), width: 10, value: (r) => status(r.status) },
    { header: h('首次响应（小时）', 'First response (h)'), width: 14, value: (r) => hours(r.firstResponseMinutes) },
    { header: h('解决用时（小时）', 'Resolution (h)'), width: 14, value: (r) => hours(r.resolutionMinutes) },
    { header: h('逾期', 'Overdue'), width: 8, value: (r) => (r.overdue ? yes : '') },
    { header: h('处理结果', 'Resolution'), width: 40, value: (r) => r.resolution },
  ];
}

export function managerTableColumns(lang: Lang): Column<ManagerTableRow>[] {
  const kind = label(MANAGER_KIND_LABELS, lang);
  const type = label(CUSTOMER_TYPE_LABELS, lang);
  const status = label(CUSTOMER_STATUS_LABELS, lang);
  return [
    { header: h('客户经理', 'Account manager'), width: 12, value: (r) => r.managerName },
    { header: h('类别', 'Kind'), width: 14, value: (r) => kind(r.managerKind) },
    { header: h('经理电话', 'Manager phone'), width: 14, value: (r) => r.managerPhone },
    { header: h('客户编号', 'Customer code'), width: 12, value: (r) => r.customerCode },
    { header: h('客户名称', 'Customer'), width: 30, value: (r) => r.customerName },
    { header: h('客户类型', 'Type'), width: 10, value: (r) => type(r.customerType) },
    { header: h('状态', 'Status'), width: 8, value: (r) => status(r.customerStatus) },
    { header: h('市', 'City'), width: 10, value: (r) => r.city },
    { header: h('区县', 'County'), width: 10, value: (r) => r.county },
    { header: h('主要联系人', 'Primary contact'), width: 12, value: (r) => r.contactName },
    { header: h('职务', 'Title'), width: 12, value: (r) => r.contactTitle },
    { header: h('手机', 'Mobile'), width: 14, value: (r) => r.contactMobile },
    { header: h('座机', 'Landline'), width: 16, value: (r) => r.contactLandline },
    { header: h('邮箱', 'Email'), width: 20, value: (r) => r.contactEmail },
    { header: h('其他联系人数', 'Other contacts'), width: 10, value: (r) => r.otherContacts },
  ];
}

type StatsRow = StatsView['byManager'][number] & { period?: string };
export function statsColumns(lang: Lang, withPeriod: boolean): Column<StatsRow>[] {
  const cols: Column<StatsRow>[] = [
    { header: h('客户经理', 'Manager'), width: 12, value: (r) => r.managerName },
    { header: h('对接次数', 'Contacts'), width: 10, value: (r) => r.contacts },
    { header: h('走访', 'Visits'), width: 8, value: (r) => r.visits },
    { header: h('电话', 'Phone'), width: 8, value: (r) => r.phones },
    { header: h('会议', 'Meetings'), width: 8, value: (r) => r.meetings },
    { header: h('线上', 'Online'), width: 8, value: (r) => r.online },
    { header: h('新增问题', 'Issues opened'), width: 10, value: (r) => r.issuesOpened },
    { header: h('解决问题', 'Issues resolved'), width: 10, value: (r) => r.issuesResolved },
    { header: h('平均首次响应（小时）', 'Avg first response (h)'), width: 16, value: (r) => hours(r.avgResponseMinutes) },
  ];
  return withPeriod ? [{ header: h('期间', 'Period'), width: 10, value: (r) => r.period }, ...cols] : cols;
}
