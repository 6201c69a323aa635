/**
 * The home page's summary (issue 9 item 2): one read per owning module, each through its
 * published function, each within the user's customer scope — the sales lead and the
 * administrator see the company, an account manager its own customers; finance also sees the
 * day's payments and the bank queue. A section the user's role cannot read is null.
 */
import { can } from '@common/roles';
import type { AppContext } from '../../platform/module';
import type { SessionUser } from '../../platform/auth/session-user';
import { documentsHome, seesAllCustomers } from '../customers';
import { accountsHome, paymentsHome, yesterdayIn } from '../accounts';
import { volumeHome } from '../metering';
import { proceduresHome } from '../procedures';

export async function homeSummary(ctx: AppContext, user: SessionUser, now = new Date()) {
  const has = (p: Parameters<typeof can>[1]) => can(user.roles, p);
  return {
    scope: seesAllCustomers(user) ? ('company' as const) : ('mine' as const),
    accounts: has('accounts:read') ? await accountsHome(ctx.db, user) : null,
    volume: has('metering:read') ? await volumeHome(ctx, user, now) : null,
    procedures: has('customers:read') ? await proceduresHome(ctx.db, user) : null,
    documents: has('customers:read') ? await documentsHome(ctx, user) : null,
    payments: has('payments:write') ? await paymentsHome(ctx.db, yesterdayIn(ctx.config.timeZone, now)) : null,
  };
}
