/**
 * Pure rules of new-customer onboarding (DOMAIN.md §5 "New customer onboarding"): who completes
 * which section, when a case may be edited, submitted, approved and commissioned, the suggested
 * combined opinion, the pipeline age and the yearly headline counts (DOMAIN.md §7).
 */
import { dec } from '@common/decimal';
import { MILESTONE_KINDS, SECTION_DEPARTMENT, SECTION_KINDS, type CaseStatus, type MilestoneKind, type Opinion, type SectionKind } from '@common/onboarding';

/** The survey may be edited while the case is in survey or back from a return. */
export function isEditable(status: CaseStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** A section is completed only by a reviewer of its own department (DOMAIN.md §5: "each completes its part"). */
export function mayComplete(section: SectionKind, department: string | null): boolean {
  return department === SECTION_DEPARTMENT[section];
}

/** Sections without an opinion yet, in the official order. */
export function missingSections(done: { section: SectionKind; opinion: Opinion | null }[]): SectionKind[] {
  const have = new Set(done.filter((s) => s.opinion).map((s) => s.section));
  return SECTION_KINDS.filter((k) => !have.has(k));
}

/**
 * Suggested combined opinion ("they reach one opinion", DOMAIN.md §5): the least favourable of
 * the departments' opinions — any 不同意 makes it 不同意, else any 有条件同意 makes it 有条件同意.
 */
export function suggestedConclusion(opinions: Opinion[]): Opinion | null {
  if (!opinions.length) return null;
  if (opinions.includes('disagree')) return 'disagree';
  if (opinions.includes('conditional')) return 'conditional';
  return 'agree';
}

/** A combined 同意 while a department says 不同意 is refused: returns the disagreeing sections. */
export function contradictions(conclusion: Opinion, sections: { section: SectionKind; opinion: Opinion | null }[]): SectionKind[] {
  if (conclusion !== 'agree') return [];
  return sections.filter((s) => s.opinion === 'disagree').map((s) => s.section);
}

export function openMilestones(rows: { kind: MilestoneKind; doneOn: string | null }[]): MilestoneKind[] {
  const done = new Set(rows.filter((r) => r.doneOn).map((r) => r.kind));
  return MILESTONE_KINDS.filter((k) => !done.has(k));
}

/** Whole days between two 'YYYY-MM-DD' dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface CaseFacts {
  status: CaseStatus;
  contractSignedOn: string | null;
  contractedAnnualM3: string | null;
  commissionedOn: string | null;
}
export interface YearCounts {
  year: number;
  /** New customers: projects commissioned (投产) in the year — the customer starts taking gas. */
  newCustomers: number;
  projectsCommissioned: number;
  /** New contracted scale: Σ contracted annual volume of contracts signed in the year, m³. */
  newContractedM3: string;
  contractsSigned: number;
}

/** Headline counts per year (DOMAIN.md §7: new customers and new contracted scale, projects commissioned). */
export function yearlyCounts(cases: CaseFacts[]): YearCounts[] {
  const by = new Map<number, { commissioned: number; signed: number; scale: ReturnType<typeof dec> }>();
  const get = (y: number) => {
    let e = by.get(y);
    if (!e) by.set(y, (e = { commissioned: 0, signed: 0, scale: dec(0) }));
    return e;
  };
  for (const c of cases) {
    if (c.commissionedOn) get(Number(c.commissionedOn.slice(0, 4))).commissioned++;
    if (c.contractSignedOn) {
      const e = get(Number(c.contractSignedOn.slice(0, 4)));
      e.signed++;
      e.scale = e.scale.plus(dec(c.contractedAnnualM3 ?? '0'));
    }
  }
  return [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, e]) => ({ year, newCustomers: e.commissioned, projectsCommissioned: e.commissioned, newContractedM3: e.scale.toFixed(3), contractsSigned: e.signed }));
}

/** Pipeline stage of a case for the board: the customer's lifecycle stage where it matters. */
export const BOARD_STAGES = ['survey', 'review', 'approved', 'construction', 'commissioned'] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];
export function boardStage(status: CaseStatus): BoardStage {
  switch (status) {
    case 'draft':
    case 'returned':
      return 'survey';
    case 'submitted':
      return 'review';
    case 'approved':
      return 'approved';
    case 'contracted':
      return 'construction';
    case 'commissioned':
      return 'commissioned';
  }
}
