/** Settlement statement (月度结算单) as Excel and PDF in the user's language. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Lang } from '@common/lang';
import { formatFen } from '@common/money';
import { formatMoneyCells, moneyCell } from '../../platform/files/excel-money';
import { AppError } from '../../platform/http/errors';
import { SE } from './settlement.errors';
import type { CustomerStatement } from './settlement.service';

export const CJK_FONT_PATH = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export const T = {
  title: { zh: '天然气月度结算单', en: 'Monthly gas settlement statement' },
  customer: { zh: '客户', en: 'Customer' },
  month: { zh: '结算月份', en: 'Month' },
  contract: { zh: '合同编号', en: 'Contract' },
  status: { zh: '状态', en: 'Status' },
  contracted: { zh: '合同量', en: 'Contracted' },
  actual: { zh: '实际量', en: 'Actual' },
  line: { zh: '序号', en: 'No.' },
  kind: { zh: '类别', en: 'Kind' },
  tag: { zh: '资源标签', en: 'Resource tag' },
  period: { zh: '期间', en: 'Days' },
  quantity: { zh: '数量', en: 'Quantity' },
  price: { zh: '单价', en: 'Price' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  total: { zh: '结算金额合计（元）', en: 'Settled total (yuan)' },
  daily: { zh: '本月已计日气费（元）', en: 'Daily charges this month (yuan)' },
  trueUp: { zh: '多退少补（元，正数为补收）', en: 'True-up (yuan, positive = owed)' },
  overTake: { zh: '超出合同量 τ 容差', en: 'Above the τ tolerance' },
  sign: { zh: '供方（盖章）：                需方（盖章）：', en: 'Seller (seal):                Buyer (seal):' },
} as const;
export const KIND = {
  base: { zh: '合同基础量', en: 'Contract base' },
  award: { zh: '线上交易量', en: 'Online award' },
  extra: { zh: '超合同量', en: 'Above contract' },
  adjustment: { zh: '以前月份调整', en: 'Adjustment of a closed month' },
} as const;
export const STATUS = { draft: { zh: '草稿', en: 'Draft' }, confirmed: { zh: '已确认', en: 'Confirmed' }, closed: { zh: '已关闭', en: 'Closed' } } as const;

const L = (m: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? m.en : m.zh);
// punctuation of the language: full-width in Chinese, ASCII in English
const colon = (lang: Lang) => (lang === 'en' ? ': ' : '：');
const paren = (x: string, lang: Lang) => (lang === 'en' ? ` (${x})` : `（${x}）`);
const unit = (basis: string, lang: Lang) => (basis === 'GJ' ? 'GJ' : lang === 'en' ? 'm³' : 'm³');
const priceUnit = (basis: string, lang: Lang) => (basis === 'GJ' ? (lang === 'en' ? 'yuan/GJ' : '元/GJ') : lang === 'en' ? 'yuan/m³' : '元/m³');

function rowsOf(s: CustomerStatement, lang: Lang) {
  return s.lines.map((l) => [
    String(l.lineNo),
    L(KIND[l.kind], lang) + (l.adjustsMonth ? ` ${l.adjustsMonth}` : ''),
    L(l.tagName, lang),
    l.fromDay ? `${l.fromDay}${l.toDay && l.toDay !== l.fromDay ? ' ~ ' + l.toDay.slice(5) : ''}` : '',
    `${l.quantity} ${unit(s.basis, lang)}`,
    l.price == null ? '' : `${l.price} ${priceUnit(s.basis, lang)}`,
    formatFen(l.amountFen),
  ]);
}

export async function statementXlsx(s: CustomerStatement, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(L(T.title, lang));
  ws.addRow([L(T.title, lang)]).font = { bold: true, size: 14 };
  ws.addRow([L(T.customer, lang), `${s.customer.name}${paren(s.customer.code, lang)}`]);
  ws.addRow([L(T.month, lang), s.month, L(T.status, lang), L(STATUS[s.monthStatus], lang)]);
  ws.addRow([L(T.contract, lang), s.contractNo ?? '—', L(T.contracted, lang), `${s.contracted} ${unit(s.basis, lang)}`, L(T.actual, lang), `${s.actual} ${unit(s.basis, lang)}`]);
  ws.addRow([]);
  ws.addRow([L(T.line, lang), L(T.kind, lang), L(T.tag, lang), L(T.period, lang), L(T.quantity, lang), L(T.price, lang), L(T.amount, lang)]).font = { bold: true };
  s.lines.forEach((l, i) => {
    formatMoneyCells(ws.addRow([...rowsOf(s, lang)[i].slice(0, 6), moneyCell(l.amountFen)]), [7]);
  });
  ws.addRow([]);
  for (const [k, v] of [
    [T.total, s.totalFen],
    [T.daily, s.dailyChargesFen],
    [T.trueUp, s.trueUpFen],
  ] as const) {
    formatMoneyCells(ws.addRow([L(k, lang), '', '', '', '', '', moneyCell(v)]), [7]).font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow([L(T.sign, lang)]);
  ws.columns.forEach((c, i) => (c.width = [8, 22, 18, 24, 20, 18, 16][i] ?? 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function statementPdf(s: CustomerStatement, lang: Lang): Promise<Buffer> {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError(SE.SETTLEMENT_PDF_FONT_MISSING, { path: CJK_FONT_PATH });
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${L(T.title, lang)} ${s.customer.name} ${s.month}` } });
  doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16).text(L(T.title, lang), { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  const c = colon(lang);
  doc.text(`${L(T.customer, lang)}${c}${s.customer.name}${paren(s.customer.code, lang)}`);
  doc.text(`${L(T.month, lang)}${c}${s.month}    ${L(T.status, lang)}${c}${L(STATUS[s.monthStatus], lang)}    ${L(T.contract, lang)}${c}${s.contractNo ?? '—'}`);
  doc.text(`${L(T.contracted, lang)}${c}${s.contracted} ${unit(s.basis, lang)}    ${L(T.actual, lang)}${c}${s.actual} ${unit(s.basis, lang)}${s.overTake ? `    ⚠ ${L(T.overTake, lang)}` : ''}`);
  doc.moveDown();
  const widths = [30, 95, 80, 90, 80, 70, 70];
  const header = [T.line, T.kind, T.tag, T.period, T.quantity, T.price, T.amount].map((x) => L(x, lang));
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = 40;
    cells.forEach((c, i) => {
      doc.fontSize(bold ? 9.5 : 9).text(c, x, y, { width: widths[i] - 4, align: i === cells.length - 1 ? 'right' : 'left' });
      x += widths[i];
    });
    doc.moveDown(0.4);
    doc.x = 40;
  };
  row(header, true);
  for (const r of rowsOf(s, lang)) row(r);
  doc.moveDown();
  for (const [k, v] of [
    [T.total, s.totalFen],
    [T.daily, s.dailyChargesFen],
    [T.trueUp, s.trueUpFen],
  ] as const)
    doc.fontSize(10).text(`${L(k, lang)}${c}${formatFen(v)}`, { align: 'right' });
  doc.moveDown(3).text(L(T.sign, lang));
  doc.end();
  return done;
}

/** The month's statements as one sheet (amounts through the platform's Excel money helper). */
export async function monthXlsx(
  month: string,
  items: {
    customerCode: string;
    customerName: string;
    contractNo: string | null;
    basis: string;
    contracted: string;
    actual: string;
    totalFen: number;
    dailyChargesFen: number;
    trueUpFen: number;
    overTake: boolean;
  }[],
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(month);
  ws.addRow(
    lang === 'en'
      ? ['Code', 'Customer', 'Contract', 'Basis', 'Contracted', 'Actual', 'Settled (yuan)', 'Daily charges (yuan)', 'True-up (yuan)', 'Above τ']
      : ['编码', '客户', '合同编号', '计价方式', '合同量', '实际量', '结算金额(元)', '已计日气费(元)', '多退少补(元)', '超出 τ'],
  ).font = { bold: true };
  for (const i of items) {
    const r = ws.addRow([
      i.customerCode,
      i.customerName,
      i.contractNo ?? '',
      i.basis === 'GJ' ? 'GJ' : 'm³',
      i.contracted,
      i.actual,
      moneyCell(i.totalFen),
      moneyCell(i.dailyChargesFen),
      moneyCell(i.trueUpFen),
      i.overTake ? '✓' : '',
    ]);
    formatMoneyCells(r, [7, 8, 9]);
  }
  ws.columns.forEach((c, i) => (c.width = [12, 30, 22, 8, 14, 14, 16, 16, 16, 8][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
