/** Month states (草稿 → 已确认 → 已关闭, reopen with reason) and statement reads. */
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { sql } from 'kysely';
import { dec } from '@common/decimal';
import { customerBasicsById } from '../customers';
import { listTags } from '../pricing';
import { SE } from './settlement.errors';
import * as repo from './settlement.repo';
import type { MonthStatus } from './settlement.tables';

type User = Pick<SessionUser, 'id' | 'roles'>;

/** A price with at least 4 decimals (DOMAIN.md §2), more only when it has them. */
export function fmtPrice(p: string): string {
  const s = dec(p).toFixed();
  const dp = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  return dec(p).toFixed(Math.max(4, dp));
}
export const MONTH_STATUS_LABELS: Record<MonthStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  closed: { zh: '已关闭', en: 'closed' },
};

async function transition(ctx: AppContext, month: string, from: MonthStatus, to: MonthStatus, actor: Actor, action: string, reason?: string) {
  return inTx(ctx.db, async (trx) => {
    const m = await repo.findMonth(trx, month, true);
    if (!m) throw new AppError(SE.SETTLEMENT_NOT_RUN, { month });
    if (m.status !== from) throw new AppError(SE.SETTLEMENT_STATUS, { month, status: MONTH_STATUS_LABELS[m.status].zh, action });
    if (to === 'draft') {
      const later = await repo.laterLocked(trx, month);
      if (later) throw new AppError(SE.SETTLEMENT_LATER_LOCKED, { month, later });
    }
    await repo.setStatus(trx, month, to, actor.userId, reason);
    await audit(trx, actor, {
      action: `settlement.${to === 'draft' ? 'reopen' : to === 'confirmed' ? 'confirm' : 'close'}`,
      entity: 'settlement_month',
      entityId: month,
      before: { status: m.status },
      after: { status: to, reason },
    });
  });
}

export const confirmMonth = (ctx: AppContext, month: string, actor: Actor) => transition(ctx, month, 'draft', 'confirmed', actor, '确认 / confirm');
export const closeMonth = (ctx: AppContext, month: string, actor: Actor) => transition(ctx, month, 'confirmed', 'closed', actor, '关闭 / close');
/** Reopening a closed month needs the sales lead (permission settlement:close) and a reason. */
export const reopenMonth = (ctx: AppContext, month: string, reason: string, actor: Actor) => transition(ctx, month, 'closed', 'draft', actor, '重新打开 / reopen', reason);

export async function monthStatements(db: Tx, user: User, month: string, q: { page: number; pageSize: number; q?: string }) {
  const rows =
    await sql<repo.StatementDb>`SELECT s.customer_id, to_char(s.month, 'YYYY-MM') AS month, s.contract_id, s.contract_no, s.basis, s.actual, s.contracted, s.total_fen, s.daily_charges_fen, s.true_up_posted_fen, s.over_take
      FROM settlement_statements s WHERE s.month = ${month + '-01'}::date AND ${inCustomerScope(user, 's.customer_id')} ORDER BY s.total_fen DESC, s.customer_id`.execute(db);
  const custs = await customerBasicsById(
    db,
    rows.rows.map((r) => Number(r.customer_id)),
  );
  let items = rows.rows.map((r) => {
    const c = custs.get(Number(r.customer_id));
    return {
      customerId: Number(r.customer_id),
      customerCode: c?.code ?? '',
      customerName: c?.name ?? '',
      contractNo: r.contract_no,
      basis: r.basis,
      actual: r.actual,
      contracted: r.contracted,
      totalFen: Number(r.total_fen),
      dailyChargesFen: Number(r.daily_charges_fen),
      trueUpFen: Number(r.true_up_posted_fen),
      overTake: r.over_take,
    };
  });
  if (q.q) {
    const needle = q.q.toLowerCase();
    items = items.filter((i) => i.customerName.toLowerCase().includes(needle) || i.customerCode.toLowerCase().includes(needle));
  }
  const totals = items.reduce((a, i) => ({ totalFen: a.totalFen + i.totalFen, dailyChargesFen: a.dailyChargesFen + i.dailyChargesFen, trueUpFen: a.trueUpFen + i.trueUpFen }), {
    totalFen: 0,
    dailyChargesFen: 0,
    trueUpFen: 0,
  });
  return { total: items.length, totals, items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize) };
}

