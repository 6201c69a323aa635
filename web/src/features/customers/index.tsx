/**
 * Web module of customers: the list and the 360° customer page (whose tabs come from every web
 * module's customerTabs — this module contributes archive, delivery points, documents, history),
 * the supply network, licence expiry page and home widget.
 */
import { lazy } from 'react';
import { ApartmentOutlined, FileExclamationOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import './i18n';
import { ArchiveTab } from './components/ArchiveTab';
import { DeliveryPointsTab } from './components/DeliveryPointsTab';
import { DocumentsTab } from './components/DocumentsTab';
import { ActivityTab } from './components/ActivityTab';
import { HistoryTab } from './components/HistoryTab';
import { ExpiringWidget } from './components/ExpiringWidget';

const CustomerListPage = lazy(() => import('./pages/CustomerListPage'));
const CustomerPage = lazy(() => import('./pages/CustomerPage'));
const SupplyNetworkPage = lazy(() => import('./pages/SupplyNetworkPage'));
const ExpiringDocumentsPage = lazy(() => import('./pages/ExpiringDocumentsPage'));

export const customersWebModule: WebModule = {
  key: 'customers',
  menu: [
    { key: 'customers', label: 'customers:menu.customers', icon: <TeamOutlined />, path: '/customers', permission: 'customers:read', order: 100 },
    { key: 'supply-sources', label: 'customers:menu.network', icon: <ApartmentOutlined />, path: '/supply-network', permission: 'customers:read', order: 105 },
    { key: 'customer-documents', label: 'customers:menu.expiring', icon: <FileExclamationOutlined />, path: '/customer-documents/expiring', permission: 'customers:read', order: 110 },
  ],
  routes: [
    { path: '/customers', element: <CustomerListPage />, permission: 'customers:read' },
    { path: '/customers/:id', element: <CustomerPage />, permission: 'customers:read' },
    { path: '/supply-network', element: <SupplyNetworkPage />, permission: 'customers:read' },
    { path: '/customer-documents/expiring', element: <ExpiringDocumentsPage />, permission: 'customers:read' },
  ],
  customerTabs: [
    { key: 'archive', label: 'customers:tabs.archive', permission: 'customers:read', order: 10, render: (id) => <ArchiveTab customerId={id} /> },
    { key: 'activity', label: 'customers:tabs.activity', permission: 'customers:read', order: 15, render: (id) => <ActivityTab customerId={id} /> },
    { key: 'delivery-points', label: 'customers:tabs.deliveryPoints', permission: 'customers:read', order: 30, render: (id) => <DeliveryPointsTab customerId={id} /> },
    { key: 'documents', label: 'customers:tabs.documents', permission: 'customers:read', order: 50, render: (id) => <DocumentsTab customerId={id} /> },
    { key: 'history', label: 'customers:tabs.history', permission: 'customers:read', order: 900, render: (id) => <HistoryTab customerId={id} /> },
  ],
  homeWidgets: [{ key: 'expiring-documents', order: 30, permission: 'customers:read', render: () => <ExpiringWidget /> }],
};
