/**
 * Demo (order 400, after customers and metering): onboarding cases mirroring the demo customers'
 * lifecycle — prospects just opened, surveys with some sections done, cases awaiting approval or
 * returned, contracted projects under construction — and last year's and this year's
 * commissioned projects (16 last year, as in the paper's 2019) with every section filled.
 * Written directly (historic dates), without moving any customer's lifecycle.
 */
import dayjs from 'dayjs';
import { SECTION_DEPARTMENT, SECTION_KINDS, MILESTONE_KINDS, type Opinion, type SectionKind } from '@common/onboarding';
import type { DemoContext } from '../../platform/demo/demo';
import type { Tx } from '../../platform/db/database';
import { onboardingCustomerBriefs, type OnboardingCustomerBrief } from '../customers';
import { activeUsersWithRoles } from '../identity';
import * as repo from './onboarding.repo';

const FINDINGS: Record<SectionKind, (c: OnboardingCustomerBrief, daily: number) => string> = {
  basics: (c) => `${c.name}位于${c.city ?? ''}${c.county ?? ''}，项目已取得立项批复，用地及规划手续齐全，计划一年内建成。`,
  gas_use: (_c, d) => `主要用气设备为窑炉及锅炉，预计日用气 ${d.toLocaleString('en-US')} m³，负荷平稳，峰谷比约 1.3。`,
  qualification: () => '营业执照、安全生产许可证、燃气经营许可证均在有效期内，档案资料齐全。',
  capacity: () => '拟挂接就近分输站，现有富余输送能力满足需求，冬季高峰需服从调峰安排。',
  connection: () => '新建 DN150–DN200 支线接入客户门站，设置计量撬一座，接管工程由管道与销售部组织实施。',
  informatization: () => '计量数据接入 SCADA 系统，流量计远传，纳入日用气监控。',
};
const PLACES = ['客户厂区会议室', '项目现场', '园区管委会', '客户门站现场'];

