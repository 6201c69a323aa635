/**
 * What interactions contribute to the global search (customer issues by title) and to a
 * customer's timeline (visits and other contacts, issues raised and resolved) — platform/discovery.
 */
import { sql } from 'kysely';
import { tr } from '@common/lang';
import type { ActivitySource, SearchSource } from '../../platform/discovery/discovery';
import { dayStart, iso, likePattern } from '../../platform/discovery/discovery';
import { userDirectory } from '../../platform/auth/users';
import { customerBasics, inCustomerScope } from '../customers';
import { ISSUE_STATUS_LABELS, KIND_LABELS, TOPIC_LABELS, type InteractionKind, type IssueStatus, type Topic } from './interactions.calc';

export const issueSearch: SearchSource = {
  permission: 'customers:read',
  async find(ctx, user, q, limit) {
    const { rows } = await sql<{ id: number; title: string; status: IssueStatus; customer_id: number; name: string }>`
      SELECT i.id, i.title, i.status, i.customer_id, c.name
        FROM customer_issues i JOIN ${customerBasics()} c ON c.id = i.customer_id
       WHERE (lower(i.title) LIKE ${likePattern(q)} OR c.search_text LIKE ${likePattern(q.replace(/\s+/g, ''))})
         AND ${inCustomerScope(user, 'i.customer_id')}
       ORDER BY (i.status IN ('open', 'in_progress')) DESC, i.raised_at DESC
       LIMIT ${limit}`.execute(ctx.db);
    return rows.map((r) => ({
      kind: 'issue' as const,
      id: String(r.id),
      title: r.title,
      subtitle: `${r.name} · ${tr(ISSUE_STATUS_LABELS[r.status], user.lang)}`,
      path: `/customers/${r.customer_id}?tab=issues`,
    }));
  },
};

export const interactionActivity: ActivitySource = {
  permission: 'customers:read',
  kinds: ['visit', 'issue'],
  async read(ctx, _user, customerId, range) {
    const visits = await sql<{ id: number; kind: InteractionKind; occurred_on: string; topic: Topic; summary: string; owner: string | null }>`
      SELECT x.id, x.kind, x.occurred_on::text AS occurred_on, x.topic, x.summary, u.display_name AS owner
        FROM interactions x LEFT JOIN ${userDirectory()} u ON u.id = x.owner_id
       WHERE x.customer_id = ${customerId} AND x.occurred_on BETWEEN ${range.from}::date AND ${range.to}::date`.execute(ctx.db);
    // An issue appears when raised and again when resolved, each inside the range.
    const issues = await sql<{ id: number; title: string; event: 'raised' | 'resolved'; at: Date; status: IssueStatus; resolution: string | null; owner: string | null }>`
      SELECT i.id, i.title, e.event, e.at, i.status, i.resolution, u.display_name AS owner
        FROM customer_issues i
        CROSS JOIN LATERAL (VALUES ('raised', i.raised_at), ('resolved', i.resolved_at)) AS e(event, at)
        LEFT JOIN ${userDirectory()} u ON u.id = i.owner_id
       WHERE i.customer_id = ${customerId} AND e.at IS NOT NULL
         AND (e.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${range.from}::date AND ${range.to}::date`.execute(ctx.db);
    return [
      ...visits.rows.map((r) => ({
        kind: 'visit' as const,
        at: dayStart(r.occurred_on),
        title: { zh: `${KIND_LABELS[r.kind].zh} · ${TOPIC_LABELS[r.topic].zh}`, en: `${KIND_LABELS[r.kind].en} · ${TOPIC_LABELS[r.topic].en}` },
        detail: { zh: r.summary, en: r.summary },
        amountFen: null,
        actor: r.owner,
        path: `/customers/${customerId}?tab=interactions`,
      })),
      ...issues.rows.map((r) => ({
        kind: 'issue' as const,
        at: iso(r.at),
        title: r.event === 'raised' ? { zh: `提出问题：${r.title}`, en: `Issue raised: ${r.title}` } : { zh: `问题已解决：${r.title}`, en: `Issue resolved: ${r.title}` },
        detail: r.event === 'resolved' && r.resolution ? { zh: r.resolution, en: r.resolution } : null,
        amountFen: null,
        actor: r.owner,
        path: `/customers/${customerId}?tab=issues`,
      })),
    ];
  },
};
