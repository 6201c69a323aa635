/**
 * 客户经理告知函: the letter telling a customer who its full-time and part-time account managers
 * are and how to reach them (DOMAIN.md §3 "every customer is told who its managers are").
 * One A4 page per customer, in Chinese; with an English version below when the user reads English.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Lang } from '@common/lang';
import { AppError } from '../../platform/http/errors';
import type { LetterData } from './manager-table.repo';

/** Debian fonts-noto-cjk; CJK_FONT_PATH overrides it. */
export const CJK_FONT_PATH = process.env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

let fontCache: Buffer | undefined;
function cjkFont(): Buffer {
  if (!fontCache) {
    if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError('FONT_MISSING', { path: CJK_FONT_PATH });
    fontCache = fs.readFileSync(CJK_FONT_PATH);
  }
  return fontCache;
}

export interface Org {
  name: string;
  nameEn: string;
  phone: string | null;
}

const KIND = {
  full_time: { zh: '专职客户经理', en: 'Full-time manager' },
  part_time: { zh: '兼职客户经理', en: 'Part-time manager' },
};

function zhDate(d: string) {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
function enDate(d: string) {
  const [y, m, day] = d.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[m - 1]} ${y}`;
}

/** Render the letters of several customers into one PDF, one page each. */
export function renderLetters(letters: LetterData[], opts: { lang: Lang; org: Org; date: string }): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 40, left: 64, right: 64 },
    info: { Title: opts.lang === 'en' ? 'Account manager notice' : '客户经理告知函', Author: opts.org.name, Creator: 'Qike' },
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
    page(doc, l, opts);
  });
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

function page(doc: Doc, l: LetterData, opts: { lang: Lang; org: Org; date: string }) {
  const en = opts.lang === 'en';
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const body = en ? 10.5 : 11.5;
  doc.font('cjk');

  // one language per letter: the English letter carries no Chinese but the names
  if (en) {
    doc.fontSize(18).fillColor('black').text('Notice of Your Account Managers', left, doc.page.margins.top, { width, align: 'center' });
    doc.moveDown(0.8);
    doc.fontSize(body).text(`To: ${l.name}${l.contactName ? ` (Attn: ${l.contactName})` : ''}`, { width });
    doc.moveDown(0.3);
    doc.text(
      'To serve you better under our account-manager responsibility system and to answer promptly on gas-use plans, payments and settlement, quality and metering, and supply, we inform you of the account managers responsible for your company:',
      { width, lineGap: 2 },
    );
    doc.moveDown(0.5);
    table(doc, l, 'en', left, width, body);
    doc.moveDown(0.5);
    doc.text(
      'Your full-time account manager looks after daily gas use and payments, your records and day-to-day coordination; your part-time account manager handles key requests and tailored service programmes. Please contact them with any need, comment or suggestion. We will inform you in writing of any change.',
      left,
      doc.y,
      { width, lineGap: 2 },
    );
    doc.moveDown(0.6);
    doc.text(`${opts.org.nameEn}, ${enDate(opts.date)}`, { width, align: 'right' });
    if (opts.org.phone) doc.fontSize(body - 2).text(`Service phone: ${opts.org.phone}`, { width, align: 'right' });
  } else {
    doc.fontSize(20).text('客户经理告知函', left, doc.page.margins.top, { width, align: 'center' });
    doc.moveDown(0.8);
    doc.fontSize(body).text(`${l.name}${l.contactName ? `（${l.contactName} 收）` : ''}：`, { width });
    doc.moveDown(0.4);
    doc.text('为进一步提升天然气销售服务水平，落实客户经理负责制，及时响应贵单位在用气计划、气款结算、质量计量、供气保障等方面的需求，现将负责贵单位的客户经理及联系方式告知如下：', {
      width,
      indent: body * 2,
      lineGap: 3,
    });
    doc.moveDown(0.6);
    table(doc, l, 'zh', left, width, body);
    doc.moveDown(0.6);
    doc.text(
      '专职客户经理负责贵单位日常用气与气款、客户档案及日常沟通协调；兼职客户经理负责重点需求对接与专项服务方案。贵单位如有任何用气需求、意见或建议，请随时与上述客户经理联系。如客户经理发生变更，我们将另行书面告知。',
      left,
      doc.y,
      { width, indent: body * 2, lineGap: 3 },
    );
    doc.moveDown(0.4);
    doc.text('特此告知。', { width, indent: body * 2 });
    doc.moveDown(1);
    doc.text(opts.org.name, { width, align: 'right' });
    doc.text(zhDate(opts.date), { width, align: 'right' });
    if (opts.org.phone) doc.fontSize(body - 2).text(`服务电话：${opts.org.phone}`, { width, align: 'right' });
  }
  doc
    .fontSize(8)
    .fillColor('#666666')
    .text(`${en ? 'Customer code: ' : '客户编号：'}${l.code}`, left, doc.page.height - doc.page.margins.bottom - 12, { width, align: 'left', lineBreak: false });
  doc.fillColor('black');
}

function table(doc: Doc, l: LetterData, lang: 'zh' | 'en', left: number, width: number, size: number) {
  const cols = lang === 'zh' ? ['类别', '姓名', '联系电话', '电子邮箱'] : ['Role', 'Name', 'Phone', 'Email'];
  const w = [width * 0.27, width * 0.17, width * 0.22, width * 0.34];
  const rowH = size + 12;
  let y = doc.y;
  const line = (yy: number) =>
    doc
      .moveTo(left, yy)
      .lineTo(left + width, yy)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
  const row = (cells: string[]) => {
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 4, y + 6, { width: w[i] - 8, lineBreak: false, ellipsis: true });
      x += w[i];
    });
    y += rowH;
    line(y);
  };
  doc.fontSize(size).fillColor('black');
  line(y);
  row(cols);
  for (const m of l.managers) row([KIND[m.kind][lang], m.name, m.phone ?? '—', m.email ?? '—']);
  doc.x = left;
  doc.y = y + 4;
}
