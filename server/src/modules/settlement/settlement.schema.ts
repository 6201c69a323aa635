/** zod schemas of the settlement API. */
import { z } from 'zod';
import { MonthStr } from '../../platform/http/schemas';
import { SafeText } from '../pricing/pricing.schema';

export const MonthParam = z.strictObject({ month: MonthStr });
export const CustomerParam = z.strictObject({ customerId: z.coerce.number().int().positive() });
export const MonthCustomerParam = z.strictObject({ month: MonthStr, customerId: z.coerce.number().int().positive() });
export const ReopenBody = z.strictObject({ reason: SafeText(500).pipe(z.string().trim().min(2, '请填写重新打开的原因')) });
export const StatementsQuery = z.strictObject({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(20), q: SafeText(100).optional() });

export const MonthView = z.object({
  month: z.string(),
  status: z.enum(['draft', 'confirmed', 'closed']),
  runs: z.number(),
  lastRunAt: z.date().nullable(),
  confirmedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  reopenedAt: z.date().nullable(),
  reopenReason: z.string().nullable(),
  customers: z.number(),
  totalFen: z.number(),
  trueUpFen: z.number(),
});
export const RunResult = z.object({
  month: z.string(),
  customers: z.number(),
  totalFen: z.number(),
  dailyChargesFen: z.number(),
  trueUpPostedFen: z.number(),
  adjustmentLines: z.number(),
  runs: z.number(),
});
export const StatementRow = z.object({
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  contractNo: z.string().nullable(),
  basis: z.enum(['m3', 'GJ']),
  actual: z.string(),
  contracted: z.string(),
  totalFen: z.number(),
  dailyChargesFen: z.number(),
  trueUpFen: z.number(),
  overTake: z.boolean(),
});
const Msg = z.object({ zh: z.string(), en: z.string() });
export const Statement = z.object({
  month: z.string(),
  monthStatus: z.enum(['draft', 'confirmed', 'closed']),
  customer: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  contractNo: z.string().nullable(),
  basis: z.enum(['m3', 'GJ']),
  actual: z.string(),
  contracted: z.string(),
  overTake: z.boolean(),
  totalFen: z.number(),
  dailyChargesFen: z.number(),
  trueUpFen: z.number(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      kind: z.enum(['base', 'award', 'extra', 'adjustment']),
      tag: z.string(),
      tagName: Msg,
      quantity: z.string(),
      price: z.string().nullable(),
      amountFen: z.number(),
      awardId: z.number().nullable(),
      fromDay: z.string().nullable(),
      toDay: z.string().nullable(),
      adjustsMonth: z.string().nullable(),
    }),
  ),
});
const Group = z.array(z.object({ key: z.string(), basis: z.enum(['m3', 'GJ']), quantity: z.string(), amountFen: z.number(), customers: z.number() }));
export const Summary = z.object({ month: z.string(), byTag: Group, byType: Group, byCity: Group });

// Deviation settlement (responses of deviation.routes.ts).
const Basis = z.enum(['m3', 'GJ']);
export const DeviationStatus = z.enum(['draft', 'reviewed', 'confirmed', 'signed', 'posted']);
export const ClaimCause = z.enum(['force_majeure', 'supplier_curtailment', 'earthquake', 'maintenance', 'other']);
export const DevPeriodView = z.object({ id: z.number(), label: z.string(), from: z.string(), to: z.string(), cases: z.number(), feeFen: z.number(), posted: z.number() });
export const DevPeriodCreated = z.object({ id: z.number(), cases: z.number() });
export const DevCaseView = z.object({
  id: z.number(),
  periodId: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  contractNo: z.string().nullable(),
  basis: Basis,
  theta: z.string(),
  k: z.string(),
  contractPrice: z.string(),
  contracted: z.string(),
  actual: z.string(),
  exempt: z.string(),
  shortfall: z.string(),
  feeFen: z.number(),
  status: DeviationStatus,
  reviewHeldOn: z.string().nullable(),
  reviewParticipants: z.string().nullable(),
  reviewDecision: z.string().nullable(),
  confirmedAt: z.date().nullable(),
  signedFileName: z.string().nullable(),
  signedAt: z.date().nullable(),
  postedAt: z.date().nullable(),
});
export const DevPeriodDetail = z.object({ id: z.number(), label: z.string(), from: z.string(), to: z.string(), cases: z.array(DevCaseView) });
export const DevCaseDetail = DevCaseView.extend({
  period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  claims: z.array(
    z.object({
      id: z.number(),
      cause: ClaimCause,
      claimed: z.string(),
      description: z.string().nullable(),
      receivedOn: z.string(),
      evidenceName: z.string().nullable(),
      approved: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});
export const DevYearSummary = z.object({
  year: z.number(),
  byBasis: z.array(z.object({ basis: Basis, customerTimes: z.number(), shortfall: z.string(), exempt: z.string(), feeFen: z.number(), postedFen: z.number(), claims: z.number() })),
  customerTimes: z.number(),
  feeFen: z.number(),
});

/** The customer page's 合同/结算 tab: its statements (newest first) and deviation cases. */
export const CustomerSettlementOverview = z.object({
  statements: z.array(
    z.object({
      month: z.string(),
      monthStatus: z.enum(['draft', 'confirmed', 'closed']),
      contractNo: z.string().nullable(),
      basis: z.enum(['m3', 'GJ']),
      actual: z.string(),
      contracted: z.string(),
      overTake: z.boolean(),
      totalFen: z.number(),
      dailyChargesFen: z.number(),
      trueUpFen: z.number(),
      adjustmentFen: z.number(),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.number(),
      periodLabel: z.string(),
      fromMonth: z.string(),
      toMonth: z.string(),
      contractNo: z.string().nullable(),
      basis: z.enum(['m3', 'GJ']),
      contracted: z.string(),
      actual: z.string(),
      exempt: z.string(),
      shortfall: z.string(),
      feeFen: z.number(),
      status: z.enum(['draft', 'reviewed', 'confirmed', 'signed', 'posted']),
    }),
  ),
});
export type CustomerSettlementOverview = z.infer<typeof CustomerSettlementOverview>;
