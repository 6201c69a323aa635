/** Online trading (线上交易) in the web app: sessions, a session's live/bidding/result page, exchange membership, the competition board. */
import { lazy, Suspense } from 'react';
import { FundOutlined, IdcardOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';

const SessionsPage = lazy(() => import('./pages/SessionsPage'));
const SessionPage = lazy(() => import('./pages/SessionPage'));
const MembershipsPage = lazy(() => import('./pages/MembershipsPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const CustomerTradesTab = lazy(() => import('./pages/CustomerTradesTab'));

export const tradingWebModule: WebModule = {
  key: 'trading',
  menu: [
    { key: 'trading-sessions', label: 'trading:menu.sessions', icon: <FundOutlined />, path: '/trading/sessions', permission: 'trading:read', order: 400 },
    { key: 'trading-memberships', label: 'trading:menu.memberships', icon: <IdcardOutlined />, path: '/trading/memberships', permission: 'trading:read', order: 401 },
    { key: 'trading-board', label: 'trading:menu.board', icon: <TrophyOutlined />, path: '/trading/board', permission: 'trading:read', order: 402 },
  ],
  routes: [
    { path: '/trading/sessions', element: <SessionsPage />, permission: 'trading:read' },
    { path: '/trading/sessions/:id', element: <SessionPage />, permission: 'trading:read' },
    { path: '/trading/memberships', element: <MembershipsPage />, permission: 'trading:read' },
    { path: '/trading/board', element: <BoardPage />, permission: 'trading:read' },
  ],
  customerTabs: [
    {
      key: 'trading',
      label: 'trading:tab',
      permission: 'trading:read',
      order: 400,
      render: (customerId) => (
        <Suspense fallback={<Loading />}>
          <CustomerTradesTab customerId={customerId} />
        </Suspense>
      ),
    },
  ],
};
