/**
 * Printed notices (告知函) with a tear-off receipt (回执), one A4 page per customer, in the user's
 * language; pdfkit with the Noto CJK font the other letters use (Debian fonts-noto-cjk).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../platform/http/errors';

export const CJK_FONT_PATH = process.env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

let fontCache: Buffer | undefined;
function cjkFont(): Buffer {
  if (!fontCache) {
    if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError('NOTICE_FONT_MISSING', { path: CJK_FONT_PATH });
    fontCache = fs.readFileSync(CJK_FONT_PATH);
  }
  return fontCache;
}

export interface PrintedLetter {
  no: string;
  customerCode: string;
  title: string;
  body: string;
  /** Formatted date of sending. */
  date: string;
  dueDate: string | null;
  requireReceipt: boolean;
}

export const SENDER = { zh: '天然气销售部', en: 'Natural Gas Sales Department' };

export function renderNotices(letters: PrintedLetter[], lang: 'zh' | 'en'): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 40, left: 64, right: 64 },
    info: { Title: letters.length === 1 ? letters[0].title : lang === 'en' ? 'Notices' : '告知函', Author: SENDER[lang], Creator: 'Qike' },
  });
  doc.registerFont('cjk', font, CJK_FONT_NAME);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  letters.forEach((l, i) => {
    if (i > 0) doc.addPage();
    page(doc, l, lang);
  });
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

function page(doc: Doc, l: PrintedLetter, lang: 'zh' | 'en') {
  const en = lang === 'en';
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const size = en ? 10.5 : 11.5;
  doc.font('cjk').fillColor('black');
  doc.fontSize(en ? 17 : 19).text(l.title, left, doc.page.margins.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .fontSize(size - 2)
    .fillColor('#555555')
    .text(en ? `No. ${l.no}` : `编号：${l.no}`, { width, align: 'right' });
  doc.fillColor('black').moveDown(0.6);
  const paragraphs = l.body.split(/\r?\n/);
  paragraphs.forEach((p, i) => {
    // The salutation line (first) and short sign-offs are not indented.
    const indent = !en && i > 0 && p.trim().length > 0 ? size * 2 : 0;
    doc.fontSize(size).text(p.length ? p : ' ', left, doc.y, { width, indent, lineGap: 3 });
    doc.moveDown(0.25);
  });
  doc.moveDown(1);
  doc.text(SENDER[lang], { width, align: 'right' });
  doc.text(l.date, { width, align: 'right' });

  if (l.requireReceipt) {
    const bottom = doc.page.height - doc.page.margins.bottom;
    const top = Math.max(doc.y + 24, bottom - 170);
    doc
      .moveTo(left, top)
      .lineTo(left + width, top)
      .dash(4, { space: 3 })
      .lineWidth(0.6)
      .strokeColor('#777777')
      .stroke()
      .undash();
    doc
      .fontSize(8)
      .fillColor('#777777')
      .text(en ? 'cut here and return' : '（沿此线裁下寄回）', left, top + 3, { width, align: 'center' });
    doc
      .fillColor('black')
      .fontSize(en ? 14 : 15)
      .text(en ? 'Receipt' : '回  执', left, top + 18, { width, align: 'center' });
    doc.moveDown(0.4);
    doc.fontSize(size).text(en ? `To: ${SENDER.en}` : `${SENDER.zh}：`, { width });
    doc.moveDown(0.2);
    doc.text(en ? `We acknowledge receipt of notice ${l.no} "${l.title}".` : `本单位已收到编号为 ${l.no} 的《${l.title}》。`, { width, indent: en ? 0 : size * 2 });
    if (l.dueDate)
      doc
        .fontSize(size - 1.5)
        .fillColor('#555555')
        .text(en ? `Please return this receipt by ${l.dueDate}.` : `请于 ${l.dueDate} 前签字盖章后寄回。`, { width, indent: en ? 0 : size * 2 });
    doc.fillColor('black').moveDown(0.8);
    doc.fontSize(size).text(en ? 'Signed by: ____________    Date: ____________    Company seal:' : '签收人：____________    签收日期：____________    单位盖章：', { width });
  }
  doc
    .fontSize(8)
    .fillColor('#666666')
    .text(`${en ? 'Customer code: ' : '客户编号：'}${l.customerCode}`, left, doc.page.height - doc.page.margins.bottom - 12, { width, align: 'left', lineBreak: false });
  doc.fillColor('black');
}
