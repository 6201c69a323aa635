import type { QikeModule } from '../../platform/module';
import { identityRoutes } from './identity.routes';
import { throttleRoutes } from './throttle.routes';
export { ensureFirstAdmin, createUser } from './identity.service';

export const identityModule: QikeModule = {
  name: 'identity',
  routes: (app, ctx) => {
    identityRoutes(app, ctx);
    throttleRoutes(app, ctx);
  },
};
export { userDisplayNames, userNames, usersWithRoles } from './published-names';
/** Active users by role and department (onboarding to-do notifications, plans' operation areas). */
export { activeUsersWithRoles, type UserRef } from './published-onboarding';
