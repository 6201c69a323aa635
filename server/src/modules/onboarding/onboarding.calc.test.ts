import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPINIONS, SECTION_KINDS, type Opinion } from '@common/onboarding';
import { contradictions, daysBetween, isEditable, mayComplete, missingSections, openMilestones, suggestedConclusion, yearlyCounts } from './onboarding.calc';

describe('onboarding rules (DOMAIN.md §5)', () => {
  it.each([
    [[], null],
    [['agree', 'agree'], 'agree'],
    [['agree', 'conditional', 'agree'], 'conditional'],
    [['conditional', 'disagree', 'agree'], 'disagree'],
  ] as [Opinion[], Opinion | null][])('suggests the least favourable opinion of %j', (ops, want) => {
    expect(suggestedConclusion(ops)).toBe(want);
  });

  it('never suggests a more favourable opinion than any department (property)', () => {
    const rank = { agree: 0, conditional: 1, disagree: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OPINIONS), { minLength: 1, maxLength: 6 }), (ops) => {
        const s = suggestedConclusion(ops)!;
        expect(rank[s]).toBe(Math.max(...ops.map((o) => rank[o])));
      }),
    );
  });

  it('lets only the section’s department complete it', () => {
    expect(mayComplete('qualification', 'quality_safety')).toBe(true);
    expect(mayComplete('qualification', 'production')).toBe(false);
    expect(mayComplete('basics', null)).toBe(false);
  });

  it('lists missing sections in the official order', () => {
    expect(
      missingSections([
        { section: 'capacity', opinion: 'agree' },
        { section: 'basics', opinion: null },
      ]),
    ).toEqual(['basics', 'gas_use', 'qualification', 'connection', 'informatization']);
    expect(missingSections(SECTION_KINDS.map((section) => ({ section, opinion: 'agree' as const })))).toEqual([]);
  });

  it('refuses a combined 同意 only when a department disagrees', () => {
    const secs = [
      { section: 'capacity' as const, opinion: 'disagree' as const },
      { section: 'basics' as const, opinion: 'conditional' as const },
    ];
    expect(contradictions('agree', secs)).toEqual(['capacity']);
    expect(contradictions('conditional', secs)).toEqual([]);
  });

  it('edits only in survey or after a return; milestones and day counts', () => {
    expect(['draft', 'returned', 'submitted', 'approved', 'contracted', 'commissioned'].map((s) => isEditable(s as any))).toEqual([true, true, false, false, false, false]);
    expect(
      openMilestones([
        { kind: 'metering', doneOn: '2026-01-02' },
        { kind: 'scada', doneOn: null },
      ]),
    ).toEqual(['takeover', 'scada']);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
  });

  it('counts commissioned projects and contracted scale per year', () => {
    const rows = yearlyCounts([
      { status: 'commissioned', contractSignedOn: '2019-03-01', contractedAnnualM3: '1000000.5', commissionedOn: '2019-09-01' },
      { status: 'commissioned', contractSignedOn: '2018-11-01', contractedAnnualM3: '2500000', commissionedOn: '2019-02-01' },
      { status: 'contracted', contractSignedOn: '2019-12-31', contractedAnnualM3: '0.1', commissionedOn: null },
      { status: 'draft', contractSignedOn: null, contractedAnnualM3: null, commissionedOn: null },
    ]);
    expect(rows).toEqual([
      { year: 2018, newCustomers: 0, projectsCommissioned: 0, newContractedM3: '2500000.000', contractsSigned: 1 },
      { year: 2019, newCustomers: 2, projectsCommissioned: 2, newContractedM3: '1000000.600', contractsSigned: 2 },
    ]);
  });
});
