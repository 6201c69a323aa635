/**
 * What the customers module contributes to the global search (customers by name, code, USCC or
 * pinyin initials; delivery points by meter number or code) and to a customer's activity timeline
 * (lifecycle changes) — see platform/discovery.
 */
import { sql } from 'kysely';
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@common/customers';
import { tr } from '@common/lang';
import type { ActivitySource, SearchSource } from '../../platform/discovery/discovery';
import { iso, likePattern, prefixPattern } from '../../platform/discovery/discovery';
import { inCustomerScope } from './scope';

export const customerSearch: SearchSource = {
  permission: 'customers:read',
  async find(ctx, user, q, limit) {
    const compact = q.replace(/\s+/g, '');
    // Exact code / USCC first, then prefix matches, then anywhere in the search text (name, pinyin).
    const { rows } = await sql<{ id: number; code: string; name: string; status: CustomerStatus; city: string | null }>`
      SELECT c.id, c.code, c.name, c.status, c.city FROM customers c
       WHERE c.search_text LIKE ${likePattern(compact)} AND ${inCustomerScope(user, 'c.id')}
       ORDER BY (lower(c.code) = ${compact} OR lower(coalesce(c.uscc, '')) = ${compact}) DESC,
                (lower(c.name) LIKE ${prefixPattern(compact)} OR c.pinyin LIKE ${prefixPattern(compact)}) DESC,
                length(c.name), c.id
       LIMIT ${limit}`.execute(ctx.db);
    return rows.map((r) => ({
      kind: 'customer' as const,
      id: String(r.id),
      title: r.name,
      subtitle: [r.code, tr(CUSTOMER_STATUS_LABELS[r.status], user.lang), r.city].filter(Boolean).join(' · '),
      path: `/customers/${r.id}`,
    }));
  },
};

export const deliveryPointSearch: SearchSource = {
  permission: 'customers:read',
  async find(ctx, user, q, limit) {
    const { rows } = await sql<{ id: number; code: string; name: string; meter_no: string; customer_id: number; customer_name: string }>`
      SELECT d.id, d.code, d.name, d.meter_no, d.customer_id, c.name AS customer_name
        FROM delivery_points d JOIN customers c ON c.id = d.customer_id
       WHERE (lower(d.meter_no) LIKE ${likePattern(q)} OR lower(d.code) LIKE ${likePattern(q)}) AND ${inCustomerScope(user, 'd.customer_id')}
       ORDER BY (lower(d.meter_no) = ${q}) DESC, d.meter_no, d.id
       LIMIT ${limit}`.execute(ctx.db);
    const meter = user.lang === 'en' ? 'meter' : '表号';
    return rows.map((r) => ({
      kind: 'delivery_point' as const,
      id: String(r.id),
      title: `${r.name} (${meter} ${r.meter_no})`,
      subtitle: `${r.customer_name} · ${r.code}`,
      path: `/customers/${r.customer_id}?tab=delivery-points`,
    }));
  },
};

export const lifecycleActivity: ActivitySource = {
  permission: 'customers:read',
  kinds: ['lifecycle'],
  async read(ctx, _user, customerId, range) {
    const { rows } = await sql<{ at: Date; from_status: CustomerStatus; to_status: CustomerStatus; reason: string; actor: string | null }>`
      SELECT t.at, t.from_status, t.to_status, t.reason, t.actor_name AS actor FROM customer_transitions t
       WHERE t.customer_id = ${customerId}
         AND (t.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${range.from}::date AND ${range.to}::date
       ORDER BY t.at`.execute(ctx.db);
    return rows.map((r) => {
      const from = CUSTOMER_STATUS_LABELS[r.from_status];
      const to = CUSTOMER_STATUS_LABELS[r.to_status];
      return {
        kind: 'lifecycle' as const,
        at: iso(r.at),
        title: { zh: `状态 ${from?.zh ?? r.from_status} → ${to?.zh ?? r.to_status}`, en: `Status ${from?.en ?? r.from_status} → ${to?.en ?? r.to_status}` },
        detail: r.reason ? { zh: r.reason, en: r.reason } : null,
        amountFen: null,
        actor: r.actor,
        path: null,
      };
    });
  },
};
