/** Printable 催款函 (payment notice) with its tear-off receipt, in Chinese or English (pdfkit + Noto CJK). */
import { localParts } from '../../platform/time';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatFen } from '@common/money';
import { dec } from '@common/decimal';
import type { Lang } from '@common/lang';
import { AppError } from '../../platform/http/errors';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { getPaymentStatus } from './procedures.payment';
import { LEVEL_LABELS } from './procedures.messages';
import { loadCaseForUser } from './procedures.service';
import * as repo from './procedures.repo';

export const CJK_FONT_PATH = process.env.QIKE_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

const fmtDate = (d: Date, lang: Lang) => {
  const [y, m, day] = localParts(d, 'Asia/Shanghai').date.split('-');
  return lang === 'en' ? `${y}-${m}-${day}` : `${y}年${m}月${day}日`;
};

export interface NoticeData {
  noticeNo: string;
  sentAt: Date;
  customerName: string;
  balanceFen: number | null;
  avgDailyChargeFen: number | null;
  availableDays: string | null;
  level: keyof typeof LEVEL_LABELS | null;
  /** Gas day the payment figures refer to (accounts' monitoring day); null when unknown. */
  asOfDay: string | null;
  manager: { name: string; phone: string | null } | null;
}

export async function loadNoticeData(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, caseId: number, stepId: number): Promise<NoticeData> {
  const c = await loadCaseForUser(db, user, caseId);
  const step = await repo.findStep(db, stepId);
  if (!step || step.case_id !== c.id) throw new AppError('NOT_FOUND', { entity: { zh: '步骤', en: 'Step' } });
  if (step.kind !== 'notice') throw new AppError('PROC_NOT_NOTICE');
  const customer = (await repo.findCustomer(db, c.customer_id))!;
  const pay = (await getPaymentStatus(db, [c.customer_id])).get(c.customer_id);
  const mgr = (await repo.customerManagers(db, [c.customer_id])).find((m) => m.kind === 'full_time');
  return {
    noticeNo: step.notice_no ?? `CK-${c.id}-${step.seq}`,
    sentAt: step.notice_sent_at ?? step.acted_at,
    customerName: customer.name,
    balanceFen: pay?.balanceFen ?? null,
    avgDailyChargeFen: pay?.avgDailyChargeFen ?? null,
    availableDays: pay?.availableDays ?? null,
    level: pay?.level ?? c.level,
    asOfDay: pay?.asOfDay ?? null,
    manager: mgr ? { name: mgr.display_name, phone: mgr.phone } : null,
  };
}

/** Missing figures are printed as missing ("—"), never as zero (DOMAIN.md §6). */
export function noticeText(d: NoticeData, lang: Lang) {
  const yuan = (f: number | null) => (f == null ? '—' : formatFen(f));
  const days = d.availableDays == null ? '—' : dec(d.availableDays).toFixed(1);
  const level = d.level ? (lang === 'en' ? LEVEL_LABELS[d.level].en : LEVEL_LABELS[d.level].zh) : '—';
  const date = fmtDate(d.sentAt, lang);
  const asOf = d.asOfDay ? fmtDate(new Date(`${d.asOfDay}T12:00:00+08:00`), lang) : date;
  const contact = d.manager ? `${d.manager.name}${d.manager.phone ? `  ${d.manager.phone}` : ''}` : '—';
  if (lang === 'en')
    return {
      title: 'Payment Notice',
      no: `No. ${d.noticeNo}`,
      to: `To: ${d.customerName}`,
      body: [
        `Under the pay-before-gas terms of our gas purchase and sale contract, as of gas day ${asOf} your prepaid gas balance is CNY ${yuan(d.balanceFen)}. At the average daily gas charge of CNY ${yuan(d.avgDailyChargeFen)}, it covers about ${days} days (payment level: ${level}).`,
        'Please pay the gas charges in full promptly upon receipt of this notice. If payment is not received, we will reduce and then stop the gas supply as provided in the contract; the consequences shall be borne by your company.',
        `Contact (account manager): ${contact}`,
      ],
      sign: ['Sales Department', date],
      receiptTitle: 'Receipt',
      receiptTo: 'To: Sales Department',
      receipt: `We acknowledge receipt of payment notice ${d.noticeNo}.`,
      receiptFields: 'Signed by: ____________    Date: ____________    Company seal:',
    };
  return {
    title: '催 款 函',
    no: `编号：${d.noticeNo}`,
    to: `${d.customerName}：`,
    body: [
      `根据双方签订的天然气购销合同“先款后气”的约定，截至${asOf}（燃气日），贵单位预付气款余额为 ${yuan(d.balanceFen)} 元，按平均日气费 ${yuan(d.avgDailyChargeFen)} 元测算，可用天数约 ${days} 天（气款等级：${level}）。`,
      '请贵单位收到本函后尽快足额缴纳气款。逾期未缴纳的，我方将按合同约定依次采取减气、停气措施，由此产生的后果由贵单位承担。',
      `联系人（客户经理）：${contact}`,
    ],
    sign: ['销售部', date],
    receiptTitle: '回  执',
    receiptTo: '销售部：',
    receipt: `本单位已收到编号为 ${d.noticeNo} 的催款函。`,
    receiptFields: '签收人：____________    签收日期：____________    单位盖章：',
  };
}

export function noticePdf(d: NoticeData, lang: Lang): Promise<Buffer> {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError('PROC_FONT_MISSING', { path: CJK_FONT_PATH });
  const t = noticeText(d, lang);
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: t.title, Author: 'Qike' } });
  doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 128;
  doc.font('cjk').fontSize(22).text(t.title, { align: 'center' });
  doc.moveDown(0.5).fontSize(10).text(t.no, { align: 'right' });
  doc.moveDown(1).fontSize(12).text(t.to);
  doc.moveDown(0.5);
  for (const p of t.body) doc.text(p, { width, indent: lang === 'en' ? 0 : 24, lineGap: 4 }).moveDown(0.6);
  doc.moveDown(1.5);
  for (const line of t.sign) doc.text(line, { align: 'right' });
  // Tear-off receipt
  doc.moveDown(3);
  const y = doc.y;
  doc
    .save()
    .dash(4, { space: 4 })
    .moveTo(64, y)
    .lineTo(64 + width, y)
    .stroke()
    .restore();
  doc.moveDown(1).fontSize(16).text(t.receiptTitle, { align: 'center' });
  doc.moveDown(0.5).fontSize(12).text(t.receiptTo).moveDown(0.3).text(t.receipt, { width }).moveDown(1.2).text(t.receiptFields, { width });
  doc.end();
  return done;
}
