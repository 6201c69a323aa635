/** zod schemas of the metering API (requests and responses). */
import { z } from 'zod';
import { dec } from '@common/decimal';
import { DateStr, MonthStr, DecimalStr } from '../../platform/http/schemas';
import { BOARD_FLAGS } from './board.calc';
import { BOARD_SORTS } from './board.service';

export const Unit = z.enum(['m3', 'wan', 'yi', 'gj']);
export const Origin = z.enum(['scada', 'manual', 'estimate']);
const Dec = z.string();
const NDec = z.string().nullable();
const Bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

export const CustomerParam = z.strictObject({ id: z.coerce.number().int().positive() });

export const SettingsBody = z.strictObject({
  jumpPct: DecimalStr.refine((v) => /^\d+(\.\d{1,3})?$/.test(v) && dec(v).gt(0) && dec(v).lte(1000), '应大于 0 且不超过 1000，最多 3 位小数').optional(),
  avgDays: z.number().int().min(1).max(90).optional(),
  gcvLookbackDays: z.number().int().min(0).max(90).optional(),
});
export const SettingsView = z.object({ jumpPct: z.string(), avgDays: z.number(), gcvLookbackDays: z.number() });
export const ConfigView = z.object({
  gasDayStartHour: z.number(),
  timeZone: z.string(),
  currentGasDay: z.string(),
  lastCompleteGasDay: z.string(),
  importRange: z.object({ minDay: z.string(), maxDay: z.string() }),
  settings: SettingsView,
});

// --- deliveries -------------------------------------------------------------------------------
export const DeliveryQuery = z.strictObject({
  customerId: z.coerce.number().int().positive().optional(),
  deliveryPointId: z.coerce.number().int().positive().optional(),
  from: DateStr,
  to: DateStr,
  origin: Origin.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});
export const DeliveryView = z.object({
  customerId: z.number(),
  customerName: z.string(),
  deliveryPointId: z.number(),
  pointCode: z.string(),
  pointName: z.string(),
  meterNo: z.string(),
  gasDay: z.string(),
  volumeM3: Dec,
  origin: Origin,
  estimated: z.boolean(),
  hourly: z.array(z.string()).nullable(),
  gcvMJm3: NDec,
  /** The GCV was carried forward from this earlier gas day (no quality data that day); null when the day's own. */
  gcvCarriedFrom: z.string().nullable(),
  energyGJ: NDec,
  corrections: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const CorrectionBody = z.strictObject({
  deliveryPointId: z.number().int().positive(),
  gasDay: DateStr,
  volumeM3: DecimalStr.optional(),
  hourly: z.array(DecimalStr).length(24, '应有 24 个小时值').nullable().optional(),
  origin: Origin,
  reason: z.string().trim().max(500).nullable().optional(),
});
/** Days of the change the daily run had already charged: `follow` re-priced automatically, `closed` left to settlement adjustments. */
export const ChargedDaysView = z.object({ follow: z.array(z.string()), closed: z.array(z.string()) });
export const CorrectionView = z.object({
  deliveryPointId: z.number(),
  gasDay: z.string(),
  volumeM3: z.string(),
  origin: Origin,
  hourly: z.array(z.string()).nullable(),
  status: z.enum(['created', 'corrected', 'unchanged']),
  charges: ChargedDaysView,
});

export const HistoryQuery = z.strictObject({
  customerId: z.coerce.number().int().positive().optional(),
  deliveryPointId: z.coerce.number().int().positive().optional(),
  gasDay: DateStr.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const HistoryView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  deliveryPointId: z.number(),
  pointName: z.string(),
  meterNo: z.string(),
  gasDay: z.string(),
  oldVolumeM3: z.string(),
  oldOrigin: Origin,
  newVolumeM3: z.string(),
  newOrigin: Origin,
  reason: z.string(),
  channel: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});

/** Batch rows are validated by the ingest (row report), so here they are loose records. */
export const BatchBody = z.strictObject({
  rows: z.array(z.record(z.string(), z.unknown())).min(1, '至少一行').max(200_000, '一次最多 200000 行'),
  validOnly: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  reason: z.string().trim().max(500).nullable().optional(),
  defaultOrigin: Origin.default('scada'),
});
export const ImportReport = z.object({
  status: z.enum(['imported', 'partial', 'dry_run', 'rejected']),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
  errorsTruncated: z.boolean(),
  charges: ChargedDaysView,
});
export const ImportFields = z.object({ validOnly: Bool.default(false), dryRun: Bool.default(false), reason: z.string().trim().max(500).optional() });
export const TemplateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// --- quality ----------------------------------------------------------------------------------
export const QualityRow = z.strictObject({
  supplySourceId: z.number().int().positive().optional(),
  sourceCode: z.string().trim().min(1).max(64).optional(),
  gasDay: z.string().max(20),
  gcvMJm3: DecimalStr.nullable().optional(),
  composition: z.record(z.string(), DecimalStr).nullable().optional(),
});
export const QualityBody = z.strictObject({ rows: z.array(QualityRow).min(1).max(20_000) });
export const QualitySaved = z.object({
  saved: z.number(),
  items: z.array(z.object({ row: z.number(), supplySourceId: z.number(), gasDay: z.string(), method: z.string(), gcvMJm3: z.string(), ncvMJm3: NDec, relativeDensity: NDec, wobbeMJm3: NDec })),
});
export const QualityQuery = z.strictObject({
  supplySourceId: z.coerce.number().int().positive().optional(),
  from: DateStr,
  to: DateStr,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});
export const QualityView = z.object({
  supplySourceId: z.number(),
  sourceCode: z.string(),
  sourceName: z.string(),
  gasDay: z.string(),
  method: z.enum(['report', 'composition']),
  gcvMJm3: Dec,
  ncvMJm3: NDec,
  relativeDensity: NDec,
  wobbeMJm3: NDec,
  densityKgm3: NDec,
  z: NDec,
  molarMass: NDec,
  composition: z.record(z.string(), z.string()).nullable(),
  updatedAt: z.string(),
});
export const SourceView = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string(), parentId: z.number().nullable(), region: z.string().nullable() });

