/**
 * Web module of interactions: contacts, interactions and issues tabs on the customer page;
 * pages for interactions, issues, tasks, the manager big table and statistics; a home widget.
 */
import { lazy } from 'react';
import { BarChartOutlined, CarryOutOutlined, ContactsOutlined, IssuesCloseOutlined, TableOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import './i18n';
import { ContactsTab } from './components/ContactsTab';
import { InteractionsTable } from './components/InteractionsTable';
import { IssuesTable } from './components/IssuesTable';
import { MyTasksWidget } from './components/MyTasksWidget';

const InteractionsPage = lazy(() => import('./pages/InteractionsPage'));
const IssuesPage = lazy(() => import('./pages/IssuesPage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const ManagerTablePage = lazy(() => import('./pages/ManagerTablePage'));
const StatsPage = lazy(() => import('./pages/StatsPage'));

export const interactionsWebModule: WebModule = {
  key: 'interactions',
  menu: [
    { key: 'interactions', label: 'interactions:menu.interactions', icon: <ContactsOutlined />, path: '/interactions', permission: 'customers:read', order: 120 },
    { key: 'issues', label: 'interactions:menu.issues', icon: <IssuesCloseOutlined />, path: '/issues', permission: 'customers:read', order: 130 },
    { key: 'tasks', label: 'interactions:menu.tasks', icon: <CarryOutOutlined />, path: '/tasks', permission: 'customers:read', order: 140 },
    { key: 'manager-table', label: 'interactions:menu.managerTable', icon: <TableOutlined />, path: '/manager-table', permission: 'customers:read', order: 150 },
    { key: 'interaction-stats', label: 'interactions:menu.stats', icon: <BarChartOutlined />, path: '/interaction-stats', permission: 'customers:read', order: 160 },
  ],
  routes: [
    { path: '/interactions', element: <InteractionsPage />, permission: 'customers:read' },
    { path: '/issues', element: <IssuesPage />, permission: 'customers:read' },
    { path: '/tasks', element: <TasksPage />, permission: 'customers:read' },
    { path: '/manager-table', element: <ManagerTablePage />, permission: 'customers:read' },
    { path: '/interaction-stats', element: <StatsPage />, permission: 'customers:read' },
  ],
  customerTabs: [
    { key: 'contacts', label: 'interactions:tabs.contacts', permission: 'customers:read', order: 20, render: (id) => <ContactsTab customerId={id} /> },
    { key: 'interactions', label: 'interactions:tabs.interactions', permission: 'customers:read', order: 40, render: (id) => <InteractionsTable customerId={id} /> },
    { key: 'issues', label: 'interactions:tabs.issues', permission: 'customers:read', order: 45, render: (id) => <IssuesTable customerId={id} /> },
  ],
  homeWidgets: [{ key: 'my-tasks', order: 10, permission: 'customers:read', render: () => <MyTasksWidget /> }],
};
