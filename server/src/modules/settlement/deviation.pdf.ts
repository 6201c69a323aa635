/** 偏差结算确认单 (deviation settlement confirmation form): printable A4 with both parties' signature and seal areas. */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Lang } from '@common/lang';
import { formatFen } from '@common/money';
import { AppError } from '../../platform/http/errors';
import { SE } from './settlement.errors';
import { CJK_FONT_PATH } from './settlement.render';
import type { DeviationCaseDetail } from './deviation.query';

const CAUSES = {
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
  supplier_curtailment: { zh: '供方限气', en: 'Seller curtailment' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  maintenance: { zh: '设备检修', en: 'Maintenance' },
  other: { zh: '其他', en: 'Other' },
} as const;
export { CAUSES as CLAIM_CAUSE_LABELS };

export function confirmationPdf(c: DeviationCaseDetail, lang: Lang, sellerName: string): Promise<Buffer> {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError(SE.SETTLEMENT_PDF_FONT_MISSING, { path: CJK_FONT_PATH });
  const en = lang === 'en';
  const u = c.basis === 'GJ' ? 'GJ' : 'm³';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${en ? 'Deviation settlement confirmation' : '偏差结算确认单'} ${c.customerName} ${c.period.label}` } });
  doc.registerFont('cjk', CJK_FONT_PATH, 'NotoSansCJKsc-Regular');
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text(en ? 'Deviation Settlement Confirmation' : '天然气偏差结算确认单', { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(9)
    .text(`${en ? 'No.' : '编号'}: PC-${c.periodId}-${c.id}`, { align: 'right' });
  doc.moveDown(0.5).fontSize(10.5);
  // punctuation of the language: full-width in Chinese, ASCII in English
  const colon = en ? ': ' : '：';
  const paren = (x: string) => (en ? ` (${x})` : `（${x}）`);
  const yuan = (fen: number) => `${formatFen(fen)} ${en ? 'yuan' : '元'}`;
  const kv = (k: string, v: string) => doc.text(`${k}${colon}${v}`);
  kv(en ? 'Seller' : '供方', sellerName);
  kv(en ? 'Buyer' : '需方', `${c.customerName}${paren(c.customerCode)}`);
  kv(en ? 'Contract' : '购销合同编号', c.contractNo ?? '—');
  kv(en ? 'Period' : '结算期间', `${c.period.label}${paren(`${c.period.from} — ${c.period.to}`)}`);
  doc.moveDown(0.5);
  kv(en ? 'Contracted quantity Q_c' : '合同气量 Q_c', `${c.contracted} ${u}`);
  kv(en ? 'Actual quantity Q_a' : '实际用气量 Q_a', `${c.actual} ${u}`);
  kv(en ? 'Take-or-pay ratio θ' : '照付不议比例 θ', c.theta);
  kv(en ? 'Approved exempt quantity Q_x' : '核定免责气量 Q_x', `${c.exempt} ${u}`);
  kv(en ? 'Shortfall Q_s = max(0, θ·Q_c − Q_a − Q_x)' : '偏差气量 Q_s = max(0, θ·Q_c − Q_a − Q_x)', `${c.shortfall} ${u}`);
  kv(en ? 'Contract price P_c' : '合同价格 P_c', `${c.contractPrice} ${en ? 'yuan' : '元'}/${u}`);
  kv(en ? 'Deviation coefficient k' : '偏差系数 k', c.k);
  doc
    .moveDown(0.3)
    .fontSize(12)
    .text(`${en ? 'Deviation fee F = Q_s × P_c × k' : '偏差结算费 F = Q_s × P_c × k'}${colon}${yuan(c.feeFen)}`);
  doc.fontSize(10.5).moveDown(0.6);
  if (c.claims.length) {
    doc.text(en ? 'Claims and review decisions:' : '来函及会商核定情况：');
    for (const cl of c.claims)
      doc.text(
        `  #${cl.id} ${en ? CAUSES[cl.cause].en : CAUSES[cl.cause].zh}  ${en ? 'claimed' : '申请'} ${cl.claimed} ${u}${en ? ', ' : '，'}${en ? 'approved' : '核定'} ${cl.approved ?? '—'} ${u}${cl.description ? paren(cl.description) : ''}`,
      );
    if (c.reviewHeldOn) doc.text(`${en ? 'Joint review' : '专题会商'}${colon}${c.reviewHeldOn}  ${c.reviewParticipants ?? ''}  ${c.reviewDecision ?? ''}`);
  } else doc.text(en ? 'No claims of uncontrollable causes were received.' : '需方未提出不可控原因免责申请。');
  doc.moveDown(1);
  doc.text(
    en
      ? 'The parties confirm the quantities and the fee above; the fee is settled through the buyer’s prepaid gas account.'
      : '经双方核对，确认上述气量及偏差结算费无误，偏差结算费从需方预付气款账户中结算。',
  );
  const y = doc.y + 30;
  doc.rect(50, y, 230, 130).stroke();
  doc.rect(315, y, 230, 130).stroke();
  doc.text(en ? 'Seller (seal)' : '供方（盖章）', 60, y + 10);
  doc.text(en ? 'Authorised signature:' : '经办人签字：', 60, y + 70);
  doc.text(en ? 'Date:' : '日期：', 60, y + 100);
  doc.text(en ? 'Buyer (seal)' : '需方（盖章）', 325, y + 10);
  doc.text(en ? 'Authorised signature:' : '经办人签字：', 325, y + 70);
  doc.text(en ? 'Date:' : '日期：', 325, y + 100);
  doc.end();
  return done;
}
