import type { QikeModule } from '../../platform/module';
import { auditRoutes } from './audit.routes';
export const auditModule: QikeModule = { name: 'audit', routes: auditRoutes };
