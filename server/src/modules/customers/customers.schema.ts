/**
 * zod schemas of the customers module. The same field rules validate an API payload and an Excel
 * import row (import.service maps the row's labels to codes, then parses with CustomerCreate).
 */
import { z } from 'zod';
import { CUSTOMER_TYPES, PRICE_CATEGORIES, CUSTOMER_STATUSES, EXCHANGE_STATUSES, DELIVERY_POINT_KINDS, PRESSURE_LEVELS, SUPPLY_SOURCE_KINDS, DOCUMENT_KINDS, MANAGER_KINDS } from '@common/customers';
import { normalizeUscc, usccProblem, USCC_PROBLEM_MSG } from '@common/uscc.calc';
import { regionError } from '@common/regions';
import { DateStr } from '../../platform/http/schemas';

export const Uscc = z
  .string()
  .transform(normalizeUscc)
  .superRefine((v, ctx) => {
    const p = usccProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: `${USCC_PROBLEM_MSG[p].zh}：${v}` });
  });

/** A share 0–1 with at most 4 decimals, as a decimal string (NUMERIC(5,4)). */
export const Share = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '居民用气占比应为 0–1 之间的小数（最多 4 位小数）'));

const tag = z.string().trim().min(1, '标签不能为空').max(20, '标签最多 20 个字');

export const archiveFields = {
  name: z.string().trim().min(2, '客户名称至少 2 个字').max(100, '客户名称最多 100 个字'),
  uscc: Uscc.nullable().optional(),
  type: z.enum(CUSTOMER_TYPES, '客户类型无效'),
  priceCategory: z.enum(PRICE_CATEGORIES, '价格类别无效'),
  province: z.string().trim().min(1, '请选择省份'),
  city: z.string().trim().min(1, '请选择城市'),
  county: z.string().trim().min(1).nullable().optional(),
  address: z.string().trim().max(200, '地址最多 200 个字').nullable().optional(),
  servesResidents: z.boolean().optional(),
  residentialShare: Share.nullable().optional(),
  useStructureVerifiedOn: DateStr.nullable().optional(),
  exchangeStatus: z.enum(EXCHANGE_STATUSES, '交易中心会员状态无效').optional(),
  tags: z.array(tag).max(20, '最多 20 个标签').optional(),
  notes: z.string().trim().max(2000, '备注最多 2000 个字').nullable().optional(),
};

function regionIssue(v: { province?: string; city?: string; county?: string | null }, ctx: z.RefinementCtx) {
  const bad = regionError(v);
  if (!bad) return;
  const label = { province: '省份', city: '城市', county: '区县' }[bad];
  ctx.addIssue({ code: 'custom', path: [bad], message: `${label}“${v[bad] ?? ''}”不在内置行政区划中` });
}

export const CustomerCreate = z.strictObject(archiveFields).superRefine(regionIssue);
export type CustomerCreate = z.infer<typeof CustomerCreate>;

export const CustomerUpdate = z.strictObject({
  name: archiveFields.name.optional(),
  uscc: archiveFields.uscc,
  type: archiveFields.type.optional(),
  priceCategory: archiveFields.priceCategory.optional(),
  province: archiveFields.province.optional(),
  city: archiveFields.city.optional(),
  county: archiveFields.county,
  address: archiveFields.address,
  servesResidents: archiveFields.servesResidents,
  residentialShare: archiveFields.residentialShare,
  useStructureVerifiedOn: archiveFields.useStructureVerifiedOn,
  exchangeStatus: archiveFields.exchangeStatus,
  tags: archiveFields.tags,
  notes: archiveFields.notes,
});
export type CustomerUpdate = z.infer<typeof CustomerUpdate>;

const ManagerRef = z.object({
  assignmentId: z.number(),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  kind: z.enum(MANAGER_KINDS),
  assignedAt: z.string(),
});
export type ManagerRef = z.infer<typeof ManagerRef>;

export const CustomerView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  pinyin: z.string(),
  uscc: z.string().nullable(),
  type: z.enum(CUSTOMER_TYPES),
  priceCategory: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  address: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  servesResidents: z.boolean(),
  residentialShare: z.string().nullable(),
  useStructureVerifiedOn: z.string().nullable(),
  exchangeStatus: z.enum(EXCHANGE_STATUSES),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  managers: z.array(ManagerRef),
  allowedTransitions: z.array(z.enum(CUSTOMER_STATUSES)),
  counts: z.object({ deliveryPoints: z.number(), documents: z.number(), expiringDocuments: z.number() }),
});
export type CustomerView = z.infer<typeof CustomerView>;

