/**
 * Trading (线上交易, DOMAIN.md §4): listing and bidding sessions, simulations, deposits and fees on
 * the ledger, exchange membership, statistics. Provides `onlineTrades` for monthly settlement.
 */
import type { QikeModule } from '../../platform/module';
import './trading.tables';
import { tradingRoutes } from './trading.routes';
import { membershipRoutes } from './membership.routes';
import { tradingExportRoutes } from './exports.routes';
import { onlineTrades } from './results.service';
import { tradingDemo } from './trading.demo';

export const tradingModule: QikeModule = {
  name: 'trading',
  routes(app, ctx) {
    tradingRoutes(app, ctx);
    membershipRoutes(app, ctx);
    tradingExportRoutes(app, ctx);
  },
  demo: tradingDemo,
  provides: { onlineTrades },
};

export { onlineTrades };