export const onboardingDemo = {
  order: 400,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const rng = ctx.rng('onboarding');
    const d = dayjs(ctx.lastDay);
    const all = await onboardingCustomerBriefs(db, null);
    const reviewers = new Map<string, { id: number; displayName: string }>();
    for (const u of await activeUsersWithRoles(db, ['reviewer'])) if (u.department && !reviewers.has(u.department)) reviewers.set(u.department, u);
    const am = ctx.users.get('am01') ?? null;
    const lead = ctx.users.get('lead') ?? null;
    const at = (days: number) => d.subtract(days, 'day').hour(10).toDate();
    const day = (days: number) => d.subtract(days, 'day').format('YYYY-MM-DD');

    async function makeCase(
      c: OnboardingCustomerBrief,
      o: {
        openedDaysAgo: number;
        survey: boolean;
        sections: number;
        combined: boolean;
        status: 'draft' | 'submitted' | 'returned' | 'approved' | 'contracted' | 'commissioned';
        milestonesDone?: number;
        signedDaysAgo?: number;
        commissionedDaysAgo?: number;
        disagree?: boolean;
      },
    ) {
      const daily = rng.int(2, 40) * 5000;
      const id = await repo.insertCase(db, {
        customer_id: c.id,
        project_name: `${c.name.replace(/有限公司|股份有限公司/, '')}用气项目`,
        expected_daily_m3: String(daily),
        expected_annual_m3: String(daily * 330),
        opened_by: am,
        opened_at: at(o.openedDaysAgo),
        updated_at: at(0),
        status: o.status,
      });
      const surveyDays = o.openedDaysAgo - 5;
      if (o.survey) {
        await repo.updateCase(db, id, {
          survey_date: day(surveyDays),
          survey_place: `${c.city ?? ''}${rng.pick(PLACES)}`,
          survey_participants: JSON.stringify(['production', 'development', 'quality_safety', 'pipeline_sales'].map((dep) => ({ department: dep, names: reviewers.get(dep)?.displayName ?? dep }))),
        });
      }
      const opinions: Opinion[] = [];
      for (const [i, k] of SECTION_KINDS.entries()) {
        if (i >= o.sections) break;
        const opinion: Opinion = o.disagree && k === 'capacity' ? 'disagree' : rng.chance(0.25) ? 'conditional' : 'agree';
        opinions.push(opinion);
        const r = reviewers.get(SECTION_DEPARTMENT[k]);
        await repo.updateSection(db, id, k, {
          findings: FINDINGS[k](c, daily),
          data: JSON.stringify(k === 'gas_use' ? { equipment: '窑炉、锅炉', dailyM3: daily, annualM3: daily * 330, residentialShare: c.type === 'city_gas' ? 0.6 : 0 } : {}),
          opinion,
          conditions: opinion === 'agree' ? null : opinion === 'disagree' ? '现有管网富余能力不足，需先实施扩能改造' : '冬季高峰期服从调峰，按计划用气',
          reviewer_id: r?.id ?? null,
          reviewer_name: r?.displayName ?? null,
          completed_at: at(surveyDays - 2),
        });
      }
      if (o.combined) {
        const worst: Opinion = opinions.includes('disagree') ? 'disagree' : opinions.includes('conditional') ? 'conditional' : 'agree';
        await repo.updateCase(db, id, {
          combined_conclusion: worst,
          combined_opinion: worst === 'disagree' ? '输供能力不足，暂不具备接入条件。' : '经各科室联合现场调研，项目用气论证充分，资质齐全，具备接入条件。',
          combined_conditions: worst === 'agree' ? null : '冬季服从调峰安排',
          combined_by: am,
          combined_at: at(surveyDays - 4),
        });
      }
      if (['submitted', 'returned', 'approved', 'contracted', 'commissioned'].includes(o.status)) await repo.updateCase(db, id, { submitted_at: at(surveyDays - 5), submitted_by: am });
      if (['returned', 'approved', 'contracted', 'commissioned'].includes(o.status))
        await repo.updateCase(db, id, { decided_at: at(surveyDays - 8), decided_by: lead, decision_note: o.status === 'returned' ? '请补充用气负荷曲线及调峰承诺' : '同意，按审查意见执行' });
      if (o.signedDaysAgo != null)
        await repo.updateCase(db, id, {
          contract_no: `HT-${day(o.signedDaysAgo).slice(0, 4)}-${String(id).padStart(3, '0')}`,
          contract_signed_on: day(o.signedDaysAgo),
          contracted_annual_m3: String(daily * 300),
        });
      for (const [i, k] of MILESTONE_KINDS.entries()) {
        if (o.milestonesDone == null || o.signedDaysAgo == null) break;
        const doneAgo = o.signedDaysAgo - 20 * (i + 1);
        await repo.updateMilestone(db, id, k, { planned_on: day(doneAgo), done_on: i < o.milestonesDone ? day(doneAgo) : null, note: i < o.milestonesDone ? '按计划完成' : null, updated_by: am ?? 0 });
      }
      if (o.commissionedDaysAgo != null) await repo.updateCase(db, id, { commissioned_on: day(o.commissionedDaysAgo) });
      const events: [string, number][] = [['open', o.openedDaysAgo]];
      if (o.survey) events.push(['survey', o.openedDaysAgo - 1]);
      if (o.combined) events.push(['combine', surveyDays - 4]);
      if (o.status !== 'draft') events.push(['submit', surveyDays - 5]);
      if (o.status === 'returned') events.push(['return', surveyDays - 8]);
      else if (o.status !== 'draft' && o.status !== 'submitted') events.push(['approve', surveyDays - 8]);
      if (o.signedDaysAgo != null) events.push(['contract', o.signedDaysAgo]);
      if (o.commissionedDaysAgo != null) events.push(['commission', o.commissionedDaysAgo]);
      for (const [action, ago] of events)
        await db
          .insertInto('onboarding_events')
          .values({
            case_id: id,
            action,
            note: action === 'return' ? '请补充用气负荷曲线及调峰承诺' : null,
            actor_id: ['approve', 'return'].includes(action) ? lead : am,
            actor_name: ['approve', 'return'].includes(action) ? '销售部负责人' : '客户经理',
            at: at(Math.max(ago, 0)),
          })
          .execute();
    }

    const by = (s: string) => all.filter((c) => c.status === s);
    for (const [i, c] of by('prospect').slice(0, 4).entries()) await makeCase(c, { openedDaysAgo: 5 + i, survey: false, sections: 0, combined: false, status: 'draft' });
    for (const [i, c] of by('survey').slice(0, 5).entries())
      await makeCase(c, { openedDaysAgo: 30 + i * 7, survey: true, sections: [1, 3, 4, 5, 6][i], combined: false, status: 'draft', disagree: i === 3 });
    for (const [i, c] of by('review').slice(0, 5).entries())
      await makeCase(c, { openedDaysAgo: 60 + i * 9, survey: true, sections: 6, combined: true, status: i === 0 ? 'returned' : i < 3 ? 'submitted' : 'approved' });
    for (const [i, c] of by('contracted').slice(0, 5).entries())
      await makeCase(c, { openedDaysAgo: 200 + i * 10, survey: true, sections: 6, combined: true, status: 'contracted', signedDaysAgo: 140 + i * 5, milestonesDone: i % 4 });
    // Commissioned: 16 last year, a few this year.
    const lastYear = d.year() - 1;
    const actives = by('active');
    const doneDays = (y: number, k: number) => d.diff(dayjs(`${y}-01-15`).add(k * 22, 'day'), 'day');
    for (const [i, c] of actives.slice(0, 16).entries()) {
      const ago = doneDays(lastYear, i);
      await makeCase(c, { openedDaysAgo: ago + 220, survey: true, sections: 6, combined: true, status: 'commissioned', signedDaysAgo: ago + 90, milestonesDone: 3, commissionedDaysAgo: ago });
    }
    for (const [i, c] of actives.slice(16, 20).entries()) {
      const ago = Math.max(10, doneDays(d.year(), i * 2));
      if (ago >= d.diff(dayjs(`${d.year()}-01-01`), 'day')) continue;
      await makeCase(c, { openedDaysAgo: ago + 220, survey: true, sections: 6, combined: true, status: 'commissioned', signedDaysAgo: ago + 90, milestonesDone: 3, commissionedDaysAgo: ago });
    }
    const count = await (db as Tx).selectFrom('onboarding_cases').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    ctx.log(`onboarding demo: ${count.n} cases`);
  },
};
