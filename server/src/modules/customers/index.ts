/** Customers module: archive, lifecycle, manager responsibility, supply network, documents. */
import type { QikeModule } from '../../platform/module';
import './customers.tables';
import { customerRoutes } from './customers.routes';
import { managerRoutes } from './managers.routes';
import { networkRoutes } from './network.routes';
import { documentRoutes } from './documents.routes';
import { documentExpiryJob } from './documents.service';
import { customersDemo } from './customers.demo';

export const customersModule: QikeModule = {
  name: 'customers',
  routes(app, ctx) {
    customerRoutes(app, ctx);
    managerRoutes(app, ctx);
    networkRoutes(app, ctx);
    documentRoutes(app, ctx);
  },
  demo: customersDemo,
  jobs: [documentExpiryJob],
};

/** Active managers of customers (full-time first), e.g. to notify both managers of a customer. */
export { listManagers } from './managers.service';
export { applyTransition } from './lifecycle.service';
export { requiresFullTimeManager, allowedTransitions } from './customers.calc';
/** Short customer descriptions for other modules (onboarding, plans). */
export { customerBriefs, customerIdsByCode, type CustomerBrief } from './published-onboarding';
