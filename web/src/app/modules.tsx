/**
 * The web modules of the app. Each feature contributes menu entries, routes, customer-page tabs
 * and home widgets. Add a module: one import and one entry below.
 */
import type { WebModule } from './module-types';
import { adminWebModule } from '../features/admin';
import { interactionsWebModule } from '../features/interactions';
import { proceduresWebModule } from '../features/procedures';
import { customersWebModule } from '../features/customers';
import { meteringWebModule } from '../features/metering';
import { accountsWebModule } from '../features/accounts';
import { noticesWebModule } from '../features/notices';
import { supplyWebModule } from '../features/supply';
import { tradingWebModule } from '../features/trading';
import { settlementWebModule } from '../features/settlement';
import { onboardingWebModule } from '../features/onboarding';
import { plansWebModule } from '../features/plans';

export const webModules: WebModule[] = [
  adminWebModule,
  interactionsWebModule,
  proceduresWebModule,
  customersWebModule,
  meteringWebModule,
  accountsWebModule,
  noticesWebModule,
  supplyWebModule,
  tradingWebModule,
  settlementWebModule,
  onboardingWebModule,
  plansWebModule,
  // web modules: add new feature modules above this line
];
