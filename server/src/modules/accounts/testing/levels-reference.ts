/**
 * The previous path of the level recomputation, kept as the reference the set-based SQL is
 * compared with (levels-sql.int.test.ts): the figures read by `levelInputs`, the levels computed
 * row by row in TypeScript with `assessPayment`. Computes only; writes nothing.
 */
import type { Tx } from '../../../platform/db/database';
import { assessPayment, type PaymentLevel } from '../accounts.calc';
import { levelInputs, settingsOf } from '../levels.repo';

export interface ReferenceLevelRow {
  customer_id: number;
  level: PaymentLevel;
  since_day: string;
  balance_fen: number;
  window_charge_fen: number | null;
  window_days: number;
  avg_daily_charge_fen: number | null;
  available_days: string | null;
  day_volume_m3: string | null;
  day_charge_fen: number | null;
  warn_days: string;
  reduce_days: string;
  changed: boolean;
}

export async function referenceLevels(db: Tx, asOfDay: string): Promise<ReferenceLevelRow[]> {
  const settings = await settingsOf(db);
  const inputs = await levelInputs(db, asOfDay, settings.thresholds);
  return inputs.map((i) => {
    const thresholds = { warnDays: i.warnDays, reduceDays: i.reduceDays, avgDays: i.avgDays };
    const windowChargeFen = i.hasData || i.windowChargeFen !== null ? (i.windowChargeFen ?? 0) : null;
    const r = assessPayment({ balanceFen: i.balanceFen, windowChargeFen, thresholds });
    const changed = (i.prevLevel ?? 'normal') !== r.level || i.prevLevel === null;
    return {
      customer_id: i.customerId,
      level: r.level,
      since_day: i.prevLevel !== r.level ? asOfDay : (i.prevSince ?? asOfDay),
      balance_fen: i.balanceFen,
      window_charge_fen: windowChargeFen,
      window_days: i.avgDays,
      avg_daily_charge_fen: r.avgDailyChargeFen,
      available_days: r.availableDays ? r.availableDays.toDecimalPlaces(4).toFixed(4) : null,
      day_volume_m3: i.dayVolumeM3,
      day_charge_fen: i.dayChargeFen,
      warn_days: i.warnDays,
      reduce_days: i.reduceDays,
      changed: changed && !(i.prevLevel === null && r.level === 'normal'),
    };
  });
}
