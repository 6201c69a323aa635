/**
 * Pricing (标签化价格, DOMAIN.md §4): resource tags, the price book by tag × price category ×
 * period with effective dates and history, the benchmark city-gate price and float cap, the
 * month's reference price. Other modules use only what is exported here.
 */
import type { QikeModule } from '../../platform/module';
import './pricing.tables';
import './pricing.events';
import { pricingRoutes } from './pricing.routes';
import { pricingDemo } from './pricing.demo';

export const pricingModule: QikeModule = {
  name: 'pricing',
  routes: (app, ctx) => pricingRoutes(app, ctx),
  demo: pricingDemo,
};

/** Prices in force per (tag, category, basis) and day — one statement for many combos and days. */
export { pricesByDay, referencePriceOf, listTags, type PriceCombo } from './pricing.repo';
/** SQL fragment: price in force per (tag, category, basis) and day, for set-based joins (the daily charges). */
export { priceBookDays } from './pricing.repo';
export { isValidPrice } from './pricing.calc';
export type { Basis } from './pricing.tables';
export type { PricesChanged } from './pricing.events';
export { demoContractStart } from './pricing.demo';
