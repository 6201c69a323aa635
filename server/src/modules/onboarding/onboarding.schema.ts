/** zod schemas of the onboarding API (requests and responses). */
import { z } from 'zod';
import { DEPARTMENTS } from '@common/roles';
import { CASE_STATUSES, MILESTONE_KINDS, OPINIONS, SECTION_KINDS } from '@common/onboarding';
import { DateStr, DecimalStr, MonthStr, Page } from '../../platform/http/schemas';

/** Text without NUL characters (PostgreSQL refuses them: 400, not 500), trimmed, bounded. */
export const txt = (max: number, min = 0) =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符')
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min ? '不能为空' : undefined)
        .max(max, `最多 ${max} 个字`),
    );
const volume = DecimalStr.refine((v) => !v.startsWith('-'), '气量不能为负').refine((v) => v.replace(/^0+/, '').length <= 20, '气量过大');

export const OpenCaseBody = z.strictObject({
  customerId: z.number().int().positive(),
  projectName: txt(200, 2),
  expectedDailyM3: volume.nullable().optional(),
  expectedAnnualM3: volume.nullable().optional(),
});
export const SurveyBody = z.strictObject({
  surveyDate: DateStr,
  surveyPlace: txt(200, 2),
  participants: z
    .array(z.strictObject({ department: z.enum(DEPARTMENTS, '科室无效'), names: txt(200, 1) }))
    .min(1, '请填写参加人员')
    .max(20),
});
const DataValue = z.union([txt(2000), z.number().finite(), z.boolean(), z.null()]);
export const SectionBody = z.strictObject({
  findings: txt(5000, 2),
  data: z.record(txt(50, 1), DataValue).optional(),
  opinion: z.enum(OPINIONS, '意见应为 同意/有条件同意/不同意'),
  conditions: txt(2000).nullable().optional(),
});
export const CombinedBody = z.strictObject({
  conclusion: z.enum(OPINIONS, '综合意见无效'),
  opinion: txt(5000, 2),
  conditions: txt(2000).nullable().optional(),
});
export const ApproveBody = z.strictObject({ note: txt(1000).optional() });
export const ReturnBody = z.strictObject({ reason: txt(1000, 2) });
export const ContractBody = z.strictObject({ contractNo: txt(60, 2), signedOn: DateStr, contractedAnnualM3: volume });
/** The contract step: link an existing contract of the customer, or create a draft one (m³, the same volume each month). */
export const ContractLinkBody = z
  .strictObject({
    contractId: z.number().int().positive().optional(),
    draft: z
      .strictObject({
        contractNo: txt(60, 2),
        startMonth: MonthStr,
        endMonth: MonthStr,
        monthlyM3: volume.refine((v) => /^\d{1,15}(\.\d{1,3})?$/.test(v), '月度合同气量最多 3 位小数'),
      })
      .refine((d) => d.startMonth <= d.endMonth, { message: '结束月份不能早于开始月份', path: ['endMonth'] })
      .optional(),
  })
  .refine((b) => (b.contractId == null) !== (b.draft == null), '请选择已有合同（contractId）或新建合同草稿（draft），二者选一');
export const ContractBriefView = z.object({
  id: z.number(),
  contractNo: z.string(),
  yearLabel: z.string(),
  startMonth: z.string(),
  endMonth: z.string(),
  basis: z.enum(['m3', 'GJ']),
  status: z.enum(['draft', 'active', 'terminated']),
  totalQuantity: z.string(),
});
export const MilestoneBody = z.strictObject({ plannedOn: DateStr.nullable().optional(), doneOn: DateStr.nullable().optional(), note: txt(1000).nullable().optional() });
export const CommissionBody = z.strictObject({ commissionedOn: DateStr, note: txt(500).optional() });
export const MilestoneParam = z.strictObject({ id: z.coerce.number().int().positive(), kind: z.enum(MILESTONE_KINDS) });
export const SectionParam = z.strictObject({ id: z.coerce.number().int().positive(), section: z.enum(SECTION_KINDS) });
export const FileParam = z.strictObject({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const PdfQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() });

export const CaseListQuery = z.strictObject({
  ...Page,
  status: z.enum(CASE_STATUSES).optional(),
  q: txt(100).optional(),
});
export const YearQuery = z.strictObject({ from: z.coerce.number().int().min(2000).max(2100).optional(), to: z.coerce.number().int().min(2000).max(2100).optional() });

export const CaseRow = z.object({
  id: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  customerStatus: z.string(),
  customerType: z.string(),
  projectName: z.string(),
  status: z.enum(CASE_STATUSES),
  expectedAnnualM3: z.string().nullable(),
  surveyDate: z.string().nullable(),
  sectionsDone: z.number(),
  openedAt: z.string(),
  ageDays: z.number(),
});
const FileView = z.object({ id: z.number(), section: z.string().nullable(), milestone: z.string().nullable(), filename: z.string(), mime: z.string(), sizeBytes: z.number(), uploadedAt: z.string() });
export const SectionView = z.object({
  section: z.enum(SECTION_KINDS),
  department: z.enum(DEPARTMENTS),
  findings: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  opinion: z.enum(OPINIONS).nullable(),
  conditions: z.string().nullable(),
  reviewerName: z.string().nullable(),
  completedAt: z.string().nullable(),
  files: z.array(FileView),
});
export const CaseDetail = CaseRow.extend({
  expectedDailyM3: z.string().nullable(),
  surveyPlace: z.string().nullable(),
  participants: z.array(z.object({ department: z.enum(DEPARTMENTS), names: z.string() })),
  sections: z.array(SectionView),
  suggestedConclusion: z.enum(OPINIONS).nullable(),
  combined: z.object({ conclusion: z.enum(OPINIONS), opinion: z.string(), conditions: z.string().nullable(), at: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  contract: z.object({ contractNo: z.string(), signedOn: z.string(), contractedAnnualM3: z.string().nullable() }).nullable(),
  /** The sales contract linked in the contract step (contracts module), with its status. */
  linkedContract: ContractBriefView.nullable(),
  milestones: z.array(z.object({ kind: z.enum(MILESTONE_KINDS), plannedOn: z.string().nullable(), doneOn: z.string().nullable(), note: z.string().nullable(), files: z.array(FileView) })),
  commissionedOn: z.string().nullable(),
  events: z.array(z.object({ action: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
});
export const TodoItem = z.object({
  caseId: z.number(),
  customerName: z.string(),
  projectName: z.string(),
  kind: z.enum(['section', 'combine', 'approve', 'construction']),
  section: z.enum(SECTION_KINDS).nullable(),
  surveyDate: z.string().nullable(),
});
export const BoardView = z.object({
  stages: z.array(z.object({ stage: z.string(), count: z.number(), expectedAnnualM3: z.string(), avgAgeDays: z.number().nullable(), cases: z.array(CaseRow) })),
});
export const YearCountsView = z.array(z.object({ year: z.number(), newCustomers: z.number(), projectsCommissioned: z.number(), newContractedM3: z.string(), contractsSigned: z.number() }));
