/** zod schemas (requests and responses) of the interactions module. */
import { z } from 'zod';
import { DateStr, Page } from '../../platform/http/schemas';
import { CONTACT_ROLES, GRANULARITIES, INTERACTION_KINDS, ISSUE_STATUSES, LANDLINE_RE, MOBILE_RE, TASK_STATUSES, TOPICS } from './interactions.calc';

const id = z.number().int().positive();
const qId = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);
const optText = (max: number) =>
  text(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const ids = z.array(id).max(50);
/** Query lists arrive as `?x=1&x=2` (array) or `?x=1` (string). */
const qIds = z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(qId).max(1000)).optional();

export const CustomerParam = z.strictObject({ id: qId });
export const IdParam = z.strictObject({ id: qId });

// ---- contacts ----
const contactFields = {
  name: text(60).min(1, '请填写姓名'),
  title: optText(60),
  mobile: z
    .string()
    .trim()
    .regex(MOBILE_RE, '手机号应为 11 位数字，以 13–19 开头')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  landline: z
    .string()
    .trim()
    .regex(LANDLINE_RE, '座机格式应为 区号-号码（如 0830-3100001，可带分机 -12）')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  email: z
    .string()
    .trim()
    .email('邮箱格式不正确')
    .max(120)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  role: z.enum(CONTACT_ROLES, { error: '角色应为 法定代表人/财务/调度/安全/经营/其他' }),
  isPrimary: z.boolean().optional(),
  notes: optText(500),
};
export const ContactBody = z.strictObject(contactFields);
export const ContactPatch = z.strictObject({ ...contactFields, name: contactFields.name.optional(), role: contactFields.role.optional() });
export type ContactBody = z.infer<typeof ContactBody>;
export type ContactPatch = z.infer<typeof ContactPatch>;

