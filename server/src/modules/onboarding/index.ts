/**
 * Onboarding module (issue 13, DOMAIN.md §5 "New customer onboarding"): one case per prospect,
 * the joint site survey and its six departmental sections, combined opinion, the official
 * survey report and review opinion form (PDF), approval, contract, construction, commissioning.
 */
import type { QikeModule } from '../../platform/module';
import './onboarding.tables';
import './onboarding.errors';
import { onboardingRoutes } from './onboarding.routes';
import { onboardingDemo } from './onboarding.demo';
import { onboardingSearch } from './discovery';

export const onboardingModule: QikeModule = {
  name: 'onboarding',
  search: onboardingSearch,
  routes: onboardingRoutes,
  demo: onboardingDemo,
};

/** Yearly headline counts (DOMAIN.md §7): new customers, new contracted scale, projects commissioned. */
export { yearlyCounts } from './onboarding.calc';
