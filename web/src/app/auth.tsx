import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@common/roles';
import { ApiError } from '../lib/api';
import { shellApi, type Me } from './api';

export type { Me } from './api';

export const ME_KEY = ['auth', 'me'];

/** The signed-in user; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await shellApi.me();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useCan(permission?: Permission): boolean {
  const me = useMe().data;
  if (!permission) return !!me;
  return !!me?.permissions.includes(permission);
}

export function canWith(me: Me | null | undefined, permission?: Permission): boolean {
  if (!me) return false;
  return !permission || me.permissions.includes(permission);
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => qc.setQueryData(ME_KEY, me);
}
