/** What onboarding contributes to the global search: cases by project or customer (platform/discovery). */
import { sql } from 'kysely';
import type { SearchSource } from '../../platform/discovery/discovery';
import { likePattern } from '../../platform/discovery/discovery';
import { customerBasics, inCustomerScope } from '../customers';

const STATUS: Record<string, { zh: string; en: string }> = {
  draft: { zh: '调研中', en: 'in survey' },
  submitted: { zh: '待审批', en: 'submitted' },
  returned: { zh: '已退回', en: 'returned' },
  approved: { zh: '已批准', en: 'approved' },
  contracted: { zh: '已签约', en: 'contracted' },
  commissioned: { zh: '已投产', en: 'commissioned' },
};

export const onboardingSearch: SearchSource = {
  permission: 'onboarding:read',
  async find(ctx, user, q, limit) {
    const { rows } = await sql<{ id: number; project_name: string; status: string; name: string; code: string }>`
      SELECT oc.id, oc.project_name, oc.status, c.name, c.code
        FROM onboarding_cases oc JOIN ${customerBasics()} c ON c.id = oc.customer_id
       WHERE (lower(oc.project_name) LIKE ${likePattern(q)} OR c.search_text LIKE ${likePattern(q.replace(/\s+/g, ''))})
         AND ${inCustomerScope(user, 'oc.customer_id')}
       ORDER BY oc.opened_at DESC LIMIT ${limit}`.execute(ctx.db);
    const en = user.lang === 'en';
    return rows.map((r) => ({
      kind: 'onboarding_case' as const,
      id: String(r.id),
      title: r.project_name,
      subtitle: `${r.name} · ${r.code} · ${en ? (STATUS[r.status]?.en ?? r.status) : (STATUS[r.status]?.zh ?? r.status)}`,
      path: `/onboarding/cases/${r.id}`,
    }));
  },
};
