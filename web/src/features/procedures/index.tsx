import { lazy, Suspense } from 'react';
import { AlertOutlined, AuditOutlined, ToolOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';
import { OpenCaseHeader } from './components/OpenCaseHeader';

const CasesPage = lazy(() => import('./pages/CasesPage'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetailPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage'));
const CustomerCasesTab = lazy(() => import('./components/CustomerCasesTab'));

export const proceduresWebModule: WebModule = {
  key: 'procedures',
  menu: [
    { key: 'procedures', label: 'procedures:menu.cases', icon: <AlertOutlined />, path: '/procedures', permission: 'accounts:read', order: 320 },
    { key: 'procedures-inbox', label: 'procedures:menu.inbox', icon: <ToolOutlined />, path: '/procedures/inbox', permission: 'procedures:execute', order: 321 },
    { key: 'procedures-approvals', label: 'procedures:menu.approvals', icon: <AuditOutlined />, path: '/procedures/approvals', permission: 'procedures:approve_stop', order: 322 },
  ],
  routes: [
    { path: '/procedures', element: <CasesPage />, permission: 'accounts:read' },
    { path: '/procedures/inbox', element: <InboxPage />, permission: 'procedures:execute' },
    { path: '/procedures/approvals', element: <ApprovalsPage />, permission: 'procedures:approve_stop' },
    { path: '/procedures/:id', element: <CaseDetailPage />, permission: 'accounts:read' },
  ],
  customerHeader: [{ key: 'open-case', order: 20, permission: 'accounts:read', render: (customerId) => <OpenCaseHeader customerId={customerId} /> }],
  customerTabs: [
    {
      key: 'procedures',
      label: 'procedures:tab',
      permission: 'accounts:read',
      order: 320,
      render: (customerId) => (
        <Suspense fallback={<Loading />}>
          <CustomerCasesTab customerId={customerId} />
        </Suspense>
      ),
    },
  ],
};
