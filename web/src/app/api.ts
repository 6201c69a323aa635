/** API calls of the app shell (session, notifications, language). Types come from the API contract. */
import type { ApiBody, ApiItem, ApiResponse } from '../api';
import { api } from '../lib/api';

export type Me = ApiResponse<'/api/auth/me'>;
export type NotificationItem = ApiItem<'/api/notifications'>;

export const shellApi = {
  me: () => api.get('/api/auth/me'),
  logout: () => api.post('/api/auth/logout'),
  setLang: (lang: ApiBody<'/api/auth/lang', 'put'>['lang']) => api.put('/api/auth/lang', { body: { lang } }),
  notifications: (limit: number) => api.get('/api/notifications', { query: { limit } }),
  /** Mark the given notifications read, or all of them without ids. */
  markRead: (ids?: number[]) => api.post('/api/notifications/read', { body: ids ? { ids } : {} }),
};
