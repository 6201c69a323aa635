/**
 * Contracts (购销合同, DOMAIN.md §4): per customer and contract year, monthly contracted volumes
 * with amendments, basis m³/GJ, θ/τ/k, status, signed file, contract-year view. Provides the
 * contracts port. Other modules use only what is exported here.
 */
import type { QikeModule } from '../../platform/module';
import './contracts.tables';
import './contracts.events';
import { contractsRoutes } from './contracts.routes';
import { contractedDaily } from './published';
import { contractsDemo } from './contracts.demo';

export const contractsModule: QikeModule = {
  name: 'contracts',
  routes: (app, ctx) => contractsRoutes(app, ctx),
  provides: { contracts: { contractedDaily } },
  demo: contractsDemo,
};

export { contractsForMonth, contractedDaily, contractDayPrices, contractBriefs, createDraftContract, type ContractTerms, type ContractBrief } from './published';
export type { TermsChanged } from './contracts.events';
export { monthsBetween, daysInMonth, overTakeFlag } from './contracts.calc';
export { demoContractYears, yearLabel } from './contracts.demo';
