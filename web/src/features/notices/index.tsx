import { lazy, Suspense } from 'react';
import { FileTextOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';

const NoticesPage = lazy(() => import('./pages/NoticesPage'));
const NoticeDetailPage = lazy(() => import('./pages/NoticeDetailPage'));
const TemplatesPage = lazy(() => import('./pages/TemplatesPage'));
const CustomerNoticesTab = lazy(() => import('./components/CustomerNoticesTab'));

export const noticesWebModule: WebModule = {
  key: 'notices',
  menu: [
    { key: 'notices', label: 'notices:menu.list', icon: <FileTextOutlined />, path: '/notices', permission: 'customers:read', order: 330 },
    { key: 'notice-templates', label: 'notices:menu.templates', icon: <SnippetsOutlined />, path: '/notices/templates', permission: 'notices:templates', order: 331 },
  ],
  routes: [
    { path: '/notices', element: <NoticesPage />, permission: 'customers:read' },
    { path: '/notices/templates', element: <TemplatesPage />, permission: 'notices:templates' },
    { path: '/notices/:id', element: <NoticeDetailPage />, permission: 'customers:read' },
  ],
  customerTabs: [
    {
      key: 'notices',
      label: 'notices:tab',
      permission: 'customers:read',
      order: 330,
      render: (customerId) => (
        <Suspense fallback={<Loading />}>
          <CustomerNoticesTab customerId={customerId} />
        </Suspense>
      ),
    },
  ],
};
