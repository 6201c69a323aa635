/**
 * Settlement (月度结算 + 偏差结算, DOMAIN.md §4): monthly settlement of every customer with
 * ledger true-ups, month states and locking, adjustment lines; deviation settlement. Reads
 * contracts, prices, deliveries and online awards only through their published surfaces.
 */
import type { QikeModule } from '../../platform/module';
import './settlement.tables';
import { settlementRoutes } from './settlement.routes';
import { deviationRoutes } from './deviation.routes';
import { settlementDemoRun } from './settlement.demo';
import { markCorrectedMonths, markLockedMonthsFrom } from './settlement.repo';
import { demoContractYears } from '../contracts';
import { demoContractStart } from '../pricing';

export const settlementModule: QikeModule = {
  name: 'settlement',
  routes: (app, ctx) => {
    settlementRoutes(app, ctx);
    deviationRoutes(app, ctx);
  },
  reactions: [
    {
      // a correction of a locked month's deliveries: remember the month, so later runs carry adjustment lines for it
      event: 'metering.deliveriesChanged',
      name: 'settlement.markCorrectedMonths',
      mode: 'inTransaction',
      handle: (_ctx, trx, e) => markCorrectedMonths(trx, e.gasDays),
    },
    {
      // a back-dated price (or reference price): every locked month it reaches gets adjustment lines, however old
      event: 'pricing.pricesChanged',
      name: 'settlement.markRepricedMonths',
      mode: 'inTransaction',
      handle: (_ctx, trx, e) => markLockedMonthsFrom(trx, e.fromDay, e.toDay),
    },
    {
      // a back-dated amendment or termination: the locked months from its month get adjustment lines
      event: 'contracts.termsChanged',
      name: 'settlement.markAmendedMonths',
      mode: 'inTransaction',
      handle: (_ctx, trx, e) => markLockedMonthsFrom(trx, `${e.fromMonth}-01`, null),
    },
  ],
  demo: {
    order: 400,
    run: (ctx) => settlementDemoRun(ctx, ...demoContractYears(demoContractStart(ctx.lastDay))),
  },
};

export { runMonth, type RunResult } from './settlement.run';
export { settleCustomerMonth, deviation } from './settlement.calc';
