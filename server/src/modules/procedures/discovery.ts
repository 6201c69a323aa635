/**
 * What the reduce/stop procedure contributes to the global search (cases by number or by their
 * customer) and to a customer's timeline (every step of its cases) — platform/discovery.
 */
import { sql } from 'kysely';
import type { ActivitySource, SearchSource } from '../../platform/discovery/discovery';
import { iso, likePattern } from '../../platform/discovery/discovery';
import { customerBasics, inCustomerScope } from '../customers';
import { userDirectory } from '../../platform/auth/users';
import type { CaseStatus, StepKind, StepStatus } from './procedures.calc';

const STEP: Record<StepKind, { zh: string; en: string }> = {
  warning: { zh: '预警提醒', en: 'Warning' },
  notice: { zh: '催款告知', en: 'Payment notice' },
  reduce: { zh: '减气指令', en: 'Reduce instruction' },
  stop: { zh: '停气指令', en: 'Stop instruction' },
  restore: { zh: '恢复供气', en: 'Restore supply' },
};
const STEP_STATUS: Record<StepStatus, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'done' },
  pending_approval: { zh: '待审批', en: 'awaiting approval' },
  pending_execution: { zh: '待执行', en: 'awaiting execution' },
  executed: { zh: '已执行', en: 'executed' },
  rejected: { zh: '已驳回', en: 'rejected' },
  cancelled: { zh: '已撤回', en: 'withdrawn' },
};
const CASE_STATUS: Record<CaseStatus, { zh: string; en: string }> = {
  open: { zh: '进行中', en: 'open' },
  restore_proposed: { zh: '建议恢复', en: 'restore proposed' },
  closed: { zh: '已关闭', en: 'closed' },
  cancelled: { zh: '已撤销', en: 'cancelled' },
};

export const caseSearch: SearchSource = {
  permission: 'accounts:read',
  async find(ctx, user, q, limit) {
    const caseNo = /^#?(\d{1,12})$/.exec(q)?.[1];
    const { rows } = await sql<{ id: number; status: CaseStatus; current_step: StepKind | null; customer_id: number; name: string; code: string }>`
      SELECT pc.id, pc.status, pc.current_step, pc.customer_id, c.name, c.code
        FROM procedure_cases pc JOIN ${customerBasics()} c ON c.id = pc.customer_id
       WHERE (${caseNo ?? null}::bigint IS NOT NULL AND pc.id = ${caseNo ?? null}::bigint
              OR c.search_text LIKE ${likePattern(q.replace(/\s+/g, ''))})
         AND ${inCustomerScope(user, 'pc.customer_id')}
       ORDER BY (pc.status IN ('open', 'restore_proposed')) DESC, pc.opened_at DESC
       LIMIT ${limit}`.execute(ctx.db);
    const en = user.lang === 'en';
    return rows.map((r) => ({
      kind: 'procedure_case' as const,
      id: String(r.id),
      title: en ? `Reduce/stop case #${r.id} · ${r.name}` : `减停气流程 #${r.id} · ${r.name}`,
      subtitle: [r.code, en ? CASE_STATUS[r.status].en : CASE_STATUS[r.status].zh, r.current_step ? (en ? STEP[r.current_step].en : STEP[r.current_step].zh) : null].filter(Boolean).join(' · '),
      path: `/procedures/${r.id}`,
    }));
  },
};

export const procedureActivity: ActivitySource = {
  permission: 'accounts:read',
  kinds: ['procedure'],
  async read(ctx, _user, customerId, range) {
    const { rows } = await sql<{ case_id: number; kind: StepKind; status: StepStatus; acted_at: Date; note: string | null; actor: string | null }>`
      SELECT s.case_id, s.kind, s.status, s.acted_at, coalesce(s.cancel_reason, s.reject_reason, s.execution_note, s.note) AS note, u.display_name AS actor
        FROM procedure_steps s LEFT JOIN ${userDirectory()} u ON u.id = s.actor_id
       WHERE s.customer_id = ${customerId}
         AND (s.acted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${range.from}::date AND ${range.to}::date
       ORDER BY s.acted_at`.execute(ctx.db);
    return rows.map((r) => ({
      kind: 'procedure' as const,
      at: iso(r.acted_at),
      title: { zh: `${STEP[r.kind].zh}（${STEP_STATUS[r.status].zh}）· 流程 #${r.case_id}`, en: `${STEP[r.kind].en} (${STEP_STATUS[r.status].en}) · case #${r.case_id}` },
      detail: r.note ? { zh: r.note, en: r.note } : null,
      amountFen: null,
      actor: r.actor,
      path: `/procedures/${r.case_id}`,
    }));
  },
};
