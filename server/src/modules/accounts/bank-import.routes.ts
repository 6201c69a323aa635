/** HTTP: bank statement import (filled in by the bank-import use case). */
import type { Api, AppContext } from '../../platform/module';

export function bankImportRoutes(_app: Api, _ctx: AppContext) {}
