/**
 * Plans module (issue 13, DOMAIN.md §5 "Sales plans"): annual target → monthly plans → operation
 * areas and customers, versions with approval and locking, managers' proposals, the plan ledger
 * (plan vs metering actual) and daily nominations (日指定), provided as `ctx.capabilities.nominations`.
 */
import type { QikeModule } from '../../platform/module';
import './plans.tables';
import './plans.errors';
import { plansRoutes } from './plans.routes';
import { nominationsPort } from './nominations.service';
import { plansDemo } from './plans.demo';

export const plansModule: QikeModule = {
  name: 'plans',
  routes: plansRoutes,
  demo: plansDemo,
  provides: { nominations: nominationsPort },
};
