/**
 * New-customer onboarding vocabularies (DOMAIN.md §5 "New customer onboarding", 新增市场/客户):
 * the six sections of the joint survey, the department that completes each, opinions, case
 * statuses and construction milestones. Shared by server and web.
 */
import type { Department } from './roles';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const SECTION_KINDS = ['basics', 'gas_use', 'qualification', 'capacity', 'connection', 'informatization'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export const SECTION_LABELS: Labels<SectionKind> = {
  basics: { zh: '项目基本情况', en: 'Project basics' },
  gas_use: { zh: '用气论证', en: 'Gas-use justification' },
  qualification: { zh: '资质审查', en: 'Qualification review' },
  capacity: { zh: '输供能力', en: 'Supply and transmission capacity' },
  connection: { zh: '接管方案', en: 'Connection plan' },
  informatization: { zh: '信息化建设', en: 'Informatization' },
};

/**
 * Which department completes which section (DOMAIN.md §1 department reviewers): pipelines & sales
 * the project basics and connection plan, development the gas-use justification, quality & safety
 * the qualifications, production operations the capacity and the metering/SCADA link.
 */
export const SECTION_DEPARTMENT: Record<SectionKind, Department> = {
  basics: 'pipeline_sales',
  gas_use: 'development',
  qualification: 'quality_safety',
  capacity: 'production',
  connection: 'pipeline_sales',
  informatization: 'production',
};

export const OPINIONS = ['agree', 'conditional', 'disagree'] as const;
export type Opinion = (typeof OPINIONS)[number];
export const OPINION_LABELS: Labels<Opinion> = {
  agree: { zh: '同意', en: 'Agree' },
  conditional: { zh: '有条件同意', en: 'Agree with conditions' },
  disagree: { zh: '不同意', en: 'Disagree' },
};

export const CASE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'contracted', 'commissioned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  draft: { zh: '调研中', en: 'In survey' },
  submitted: { zh: '待审批', en: 'Awaiting approval' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已批准', en: 'Approved' },
  contracted: { zh: '已签约（建设中）', en: 'Contracted (construction)' },
  commissioned: { zh: '已投产', en: 'Commissioned' },
};

export const MILESTONE_KINDS = ['takeover', 'metering', 'scada'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Labels<MilestoneKind> = {
  takeover: { zh: '接管工程', en: 'Connection works' },
  metering: { zh: '计量设施', en: 'Metering facilities' },
  scada: { zh: '信息化联调', en: 'SCADA/IT commissioning' },
};
