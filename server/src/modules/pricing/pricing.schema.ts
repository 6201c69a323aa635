/** zod schemas of the price book API. */
import { z } from 'zod';
import { PRICE_CATEGORIES } from '@common/customers';
import { DateStr, DecimalStr, MonthStr } from '../../platform/http/schemas';

/** Text without NUL characters (PostgreSQL refuses them: answer 400). */
export const SafeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符 / must not contain NUL characters');
export const BasisEnum = z.enum(['m3', 'GJ']);
export const SeasonEnum = z.enum(['all', 'heating', 'non_heating']);
export const CategoryEnum = z.enum(PRICE_CATEGORIES);

export const PriceTag = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), sort: z.number(), active: z.boolean() });
export const PriceTagInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '编码为小写字母开头的字母/数字/下划线'),
  nameZh: SafeText(60).pipe(z.string().min(1)),
  nameEn: SafeText(80).pipe(z.string().min(1)),
  sort: z.number().int().min(0).max(10000).default(100),
  active: z.boolean().default(true),
});
export const PriceTagPatch = PriceTagInput.omit({ code: true }).partial();

export const PriceEntry = z.object({
  id: z.number(),
  tag: z.string(),
  category: z.string(),
  basis: BasisEnum,
  season: SeasonEnum,
  price: z.string(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  current: z.boolean(),
});
export const PriceEntryInput = z.strictObject({
  tag: z.string().max(40),
  category: CategoryEnum,
  basis: BasisEnum.default('m3'),
  season: SeasonEnum.default('all'),
  price: DecimalStr,
  effectiveFrom: DateStr,
  note: SafeText(500).nullish(),
});
export const PriceQuery = z.strictObject({
  tag: z.string().max(40).optional(),
  category: CategoryEnum.optional(),
  basis: BasisEnum.optional(),
  asOf: DateStr.optional(),
  history: z.enum(['true', 'false']).default('false'),
});

export const Benchmark = z.object({ id: z.number(), effectiveFrom: z.string(), price: z.string(), floatCapPct: z.string(), note: z.string().nullable(), createdAt: z.date() });
export const BenchmarkInput = z.strictObject({ effectiveFrom: DateStr, price: DecimalStr, floatCapPct: DecimalStr, note: SafeText(500).nullish() });

export const ReferencePrice = z.object({ month: z.string(), basis: BasisEnum, price: z.string() });
export const ReferencePriceInput = z.strictObject({ month: MonthStr, basis: BasisEnum.default('m3'), price: DecimalStr });
