/**
 * Demo data (order 400, after customers, interactions, metering): capacities of the demo network,
 * households of city-gas distributors, the 2019-06-17 Changning M6.0 earthquake on well station
 * 老14 of the 老翁场 gas field with the Yibin customers it fed checked (history, DOMAIN.md §5),
 * a smaller recent pipeline event, and a proposed cold-wave curtailment plan for the coming days.
 */
import { Decimal, dec } from '@common/decimal';
import type { DemoContext } from '../../platform/demo/demo';
import { addDays, dailyVolumesByCustomer } from '../metering';
import { affectedCustomers } from './emergencies.service';
import { loadNetwork } from './network.model';
import { computePlan, type Avail } from './plans.compute';
import * as repo from './supply.repo';

const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`);

async function run(ctx: DemoContext) {
  const db = ctx.app.db;
  const rng = ctx.rng('supply');
  const lead = ctx.users.get('lead') ?? null;
  let model = await loadNetwork(db);
  const byCode = new Map([...model.nodes.values()].filter((n) => n.kind !== 'delivery_point').map((n) => [n.code, n.ref]));

  // 1. Capacities: well stations, plants, pipelines and valve rooms at 1.2–1.5 × the recent flow through them (gas fields left open: their shortage is entered per plan).
  const ids = [...model.customers.keys()];
  const vols = await dailyVolumesByCustomer(db, ids, addDays(ctx.lastDay, -6), ctx.lastDay);
  const avg = new Map<number, Decimal>();
  for (const v of vols) avg.set(v.customerId, (avg.get(v.customerId) ?? new Decimal(0)).plus(v.volumeM3));
  const through = new Map<string, Decimal>();
  for (const c of model.customers.values()) {
    const a = (avg.get(c.id) ?? new Decimal(0)).div(7);
    for (const dp of c.dpRefs)
      for (let cur: string | null = dp; cur && model.nodes.has(cur); cur = model.nodes.get(cur)!.upstream) through.set(cur, (through.get(cur) ?? new Decimal(0)).plus(a.div(c.dpRefs.length)));
  }
  const settings = [...model.nodes.values()]
    .filter((n) => n.kind !== 'delivery_point' && n.kind !== 'gas_field')
    .map((n) => {
      const base = Decimal.max(through.get(n.ref) ?? new Decimal(0), 5000);
      const cap = base
        .times(1.2 + rng.int(0, 30) / 100)
        .div(1000)
        .ceil()
        .times(1000);
      return {
        node_ref: n.ref,
        capacity_m3: cap.toFixed(3),
        link_capacity_m3: null,
        upstream_ref: null,
        note: n.kind === 'pipeline' ? '设计输量' : n.kind === 'valve_room' ? '分输能力' : '日产/处理能力',
        updated_by: lead,
      };
    });
  for (const s of settings) await repo.upsertNodeSetting(db, s);
  if (settings.length) {
    await repo.insertNodeHistory(
      db,
      settings.map((s) => ({
        node_ref: s.node_ref,
        at: at(addDays(ctx.lastDay, -60), '10:00'),
        actor_id: lead,
        actor_name: 'lead',
        reason: '年度供气能力核定',
        before: null,
        after: JSON.stringify({ capacityM3: s.capacity_m3 }),
      })),
    );
  }

  // 2. Households served by city-gas distributors (about 1.2 m³ per household and day of residential use).
  for (const c of model.customers.values()) {
    if (c.type !== 'city_gas') continue;
    const a = (avg.get(c.id) ?? new Decimal(0)).div(7);
    const res = c.share ? a.times(c.share) : a.times(0.5);
    await repo.upsertProfile(db, { customer_id: c.id, priority_class: null, households: Math.max(800, res.div(1.2).round().toNumber() + rng.int(0, 500)), note: null, updated_by: lead });
  }
  model = await loadNetwork(db);

  // 3. The Changning M6.0 earthquake, 2019-06-17 22:55 (history): gas to the epicentre came from 老14.
  const l14 = byCode.get('WS-L14');
  if (l14) {
    const via = affectedCustomers(model, [l14], null);
    const e = await repo.insertEmergency(db, {
      kind: 'earthquake',
      occurred_at: at('2019-06-17', '22:55'),
      title: '长宁 6.0 级地震',
      description: '四川宜宾长宁县发生 6.0 级地震，震中供气来自老翁场气田老14井站；井站紧急关断后组织检查，对宜宾受影响客户逐户核查',
      node_refs: [l14],
      region: null,
      created_by: lead,
      status: 'closed',
      closed_at: at('2019-06-21', '18:00'),
    });
    const list = [...via.keys()];
    // the 27 customers of 长宁/珙县/兴文 fed from 老14 are the ones checked in the field
    const yibin = list.filter((id) => ['长宁县', '珙县', '兴文县'].includes(model.customers.get(id)?.county ?? '')).slice(0, 27);
    const checked = new Set(yibin);
    const managerName = 'am04';
    await repo.insertAffected(
      db,
      list.map((id, i) => {
        const c = model.customers.get(id)!;
        const ok = checked.has(id);
        return {
          customer_id: id,
          emergency_id: e.id,
          via_nodes: via.get(id)!,
          households: c.households,
          contacted: ok,
          site_checked: ok,
          supply_status: ok ? (i % 9 === 0 ? 'reduced' : 'restored') : 'unknown',
          demand_change_m3: ok && i % 9 === 0 ? dec(-rng.int(500, 3000)).toFixed(3) : null,
          notes: ok ? (i % 9 === 0 ? '部分车间停产检修，用气量暂时下降' : '管网及调压设施检查正常，已恢复供气') : null,
          updated_at: ok ? at('2019-06-18', `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`) : null,
          updated_by: ok ? (ctx.users.get(managerName) ?? null) : null,
          updated_by_name: ok ? managerName : null,
        };
      }),
    );
    await repo.insertLog(db, [
      { emergency_id: e.id, at: at('2019-06-17', '22:55'), kind: 'declared', text: `长宁 6.0 级地震（老14井站）：受影响客户 ${list.length} 户`, actor_id: lead, actor_name: 'lead' },
      { emergency_id: e.id, at: at('2019-06-17', '23:20'), kind: 'coordination', text: '与生产运行科、老翁场作业区确认：老14井站紧急关断，老长输气管线降压运行', actor_id: lead, actor_name: 'lead' },
      { emergency_id: e.id, at: at('2019-06-18', '01:30'), kind: 'coordination', text: '协调老8井站增产，保障长宁、珙县民用气', actor_id: lead, actor_name: 'lead' },
      ...yibin.map((id, i) => ({
        emergency_id: e.id,
        at: at('2019-06-18', `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`),
        kind: 'check' as const,
        customer_id: id,
        text: `${model.customers.get(id)!.name}：已联系；已现场检查`,
        actor_id: ctx.users.get(managerName) ?? null,
        actor_name: managerName,
      })),
      { emergency_id: e.id, at: at('2019-06-19', '17:00'), kind: 'coordination', text: `宜宾受影响客户 ${yibin.length} 户全部核查完毕，老14井站检查后恢复生产`, actor_id: lead, actor_name: 'lead' },
      { emergency_id: e.id, at: at('2019-06-21', '18:00'), kind: 'closed', text: '应急事件关闭', actor_id: lead, actor_name: 'lead' },
    ]);
  }

  // 4. A smaller recent pipeline event (open): 富顺阀室 leak on the 自贡 ring.
  const fs = byCode.get('VR-FS');
  if (fs) {
    const day = addDays(ctx.lastDay, -2);
    const via = affectedCustomers(model, [fs], null);
    const e = await repo.insertEmergency(db, {
      kind: 'pipeline_failure',
      occurred_at: at(day, '14:20'),
      title: '富顺阀室出站管线泄漏',
      description: '巡线发现富顺阀室出站管线法兰泄漏，降压抢修',
      node_refs: [fs],
      region: null,
      created_by: lead,
    });
    const list = [...via.keys()];
    await repo.insertAffected(
      db,
      list.map((id, i) => ({
        customer_id: id,
        emergency_id: e.id,
        via_nodes: via.get(id)!,
        households: model.customers.get(id)?.households ?? null,
        contacted: i < Math.ceil(list.length / 2),
        supply_status: i < Math.ceil(list.length / 2) ? 'reduced' : 'unknown',
      })),
    );
    await repo.insertLog(db, [
      { emergency_id: e.id, at: at(day, '14:20'), kind: 'declared', text: `富顺阀室出站管线泄漏：受影响客户 ${list.length} 户`, actor_id: lead, actor_name: 'lead' },
      { emergency_id: e.id, at: at(day, '15:05'), kind: 'coordination', text: '已通知管道与销售部和自贡作业区，预计 24 小时内完成抢修', actor_id: lead, actor_name: 'lead' },
    ]);
  }

  // 5. A cold wave in the coming days: gas fields short by 15–25 %; a proposed plan for three gas days.
  const from = addDays(ctx.lastDay, 12);
  const days = [from, addDays(from, 1), addDays(from, 2)];
  const availability: Avail[] = [
    ['GF-LWC', '25'],
    ['GF-YGS', '20'],
    ['GF-YBSG', '15'],
    ['GF-WY', '15'],
  ]
    .filter(([code]) => byCode.has(code))
    .map(([code, pct]) => ({ nodeRef: byCode.get(code)!, shortagePct: pct }));
  try {
    const c = await computePlan(ctx.app, db, days, availability, ctx.lastDay);
    const plan = await repo.insertPlan(db, {
      name: '寒潮保供压减方案（建议）',
      from_day: days[0],
      to_day: days[2],
      availability: JSON.stringify(availability),
      inputs_hash: `${c.netHash}:${c.demandHash}`,
      computed_by: lead,
      created_by: lead,
    });
    await repo.insertPlanLines(
      db,
      c.lines.map((l) => ({
        customer_id: l.customerId,
        plan_id: plan.id,
        gas_day: l.gasDay,
        class: l.class,
        demand_m3: l.demand,
        demand_source: l.demandSource,
        residential_demand_m3: l.residentialDemand,
        computed_allowed_m3: l.allowed,
        allowed_m3: l.allowed,
        reason: l.reason,
        binding_node: l.bindingNode,
      })),
    );
    ctx.log(`supply demo: ${settings.length} capacities, cold-wave plan with ${c.lines.length} lines`);
  } catch (e) {
    ctx.log(`supply demo: no cold-wave plan (${(e as Error).message})`);
  }
}

export const supplyDemo = { order: 400, run };
