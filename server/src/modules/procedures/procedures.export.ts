/** Excel export of the case list (the filters of the list page, up to 10,000 rows). */
import ExcelJS from 'exceljs';
import type { Lang } from '@common/lang';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { LEVEL_LABELS, STEP_LABELS } from './procedures.messages';
import { listCases } from './procedures.queries';
import type { CaseListFilter } from './procedures.schema';

const STATUS: Record<string, { zh: string; en: string }> = {
  open: { zh: '进行中', en: 'Open' },
  restore_proposed: { zh: '建议恢复', en: 'Restore proposed' },
  closed: { zh: '已结案', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

export async function exportCases(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, f: CaseListFilter, lang: Lang): Promise<Buffer> {
  const { items } = await listCases(db, user, { ...f, page: 1, pageSize: 10_000 });
  const L = (m: { zh: string; en: string } | undefined) => (m ? (lang === 'en' ? m.en : m.zh) : '');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'en' ? 'Reduce-stop cases' : '减停气案件');
  const head =
    lang === 'en'
      ? ['Case', 'Customer code', 'Customer', 'Region', 'Residential', 'Status', 'Current step', 'Pending', 'Level', 'Manager', 'Opened', 'Closed']
      : ['案件号', '客户编号', '客户名称', '地区', '供居民', '状态', '当前步骤', '待办', '气款等级', '客户经理', '立案时间', '结案时间'];
  ws.addRow(head).font = { bold: true };
  for (const r of items)
    ws.addRow([
      r.id,
      r.customer.code,
      r.customer.name,
      [r.customer.city, r.customer.county].filter(Boolean).join(' '),
      r.customer.servesResidents ? (lang === 'en' ? 'yes' : '是') : '',
      L(STATUS[r.status]),
      r.currentStep ? L(STEP_LABELS[r.currentStep]) : '',
      r.pending ? `${L(STEP_LABELS[r.pending.kind])} ${r.pending.status === 'pending_approval' ? (lang === 'en' ? 'awaiting approval' : '待审批') : lang === 'en' ? 'to execute' : '待执行'}` : '',
      r.level ? L(LEVEL_LABELS[r.level]) : '',
      r.manager ?? '',
      r.openedAt.slice(0, 10),
      r.closedAt?.slice(0, 10) ?? '',
    ]);
  ws.columns.forEach((c, i) => (c.width = [8, 12, 30, 14, 8, 12, 12, 16, 10, 10, 12, 12][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
