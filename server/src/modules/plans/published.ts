/**
 * Reads of the plans module other modules embed in their own statements (set-based fragments,
 * ARCHITECTURE.md "What a module publishes"). Provided through the `nominations` port
 * (platform/ports.ts) so the consumer (metering's usage board) does not import this module.
 */
import { fragmentBuilder } from '../../platform/db/fragments';
import './plans.tables';

/** The day's nominations (日指定): one row per nominated customer — (customer_id, volume_m3) for `gasDay`. */
export function nominationsOfDay(gasDay: string) {
  return fragmentBuilder.selectFrom('nominations').select(['customer_id', 'volume_m3']).where('gas_day', '=', gasDay);
}
