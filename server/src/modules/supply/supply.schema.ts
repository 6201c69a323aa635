/** zod schemas (requests and responses) of the supply module. */
import { z } from 'zod';
import { DateStr } from '../../platform/http/schemas';
import { PRIORITY_CLASSES, type UnitReason } from './curtailment.calc';
import type { NodeKind } from './graph.calc';

const noNul = (s: string) => !s.includes('\u0000');
export const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`).refine(noNul, '不能包含 NUL 字符');
const qId = z.coerce.number().int().positive();
/** A non-negative quantity in m³ with at most 3 decimals (decimal string; a JSON number is taken by its text). */
export const M3 = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^-?\d{1,15}(\.\d{1,3})?$/, '应为最多 3 位小数的数字（m³）'));
const Pct = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, '应为 0–100 的百分数（最多 2 位小数）'))
  .refine((v) => Number(v) <= 100, '不能超过 100%');
export const NodeRef = z.string().regex(/^[SD][0-9]{1,9}$/, '节点编号应为 S<数字> 或 D<数字>');

export const IdParam = z.strictObject({ id: qId });
export const RefParam = z.strictObject({ ref: NodeRef });
export const CustomerParam = z.strictObject({ id: qId, customerId: qId });

// ---- network ----
/** Node kinds of the network graph (graph.calc NodeKind). */
export const NODE_KINDS = ['gas_field', 'well_station', 'purification_plant', 'pipeline', 'valve_room', 'delivery_point', 'customer'] as const satisfies readonly NodeKind[];
const OVERRIDE_CLASSES = ['public', 'key', 'other', 'interruptible'] as const;
export const NodeView = z.object({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  code: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  parents: z.array(z.string()),
  capacityM3: z.string().nullable(),
  linkCapacityM3: z.string().nullable(),
  note: z.string().nullable(),
  customer: z
    .object({
      id: z.number(),
      type: z.string(),
      status: z.string(),
      priorityClass: z.enum(PRIORITY_CLASSES),
      classOverride: z.enum(OVERRIDE_CLASSES).nullable(),
      residentialShare: z.string().nullable(),
      households: z.number().nullable(),
      city: z.string().nullable(),
      county: z.string().nullable(),
    })
    .nullable(),
});
export const NetworkView = z.object({
  nodes: z.array(NodeView),
  problems: z.object({ unreachable: z.array(z.string()), cycle: z.array(z.string()).nullable() }),
});
export const NodePatch = z.strictObject({
  capacityM3: M3.nullable().optional(),
  linkCapacityM3: M3.nullable().optional(),
  upstreamRef: z
    .string()
    .regex(/^S[0-9]{1,9}$/, '上游节点应为 S<数字>')
    .nullable()
    .optional(),
  note: text(500).nullable().optional(),
  reason: text(500).min(1, '请填写修改原因'),
});
/** A node's settings as recorded in its history (network.service settingView; demo history records the capacity only). */
const NodeSettingSnapshot = z.object({
  capacityM3: z.string().nullable().optional(),
  linkCapacityM3: z.string().nullable().optional(),
  upstreamRef: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
/** before/after are stored as JSON (unknown to the repo); checked against the snapshot shape on the way out. */
const StoredSnapshot = z.unknown().pipe(NodeSettingSnapshot.nullable());
export const HistoryView = z.object({ id: z.number(), at: z.string(), actorName: z.string().nullable(), reason: z.string(), before: StoredSnapshot, after: StoredSnapshot });
export const ProfilePatch = z.strictObject({
  priorityClass: z.enum(OVERRIDE_CLASSES, { error: '优先级应为 public/key/other/interruptible' }).nullable().optional(),
  households: z.number().int().min(0, '户数不能为负数').max(100_000_000).nullable().optional(),
  note: text(500).nullable().optional(),
});

// ---- emergencies ----
export const EMERGENCY_KINDS = ['earthquake', 'pipeline_failure', 'source_failure', 'other'] as const;
export const SUPPLY_STATUSES = ['unknown', 'normal', 'reduced', 'interrupted', 'restored'] as const;
export const EVENT_STATUSES = ['open', 'closed'] as const;
export const LOG_KINDS = ['declared', 'coordination', 'check', 'notice', 'closed'] as const;
export const EmergencyBody = z.strictObject({
  kind: z.enum(EMERGENCY_KINDS, { error: '事件类型应为 地震/管道故障/气源故障/其他' }),
  occurredAt: z.iso.datetime({ offset: true, error: '发生时间应为 ISO 时间（如 2019-06-17T22:55:00+08:00）' }),
  title: text(200).min(1, '请填写事件标题'),
  description: text(4000).default(''),
  nodeRefs: z.array(NodeRef).max(100).default([]),
  region: text(60).nullable().optional(),
});
export const EmergencyQuery = z.strictObject({
  kind: z.enum(EMERGENCY_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const EmergencyView = z.object({
  id: z.number(),
  kind: z.enum(EMERGENCY_KINDS),
  occurredAt: z.string(),
  title: z.string(),
  description: z.string(),
  nodes: z.array(z.object({ ref: z.string(), name: z.string() })),
  region: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  customers: z.number(),
  checked: z.number(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export const AffectedView = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  viaNodes: z.array(z.string()),
  households: z.number().nullable(),
  managers: z.array(z.object({ kind: z.string(), name: z.string(), phone: z.string().nullable() })),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), mobile: z.string().nullable(), landline: z.string().nullable() })),
  contacted: z.boolean(),
  siteChecked: z.boolean(),
  supplyStatus: z.enum(SUPPLY_STATUSES),
  demandChangeM3: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const LogView = z.object({ id: z.number(), at: z.string(), kind: z.enum(LOG_KINDS), customerId: z.number().nullable(), text: z.string(), actorName: z.string().nullable() });
export const EmergencyDetail = z.object({
  event: EmergencyView,
  customers: z.array(AffectedView),
  log: z.array(LogView),
  totals: z.object({ customers: z.number(), households: z.number(), contacted: z.number(), siteChecked: z.number() }),
});
export const ChecklistPatch = z.strictObject({
  contacted: z.boolean().optional(),
  siteChecked: z.boolean().optional(),
  supplyStatus: z.enum(SUPPLY_STATUSES, { error: '供气状态应为 unknown/normal/reduced/interrupted/restored' }).optional(),
  demandChangeM3: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^-?\d{1,15}(\.\d{1,3})?$/, '需求变化应为最多 3 位小数的数字（m³，减少为负）'))
    .nullable()
    .optional(),
  notes: text(2000).nullable().optional(),
});
export const LogBody = z.strictObject({ text: text(2000).min(1, '请填写协调内容'), at: z.iso.datetime({ offset: true }).optional() });
export const NoticeBody = z.strictObject({ title: text(200).min(1).optional(), body: text(4000).min(1).optional(), receiptDueOn: DateStr.optional() });

// ---- plans ----
export const PLAN_STATUSES = ['proposed', 'approved'] as const;
export const DEMAND_SOURCES = ['nomination', 'contract', 'average', 'none'] as const;
/** Why a line got what it got (curtailment.calc UnitReason). */
export const LINE_REASONS = ['full', 'capacity', 'higher_priority', 'no_demand'] as const satisfies readonly UnitReason[];
export const Availability = z
  .strictObject({ nodeRef: NodeRef, availableM3: M3.optional(), shortagePct: Pct.optional() })
  .refine((a) => (a.availableM3 === undefined) !== (a.shortagePct === undefined), '每个节点填写可供气量（availableM3）或短缺比例（shortagePct）之一');
export const PlanBody = z.strictObject({
  name: text(200).min(1, '请填写方案名称'),
  fromDay: DateStr,
  toDay: DateStr,
  availability: z.array(Availability).max(500).default([]),
});
export const PlanPreviewBody = PlanBody.omit({ name: true });
export const PlanLineView = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  gasDay: z.string(),
  class: z.enum(PRIORITY_CLASSES),
  demandM3: z.string(),
  demandSource: z.enum(DEMAND_SOURCES),
  residentialDemandM3: z.string(),
  computedAllowedM3: z.string(),
  allowedM3: z.string(),
  cutM3: z.string(),
  cutPct: z.string().nullable(),
  reason: z.enum(LINE_REASONS),
  bindingNode: z.object({ ref: z.string(), name: z.string() }).nullable(),
  adjustReason: z.string().nullable(),
  actualM3: z.string().nullable(),
  overTaken: z.boolean(),
});
export const NodeLoadView = z.object({ ref: z.string(), name: z.string(), kind: z.string(), capacityM3: z.string().nullable(), allocatedM3: z.string(), fullFor: z.array(z.string()) });
export const PlanSummary = z.object({
  id: z.number(),
  name: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  status: z.enum(PLAN_STATUSES),
  customers: z.number(),
  demandM3: z.string(),
  allowedM3: z.string(),
  computedAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  noticedAt: z.string().nullable(),
});
export const PlanDetail = z.object({
  plan: PlanSummary.extend({ availability: z.array(z.object({ nodeRef: z.string(), name: z.string(), availableM3: z.string().optional(), shortagePct: z.string().optional() })) }),
  lines: z.array(PlanLineView),
  nodes: z.array(NodeLoadView),
  stale: z.boolean(),
});
export const PreviewView = z.object({ lines: z.array(PlanLineView), nodes: z.array(NodeLoadView) });
export const AdjustBody = z.strictObject({ customerId: z.number().int().positive(), gasDay: DateStr, allowedM3: M3, reason: text(500).min(1, '请填写调整原因') });
