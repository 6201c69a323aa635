/** zod schemas (requests and responses) of the trading module. */
import { z } from 'zod';
import { EXCHANGE_STATUSES } from '@common/customers';
import { DateStr, MonthStr, Page } from '../../platform/http/schemas';

const id = z.number().int().positive();
const qId = z.coerce.number().int().positive();
/** Text without NUL characters (PostgreSQL refuses them: 400, never 500). */
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, min ? '不能为空' : undefined)
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符');
/** A positive decimal string (or JSON number, taken by its text). Scale is checked by the service with the field's name. */
const dec = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d+(\.\d+)?$/, '应为非负十进制数字'));
const isoTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（如 2026-12-07T09:00:00+08:00）' });

export const SessionIdParam = z.strictObject({ id: qId });
export const CustomerIdParam = z.strictObject({ customerId: qId });

export const SessionBody = z.strictObject({
  kind: z.enum(['real', 'simulation']),
  mode: z.enum(['listing', 'bidding']),
  title: text(200, 1),
  resourceTag: text(50, 1),
  basis: z.enum(['m3', 'GJ']).default('m3'),
  deliveryMonth: MonthStr,
  deliveryPoint: text(200, 1),
  quantity: dec,
  minPerBuyer: dec,
  maxPerBuyer: dec,
  fixedPrice: dec.nullable().optional(),
  floorPrice: dec.nullable().optional(),
  priceStep: dec.nullable().optional(),
  pricing: z.enum(['pay_as_bid', 'uniform']).default('pay_as_bid'),
  opensAt: isoTime,
  closesAt: isoTime,
  depositRatio: dec.optional(),
  feeRate: dec.optional(),
  eligibleCustomerIds: z.array(id).max(2000).default([]),
  /** Simulation: virtual buyer accounts (each for a customer or a manager) with virtual money in fen. */
  virtualAccounts: z
    .array(z.strictObject({ name: text(100, 1), customerId: id.nullable().optional(), userId: id.nullable().optional(), balanceFen: z.number().int().min(0).max(1e14) }))
    .max(200)
    .default([]),
});
export type SessionBody = z.infer<typeof SessionBody>;

