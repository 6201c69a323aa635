/**
 * Interactions (客户对接/走访): contacts at the customer, logged contacts and visits, customer
 * issues, follow-up tasks, contact statistics, the manager big table and the manager letters.
 */
import type { QikeModule } from '../../platform/module';
import type { Api, AppContext } from '../../platform/module';
import './interactions.errors';
import { interactionRoutes } from './interactions.routes';
import { followUpRoutes } from './followup.routes';
import { reportRoutes } from './reports.routes';
import { interactionsDemo } from './interactions.demo';
import { issueSearch, interactionActivity } from './discovery';

export const interactionsModule: QikeModule = {
  name: 'interactions',
  search: issueSearch,
  activity: interactionActivity,
  routes: (app: Api, ctx: AppContext) => {
    interactionRoutes(app, ctx);
    followUpRoutes(app, ctx);
    reportRoutes(app, ctx);
  },
  demo: interactionsDemo,
};

export { issueTimes } from './interactions.calc';
export { contactCounts, customerIssueFigures, type CustomerIssueFigures } from './public';
/** For the supply module's emergencies: customers' contacts with phone numbers. */
export { contactsOfCustomers, type CustomerContactLite } from './published-supply';
