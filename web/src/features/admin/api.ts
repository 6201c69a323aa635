/** API calls of the administration pages (jobs, users, audit log). Types come from the API contract. */
import type { ApiBody, ApiItem, ApiQuery } from '../../api';
import { api } from '../../lib/api';

export type Job = ApiItem<'/api/jobs'>;
export type User = ApiItem<'/api/admin/users'>;
export type UserFilter = ApiQuery<'/api/admin/users'>;
export type AuditRow = ApiItem<'/api/admin/audit'>;
export type AuditFilter = ApiQuery<'/api/admin/audit'>;

export const adminApi = {
  jobs: () => api.get('/api/jobs'),
  runJob: (name: string, key: string) => api.post('/api/jobs/{name}/run', { path: { name }, body: { key } }),
  users: (filter: UserFilter) => api.get('/api/admin/users', { query: filter }),
  createUser: (body: ApiBody<'/api/admin/users'>) => api.post('/api/admin/users', { body }),
  updateUser: (id: number, body: ApiBody<'/api/admin/users/{id}', 'patch'>) => api.patch('/api/admin/users/{id}', { path: { id }, body }),
  resetPassword: (id: number, body: ApiBody<'/api/admin/users/{id}/reset-password'>) => api.post('/api/admin/users/{id}/reset-password', { path: { id }, body }),
  audit: (filter: AuditFilter) => api.get('/api/admin/audit', { query: filter }),
};