export const ContactView = z.object({
  id: z.number(),
  customerId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  landline: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ContactView = z.infer<typeof ContactView>;

export const HistoryItem = z.object({ id: z.number(), at: z.string(), username: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown() });

// ---- interactions ----
export const FollowUpInput = z.strictObject({ title: text(200).min(1).optional(), dueOn: DateStr, assigneeId: id.optional() });

const interactionFields = {
  kind: z.enum(INTERACTION_KINDS, { error: '方式应为 电话/走访/会议/线上' }),
  occurredOn: DateStr,
  topic: z.enum(TOPICS, { error: '主题应为 价格/气款/质量计量/政策/供气/投诉/其他' }),
  summary: text(4000).min(1, '请填写对接内容摘要'),
  ownerId: id.optional(),
  userIds: ids.default([]),
  contactIds: ids.default([]),
  otherParticipants: optText(500),
  nextStep: optText(1000),
};
export const InteractionBody = z.strictObject({ customerId: id, ...interactionFields, followUp: FollowUpInput.optional() });
export const InteractionPatch = z.strictObject({
  kind: interactionFields.kind.optional(),
  occurredOn: DateStr.optional(),
  topic: interactionFields.topic.optional(),
  summary: interactionFields.summary.optional(),
  ownerId: id.optional(),
  userIds: ids.optional(),
  contactIds: ids.optional(),
  otherParticipants: optText(500),
  nextStep: optText(1000),
});
export type InteractionBody = z.infer<typeof InteractionBody>;
export type InteractionPatch = z.infer<typeof InteractionPatch>;

export const InteractionQuery = z.strictObject({
  customerId: qId.optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
  topic: z.enum(TOPICS).optional(),
  ownerId: qId.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  q: z.string().trim().max(60).optional(),
  ...Page,
});
export type InteractionQuery = z.infer<typeof InteractionQuery>;

const Ref = z.object({ id: z.number(), name: z.string() });
export const InteractionView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  kind: z.string(),
  occurredOn: z.string(),
  topic: z.string(),
  summary: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  users: z.array(Ref),
  contacts: z.array(Ref),
  otherParticipants: z.string().nullable(),
  nextStep: z.string().nullable(),
  taskIds: z.array(z.number()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InteractionView = z.infer<typeof InteractionView>;

// ---- issues ----
export const IssueBody = z.strictObject({
  customerId: id,
  title: text(200).min(1, '请填写问题标题'),
  description: optText(4000),
  topic: interactionFields.topic,
  raisedAt: z.iso.datetime({ offset: true, error: '提出时间应为 ISO 日期时间' }).optional(),
  ownerId: id,
  dueOn: DateStr,
  contactId: id.nullable().optional(),
  interactionId: id.nullable().optional(),
});
export const IssuePatch = z.strictObject({
  title: text(200).min(1).optional(),
  description: optText(4000),
  topic: interactionFields.topic.optional(),
  ownerId: id.optional(),
  dueOn: DateStr.optional(),
  contactId: id.nullable().optional(),
});
export const IssueTransitionBody = z.strictObject({
  to: z.enum(ISSUE_STATUSES),
  at: z.iso.datetime({ offset: true }).optional(),
  resolution: optText(4000),
});
export type IssueBody = z.infer<typeof IssueBody>;
export type IssuePatch = z.infer<typeof IssuePatch>;
export type IssueTransitionBody = z.infer<typeof IssueTransitionBody>;

export const IssueQuery = z.strictObject({
  customerId: qId.optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  topic: z.enum(TOPICS).optional(),
  ownerId: qId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  q: z.string().trim().max(60).optional(),
  ...Page,
});
export type IssueQuery = z.infer<typeof IssueQuery>;

export const IssueView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  topic: z.string(),
  raisedAt: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(ISSUE_STATUSES),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  interactionId: z.number().nullable(),
  firstResponseMinutes: z.number().nullable(),
  resolutionMinutes: z.number().nullable(),
  overdue: z.boolean(),
  resolvedLate: z.boolean(),
  allowedTransitions: z.array(z.enum(ISSUE_STATUSES)),
});
export type IssueView = z.infer<typeof IssueView>;

// ---- tasks ----
export const TaskBody = z.strictObject({
  customerId: id.nullable().optional(),
  title: text(200).min(1, '请填写待办事项'),
  notes: optText(2000),
  dueOn: DateStr,
  assigneeId: id.optional(),
  issueId: id.nullable().optional(),
});
export const TaskPatch = z.strictObject({ title: text(200).min(1).optional(), notes: optText(2000), dueOn: DateStr.optional(), assigneeId: id.optional() });
export type TaskBody = z.infer<typeof TaskBody>;
export type TaskPatch = z.infer<typeof TaskPatch>;
export const TaskQuery = z.strictObject({
  assigneeId: qId.optional(),
  customerId: qId.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueTo: DateStr.optional(),
  ...Page,
});
export type TaskQuery = z.infer<typeof TaskQuery>;
export const MyTasksQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const TaskView = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  title: z.string(),
  notes: z.string().nullable(),
  dueOn: z.string(),
  assigneeId: z.number(),
  assigneeName: z.string(),
  status: z.enum(TASK_STATUSES),
  doneAt: z.string().nullable(),
  interactionId: z.number().nullable(),
  issueId: z.number().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type TaskView = z.infer<typeof TaskView>;

// ---- statistics ----
export const StatsQuery = z.strictObject({
  granularity: z.enum(GRANULARITIES).default('month'),
  from: DateStr,
  to: DateStr,
  managerId: qId.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;
const Figures = {
  contacts: z.number(),
  visits: z.number(),
  phones: z.number(),
  meetings: z.number(),
  online: z.number(),
  issuesOpened: z.number(),
  issuesResolved: z.number(),
  avgResponseMinutes: z.number().nullable(),
};
export const StatsView = z.object({
  periods: z.array(z.string()),
  rows: z.array(z.object({ managerId: z.number(), managerName: z.string(), period: z.string(), ...Figures })),
  byManager: z.array(z.object({ managerId: z.number(), managerName: z.string(), ...Figures })),
  totals: z.object(Figures),
});
export type StatsView = z.infer<typeof StatsView>;

// ---- manager big table and letters ----
export const ManagerTableQuery = z.strictObject({
  managerId: qId.optional(),
  kind: z.enum(['full_time', 'part_time']).optional(),
  region: z.string().trim().max(40).optional(),
  type: z.string().trim().max(40).optional(),
  q: z.string().trim().max(60).optional(),
  ...Page,
});
export type ManagerTableQuery = z.infer<typeof ManagerTableQuery>;
export const ManagerTableRow = z.object({
  managerId: z.number(),
  managerName: z.string(),
  managerPhone: z.string().nullable(),
  managerKind: z.enum(['full_time', 'part_time']),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  customerType: z.string(),
  customerStatus: z.string(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  contactName: z.string().nullable(),
  contactTitle: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactLandline: z.string().nullable(),
  contactEmail: z.string().nullable(),
  otherContacts: z.number(),
});
export type ManagerTableRow = z.infer<typeof ManagerTableRow>;

export const LetterBatchQuery = z.strictObject({
  managerId: qId.optional(),
  region: z.string().trim().max(40).optional(),
  type: z.string().trim().max(40).optional(),
  customerIds: qIds,
});
export type LetterBatchQuery = z.infer<typeof LetterBatchQuery>;

export const StaffView = z.object({ id: z.number(), displayName: z.string(), roles: z.array(z.string()), phone: z.string().nullable() });
