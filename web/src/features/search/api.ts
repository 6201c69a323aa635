/** The global search's call (one route of the contract). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiItem } from '../../api';
import { api } from '../../lib/api';

export type SearchHit = ApiItem<'/api/search'>;

export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query],
    queryFn: () => api.get('/api/search', { query: { q: query, limit: 6 } }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
