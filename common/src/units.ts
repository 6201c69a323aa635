/** Volume display units (DOMAIN.md §2): m³, 万方 (10⁴ m³), GJ (energy at the day's GCV). */
export const VOLUME_UNITS = ['m3', 'wan', 'gj'] as const;
export type VolumeUnit = (typeof VOLUME_UNITS)[number];

/** A stored value as a volume unit, or null when unset or unknown. */
export function pickVolumeUnit(v: unknown): VolumeUnit | null {
  return (VOLUME_UNITS as readonly unknown[]).includes(v) ? (v as VolumeUnit) : null;
}
