/**
 * Transitional re-export: the customer-scope rule belongs to the customers module
 * (modules/customers/scope.ts, published from customers/index.ts). Modules being built in parallel
 * still import `inCustomerScope` / `assertCustomerAccess` from here; new code imports them from
 * '../customers'. Platform holds no part of the rule.
 */
export { inCustomerScope, assertCustomerAccess, seesAllCustomers } from '../../modules/customers/scope';
