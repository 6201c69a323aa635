import { lazy } from 'react';
import { AlertOutlined, ApartmentOutlined, FireOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import './i18n';

const NetworkPage = lazy(() => import('./pages/NetworkPage'));
const EventsPage = lazy(() => import('./pages/EventsPage'));
const EventPage = lazy(() => import('./pages/EventPage'));
const PlansPage = lazy(() => import('./pages/PlansPage'));
const PlanPage = lazy(() => import('./pages/PlanPage'));

export const supplyWebModule: WebModule = {
  key: 'supply',
  menu: [
    { key: 'supply-network', label: 'supply:menu.network', icon: <ApartmentOutlined />, path: '/supply/network', permission: 'supply:read', order: 400 },
    { key: 'supply-events', label: 'supply:menu.events', icon: <AlertOutlined />, path: '/supply/emergencies', permission: 'supply:read', order: 401 },
    { key: 'supply-plans', label: 'supply:menu.plans', icon: <FireOutlined />, path: '/supply/plans', permission: 'supply:read', order: 402 },
  ],
  routes: [
    { path: '/supply/network', element: <NetworkPage />, permission: 'supply:read' },
    { path: '/supply/emergencies', element: <EventsPage />, permission: 'supply:read' },
    { path: '/supply/emergencies/:id', element: <EventPage />, permission: 'supply:read' },
    { path: '/supply/plans', element: <PlansPage />, permission: 'supply:read' },
    { path: '/supply/plans/:id', element: <PlanPage />, permission: 'supply:read' },
  ],
};
