import type { QikeModule } from '../../platform/module';
import { systemRoutes } from './system.routes';
export const systemModule: QikeModule = { name: 'system', routes: systemRoutes };
