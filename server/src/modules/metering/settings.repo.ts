/** Metering settings in the platform `settings` table (key 'metering'), with defaults. */
import type { Tx } from '../../platform/db/database';
import { readSetting, writeSetting } from '../../platform/settings';

export interface MeteringSettings {
  /** A day's volume deviating from the trailing average by more than this percentage is a jump. */
  jumpPct: string;
  /** Days over which the board's trailing average is taken. */
  avgDays: number;
  /** How many days back a missing GCV may be taken from (gcv.repo.ts). */
  gcvLookbackDays: number;
}

export const DEFAULT_METERING_SETTINGS: MeteringSettings = { jumpPct: '30', avgDays: 7, gcvLookbackDays: 7 };
const KEY = 'metering';

export async function getSettings(db: Tx): Promise<MeteringSettings> {
  const v = (await readSetting<Partial<MeteringSettings>>(db, KEY)) ?? {};
  return { ...DEFAULT_METERING_SETTINGS, ...v };
}

export async function putSettings(db: Tx, s: MeteringSettings): Promise<void> {
  await writeSetting(db, KEY, s);
}
