/** Reduce/stop procedure (减停气程序, DOMAIN.md §6): cases, steps, instructions, 保民用 approval. */
import type { QikeModule } from '../../platform/module';
import './procedures.tables';
import './procedures.errors';
import { proceduresRoutes } from './procedures.routes';
import { handleLevelChange } from './procedures.levels';
import { openCaseCloseCheck } from './procedures.closecheck';
import { proceduresDemo } from './procedures.demo';
import { caseSearch, procedureActivity } from './discovery';

export const proceduresModule: QikeModule = {
  name: 'procedures',
  search: caseSearch,
  activity: procedureActivity,
  routes: proceduresRoutes,
  demo: proceduresDemo,
  closeChecks: [openCaseCloseCheck],
  reactions: [{ event: 'accounts.levelChanged', name: 'procedures.openOrAdvanceCase', mode: 'inTransaction', handle: (_ctx, trx, e) => handleLevelChange(trx, e) }],
};

/** Whether a customer has an open reduce/stop case (open or awaiting restoration). */
export { hasOpenCase } from './procedures.closecheck';
