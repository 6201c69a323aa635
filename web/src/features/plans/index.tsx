import { lazy } from 'react';
import { CalendarOutlined, FundOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import './i18n';

const LedgerPage = lazy(() => import('./pages/LedgerPage'));
const VersionsPage = lazy(() => import('./pages/VersionsPage'));
const NominationsPage = lazy(() => import('./pages/NominationsPage'));

export const plansWebModule: WebModule = {
  key: 'plans',
  menu: [
    { key: 'plans-ledger', label: 'plans:menu.ledger', icon: <FundOutlined />, path: '/plans/ledger', permission: 'plans:read', order: 410 },
    { key: 'plans-versions', label: 'plans:menu.versions', icon: <ScheduleOutlined />, path: '/plans', permission: 'plans:read', order: 411 },
    { key: 'plans-nominations', label: 'plans:menu.nominations', icon: <CalendarOutlined />, path: '/plans/nominations', permission: 'plans:read', order: 412 },
  ],
  routes: [
    { path: '/plans', element: <VersionsPage />, permission: 'plans:read' },
    { path: '/plans/ledger', element: <LedgerPage />, permission: 'plans:read' },
    { path: '/plans/nominations', element: <NominationsPage />, permission: 'plans:read' },
  ],
};
