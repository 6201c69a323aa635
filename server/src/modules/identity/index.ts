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
