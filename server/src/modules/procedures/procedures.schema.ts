/** zod schemas of the reduce/stop procedure API. */
import { z } from 'zod';
import { DecimalStr, Page } from '../../platform/http/schemas';
import { CASE_STATUSES, LEVELS, STEP_KINDS, STEP_STATUSES } from './procedures.calc';

const DateTime = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().min(1).max(max);
const NonNegDecimal = DecimalStr.refine((s) => !s.startsWith('-'), '不能为负数');

export const OpenCaseBody = z.strictObject({
  customerId: z.number().int().positive(),
  note: Text(2000).optional(),
});

export const AddStepBody = z.strictObject({
  kind: z.enum(STEP_KINDS),
  note: Text(2000).optional(),
  /** Skip a step (stop without an executed reduce, restore before payment): procedures:approve_stop only. */
  overrideReason: Text(1000).optional(),
  /** Instructions: the operation-area users to send to; default: those of the customer's region. */
  operatorUserIds: z.array(z.number().int().positive()).min(1).max(20).optional(),
  /** Reduce instruction: reduce to this volume per day (m³). */
  targetVolumeM3: NonNegDecimal.optional(),
  /** Payment notice: its number (generated when omitted) and sending time (now when omitted). */
  noticeNo: Text(60).optional(),
  sentAt: DateTime.optional(),
});

export const ReceiptBody = z.strictObject({
  deliveredAt: DateTime.nullable().optional(),
  signedAt: DateTime.nullable().optional(),
  signer: Text(100).nullable().optional(),
});

export const ApproveBody = z.strictObject({ note: Text(1000).optional() });
export const RejectBody = z.strictObject({ reason: Text(1000) });
export const CancelBody = z.strictObject({ reason: Text(1000) });

export const ConfirmBody = z.strictObject({
  executedAt: DateTime,
  executorName: Text(100),
  /** Reduce: the volume per day after reducing (m³); stop: 0 or omitted. */
  actualVolumeM3: NonNegDecimal.optional(),
  valveClosed: z.boolean().optional(),
  note: Text(2000).optional(),
  /** Required to confirm a reduce/stop for a customer whose payment level is back to 正常. */
  overrideReason: Text(500).optional(),
});

export const CaseListQuery = z.strictObject({
  status: z.enum([...CASE_STATUSES, 'active']).optional(),
  step: z.enum(STEP_KINDS).optional(),
  managerId: z.coerce.number().int().positive().optional(),
  region: z.string().trim().min(1).max(60).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...Page,
});
export type CaseListFilter = z.infer<typeof CaseListQuery>;

export const InstructionQuery = z.strictObject({
  status: z.enum(['pending', 'done', 'all']).default('pending'),
  ...Page,
});
export const ApprovalQuery = z.strictObject({
  status: z.enum(['pending', 'decided', 'all']).default('pending'),
  ...Page,
});
export const CustomerIdQuery = z.strictObject({ customerId: z.coerce.number().int().positive() });
export const StepIdParam = z.strictObject({ id: z.coerce.number().int().positive(), stepId: z.coerce.number().int().positive() });
export const NoticeQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() });

const Named = z.object({ id: z.number(), name: z.string() });

export const AttachmentView = z.object({
  id: z.number(),
  stepId: z.number(),
  purpose: z.enum(['attachment', 'receipt']),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

export const StepView = z.object({
  id: z.number(),
  caseId: z.number(),
  seq: z.number(),
  kind: z.enum(STEP_KINDS),
  status: z.enum(STEP_STATUSES),
  actor: Named.nullable(),
  actedAt: z.string(),
  note: z.string().nullable(),
  levelAt: z.enum(LEVELS).nullable(),
  overrideReason: z.string().nullable(),
  noticeNo: z.string().nullable(),
  noticeSentAt: z.string().nullable(),
  receiptDeliveredAt: z.string().nullable(),
  receiptSignedAt: z.string().nullable(),
  receiptSigner: z.string().nullable(),
  operators: z.array(Named),
  targetVolumeM3: z.string().nullable(),
  approvedBy: Named.nullable(),
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
  rejectedBy: Named.nullable(),
  rejectedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  executedAt: z.string().nullable(),
  executorName: z.string().nullable(),
  confirmedBy: Named.nullable(),
  confirmedAt: z.string().nullable(),
  actualVolumeM3: z.string().nullable(),
  valveClosed: z.boolean().nullable(),
  executionNote: z.string().nullable(),
  attachments: z.array(AttachmentView),
});
export type StepViewT = z.infer<typeof StepView>;

export const CustomerBrief = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  servesResidents: z.boolean(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  address: z.string().nullable(),
  status: z.string(),
});

export const CaseRow = z.object({
  id: z.number(),
  customer: CustomerBrief,
  status: z.enum(CASE_STATUSES),
  currentStep: z.enum(STEP_KINDS).nullable(),
  /** The instruction awaiting approval or execution, if any. */
  pending: z.object({ stepId: z.number(), kind: z.enum(STEP_KINDS), status: z.enum(STEP_STATUSES) }).nullable(),
  openedVia: z.enum(['manual', 'auto']),
  triggerLevel: z.enum(LEVELS).nullable(),
  level: z.enum(LEVELS).nullable(),
  levelGasDay: z.string().nullable(),
  manager: z.string().nullable(),
  openedAt: z.string(),
  restoreProposedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
});
export type CaseRowT = z.infer<typeof CaseRow>;

export const PaymentView = z.object({
  level: z.enum(LEVELS),
  balanceFen: z.number(),
  availableDays: z.string().nullable(),
  avgDailyChargeFen: z.number().nullable(),
});

export const StepOptionView = z.object({
  kind: z.enum(STEP_KINDS),
  allowed: z.boolean(),
  needsReason: z.boolean(),
  needsApproval: z.boolean(),
  reason: z.string().nullable(),
});

export const CaseDetail = CaseRow.extend({
  note: z.string().nullable(),
  openedBy: Named.nullable(),
  closedBy: Named.nullable(),
  managers: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(['full_time', 'part_time']), phone: z.string().nullable() })),
  payment: PaymentView.nullable(),
  steps: z.array(StepView),
  options: z.array(StepOptionView),
  canCancel: z.boolean(),
});

export const InstructionRow = StepView.extend({
  customer: CustomerBrief,
  caseStatus: z.enum(CASE_STATUSES),
});

export const OperatorView = z.object({ id: z.number(), name: z.string(), department: z.string().nullable(), phone: z.string().nullable(), suggested: z.boolean() });

export const CustomerPickQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
export const CustomerPick = z.object({ id: z.number(), code: z.string(), name: z.string(), city: z.string().nullable(), servesResidents: z.boolean(), openCaseId: z.number().nullable() });
