/** API calls of the app shell (session, notifications, language, preferences). Types come from the API contract. */
import type { ApiBody, ApiItem, ApiResponse } from '../api';
import { api } from '../lib/api';

export type Me = ApiResponse<'/api/auth/me'>;
export type NotificationItem = ApiItem<'/api/notifications'>;

export const shellApi = {
  me: () => api.get('/api/auth/me'),
  logout: () => api.post('/api/auth/logout'),
  setLang: (lang: ApiBody<'/api/auth/lang', 'put'>['lang']) => api.put('/api/auth/lang', { body: { lang } }),
  /** Remember the user's volume unit (m³ / 万方 / GJ) for every page and session. */
  setPreferences: (body: ApiBody<'/api/auth/preferences', 'put'>) => api.put('/api/auth/preferences', { body }),
  notifications: (limit: number) => api.get('/api/notifications', { query: { limit } }),
  /** Mark the given notifications read, or all of them without ids. */
  markRead: (ids?: number[]) => api.post('/api/notifications/read', { body: ids ? { ids } : {} }),
};