export async function customerStatement(db: Tx, user: User, month: string, customerId: number) {
  await assertCustomerAccess(db, user, customerId);
  const st = (await repo.statementsOf(db, month, [customerId])).get(customerId);
  if (!st) throw new AppError(SE.SETTLEMENT_STATEMENT_NONE, { month });
  const m = await repo.findMonth(db, month);
  const c = (await customerBasicsById(db, [customerId])).get(customerId)!;
  const tags = new Map((await listTags(db)).map((t) => [t.code, { zh: t.name_zh, en: t.name_en }]));
  const lines = await repo.linesOf(db, month, customerId);
  return {
    month,
    monthStatus: m!.status,
    customer: { id: c.id, code: c.code, name: c.name },
    contractNo: st.contract_no,
    basis: st.basis,
    actual: dec(st.actual).toFixed(),
    contracted: dec(st.contracted).toFixed(),
    overTake: st.over_take,
    totalFen: st.total_fen,
    dailyChargesFen: st.daily_charges_fen,
    trueUpFen: st.true_up_posted_fen,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      kind: l.kind as 'base' | 'award' | 'extra' | 'adjustment',
      tag: l.tag,
      tagName: tags.get(l.tag) ?? { zh: l.tag, en: l.tag },
      quantity: dec(l.quantity).toFixed(),
      price: l.price == null ? null : fmtPrice(l.price),
      amountFen: l.amount_fen,
      awardId: l.award_id,
      fromDay: l.from_day,
      toDay: l.to_day,
      adjustsMonth: l.adjusts_month,
    })),
  };
}
export type CustomerStatement = Awaited<ReturnType<typeof customerStatement>>;

/** Month summary by customer type, city and tag (quantities per basis, amounts in fen). */
export async function monthSummary(db: Tx, user: User, month: string) {
  const rows = await repo.monthTagTotals(db, month);
  const visible = new Set((await monthStatements(db, user, month, { page: 1, pageSize: 1_000_000 })).items.map((i) => i.customerId));
  const mine = rows.filter((r) => visible.has(r.customer_id));
  const custs = await customerBasicsById(db, [...new Set(mine.map((r) => r.customer_id))]);
  const group = (key: (r: (typeof mine)[number]) => string) => {
    const m = new Map<string, { key: string; basis: string; quantity: number[]; fen: number; customers: Set<number> }>();
    for (const r of mine) {
      const k = `${key(r)}|${r.basis}`;
      const g = m.get(k) ?? { key: key(r), basis: r.basis, quantity: [], fen: 0, customers: new Set<number>() };
      g.fen += r.fen;
      g.customers.add(r.customer_id);
      m.set(k, g);
    }
    return m;
  };
  const sumQ = (key: (r: (typeof mine)[number]) => string) => {
    const out = new Map<string, string>();
    for (const r of mine) {
      const k = `${key(r)}|${r.basis}`;
      out.set(
        k,
        dec(out.get(k) ?? '0')
          .plus(r.kind === 'adjustment' ? '0' : r.quantity)
          .toFixed(),
      );
    }
    return out;
  };
  const build = (key: (r: (typeof mine)[number]) => string) => {
    const g = group(key);
    const q = sumQ(key);
    return [...g.entries()]
      .map(([k, v]) => ({ key: v.key, basis: v.basis as 'm3' | 'GJ', quantity: q.get(k) ?? '0', amountFen: v.fen, customers: v.customers.size }))
      .sort((a, b) => b.amountFen - a.amountFen);
  };
  return {
    month,
    byTag: build((r) => (r.kind === 'adjustment' ? 'adjustment' : r.tag)),
    byType: build((r) => custs.get(r.customer_id)?.type ?? ''),
    byCity: build((r) => custs.get(r.customer_id)?.city ?? ''),
  };
}
