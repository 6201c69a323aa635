/** API calls of the home page; types from the API contract. */
import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '../../api';
import { api } from '../../lib/api';

export type HomeSummary = ApiResponse<'/api/home/summary'>;

export function useHomeSummary() {
  return useQuery({ queryKey: ['home', 'summary'], queryFn: () => api.get('/api/home/summary') });
}
