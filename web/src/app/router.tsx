import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';

export { Forbidden, NotFound } from './errors';

// Two entry chunks (issue 15.6): the login page alone, and the signed-in app (layout + feature
// modules + charts on the pages that use them), each loaded on first use.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const AuthedApp = lazy(() => import('./AuthedApp'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/*', element: <AuthedApp /> },
]);
