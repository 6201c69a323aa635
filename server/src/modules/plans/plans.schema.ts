/** zod schemas of the plans API (versions, allocations, proposals, ledger, nominations). */
import { z } from 'zod';
import { DateStr, DecimalStr, MonthStr } from '../../platform/http/schemas';

/** Text without NUL characters (PostgreSQL refuses them: 400, not 500), trimmed, bounded. */
const txt = (max: number, min = 0) =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符')
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min ? '不能为空' : undefined)
        .max(max, `最多 ${max} 个字`),
    );

export const Volume = DecimalStr.refine((v) => !v.startsWith('-'), '气量不能为负').refine((v) => /^\d{1,15}(\.\d{1,3})?$/.test(v), '气量最多 15 位整数、3 位小数');
const Fen = z.number().int('金额应为整数分').min(0, '金额不能为负').max(Number.MAX_SAFE_INTEGER);
const Month = z.number().int().min(1).max(12);
export const Year = z.coerce.number().int().min(2000).max(2100);

export const VersionBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['initial', 'adjusted']),
  targetVolumeM3: Volume,
  targetRevenueFen: Fen,
  months: z.array(z.strictObject({ month: Month, volumeM3: Volume, revenueFen: Fen })).length(12, '月度计划须包含 12 个月'),
  acceptDeviation: z.boolean().optional(),
  deviationNote: txt(500).optional(),
  note: txt(500).optional(),
});
export const VersionUpdate = VersionBody.omit({ year: true, kind: true });
export const AreasBody = z.strictObject({ allocations: z.array(z.strictObject({ month: Month, area: txt(50, 1), volumeM3: Volume })).max(1200) });
export const CustomersBody = z.strictObject({ allocations: z.array(z.strictObject({ customerId: z.number().int().positive(), month: Month, area: txt(50, 1), volumeM3: Volume })).max(100_000) });
export const ProposalBody = z.strictObject({ customerId: z.number().int().positive(), month: MonthStr, volumeM3: Volume, note: txt(500).optional() });
export const YearQuery = z.strictObject({ year: Year });
export const LedgerQuery = z.strictObject({ year: Year, groupBy: z.enum(['month', 'area', 'type', 'customer']).default('month'), month: z.coerce.number().int().min(1).max(12).optional() });
export const NominationItem = z.strictObject({ customerId: z.number().int().positive(), gasDay: DateStr, volumeM3: Volume });
export const NominationsBody = z.strictObject({ items: z.array(NominationItem).min(1).max(10_000) });
export const NominationQuery = z.strictObject({ customerId: z.coerce.number().int().positive().optional(), from: DateStr, to: DateStr });
export const AccuracyQuery = z.strictObject({ month: MonthStr });

const VersionRow = z.object({
  id: z.number(),
  year: z.number(),
  kind: z.enum(['initial', 'adjusted']),
  seq: z.number(),
  status: z.enum(['draft', 'approved', 'superseded']),
  targetVolumeM3: z.string(),
  targetRevenueFen: z.number(),
  deviationFlag: z.boolean(),
  deviationNote: z.string().nullable(),
  note: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export const VersionList = z.array(VersionRow);
export const VersionDetail = VersionRow.extend({
  monthsSumM3: z.string(),
  monthsDiffM3: z.string(),
  months: z.array(z.object({ month: z.number(), volumeM3: z.string(), revenueFen: z.number(), areasM3: z.string(), customersM3: z.string() })),
  areas: z.array(z.object({ month: z.number(), area: z.string(), volumeM3: z.string(), customersM3: z.string() })),
  areaGaps: z.array(z.object({ month: z.number(), planM3: z.string(), allocatedM3: z.string() })),
  customerCount: z.number(),
});
export const LedgerRow = z.object({
  key: z.string(),
  label: z.string(),
  planM3: z.string(),
  actualM3: z.string(),
  deviationM3: z.string(),
  deviationPct: z.string().nullable(),
  ytdPlanM3: z.string(),
  ytdActualM3: z.string(),
  ytdDeviationM3: z.string(),
  ytdDeviationPct: z.string().nullable(),
});
export const LedgerView = z.object({
  year: z.number(),
  versionId: z.number().nullable(),
  groupBy: z.string(),
  month: z.number().nullable(),
  rows: z.array(LedgerRow),
  series: z.array(z.object({ month: z.number(), planM3: z.string(), actualM3: z.string() })),
  actualThrough: z.string().nullable(),
});
export const ProposalRollup = z.object({
  items: z.array(z.object({ customerId: z.number(), customerName: z.string(), area: z.string(), month: z.string(), volumeM3: z.string(), note: z.string().nullable(), proposedAt: z.string() })),
  byMonth: z.array(z.object({ month: z.string(), volumeM3: z.string(), customers: z.number() })),
  byArea: z.array(z.object({ area: z.string(), volumeM3: z.string() })),
});
export const NominationView = z.object({ customerId: z.number(), gasDay: z.string(), volumeM3: z.string(), source: z.string() });
export const AccuracyRow = z.object({
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  daysNominated: z.number(),
  daysCompared: z.number(),
  nominatedM3: z.string(),
  actualM3: z.string(),
  errorPct: z.string().nullable(),
});
export const ImportResult = z.object({ imported: z.number(), errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })) });
export const CustomerAllocationRow = z.object({ customerId: z.number(), customerCode: z.string(), customerName: z.string(), area: z.string(), months: z.array(z.string()).length(12) });
