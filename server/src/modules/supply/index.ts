/**
 * Supply security (保供, issue 14): the supply network as a graph with capacities, emergencies on
 * nodes or regions with checklists and reports, winter curtailment plans by priority class.
 */
import type { QikeModule } from '../../platform/module';
import './supply.tables';
import './supply.errors';
import { supplyRoutes } from './supply.routes';
import { supplyDemo } from './supply.demo';

export const supplyModule: QikeModule = {
  name: 'supply',
  routes: (app, ctx) => supplyRoutes(app, ctx),
  demo: supplyDemo,
};

/** Pure calculations other modules may reuse (e.g. grading's peak-shaving cooperation reads compliance later). */
export { allocate, PRIORITY_CLASSES, type PriorityClass } from './curtailment.calc';