export const SessionQuery = z.strictObject({
  kind: z.enum(['real', 'simulation']).optional(),
  mode: z.enum(['listing', 'bidding', 'agreement']).optional(),
  state: z.enum(['upcoming', 'open', 'closed', 'cleared', 'cancelled']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: text(100).optional(),
  ...Page,
});

/** 协议 agreement: the buyer, the agreed price and both sides' confirmations (buyer's null until recorded). */
export const AgreementInfo = z.object({
  customerId: z.number(),
  customerName: z.string().nullable(),
  price: z.string(),
  sellerConfirmedOn: z.string(),
  sellerDocument: z.string(),
  buyerConfirmedOn: z.string().nullable(),
  buyerDocument: z.string().nullable(),
  buyerRecordedByName: z.string().nullable(),
  note: z.string().nullable(),
});

export const SessionView = z.object({
  id: z.number(),
  kind: z.enum(['real', 'simulation']),
  mode: z.enum(['listing', 'bidding', 'agreement']),
  title: z.string(),
  resourceTag: z.string(),
  basis: z.enum(['m3', 'GJ']),
  deliveryMonth: z.string(),
  deliveryPoint: z.string(),
  quantity: z.string(),
  minPerBuyer: z.string(),
  maxPerBuyer: z.string(),
  fixedPrice: z.string().nullable(),
  floorPrice: z.string().nullable(),
  priceStep: z.string().nullable(),
  pricing: z.enum(['pay_as_bid', 'uniform']),
  opensAt: z.string(),
  closesAt: z.string(),
  depositRatio: z.string(),
  feeRate: z.string(),
  status: z.enum(['open', 'cleared', 'cancelled']),
  /** Derived from the times: upcoming / open / closed (awaiting clearing) / cleared / cancelled. */
  state: z.enum(['upcoming', 'open', 'closed', 'cleared', 'cancelled']),
  organiserId: z.number().nullable(),
  organiserName: z.string().nullable(),
  bidCount: z.number(),
  soldQuantity: z.string().nullable(),
  clearingPrice: z.string().nullable(),
  clearedAt: z.string().nullable(),
  eligibleCustomerIds: z.array(z.number()),
  virtualAccounts: z.array(z.object({ id: z.number(), name: z.string(), customerId: z.number().nullable(), userId: z.number().nullable(), balanceFen: z.number() })),
  /** Only on 协议 agreement sessions. */
  agreement: AgreementInfo.nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

/** 协议 agreement recorded by the seller (real trades only): the buyer, the terms and the seller's confirmation. */
export const AgreementBody = z.strictObject({
  title: text(200, 1),
  customerId: id,
  resourceTag: text(50, 1),
  basis: z.enum(['m3', 'GJ']).default('m3'),
  deliveryMonth: MonthStr,
  deliveryPoint: text(200, 1),
  quantity: dec,
  price: dec,
  feeRate: dec.optional(),
  sellerConfirmedOn: DateStr,
  sellerDocument: text(200, 1),
  /** The buyer's confirmation is awaited until then (default: 30 days from now). */
  confirmBy: isoTime.optional(),
  note: text(2000).nullable().optional(),
});
export type AgreementBody = z.infer<typeof AgreementBody>;
/** The buyer side's confirmation, recorded by the manager on the customer's behalf. */
export const AgreementConfirmBody = z.strictObject({ buyerConfirmedOn: DateStr, buyerDocument: text(200, 1) });
export type AgreementConfirmBody = z.infer<typeof AgreementConfirmBody>;

export const BidBody = z.strictObject({
  customerId: id.optional(),
  virtualAccountId: id.optional(),
  price: dec.optional(),
  quantity: dec,
  idempotencyKey: text(100, 1),
});
export type BidBody = z.infer<typeof BidBody>;

export const BidView = z.object({
  id: z.number(),
  sessionId: z.number(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  virtualAccountId: z.number().nullable(),
  virtualAccountName: z.string().nullable(),
  /** Hidden (null) while a bidding session is sealed, except to the bid's own buyer side. */
  price: z.string().nullable(),
  quantity: z.string(),
  grantedQuantity: z.string().nullable(),
  submittedAt: z.string(),
  depositFen: z.number(),
  filledQuantity: z.string().nullable(),
  outcome: z.enum(['filled', 'partial', 'unfilled']).nullable(),
  rank: z.number().nullable(),
});
export type BidView = z.infer<typeof BidView>;
export const PlaceBidResult = z.object({ duplicate: z.boolean(), bid: BidView });

export const AwardView = z.object({
  id: z.number(),
  sessionId: z.number(),
  bidId: z.number(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  virtualAccountId: z.number().nullable(),
  virtualAccountName: z.string().nullable(),
  quantity: z.string(),
  price: z.string(),
  amountFen: z.number(),
  buyerFeeFen: z.number(),
  sellerFeeFen: z.number(),
  depositAppliedFen: z.number(),
  depositReleasedFen: z.number(),
  awardedAt: z.string(),
});
export type AwardView = z.infer<typeof AwardView>;

export const ResultView = z.object({
  session: SessionView,
  bids: z.array(BidView),
  awards: z.array(AwardView),
  totals: z.object({ soldQuantity: z.string(), unsoldQuantity: z.string(), amountFen: z.number(), buyerFeesFen: z.number(), sellerFeesFen: z.number() }),
});

/** Also the payload of the `live` server-sent events (GET /api/trading/sessions/:id/events). */
export const LiveView = z.object({
  id: z.number(),
  state: SessionView.shape.state,
  serverTime: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  secondsLeft: z.number(),
  bidCount: z.number(),
  bidders: z.number(),
  quantity: z.string(),
  grantedQuantity: z.string().nullable(),
});

export const MembershipBody = z.strictObject({
  registeredOn: DateStr.nullable().optional(),
  boundOn: DateStr.nullable().optional(),
  trainedOn: DateStr.nullable().optional(),
});
export const MembershipQuery = z.strictObject({
  status: z.enum(EXCHANGE_STATUSES).optional(),
  needsHelp: z.enum(['true', 'false']).optional(),
  q: text(100).optional(),
  ...Page,
});
export const MembershipView = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  exchangeStatus: z.enum(EXCHANGE_STATUSES),
  registeredOn: z.string().nullable(),
  boundOn: z.string().nullable(),
  trainedOn: z.string().nullable(),
  managerName: z.string().nullable(),
  lastFollowupOn: z.string().nullable(),
  followups: z.number(),
});
export const FollowupBody = z.strictObject({ onDate: DateStr, note: text(2000, 1), nextStep: text(500).nullable().optional() });
export const FollowupView = z.object({
  id: z.number(),
  customerId: z.number(),
  onDate: z.string(),
  note: z.string(),
  nextStep: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const FeedbackBody = z.strictObject({ virtualAccountId: id.nullable().optional(), topic: z.enum(['rules', 'system', 'other']), rating: z.number().int().min(1).max(5), comment: text(2000, 1) });
export const FeedbackView = z.object({
  id: z.number(),
  sessionId: z.number(),
  virtualAccountId: z.number().nullable(),
  virtualAccountName: z.string().nullable(),
  topic: z.enum(['rules', 'system', 'other']),
  rating: z.number(),
  comment: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const StatsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const BoardQuery = z.strictObject({ from: DateStr, to: DateStr });
