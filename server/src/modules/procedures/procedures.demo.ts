/**
 * Demo (order 350, after accounts): one procedure in progress for a customer at 减气 — warning and
 * payment notice done (receipt signed), a reduce instruction awaiting the operation area — and
 * one closed historical case (warning → notice → reduce → restore, all executed).
 */
import dayjs from 'dayjs';
import type { DemoContext } from '../../platform/demo/demo';
import type { Tx } from '../../platform/db/database';
import { getPaymentStatus } from './procedures.payment';
import { notifyInstruction } from './procedures.messages';
import { operatorsFor } from './procedures.operators';
import * as repo from './procedures.repo';
import { customerBasics } from '../customers';

/** 10:00 Beijing time, `days` before the demo's last gas day. */
const at = (lastDay: string, days: number, hour = 10) => new Date(`${dayjs(lastDay).subtract(days, 'day').format('YYYY-MM-DD')}T${String(hour).padStart(2, '0')}:00:00+08:00`);

async function managerOf(db: Tx, customerId: number, fallback: number) {
  return (await repo.customerManagers(db, [customerId])).find((m) => m.kind === 'full_time')?.user_id ?? fallback;
}

/** A random customer of `pool`, preferring one in the region of a named operation area (at most 30 looked at). */
async function pickServed<T extends { id: number }>(db: Tx, pool: T[], rng: { int: (a: number, b: number) => number }): Promise<T> {
  const start = rng.int(0, pool.length - 1);
  for (let k = 0; k < Math.min(pool.length, 30); k++) {
    const c = pool[(start + k) % pool.length];
    const ops = await operatorsFor(db, (await repo.findCustomer(db, c.id))!);
    if (ops.some((o) => !o.suggested)) return c;
  }
  return pool[start];
}

export const proceduresDemo = {
  order: 350,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const rng = ctx.rng('procedures');
    const customers = await db.selectFrom(customerBasics().as('c')).select(['id', 'status']).where('status', 'in', ['active', 'restricted']).orderBy('id').execute();
    if (customers.length < 2) return ctx.log('procedures demo: fewer than 2 active customers, skipped');
    const levels = await getPaymentStatus(
      db,
      customers.map((c) => c.id),
    );
    const atReduce = customers.filter((c) => levels.get(c.id)?.level === 'reduce');
    const restricted = customers.filter((c) => c.status === 'restricted');
    const pool = atReduce.length ? atReduce : restricted.length ? restricted : customers;
    const current = await pickServed(db, pool, rng);
    const normal = customers.filter((c) => c.id !== current.id && (levels.size ? levels.get(c.id)?.level === 'normal' : true));
    const past = await pickServed(db, normal.length ? normal : customers.filter((c) => c.id !== current.id), rng);
    const fallbackUser = ctx.users.get('am01')!;
    const d = ctx.lastDay;

    // 1. In progress: an auto-opened case (accounts may already have opened it through onLevelChange).
    const cust = (await repo.findCustomer(db, current.id))!;
    const mgr = await managerOf(db, cust.id, fallbackUser);
    const ops = (await operatorsFor(db, cust)).filter((o) => o.suggested).map((o) => o.id);
    const open =
      (await repo.findOpenCase(db, cust.id)) ??
      (await repo.insertCase(db, { customer_id: cust.id, opened_via: 'auto', trigger_level: 'warning', level: 'reduce', level_gas_day: d, opened_at: at(d, 6, 9), updated_at: at(d, 0) }));
    await repo.updateCase(db, open.id, { opened_at: at(d, 6, 9), trigger_level: 'warning', level: 'reduce', level_gas_day: d, current_step: 'reduce' });
    await repo.insertStep(db, {
      case_id: open.id,
      customer_id: cust.id,
      kind: 'warning',
      status: 'done',
      actor_id: mgr,
      acted_at: at(d, 6),
      note: '电话通知客户财务负责人，气款余额不足 5 天',
      level_at: 'warning',
    });
    const notice = await repo.insertStep(db, {
      case_id: open.id,
      customer_id: cust.id,
      kind: 'notice',
      status: 'done',
      actor_id: mgr,
      acted_at: at(d, 4),
      note: '催款函已通过 EMS 寄送并电子邮件抄送',
      level_at: 'warning',
      notice_no: `CK-${open.id}-2`,
      notice_sent_at: at(d, 4),
      receipt_delivered_at: at(d, 3, 11),
      receipt_signed_at: at(d, 3, 15),
      receipt_signer: '客户财务部 王经理',
    });
    const reduce = await repo.insertStep(db, {
      case_id: open.id,
      customer_id: cust.id,
      kind: 'reduce',
      status: 'pending_execution',
      actor_id: mgr,
      acted_at: at(d, 0, 9),
      note: '可用天数不足 2 天，按合同减气',
      level_at: 'reduce',
      operator_ids: ops,
      target_volume_m3: '20000.000',
    });
    if (ops.length) await notifyInstruction(db, ops, cust, reduce.id, 'reduce');

    // 2. Closed history: five months ago, restored after payment.
    const pc = (await repo.findCustomer(db, past.id))!;
    const pm = await managerOf(db, pc.id, fallbackUser);
    const pops = (await operatorsFor(db, pc)).filter((o) => o.suggested).map((o) => o.id);
    const opener = pops[0] ?? null;
    const old = await repo.insertCase(db, {
      customer_id: pc.id,
      status: 'closed',
      opened_via: 'auto',
      trigger_level: 'warning',
      level: 'normal',
      level_gas_day: at(d, 140).toISOString().slice(0, 10),
      current_step: 'restore',
      opened_at: at(d, 150, 9),
      restore_proposed_at: at(d, 141, 16),
      closed_at: at(d, 140, 14),
      closed_by: opener,
      close_reason: 'restored',
      updated_at: at(d, 140, 14),
    });
    const base = { case_id: old.id, customer_id: pc.id, actor_id: pm };
    await repo.insertStep(db, { ...base, kind: 'warning', status: 'done', acted_at: at(d, 150), note: '短信及电话预警', level_at: 'warning' });
    await repo.insertStep(db, {
      ...base,
      kind: 'notice',
      status: 'done',
      acted_at: at(d, 148),
      level_at: 'warning',
      notice_no: `CK-${old.id}-2`,
      notice_sent_at: at(d, 148),
      receipt_delivered_at: at(d, 147),
      receipt_signed_at: at(d, 147, 14),
      receipt_signer: '客户办公室 李主任',
    });
    await repo.insertStep(db, {
      ...base,
      kind: 'reduce',
      status: 'executed',
      acted_at: at(d, 145),
      level_at: 'reduce',
      operator_ids: pops,
      target_volume_m3: '15000.000',
      executed_at: at(d, 145, 14),
      executor_name: '调度员 刘洋',
      confirmed_by: opener,
      confirmed_at: at(d, 145, 15),
      actual_volume_m3: '15200.000',
      execution_note: '分输站调节阀限流',
    });
    await repo.insertStep(db, {
      ...base,
      kind: 'restore',
      status: 'executed',
      acted_at: at(d, 141, 17),
      note: '客户已补缴气款',
      level_at: 'normal',
      operator_ids: pops,
      executed_at: at(d, 140, 10),
      executor_name: '调度员 刘洋',
      confirmed_by: opener,
      confirmed_at: at(d, 140, 14),
    });
    ctx.log(`procedures demo: case ${open.id} in progress (customer ${cust.code}, notice ${notice.notice_no}), case ${old.id} closed`);
  },
};
