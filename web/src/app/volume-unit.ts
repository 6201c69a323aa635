/**
 * The volume unit (m³ / 万方 / GJ) a user chose, remembered server-side (PUT /api/auth/preferences)
 * so every page that shows volumes opens in it, across pages and sessions (issue 9 item 8).
 */
import { useQueryClient } from '@tanstack/react-query';
import type { VolumeUnit } from '@common/units';
import { dec } from '@common/decimal';
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

/**
 * A volume in m³ shown in the user's unit where only volumes are known (no energy): 万方 divides
 * by 10 000 (2 places); GJ needs the gas's GCV, which such figures do not carry, so they stay in m³.
 * Returns the number to format, its decimals and the common-namespace unit key.
 */
export function volumeInUnit(m3: string, unit: VolumeUnit): { value: string; dp: number; unitKey: 'units.m3' | 'units.wan' } {
  if (unit === 'wan') return { value: dec(m3).div(10_000).toFixed(2), dp: 2, unitKey: 'units.wan' };
  return { value: m3, dp: 0, unitKey: 'units.m3' };
}
