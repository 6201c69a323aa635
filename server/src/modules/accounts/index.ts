/**
 * Accounts (先款后气, DOMAIN.md §6): the customer ledger, daily charges, payment monitoring,
 * statements. Other modules use only what is exported here.
 */
import type { QikeModule } from '../../platform/module';
import type { JobDef } from '../../platform/jobs/jobs';
import { formatFen } from '@common/money';
import { accountsRoutes } from './accounts.routes';
import { ledgerRoutes } from './ledger.routes';
import { bankImportRoutes } from './bank-import.routes';
import { runDaily } from './daily-run.service';
import { yesterdayIn } from './payments.service';
import { balanceOf } from './ledger.repo';
import { accountsDemo, accountsRiskMixDemo } from './accounts.demo';
import { chargedDays, repriceChangedDays } from './reactions';
import { accountActivity } from './discovery';
import { partitionsJob } from './partitions.job';

export { getPaymentStatus, recomputeLevels, type PaymentStatus, type LevelChangeEvent } from './levels.service';
export { recordPayment, postSettlementTrueUp } from './payments.service';
export { runDaily, type DailyRunResult } from './daily-run.service';
export { balanceOf } from './ledger.repo';
export {
  freezeTradingDeposit,
  releaseTradingDeposit,
  applyTradingDeposit,
  chargeTradingFee,
  frozenTradingDeposits,
  refreshTradingLevels,
  postTradingBulk,
  type TradingPosting,
  type BulkTradingPosting,
} from './published-trading';
export { ledgerFingerprint } from './published-reliability';
export { LEVEL_LABELS, LEVEL_SEVERITY, PAYMENT_LEVELS, type PaymentLevel } from './accounts.calc';

export const dailyRunJob: JobDef = {
  name: 'accounts.daily',
  description: {
    zh: '日结：按气日计提各客户气费并重算气款等级（可重复运行，更正后只补差额）',
    en: 'Daily run: post each customer’s charge for the gas day and recompute payment levels (re-runnable; after corrections posts only the difference)',
  },
  dailyAt: '09:30',
  defaultKey: (now, ctx) => yesterdayIn(ctx.config.timeZone, now),
  validateKey: (key) => /^\d{4}-\d{2}-\d{2}$/.test(key) && new Date(key + 'T00:00:00Z').toISOString().startsWith(key),
  run: (ctx, key, actor) => runDaily(ctx, key, actor),
};

export const accountsModule: QikeModule = {
  name: 'accounts',
  activity: accountActivity,
  routes: async (app, ctx) => {
    accountsRoutes(app, ctx);
    ledgerRoutes(app, ctx);
    bankImportRoutes(app, ctx);
  },
  jobs: [dailyRunJob, partitionsJob],
  reactions: [repriceChangedDays],
  provides: { charges: { chargedDays } },
  demo: [accountsDemo, accountsRiskMixDemo],
  closeChecks: [
    async (db, customerId) => {
      const b = await balanceOf(db, customerId);
      return b === 0 ? null : { zh: `气款账户余额为 ${formatFen(b)} 元，须结清为零后才能销户`, en: `The account balance is ${formatFen(b)} yuan; it must be settled to zero before closing` };
    },
  ],
};
/** For settlement: the month's provisional daily charges per customer. */
export { monthDailyChargesByCustomer, postSettlementTrueUps } from './published-settlement';
/** For the home page: levels, receivables and pending adjustments in scope; finance's payments and bank queue. */
export { accountsHome, paymentsHome, type AccountsHome, type PaymentsHome } from './published-home';
export { yesterdayIn } from './payments.service';
