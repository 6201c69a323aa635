/**
 * Web module of metering: the daily usage board (日用气监控), daily volumes with import and
 * corrections, gas quality, usage analysis, and the 用气 tab on the customer page.
 */
import { lazy } from 'react';
import { AreaChartOutlined, DashboardOutlined, ExperimentOutlined, TableOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import './i18n';
import { UsageTab } from './components/UsageTab';

const BoardPage = lazy(() => import('./pages/BoardPage'));
const DeliveriesPage = lazy(() => import('./pages/DeliveriesPage'));
const QualityPage = lazy(() => import('./pages/QualityPage'));
const AnalysisPage = lazy(() => import('./pages/AnalysisPage'));

export const meteringWebModule: WebModule = {
  key: 'metering',
  menu: [
    { key: 'metering-board', label: 'metering:menu.board', icon: <DashboardOutlined />, path: '/metering/board', permission: 'metering:read', order: 200 },
    { key: 'metering-deliveries', label: 'metering:menu.deliveries', icon: <TableOutlined />, path: '/metering/deliveries', permission: 'metering:read', order: 205 },
    { key: 'metering-quality', label: 'metering:menu.quality', icon: <ExperimentOutlined />, path: '/metering/quality', permission: 'metering:read', order: 210 },
    { key: 'metering-analysis', label: 'metering:menu.analysis', icon: <AreaChartOutlined />, path: '/metering/analysis', permission: 'metering:read', order: 215 },
  ],
  routes: [
    { path: '/metering/board', element: <BoardPage />, permission: 'metering:read' },
    { path: '/metering/deliveries', element: <DeliveriesPage />, permission: 'metering:read' },
    { path: '/metering/quality', element: <QualityPage />, permission: 'metering:read' },
    { path: '/metering/analysis', element: <AnalysisPage />, permission: 'metering:read' },
  ],
  customerTabs: [{ key: 'usage', label: 'metering:tabs.usage', permission: 'metering:read', order: 30, render: (id) => <UsageTab customerId={id} /> }],
};
