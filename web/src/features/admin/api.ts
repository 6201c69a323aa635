/** API calls of the administration pages (jobs, users, audit log). Types come from the API contract. */
import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../api';
import { api } from '../../lib/api';

export type Job = ApiItem<'/api/jobs'>;
export type User = ApiItem<'/api/admin/users'>;
export type UserFilter = ApiQuery<'/api/admin/users'>;
export type AuditRow = ApiItem<'/api/admin/audit'>;
export type AuditFilter = ApiQuery<'/api/admin/audit'>;
export type Throttles = ApiResponse<'/api/admin/login-throttles'>;
export type ReactionList = ApiResponse<'/api/reactions'>;
export type ReactionRow = ApiItem<'/api/reactions'>;
export type ReactionFilter = ApiQuery<'/api/reactions'>;

export const adminApi = {
  jobs: () => api.get('/api/jobs'),
  runJob: (name: string, key: string) => api.post('/api/jobs/{name}/run', { path: { name }, body: { key } }),
  users: (filter: UserFilter) => api.get('/api/admin/users', { query: filter }),
  createUser: (body: ApiBody<'/api/admin/users'>) => api.post('/api/admin/users', { body }),
  updateUser: (id: number, body: ApiBody<'/api/admin/users/{id}', 'patch'>) => api.patch('/api/admin/users/{id}', { path: { id }, body }),
  resetPassword: (id: number, body: ApiBody<'/api/admin/users/{id}/reset-password'>) => api.post('/api/admin/users/{id}/reset-password', { path: { id }, body }),
  audit: (filter: AuditFilter) => api.get('/api/admin/audit', { query: filter }),
  loginThrottles: () => api.get('/api/admin/login-throttles'),
  clearLoginThrottle: (key: string) => api.del('/api/admin/login-throttles/{key}', { path: { key } }),
  reactions: (filter: ReactionFilter) => api.get('/api/reactions', { query: filter }),
  retryReaction: (id: number) => api.post('/api/reactions/{id}/retry', { path: { id } }),
};
