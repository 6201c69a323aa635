/**
 * The signed-in part of the app: the layout, every feature module's routes, menus and widgets.
 * Loaded on demand (React.lazy in router.tsx) so that the login page does not download the
 * feature modules, their tables or the charting library (issue 15.6: login < 300 KB of JS).
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation, useRoutes } from 'react-router-dom';
import type { Permission } from '@common/roles';
import { Layout } from './Layout';
import { useMe, canWith } from './auth';
import { webModules } from './modules';
import { Loading, ErrorState } from '../components/States';
import { Forbidden, NotFound } from './errors';
import HomePage from '../features/home/HomePage';

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

const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      ...webModules.flatMap((m) => m.routes ?? []).map((r) => ({ path: r.path.replace(/^\//, ''), element: <Guard permission={r.permission}>{r.element}</Guard> })),
      { path: '403', element: <Forbidden /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export default function AuthedApp() {
  const element = useRoutes(routes);
  return <RequireAuth>{element}</RequireAuth>;
}
