/** Shared zod shapes for HTTP: pagination, ids, dates. */
import { z } from 'zod';

export const paged = <T extends z.ZodTypeAny>(item: T) => z.object({ total: z.number(), items: z.array(item) });
export const Page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(20) };
export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const DateStr = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), '日期无效');
export const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** A decimal quantity or price sent as a string (or a JSON number converted exactly by its text). */
export const DecimalStr = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字'));
