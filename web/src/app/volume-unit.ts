/**
 * The volume unit (m³ / 万方 / GJ) a user chose, remembered server-side (PUT /api/auth/preferences)
 * so every page that shows volumes opens in it, across pages and sessions (issue 9 item 8).
 */
import { useQueryClient } from '@tanstack/react-query';
import type { VolumeUnit } from '@common/units';
import { ME_KEY, useMe, type Me } from './auth';
import { shellApi } from './api';

export type { VolumeUnit } from '@common/units';

/** [unit, setUnit]: the user's stored unit, else `fallback` (the page's default) until they choose. */
export function useVolumeUnit(fallback: VolumeUnit = 'm3'): [VolumeUnit, (u: VolumeUnit) => void] {
  const me = useMe().data;
  const qc = useQueryClient();
  const unit = me?.volumeUnit ?? fallback;
  const setUnit = (u: VolumeUnit) => {
    if (!me || u === me.volumeUnit) return;
    qc.setQueryData<Me>(ME_KEY, { ...me, volumeUnit: u });
    shellApi.setPreferences({ volumeUnit: u }).catch(() => qc.invalidateQueries({ queryKey: ME_KEY }));
  };
  return [unit, setUnit];
}
