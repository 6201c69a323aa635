/**
 * Metering module (issue 4): daily deliveries per delivery point and gas day, corrections with
 * history, gas quality and GCV, energy in GJ, ingest (JSON/CSV/Excel/CLI), the daily usage board
 * (日用气监控), customer usage charts and exports, plans and contract daily maximum.
 */
import type { QikeModule } from '../../platform/module';
import './metering.tables';
import './metering.events';
import { meteringRoutes } from './metering.routes';
import { boardRoutes } from './board.routes';
import { meteringDemo } from './metering.demo';

export const meteringModule: QikeModule = {
  name: 'metering',
  activity: correctionActivity,
  routes(app, ctx) {
    meteringRoutes(app, ctx);
    boardRoutes(app, ctx);
  },
  demo: meteringDemo,
  cli: meteringCliCommands,
};

/** For the accounts module: daily volume (and energy) per customer, summed over its delivery points. */
export { dailyVolumesByCustomer, customerGcv, type DailyVolume } from './usage.service';
export type { DeliveriesChanged } from './metering.events';
/** Gas day helpers (config.gasDayStartHour, Asia/Shanghai). */
export { gasDayOf, gasDayBounds, lastCompleteGasDay, gasDayConfigOf, addDays } from './gas-day.calc';
/** Energy and unit conversions (DOMAIN.md §2). */
export { energyGJ, pricePerGJ, pricePerM3, convertQuantity, weightedGcv, m3ToWan, m3ToYi } from './metering.calc';
/** The gas days deliveries may be entered or corrected for (now back two years): settlement bounds its adjustment look-back with it. */
export { importableDays } from './ingest.service';
/** CLI commands of the module (metering:import) for server/src/cli.ts's `cliCommands`. */
import { meteringCliCommands } from './metering.cli';
import { correctionActivity } from './discovery';
export { meteringCliCommands };
/** SQL fragments over daily deliveries (volume per customer and gas day), embedded by other modules. */
export { dailyVolumeTotals, monthVolumeTotals, deliveryDayBounds, customersWithDeliveries, dailyEnergyTotals, gcvLookbackDays } from './published';
/** For the plans module: monthly volumes per customer (set-based) and the ingest file helpers. */
export { monthlyVolumesByCustomer, deliveredVolumesByMonth, cellText, parseDay, parseQuantityText, type MonthlyVolume, type RowError } from './published-plans';
/** For the home page: the last gas day's volume against plan and the same day last year (scope of the user). */
export { volumeHome, sameDayLastYear, type VolumeHome } from './published-home';
