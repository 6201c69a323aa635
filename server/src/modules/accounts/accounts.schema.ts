/** zod schemas of the accounts API (requests and responses). */
import { z } from 'zod';
import { DateStr, MonthStr, Page } from '../../platform/http/schemas';
import { PAYMENT_LEVELS, TX_KINDS } from './accounts.calc';

const Fen = z.number().int();
const Text = (max: number) => z.string().trim().max(max);
export const CustomerIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const Level = z.enum(PAYMENT_LEVELS);

/** A daily charge's figures: the day's volume (m³) and what was priced — quantity (m³ or GJ) × price (元/m³ | 元/GJ). */
export const DayChargeView = z.object({ volumeM3: z.string(), quantity: z.string().nullable(), basis: z.enum(['m3', 'GJ']).nullable(), price: z.string().nullable() });

export const TxView = z.object({
  id: z.number(),
  kind: z.enum(TX_KINDS),
  customerId: z.number(),
  businessDate: z.string(),
  period: z.string(),
  chargeDay: z.string().nullable(),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  payerAccount: z.string().nullable(),
  note: z.string().nullable(),
  /** Daily charges: the price came from the contract or the provisional price (fallback); null otherwise. */
  priceSource: z.enum(['contract', 'provisional']).nullable(),
  reversesId: z.number().nullable(),
  reversedById: z.number().nullable(),
  reversedKind: z.enum(TX_KINDS).nullable(),
  amountFen: Fen,
  /** The customer's balance after this transaction (running balance, business date then id). */
  balanceAfterFen: Fen,
  /** Daily charges: the day's volume (m³) and what was priced — quantity (m³ or GJ) × price (元/m³ | 元/GJ). */
  dayCharge: DayChargeView.nullable(),
  /**
   * A daily charge posted before the daily run stored its volume and price (migration
   * 202612071428): its figures cannot be shown — marked "(早期记录，未存量价)" rather than "—".
   */
  earlyCharge: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const StatusView = z.object({
  level: Level,
  balanceFen: Fen,
  availableDays: z.string().nullable(),
  avgDailyChargeFen: Fen.nullable(),
  sinceDay: z.string(),
  asOfDay: z.string(),
});

export const PaymentBody = z.strictObject({
  customerId: z.number().int().positive(),
  amountFen: Fen,
  bankRef: Text(100).min(1, '银行流水号不能为空'),
  valueDate: DateStr,
  payerName: Text(200).nullish(),
  payerAccount: Text(100).nullish(),
  note: Text(500).nullish(),
});
export const PaymentResponse = z.object({ duplicate: z.boolean(), transaction: TxView, status: StatusView.nullable() });

export const RefundBody = z.strictObject({ customerId: z.number().int().positive(), amountFen: Fen, businessDate: DateStr, reference: Text(100).nullish(), note: Text(500).nullish() });
export const ReverseBody = z.strictObject({ reason: Text(500).min(1, '请填写冲正原因'), businessDate: DateStr.optional() });

export const AdjustmentBody = z.strictObject({ customerId: z.number().int().positive(), amountFen: Fen, businessDate: DateStr, reason: Text(500).min(1, '请填写调账原因') });
export const DecisionBody = z.strictObject({ note: Text(500).nullish() });
export const AdjustmentView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  amountFen: Fen,
  businessDate: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  enteredBy: z.number(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  decidedBy: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  transactionId: z.number().nullable(),
});
export const AdjustmentQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected']).optional(), customerId: z.coerce.number().int().positive().optional(), ...Page });

export const TxQuery = z.strictObject({ from: DateStr.optional(), to: DateStr.optional(), kind: z.enum(TX_KINDS).optional(), ...Page });

const levelList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(Level));
export const BoardQuery = z.strictObject({
  level: levelList.optional(),
  managerId: z.coerce.number().int().positive().optional(),
  region: Text(50).optional(),
  q: Text(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
  ...Page,
});
export const BoardRow = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string().nullable(),
  managerName: z.string().nullable(),
  level: Level,
  sinceDay: z.string(),
  asOfDay: z.string(),
  dayVolumeM3: z.string().nullable(),
  dayChargeFen: Fen.nullable(),
  balanceFen: Fen,
  receivableFen: Fen,
  prepaidFen: Fen,
  avgDailyChargeFen: Fen.nullable(),
  availableDays: z.string().nullable(),
  warnDays: z.string(),
  reduceDays: z.string(),
  avgDays: z.number(),
});

const DaysStr = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, '天数应为最多两位小数的正数'));
export const ThresholdsBody = z.strictObject({ warnDays: DaysStr, reduceDays: DaysStr, avgDays: z.number().int() });
export const Thresholds = z.object({ warnDays: z.string(), reduceDays: z.string(), avgDays: z.number() });
export const CustomerThresholdsBody = z.strictObject({ warnDays: DaysStr.nullable(), reduceDays: DaysStr.nullable(), avgDays: z.number().int().nullable() });
export const CustomerThresholds = z.object({ own: z.object({ warnDays: z.string().nullable(), reduceDays: z.string().nullable(), avgDays: z.number().nullable() }), effective: Thresholds });

export const PriceBody = z.strictObject({ effectiveFrom: DateStr, price: z.union([z.string(), z.number()]).transform((v) => String(v)) });
export const PriceList = z.array(z.object({ effectiveFrom: z.string(), price: z.string() }));

export const StatementQuery = z.strictObject({ from: DateStr, to: DateStr });
export const StatementView = z.object({
  customer: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  lines: z.array(
    z.object({
      id: z.number(),
      date: z.string(),
      kind: z.enum(TX_KINDS),
      category: z.enum(['payment', 'charge', 'adjustment', 'refund']),
      reference: z.string().nullable(),
      note: z.string().nullable(),
      priceSource: z.enum(['contract', 'provisional']).nullable(),
      dayCharge: DayChargeView.nullable(),
      /** A daily charge whose volume and price were not stored (posted before migration 202612071428). */
      earlyCharge: z.boolean(),
      amountFen: Fen,
      balanceFen: Fen,
    }),
  ),
  totals: z.object({ openingFen: Fen, paymentsFen: Fen, chargesFen: Fen, adjustmentsFen: Fen, refundsFen: Fen, closingFen: Fen }),
});

export const PeriodParam = z.strictObject({ period: MonthStr });
export const PeriodView = z.object({ period: z.string(), closedAt: z.string(), closedBy: z.string().nullable(), note: z.string().nullable() });

export const AccountSummary = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  customerStatus: z.string(),
  monitored: z.boolean(),
  balanceFen: Fen,
  receivableFen: Fen,
  prepaidFen: Fen,
  level: Level.nullable(),
  sinceDay: z.string().nullable(),
  asOfDay: z.string().nullable(),
  dayVolumeM3: z.string().nullable(),
  dayChargeFen: Fen.nullable(),
  avgDailyChargeFen: Fen.nullable(),
  availableDays: z.string().nullable(),
  thresholds: CustomerThresholds,
  pendingAdjustments: z.number(),
});
