import { lazy, Suspense } from 'react';
import { SolutionOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-types';
import { Loading } from '../../components/States';
import './i18n';

const OnboardingPage = lazy(() => import('./pages/OnboardingPage'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetailPage'));
const TodoWidget = lazy(() => import('./components/TodoWidget'));

export const onboardingWebModule: WebModule = {
  key: 'onboarding',
  menu: [{ key: 'onboarding', label: 'onboarding:menu.cases', icon: <SolutionOutlined />, path: '/onboarding', permission: 'onboarding:read', order: 400 }],
  routes: [
    { path: '/onboarding', element: <OnboardingPage />, permission: 'onboarding:read' },
    { path: '/onboarding/cases/:id', element: <CaseDetailPage />, permission: 'onboarding:read' },
  ],
  homeWidgets: [
    {
      key: 'onboarding-todo',
      order: 40,
      permission: 'onboarding:read',
      render: () => (
        <Suspense fallback={<Loading />}>
          <TodoWidget />
        </Suspense>
      ),
    },
  ],
};
