/**
 * The customer page's 合同/结算 tab: every monthly settlement statement of one customer and its
 * deviation cases (DOMAIN.md §4), newest first. Scope-checked by the route; settlement's own tables only.
 */
import { sql } from 'kysely';
import { dec } from '@common/decimal';
import type { CustomerSettlementOverview } from './settlement.schema';
import type { Tx } from '../../platform/db/database';

export async function customerSettlementOverview(db: Tx, customerId: number): Promise<CustomerSettlementOverview> {
  const st = await sql<{
    month: string;
    status: 'draft' | 'confirmed' | 'closed';
    contract_no: string | null;
    basis: 'm3' | 'GJ';
    actual: string;
    contracted: string;
    over_take: boolean;
    total_fen: string;
    daily_charges_fen: string;
    true_up_posted_fen: string;
    adjustment_fen: string;
  }>`
    SELECT to_char(s.month, 'YYYY-MM') AS month, m.status, s.contract_no, s.basis, s.actual, s.contracted, s.over_take, s.total_fen, s.daily_charges_fen, s.true_up_posted_fen,
           COALESCE((SELECT sum(l.amount_fen) FROM settlement_lines l WHERE l.customer_id = s.customer_id AND l.month = s.month AND l.kind = 'adjustment'), 0) AS adjustment_fen
      FROM settlement_statements s JOIN settlement_months m ON m.month = s.month
     WHERE s.customer_id = ${customerId}
     ORDER BY s.month DESC`.execute(db);
  const cs = await sql<{
    id: number;
    label: string;
    from_month: string;
    to_month: string;
    contract_no: string | null;
    basis: 'm3' | 'GJ';
    contracted: string;
    actual: string;
    exempt: string;
    shortfall: string;
    fee_fen: string;
    status: CustomerSettlementOverview['cases'][number]['status'];
  }>`
    SELECT c.id, p.label, to_char(p.from_month, 'YYYY-MM') AS from_month, to_char(p.to_month, 'YYYY-MM') AS to_month, c.contract_no, c.basis,
           c.contracted, c.actual, c.exempt, c.shortfall, c.fee_fen, c.status
      FROM deviation_cases c JOIN deviation_periods p ON p.id = c.period_id
     WHERE c.customer_id = ${customerId}
     ORDER BY p.to_month DESC, c.id DESC`.execute(db);
  return {
    statements: st.rows.map((r) => ({
      month: r.month,
      monthStatus: r.status,
      contractNo: r.contract_no,
      basis: r.basis,
      actual: dec(r.actual).toFixed(),
      contracted: dec(r.contracted).toFixed(),
      overTake: r.over_take,
      totalFen: Number(r.total_fen),
      dailyChargesFen: Number(r.daily_charges_fen),
      trueUpFen: Number(r.true_up_posted_fen),
      adjustmentFen: Number(r.adjustment_fen),
    })),
    cases: cs.rows.map((r) => ({
      id: Number(r.id),
      periodLabel: r.label,
      fromMonth: r.from_month,
      toMonth: r.to_month,
      contractNo: r.contract_no,
      basis: r.basis,
      contracted: dec(r.contracted).toFixed(),
      actual: dec(r.actual).toFixed(),
      exempt: dec(r.exempt).toFixed(),
      shortfall: dec(r.shortfall).toFixed(),
      feeFen: Number(r.fee_fen),
      status: r.status,
    })),
  };
}
