/** Response schema of the home summary. */
import { z } from 'zod';

const Levels = z.object({ normal: z.number(), warning: z.number(), reduce: z.number(), stop: z.number() });

export const HomeSummary = z.object({
  scope: z.enum(['company', 'mine']),
  accounts: z.object({ levels: Levels, receivableFen: z.number(), negativeBalances: z.number(), pendingAdjustments: z.number() }).nullable(),
  volume: z.object({ day: z.string(), customers: z.number(), volumeM3: z.string(), planM3: z.string().nullable(), lastYearDay: z.string(), lastYearM3: z.string() }).nullable(),
  procedures: z.object({ openCases: z.number(), pendingApprovals: z.number().nullable(), pendingInstructions: z.number().nullable() }).nullable(),
  documents: z.object({ expired: z.number(), expiringSoon: z.number(), withinDays: z.number() }).nullable(),
  payments: z.object({ day: z.string(), payments: z.number(), paymentsFen: z.number(), monthPaymentsFen: z.number(), unmatchedLines: z.number(), unmatchedFen: z.number() }).nullable(),
});
