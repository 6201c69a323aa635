/**
 * What notices contribute to the global search (notices by number or title, for users who may see
 * every customer's notices or have at least one recipient in scope) and to a customer's timeline
 * (each notice it received and its receipt) — platform/discovery.
 */
import { sql } from 'kysely';
import type { ActivitySource, SearchSource } from '../../platform/discovery/discovery';
import { dayStart, likePattern } from '../../platform/discovery/discovery';
import { inCustomerScope } from '../customers';
import type { ReceiptStatus } from './notices.calc';

const RECEIPT: Record<ReceiptStatus, { zh: string; en: string }> = {
  not_required: { zh: '无需回执', en: 'no receipt required' },
  pending: { zh: '待回执', en: 'receipt pending' },
  returned: { zh: '已回执', en: 'receipt returned' },
};

export const noticeSearch: SearchSource = {
  permission: 'customers:read',
  async find(ctx, user, q, limit) {
    const { rows } = await sql<{ id: number; no: string; title: string; title_en: string; sent_on: string; recipients: number }>`
      SELECT n.id, n.no, n.title, n.title_en, n.sent_on::text AS sent_on, n.recipients FROM notices n
       WHERE (lower(n.no) LIKE ${likePattern(q)} OR lower(n.title) LIKE ${likePattern(q)} OR lower(n.title_en) LIKE ${likePattern(q)})
         AND EXISTS (SELECT 1 FROM notice_recipients r WHERE r.notice_id = n.id AND ${inCustomerScope(user, 'r.customer_id')})
       ORDER BY n.sent_at DESC LIMIT ${limit}`.execute(ctx.db);
    const en = user.lang === 'en';
    return rows.map((r) => ({
      kind: 'notice' as const,
      id: String(r.id),
      title: en ? r.title_en : r.title,
      subtitle: `${r.no} · ${r.sent_on} · ${en ? `${r.recipients} recipients` : `${r.recipients} 个客户`}`,
      path: `/notices/${r.id}`,
    }));
  },
};

export const noticeActivity: ActivitySource = {
  permission: 'customers:read',
  kinds: ['notice'],
  async read(ctx, _user, customerId, range) {
    const { rows } = await sql<{ id: number; no: string; title: string; title_en: string; sent_on: string; receipt_status: ReceiptStatus; returned_on: string | null; signer: string | null }>`
      SELECT n.id, n.no, n.title, n.title_en, n.sent_on::text AS sent_on, r.receipt_status, r.returned_on::text AS returned_on, r.signer
        FROM notice_recipients r JOIN notices n ON n.id = r.notice_id
       WHERE r.customer_id = ${customerId} AND n.sent_on BETWEEN ${range.from}::date AND ${range.to}::date`.execute(ctx.db);
    return rows.map((r) => {
      const receipt = RECEIPT[r.receipt_status];
      const returned = r.returned_on ? ` ${r.returned_on}${r.signer ? ` ${r.signer}` : ''}` : '';
      return {
        kind: 'notice' as const,
        at: dayStart(r.sent_on),
        title: { zh: `告知函 ${r.no}：${r.title}`, en: `Notice ${r.no}: ${r.title_en}` },
        detail: { zh: `${receipt.zh}${returned}`, en: `${receipt.en}${returned}` },
        amountFen: null,
        actor: null,
        path: `/notices/${r.id}`,
      };
    });
  },
};
