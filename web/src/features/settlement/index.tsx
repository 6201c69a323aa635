/** Pricing, contracts, monthly settlement and deviation settlement in the web app. */
import { lazy, Suspense } from 'react';
import { CalculatorOutlined, DollarOutlined, FileProtectOutlined, FallOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';

const PricesPage = lazy(() => import('./pages/PricesPage'));
const ContractsPage = lazy(() => import('./pages/ContractsPage'));
const ContractDetailPage = lazy(() => import('./pages/ContractDetailPage'));
const SettlementPage = lazy(() => import('./pages/SettlementPage'));
const StatementPage = lazy(() => import('./pages/StatementPage'));
const DeviationPage = lazy(() => import('./pages/DeviationPage'));
const ContractsTab = lazy(() => import('./components/ContractsTab'));

export const settlementWebModule: WebModule = {
  key: 'settlement',
  menu: [
    { key: 'contracts', label: 'settlement:menu.contracts', icon: <FileProtectOutlined />, path: '/contracts', permission: 'contracts:read', order: 400 },
    { key: 'prices', label: 'settlement:menu.prices', icon: <DollarOutlined />, path: '/pricing', permission: 'contracts:read', order: 401 },
    { key: 'settlement', label: 'settlement:menu.settlement', icon: <CalculatorOutlined />, path: '/settlement', permission: 'contracts:read', order: 402 },
    { key: 'deviation', label: 'settlement:menu.deviation', icon: <FallOutlined />, path: '/deviation', permission: 'contracts:read', order: 403 },
  ],
  routes: [
    { path: '/contracts', element: <ContractsPage />, permission: 'contracts:read' },
    { path: '/contracts/:id', element: <ContractDetailPage />, permission: 'contracts:read' },
    { path: '/pricing', element: <PricesPage />, permission: 'contracts:read' },
    { path: '/settlement', element: <SettlementPage />, permission: 'contracts:read' },
    { path: '/settlement/:month/customers/:customerId', element: <StatementPage />, permission: 'contracts:read' },
    { path: '/deviation', element: <DeviationPage />, permission: 'contracts:read' },
  ],
  customerTabs: [
    {
      key: 'contracts',
      label: 'settlement:tab.label',
      permission: 'contracts:read',
      order: 400,
      render: (customerId) => (
        <Suspense fallback={<Loading />}>
          <ContractsTab customerId={customerId} />
        </Suspense>
      ),
    },
  ],
};
