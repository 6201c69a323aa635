/** Customers module: archive, lifecycle, manager responsibility, supply network, documents. */
import type { QikeModule } from '../../platform/module';
import './customers.tables';
import { customerRoutes } from './customers.routes';
import { managerRoutes } from './managers.routes';
import { networkRoutes } from './network.routes';
import { documentRoutes } from './documents.routes';
import { bulkRoutes } from './bulk.routes';
import { documentExpiryJob } from './documents.service';
import { customersDemo } from './customers.demo';
import { customerSearch, deliveryPointSearch, lifecycleActivity } from './discovery';

export const customersModule: QikeModule = {
  name: 'customers',
  search: [customerSearch, deliveryPointSearch],
  activity: lifecycleActivity,
  routes(app, ctx) {
    customerRoutes(app, ctx);
    managerRoutes(app, ctx);
    networkRoutes(app, ctx);
    documentRoutes(app, ctx);
    bulkRoutes(app, ctx);
  },
  demo: customersDemo,
  jobs: [documentExpiryJob],
};

/** Active managers of customers (full-time first), e.g. to notify both managers of a customer. */
export { listManagers } from './managers.service';
export { applyTransition } from './lifecycle.service';
export { requiresFullTimeManager, allowedTransitions } from './customers.calc';
/** Reads for the notices module (告知函/回执). */
export { noticeCustomerIds, noticeAddressees, sniffFileType, SNIFFED_MIME, type NoticeCustomerFilter, type NoticeAddressee } from './published-notices';
/** For the supply module: the network and customers in one read each, and the scope filter. */
export { networkSnapshot, visibleCustomerIds, type NetworkSource, type NetworkDeliveryPoint, type NetworkCustomer } from './published-supply';
export { customerBriefs, customersByExchangeStatus, setExchangeStatus, type CustomerBrief } from './published-trading';
/** The customer-scope rule: every module filters and checks customer data with these. */
export { inCustomerScope, assertCustomerAccess, assertCustomerVisible, seesAllCustomers, customerIdsInScope, keepInScope } from './scope';
/** Set-based read fragments over customers, managers, delivery points and supply sources. */
export { customerBasics, activeManagerAssignments, customersManagedBy, fullTimeManagers, customersInScope, deliveryPointBasics, supplySourceBasics } from './published';
/** For pricing, contracts and settlement: customer basics and price-category recipients. */
export { customerBasicsById, customerIdsByPriceCategory, type CustomerBasics } from './published-settlement';
/** Short customer descriptions for onboarding and plans. */
export { customerBriefs as onboardingCustomerBriefs, customerIdsByCode, type CustomerBrief as OnboardingCustomerBrief } from './published-onboarding';
/** For the home page: expired and soon-expiring documents in the user's scope. */
export { documentsHome, type DocumentsHome } from './published-home';
