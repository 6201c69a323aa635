import { lazy } from 'react';
import { AuditOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';

const UsersPage = lazy(() => import('./UsersPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const JobsPage = lazy(() => import('./JobsPage'));

export const adminWebModule: WebModule = {
  key: 'admin',
  menu: [
    { key: 'users', label: 'common:menu.users', icon: <TeamOutlined />, path: '/admin/users', permission: 'users:manage', order: 900 },
    { key: 'audit', label: 'common:menu.audit', icon: <AuditOutlined />, path: '/admin/audit', permission: 'audit:read', order: 910 },
    { key: 'jobs', label: 'common:menu.jobs', icon: <ScheduleOutlined />, path: '/admin/jobs', permission: 'jobs:run', order: 920 },
  ],
  routes: [
    { path: '/admin/users', element: <UsersPage />, permission: 'users:manage' },
    { path: '/admin/audit', element: <AuditPage />, permission: 'audit:read' },
    { path: '/admin/jobs', element: <JobsPage />, permission: 'jobs:run' },
  ],
};
