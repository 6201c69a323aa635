/** API calls of sign-in and password change. Types come from the API contract. */
import type { ApiBody } from '../../api';
import { api } from '../../lib/api';

export const authApi = {
  meta: () => api.get('/api/meta'),
  login: (body: ApiBody<'/api/auth/login'>) => api.post('/api/auth/login', { body }),
  changePassword: (body: ApiBody<'/api/auth/password'>) => api.post('/api/auth/password', { body }),
};
