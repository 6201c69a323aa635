/** zod schemas of the contracts API. */
import { z } from 'zod';
import { PRICE_CATEGORIES } from '@common/customers';
import { DecimalStr, MonthStr } from '../../platform/http/schemas';
import { SafeText } from '../pricing/pricing.schema';

const Ratio = DecimalStr;
export const MonthVolume = z.strictObject({ month: MonthStr, quantity: DecimalStr });

export const ContractInput = z.strictObject({
  customerId: z.number().int().positive(),
  contractNo: SafeText(60).pipe(z.string().min(1)),
  yearLabel: SafeText(40).pipe(z.string().min(1)),
  startMonth: MonthStr,
  endMonth: MonthStr,
  basis: z.enum(['m3', 'GJ']).default('m3'),
  baseTag: z.string().max(40).default('contract'),
  priceCategory: z.enum(PRICE_CATEGORIES).optional(),
  basePrice: DecimalStr.nullish(),
  theta: Ratio.default('0.90'),
  tau: Ratio.default('0.10'),
  k: Ratio.default('0.25'),
  prepaymentTerms: SafeText(2000).nullish(),
  months: z.array(MonthVolume).max(24),
});
export type ContractInput = z.infer<typeof ContractInput>;
/** A draft's terms replaced as a whole (the customer stays). */
export const ContractUpdate = ContractInput.omit({ customerId: true });
export type ContractUpdate = z.infer<typeof ContractUpdate>;

export const AmendmentInput = z.strictObject({ effectiveMonth: MonthStr, reason: SafeText(500).pipe(z.string().min(1)), months: z.array(MonthVolume).max(24) });
export const TerminateInput = z.strictObject({ lastMonth: MonthStr, reason: SafeText(500).pipe(z.string().min(1)) });

export const ContractListQuery = z.strictObject({
  customerId: z.coerce.number().int().positive().optional(),
  status: z.enum(['draft', 'active', 'terminated']).optional(),
  month: MonthStr.optional(),
  q: SafeText(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const ContractRow = z.object({
  id: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  contractNo: z.string(),
  yearLabel: z.string(),
  startMonth: z.string(),
  endMonth: z.string(),
  basis: z.enum(['m3', 'GJ']),
  baseTag: z.string(),
  priceCategory: z.string(),
  basePrice: z.string().nullable(),
  theta: z.string(),
  tau: z.string(),
  k: z.string(),
  prepaymentTerms: z.string().nullable(),
  status: z.enum(['draft', 'active', 'terminated']),
  terminatedReason: z.string().nullable(),
  signedFileName: z.string().nullable(),
  totalQuantity: z.string(),
});
export const ContractDetail = ContractRow.extend({
  versions: z.array(z.object({ version: z.number(), effectiveMonth: z.string(), reason: z.string().nullable(), createdAt: z.date() })),
  months: z.array(z.object({ month: z.string(), quantity: z.string(), version: z.number() })),
});
export const YearView = z.object({
  contractId: z.number(),
  basis: z.enum(['m3', 'GJ']),
  tau: z.string(),
  months: z.array(z.object({ month: z.string(), contracted: z.string(), actual: z.string().nullable(), ratio: z.string().nullable(), overTake: z.boolean() })),
  total: z.object({ contracted: z.string(), actual: z.string().nullable() }),
});
