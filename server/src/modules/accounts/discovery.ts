/**
 * What the accounts module adds to a customer's activity timeline (platform/discovery): every
 * posting to the customer's account except the daily charges, which are summarised by month
 * (days charged and the month's total) — one statement.
 */
import { sql } from 'kysely';
import { formatFen } from '@common/money';
import type { ActivitySource } from '../../platform/discovery/discovery';
import { dayStart } from '../../platform/discovery/discovery';

const KIND_LABEL: Record<string, { zh: string; en: string }> = {
  payment: { zh: '收款', en: 'Payment' },
  settlement_true_up: { zh: '月度结算多退少补', en: 'Settlement true-up' },
  adjustment: { zh: '调账', en: 'Adjustment' },
  refund: { zh: '退款', en: 'Refund' },
  reversal: { zh: '冲正', en: 'Reversal' },
  trading_deposit: { zh: '交易保证金冻结', en: 'Trading deposit frozen' },
  trading_deposit_release: { zh: '交易保证金释放', en: 'Trading deposit released' },
  trading_deposit_applied: { zh: '交易保证金转货款', en: 'Trading deposit applied' },
  trading_fee: { zh: '交易手续费', en: 'Trading fee' },
};

export const accountActivity: ActivitySource = {
  permission: 'accounts:read',
  kinds: ['payment', 'charges'],
  async read(ctx, _user, customerId, range) {
    const { rows } = await sql<{ kind: string; day: string; reference: string | null; note: string | null; amount_fen: number; days: number; actor: string | null }>`
      SELECT t.kind, t.business_date::text AS day, t.reference, t.note, SUM(p.amount_fen)::bigint AS amount_fen, 1 AS days, NULL::text AS actor
        FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id = ${customerId}
       WHERE t.customer_id = ${customerId} AND t.kind <> 'daily_charge' AND t.business_date BETWEEN ${range.from}::date AND ${range.to}::date
       GROUP BY t.id
      UNION ALL
      SELECT 'daily_charge', to_char(date_trunc('month', t.business_date), 'YYYY-MM-DD'), NULL, NULL, SUM(p.amount_fen)::bigint, COUNT(DISTINCT t.charge_day)::int, NULL
        FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id AND p.customer_id = ${customerId}
       WHERE t.customer_id = ${customerId} AND t.kind = 'daily_charge' AND t.business_date BETWEEN ${range.from}::date AND ${range.to}::date
       GROUP BY date_trunc('month', t.business_date)`.execute(ctx.db);
    return rows.map((r) => {
      const amount = Number(r.amount_fen);
      if (r.kind === 'daily_charge') {
        const month = r.day.slice(0, 7);
        return {
          kind: 'charges' as const,
          // the month's summary sits at the end of its last day in the range
          at: dayStart(lastDayIn(month, range.to)),
          title: { zh: `${month} 日气费 ${Number(r.days)} 天，合计 ${formatFen(-amount)} 元`, en: `${month} daily gas charges: ${Number(r.days)} days, ${formatFen(-amount)} yuan in all` },
          detail: null,
          amountFen: amount,
          actor: null,
          path: null,
        };
      }
      const label = KIND_LABEL[r.kind] ?? { zh: r.kind, en: r.kind };
      const ref = [r.reference, r.note].filter(Boolean).join(' · ');
      return {
        kind: 'payment' as const,
        at: dayStart(r.day),
        title: { zh: `${label.zh} ${formatFen(amount)} 元`, en: `${label.en} ${formatFen(amount)} yuan` },
        detail: ref ? { zh: ref, en: ref } : null,
        amountFen: amount,
        actor: r.actor,
        path: null,
      };
    });
  },
};

/** The last day of `month` ('YYYY-MM') that is not after `to`. */
function lastDayIn(month: string, to: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < to ? last : to;
}
