import type { QikeModule } from '../../platform/module';
import { systemRoutes } from './system.routes';
import { reactionRoutes } from './reactions.routes';
import { searchRoutes } from './search.routes';
import { savedFilterRoutes } from './saved-filters';
export const systemModule: QikeModule = {
  name: 'system',
  routes(app, ctx) {
    systemRoutes(app, ctx);
    reactionRoutes(app, ctx);
    searchRoutes(app, ctx);
    savedFilterRoutes(app, ctx);
  },
};
