/** Statement of account (对账单) for any period: opening, movements by category, closing. */
import type { Tx } from '../../platform/db/database';
import { TRADING_KIND_LABELS } from './trading-postings.calc';
import { statementCategory, statementTotals, type StatementCategory, type StatementTotals, type TxKind } from './accounts.calc';
import * as ledger from './ledger.repo';
import type { DayChargeFigures } from './ledger.repo';
import { customerBasics } from '../customers';

export interface StatementLine {
  id: number;
  date: string;
  kind: TxKind;
  category: StatementCategory;
  reference: string | null;
  note: string | null;
  /** Daily charges: contract or provisional price; null otherwise. */
  priceSource: 'contract' | 'provisional' | null;
  /** Daily charges: the day's volume and the priced quantity × price; null otherwise. */
  dayCharge: DayChargeFigures | null;
  /** A daily charge whose volume and price were not stored (posted before migration 202612071428). */
  earlyCharge: boolean;
  amountFen: number;
  balanceFen: number;
}

export interface Statement {
  customer: { id: number; code: string; name: string };
  from: string;
  to: string;
  lines: StatementLine[];
  totals: StatementTotals;
}

export async function buildStatement(db: Tx, customerId: number, from: string, to: string): Promise<Statement> {
  const c = await db.selectFrom(customerBasics().as('c')).select(['id', 'code', 'name']).where('id', '=', customerId).executeTakeFirstOrThrow();
  const opening = await ledger.balanceOf(db, customerId, from);
  const txs = await ledger.transactionsBetween(db, customerId, from, to);
  let running = opening;
  const lines: StatementLine[] = txs.map((t) => {
    running += t.amountFen;
    return {
      id: t.id,
      date: t.businessDate,
      kind: t.kind,
      category: statementCategory(t.kind, t.reversedKind),
      reference: t.reference,
      note: t.note,
      priceSource: t.priceSource,
      dayCharge: t.dayCharge,
      earlyCharge: t.earlyCharge,
      amountFen: t.amountFen,
      balanceFen: running,
    };
  });
  return { customer: c, from, to, lines, totals: statementTotals(opening, lines) };
}

export const KIND_LABELS: Record<TxKind, { zh: string; en: string }> = {
  payment: { zh: '收款', en: 'Payment' },
  daily_charge: { zh: '日气费', en: 'Daily charge' },
  settlement_true_up: { zh: '结算调整', en: 'Settlement true-up' },
  adjustment: { zh: '调账', en: 'Adjustment' },
  refund: { zh: '退款', en: 'Refund' },
  reversal: { zh: '冲正', en: 'Reversal' },
  ...TRADING_KIND_LABELS,
};

export const STATEMENT_TEXT = {
  title: { zh: '客户对账单', en: 'Statement of account' },
  customer: { zh: '客户', en: 'Customer' },
  period: { zh: '对账期间', en: 'Period' },
  opening: { zh: '期初余额', en: 'Opening balance' },
  payments: { zh: '本期收款', en: 'Payments' },
  charges: { zh: '本期气费', en: 'Charges' },
  adjustments: { zh: '本期调账', en: 'Adjustments' },
  refunds: { zh: '本期退款', en: 'Refunds' },
  closing: { zh: '期末余额', en: 'Closing balance' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '类型', en: 'Type' },
  reference: { zh: '凭证/流水号', en: 'Reference' },
  note: { zh: '摘要', en: 'Note' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  balance: { zh: '余额（元）', en: 'Balance (yuan)' },
  volume: { zh: '气量（m³）', en: 'Volume (m³)' },
  price: { zh: '单价', en: 'Unit price' },
  priceUnit: { zh: '计价单位', en: 'Price unit' },
  quantity: { zh: '计价数量', en: 'Priced quantity' },
  contract: { zh: '合同价', en: 'contract price' },
  provisional: { zh: '暂定价', en: 'provisional price' },
  yuanPerM3: { zh: '元/m³', en: 'yuan/m³' },
  yuanPerGJ: { zh: '元/GJ', en: 'yuan/GJ' },
  sign: { zh: '余额为正表示预付款，为负表示欠款。', en: 'A positive balance is prepaid; a negative balance is owed.' },
  printed: { zh: '打印时间', en: 'Printed' },
  earlyCharge: { zh: '（早期记录，未存量价）', en: '(early record, not stored)' },
  earlyQty: { zh: '早期记录', en: 'early record' },
  earlyPrice: { zh: '未存量价', en: 'not stored' },
} as const;