export const CustomerListItem = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  type: z.enum(CUSTOMER_TYPES),
  priceCategory: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  exchangeStatus: z.enum(EXCHANGE_STATUSES),
  servesResidents: z.boolean(),
  tags: z.array(z.string()),
  fullTimeManager: z.object({ userId: z.number(), displayName: z.string() }).nullable(),
  partTimeManagers: z.array(z.object({ userId: z.number(), displayName: z.string() })),
  updatedAt: z.string(),
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

/** Repeated query keys arrive as an array, a single one as a string. */
const many = <T extends z.ZodType<string>>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const SORTABLE = ['code', 'name', 'status', 'type', 'city', 'updatedAt', 'createdAt'] as const;

export const CustomerFilter = {
  q: z.string().trim().max(60).optional(),
  type: many(z.enum(CUSTOMER_TYPES)).optional(),
  status: many(z.enum(CUSTOMER_STATUSES)).optional(),
  province: z.string().trim().max(40).optional(),
  city: z.string().trim().max(40).optional(),
  county: z.string().trim().max(40).optional(),
  managerId: z.coerce.number().int().positive().optional(),
  tag: many(z.string().trim().min(1).max(20)).optional(),
  sort: z.enum(SORTABLE).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
};
export const CustomerListQuery = z.strictObject({
  ...CustomerFilter,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
export const CustomerExportQuery = z.strictObject(CustomerFilter);
export type CustomerFilter = z.infer<typeof CustomerExportQuery>;

export const TransitionBody = z.strictObject({ to: z.enum(CUSTOMER_STATUSES), reason: z.string().trim().max(500, '原因最多 500 个字') });
export const TransitionView = z.object({
  id: z.number(),
  fromStatus: z.string(),
  toStatus: z.string(),
  reason: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const HistoryView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AssignManagerBody = z.strictObject({ userId: z.number().int().positive(), kind: z.enum(MANAGER_KINDS), reason: z.string().trim().max(500).optional() });
export const ReassignBody = z.strictObject({ toUserId: z.number().int().positive(), reason: z.string().trim().min(1, '请填写更换原因').max(500) });
export const UnassignBody = z.strictObject({ reason: z.string().trim().min(1, '请填写原因').max(500) });
export const ManagerAssignmentView = ManagerRef.extend({
  unassignedAt: z.string().nullable(),
  assignedBy: z.string().nullable(),
  reason: z.string().nullable(),
  unassignReason: z.string().nullable(),
});

export const DeliveryPointBody = z.strictObject({
  name: z.string().trim().min(2, '交付点名称至少 2 个字').max(100),
  kind: z.enum(DELIVERY_POINT_KINDS, '交付点类型应为分输站或门站'),
  meterNo: z.string().trim().min(1, '请输入计量表号').max(40, '计量表号最多 40 位'),
  pressureLevel: z.enum(PRESSURE_LEVELS, '压力级制无效').nullable().optional(),
  supplySourceId: z.number().int().positive().nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});
export const DeliveryPointPatch = DeliveryPointBody.partial().extend({ active: z.boolean().optional() }).strict();
export const DeliveryPointView = z.object({
  id: z.number(),
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(DELIVERY_POINT_KINDS),
  meterNo: z.string(),
  pressureLevel: z.enum(PRESSURE_LEVELS).nullable(),
  supplySourceId: z.number().nullable(),
  supplySourceName: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SupplySourceBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,30}$/, '编码为 2–30 位字母、数字或 _-')
    .optional(),
  name: z.string().trim().min(2).max(60),
  kind: z.enum(SUPPLY_SOURCE_KINDS, '气源类型无效'),
  parentId: z.number().int().positive().nullable().optional(),
  region: z.string().trim().max(60).nullable().optional(),
});
export const SupplySourceView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SUPPLY_SOURCE_KINDS),
  parentId: z.number().nullable(),
  region: z.string().nullable(),
  /** Delivery points fed directly by this source. */
  deliveryPoints: z.number(),
  /** Delivery points at or below this source (its own and every downstream source's). */
  downstreamDeliveryPoints: z.number(),
});

export const DocumentFields = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, '证照类型无效'),
  title: z.string().trim().min(1, '请输入文件名称').max(100),
  docNo: z.string().trim().max(60).nullable().optional(),
  issuedOn: DateStr.nullable().optional(),
  expiresOn: DateStr.nullable().optional(),
});
export const DocumentPatch = DocumentFields.partial().strict();
export const DocumentView = z.object({
  id: z.number(),
  customerId: z.number(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  docNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  daysToExpiry: z.number().nullable(),
});
export const ExpiringDocumentView = DocumentView.extend({ customerCode: z.string(), customerName: z.string() });

export const ImportErrorView = z.object({ row: z.number(), field: z.string(), message: z.string() });
export const ImportResult = z.object({
  mode: z.enum(['all_or_nothing', 'valid_only']),
  dryRun: z.boolean(),
  total: z.number(),
  valid: z.number(),
  imported: z.number(),
  errors: z.array(ImportErrorView),
});
