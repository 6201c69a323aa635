/**
 * Home module: the role-dependent summary of the home page. Owns no table; reads the owning
 * modules' published functions only (customers, accounts, metering, procedures).
 */
import type { QikeModule } from '../../platform/module';
import { userOf } from '../../platform/http/auth-plugin';
import { HomeSummary } from './home.schema';
import { homeSummary } from './home.service';

export const homeModule: QikeModule = {
  name: 'home',
  routes(app, ctx) {
    app.get(
      '/api/home/summary',
      { config: { permission: 'customers:read' }, schema: { tags: ['工作台 Home'], summary: '工作台概况（按角色与客户范围）', response: { 200: HomeSummary } } },
      async (req) => homeSummary(ctx, userOf(req)),
    );
  },
};