// --- usage, board, plans ----------------------------------------------------------------------
export const UsageQuery = z.strictObject({ granularity: z.enum(['day', 'month']).default('day'), from: DateStr, to: DateStr });
export const UsageExportQuery = UsageQuery.extend({ unit: Unit.default('m3') });
export const UsageView = z.object({
  customer: z.object({ id: z.number(), code: z.string(), name: z.string(), type: z.string() }),
  points: z.array(
    z.object({ id: z.number(), code: z.string(), name: z.string(), meterNo: z.string(), active: z.boolean(), supplySourceId: z.number().nullable(), supplySource: z.string().nullable() }),
  ),
  granularity: z.enum(['day', 'month']),
  from: z.string(),
  to: z.string(),
  series: z.array(
    z.object({
      period: z.string(),
      volumeM3: NDec,
      energyGJ: NDec,
      gcvMJm3: NDec,
      estimated: z.boolean(),
      daysWithData: z.number(),
      missingPoints: z.number(),
      prevYearVolumeM3: NDec,
      prevYearEnergyGJ: NDec,
    }),
  ),
  total: z.object({ volumeM3: NDec, energyGJ: NDec, gcvMJm3: NDec, daysWithData: z.number(), days: z.number(), pointDaysWithData: z.number(), pointDays: z.number() }),
});
export const GcvQuery = z.strictObject({ gasDay: DateStr });

export const BoardQuery = z.strictObject({
  day: DateStr.optional(),
  q: z.string().trim().max(60).optional(),
  type: z.string().max(40).optional(),
  city: z.string().max(60).optional(),
  flag: z.enum([...BOARD_FLAGS, 'any', 'none']).optional(),
  sort: z.enum(BOARD_SORTS).default('flags'),
  order: z.enum(['asc', 'desc']).default('desc'),
  unit: Unit.default('m3'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const BoardItemView = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  manager: z.string().nullable(),
  pointCount: z.number(),
  reportedPoints: z.number(),
  volumeM3: NDec,
  energyGJ: NDec,
  gcvMJm3: NDec,
  /** The GCV was carried forward from this earlier gas day (no quality data that day); null when the day's own. */
  gcvCarriedFrom: z.string().nullable(),
  avgM3: NDec,
  avgGJ: NDec,
  planM3: NDec,
  planGJ: NDec,
  dailyMaxM3: NDec,
  dailyMaxGJ: NDec,
  nominationM3: NDec,
  nominationGJ: NDec,
  planBasis: z.enum(['nomination', 'plan']).nullable(),
  changePct: NDec,
  planDeviationPct: NDec,
  flags: z.array(z.enum(BOARD_FLAGS)),
});
export const BoardView = z.object({
  day: z.string(),
  jumpPct: z.string(),
  avgDays: z.number(),
  summary: z.object({ customers: z.number(), flags: z.record(z.string(), z.number()), volumeM3: z.string(), energyGJ: z.string(), customersWithoutEnergy: z.number() }),
  total: z.number(),
  items: z.array(BoardItemView),
});
export const AggregateQuery = z.strictObject({ groupBy: z.enum(['type', 'city', 'province']).default('type'), from: DateStr, to: DateStr });
export const AggregateView = z.object({
  groupBy: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  rows: z.array(z.object({ month: z.string(), group: z.string(), volumeM3: z.string(), energyGJ: NDec, customers: z.number() })),
});

const Planned = DecimalStr.refine((v) => !v.startsWith('-'), '不能为负数').nullable();
export const PlansBody = z.strictObject({
  daily: z
    .array(z.strictObject({ gasDay: DateStr, plannedM3: Planned }))
    .max(400)
    .optional(),
  monthly: z
    .array(z.strictObject({ month: MonthStr, plannedM3: Planned }))
    .max(120)
    .optional(),
});
export const PlansQuery = z.strictObject({ from: DateStr, to: DateStr });
export const PlansView = z.object({
  daily: z.array(z.object({ gasDay: z.string(), plannedM3: z.string() })),
  monthly: z.array(z.object({ month: z.string(), plannedM3: z.string() })),
  dailyMaxM3: NDec,
});
export const DailyMaxBody = z.strictObject({ dailyMaxM3: DecimalStr.refine((v) => !v.startsWith('-') && /[1-9]/.test(v), '必须大于 0').nullable() });
