/**
 * The feature modules of the app, in order. Demo data steps run by their own `demo.order`.
 * Add a module: one import and one entry below.
 */
import type { QikeModule } from '../platform/module';
import { systemModule } from './system';
import { identityModule } from './identity';
import { auditModule } from './audit';
import { proceduresModule } from './procedures';
import { interactionsModule } from './interactions';
import { accountsModule } from './accounts';
import { meteringModule } from './metering';
import { customersModule } from './customers';
import { noticesModule } from './notices';
import { supplyModule } from './supply';
import { tradingModule } from './trading';
import { pricingModule } from './pricing';
import { contractsModule } from './contracts';
import { settlementModule } from './settlement';
import { onboardingModule } from './onboarding';
import { plansModule } from './plans';
import { homeModule } from './home';

export const modules: QikeModule[] = [
  systemModule,
  identityModule,
  auditModule,
  proceduresModule,
  interactionsModule,
  accountsModule,
  meteringModule,
  customersModule,
  noticesModule,
  supplyModule,
  tradingModule,
  pricingModule,
  contractsModule,
  settlementModule,
  onboardingModule,
  plansModule,
  homeModule,
  // modules: add new feature modules above this line
];
export { ensureFirstAdmin } from './identity';
