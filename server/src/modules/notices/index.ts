/**
 * Notices and receipts (告知函/回执, DOMAIN.md §6) — one mechanism for the whole product:
 * templates with placeholders, letters to a set of customers (printed and/or in-app), each
 * receipt tracked, reminders for overdue receipts. Other modules send through the port
 * `ctx.capabilities.notices` (platform/ports.ts), provided here.
 */
import type { QikeModule } from '../../platform/module';
import './notices.tables';
import './notices.errors';
import { noticeRoutes } from './notices.routes';
import { sendDraft } from './notices.service';
import { receiptReminderJob } from './reminders.service';
import { noticesDemo } from './notices.demo';
import { noticeSearch, noticeActivity } from './discovery';

export const noticesModule: QikeModule = {
  name: 'notices',
  search: noticeSearch,
  activity: noticeActivity,
  routes: noticeRoutes,
  jobs: [receiptReminderJob],
  demo: noticesDemo,
  provides: { notices: { send: sendDraft } },
};
