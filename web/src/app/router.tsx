import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Permission } from '@common/roles';
import { Layout } from './Layout';
import { useMe, canWith } from './auth';
import { webModules } from './modules';
import { Loading, ErrorState } from '../components/States';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('state.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.goHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('state.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.goHome')}</Button>
        </Link>
      }
    />
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const me = useMe().data;
  return canWith(me, permission) ? <>{children}</> : <Forbidden />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      ...webModules.flatMap((m) => m.routes ?? []).map((r) => ({ path: r.path.replace(/^\//, ''), element: <Guard permission={r.permission}>{r.element}</Guard> })),
      { path: '403', element: <Forbidden /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
