/**
 * Accounts (先款后气) in the web app: the payment-monitoring board, adjustments to approve,
 * thresholds and closed months; the customer page's account tab; the home widget of customers at risk.
 */
import { lazy, Suspense } from 'react';
import { AccountBookOutlined, AuditOutlined, BankOutlined, SettingOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';
import { AccountHeader } from './components/AccountHeader';

const BoardPage = lazy(() => import('./pages/BoardPage'));
const AdjustmentsPage = lazy(() => import('./pages/AdjustmentsPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const BankPage = lazy(() => import('./pages/BankPage'));
const AccountTab = lazy(() => import('./components/AccountTab'));
const RiskWidget = lazy(() => import('./components/RiskWidget'));

export const accountsWebModule: WebModule = {
  key: 'accounts',
  menu: [
    { key: 'accounts-board', label: 'accounts:menu.board', icon: <AccountBookOutlined />, path: '/accounts/board', permission: 'accounts:read', order: 300 },
    { key: 'accounts-adjustments', label: 'accounts:menu.adjustments', icon: <AuditOutlined />, path: '/accounts/adjustments', permission: 'adjustments:write', order: 301 },
    { key: 'accounts-bank', label: 'accounts:menu.bank', icon: <BankOutlined />, path: '/accounts/bank', permission: 'payments:write', order: 302 },
    { key: 'accounts-settings', label: 'accounts:menu.settings', icon: <SettingOutlined />, path: '/accounts/settings', permission: 'accounts:read', order: 303 },
  ],
  routes: [
    { path: '/accounts/board', element: <BoardPage />, permission: 'accounts:read' },
    { path: '/accounts/adjustments', element: <AdjustmentsPage />, permission: 'adjustments:write' },
    { path: '/accounts/bank', element: <BankPage />, permission: 'payments:write' },
    { path: '/accounts/settings', element: <SettingsPage />, permission: 'accounts:read' },
  ],
  customerHeader: [{ key: 'account', order: 10, permission: 'accounts:read', render: (customerId) => <AccountHeader customerId={customerId} /> }],
  customerTabs: [
    {
      key: 'accounts',
      label: 'accounts:tab',
      permission: 'accounts:read',
      order: 300,
      render: (customerId) => (
        <Suspense fallback={<Loading />}>
          <AccountTab customerId={customerId} />
        </Suspense>
      ),
    },
  ],
  homeWidgets: [
    {
      key: 'accounts-risk',
      order: 5,
      permission: 'accounts:read',
      render: () => (
        <Suspense fallback={<Loading />}>
          <RiskWidget />
        </Suspense>
      ),
    },
  ],
};
