/** What metering adds to a customer's timeline: corrections of delivered volumes (platform/discovery). */
import { sql } from 'kysely';
import { decFixed } from '@common/decimal';
import type { ActivitySource } from '../../platform/discovery/discovery';
import { iso } from '../../platform/discovery/discovery';
import { deliveryPointBasics } from '../customers';

export const correctionActivity: ActivitySource = {
  permission: 'metering:read',
  kinds: ['correction'],
  async read(ctx, _user, customerId, range) {
    const { rows } = await sql<{ gas_day: string; point: string; old_volume_m3: string; new_volume_m3: string; reason: string; actor: string | null; changed_at: Date }>`
      SELECT h.gas_day::text AS gas_day, d.name AS point, h.old_volume_m3, h.new_volume_m3, h.reason, h.changed_by_name AS actor, h.changed_at
        FROM delivery_history h LEFT JOIN ${deliveryPointBasics()} d ON d.id = h.delivery_point_id
       WHERE h.customer_id = ${customerId}
         AND (h.changed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${range.from}::date AND ${range.to}::date
       ORDER BY h.changed_at`.execute(ctx.db);
    return rows.map((r) => ({
      kind: 'correction' as const,
      at: iso(r.changed_at),
      title: {
        zh: `计量更正 ${r.gas_day} ${r.point ?? ''}：${decFixed(r.old_volume_m3, 3)} → ${decFixed(r.new_volume_m3, 3)} m³`,
        en: `Metering correction ${r.gas_day} ${r.point ?? ''}: ${decFixed(r.old_volume_m3, 3)} → ${decFixed(r.new_volume_m3, 3)} m³`,
      },
      detail: { zh: r.reason, en: r.reason },
      amountFen: null,
      actor: r.actor,
      path: `/customers/${customerId}?tab=usage`,
    }));
  },
};
