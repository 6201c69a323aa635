import type { QikeModule } from '../../platform/module';
import { identityRoutes } from './identity.routes';
export { ensureFirstAdmin, createUser } from './identity.service';

export const identityModule: QikeModule = { name: 'identity', routes: identityRoutes };
/** Active users by role and department (onboarding to-do notifications, plans' operation areas). */
export { activeUsersWithRoles, type UserRef } from './published-onboarding';
