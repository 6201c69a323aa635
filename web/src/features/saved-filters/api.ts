/** Saved filters per user on the big lists (system module's /api/saved-filters). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiQuery } from '../../api';
import { api } from '../../lib/api';

export type FilterList = ApiQuery<'/api/saved-filters'>['list'];
export type SavedFilter = ApiItem<'/api/saved-filters'>;
export type FilterValues = ApiBody<'/api/saved-filters', 'put'>['filters'];

const key = (list: FilterList) => ['saved-filters', list] as const;

export const useSavedFilters = (list: FilterList) => useQuery({ queryKey: key(list), queryFn: () => api.get('/api/saved-filters', { query: { list } }) });

export function useSavedFilterMutations(list: FilterList) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: key(list) });
  return {
    save: useMutation({ mutationFn: (b: { name: string; filters: FilterValues }) => api.put('/api/saved-filters', { body: { list, ...b } }), onSuccess }),
    remove: useMutation({ mutationFn: (id: number) => api.del('/api/saved-filters/{id}', { path: { id } }), onSuccess }),
  };
}
