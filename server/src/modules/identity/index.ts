import type { QikeModule } from '../../platform/module';
import { identityRoutes } from './identity.routes';
export { ensureFirstAdmin, createUser } from './identity.service';

export const identityModule: QikeModule = { name: 'identity', routes: identityRoutes };
export { userDisplayNames, userNames, usersWithRoles } from './published-names';
