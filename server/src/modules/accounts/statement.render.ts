/** Statement of account as Excel (exceljs) and PDF (pdfkit with a CJK font), in the user's language. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Lang } from '@common/lang';
import { formatFen } from '@common/money';
import { AppError } from '../../platform/http/errors';
import { AE } from './accounts.errors';
import { KIND_LABELS, STATEMENT_TEXT as T, type Statement, type StatementLine } from './statement.service';
import { decFixed } from '@common/decimal';
import { formatMoneyCells, moneyCell } from '../../platform/files/excel-money';

const L = (m: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? m.en : m.zh);
const yuan = (fen: number) => formatFen(fen);
// punctuation and currency of the language: full-width and 元 in Chinese, ASCII and yuan in English
const colon = (lang: Lang) => (lang === 'en' ? ': ' : '：');
const paren = (x: string, lang: Lang) => (lang === 'en' ? ` (${x})` : `（${x}）`);

/** Type of a line; a daily charge names its price source (合同价 / 暂定价). */
function kindText(l: StatementLine, lang: Lang): string {
  const k = L(KIND_LABELS[l.kind], lang);
  if (!l.priceSource) return k;
  return `${k}${paren(L(T[l.priceSource], lang), lang)}`;
}
const priceUnit = (l: StatementLine, lang: Lang) => (l.dayCharge?.basis ? L(l.dayCharge.basis === 'GJ' ? T.yuanPerGJ : T.yuanPerM3, lang) : '');
/** A decimal string with thousands separators, rounded half-up to `dp` places. */
function formatQty(v: string, dp: number): string {
  const [i, f] = decFixed(v, dp).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? `.${f}` : '');
}
/** Exact decimal string → Excel number cell (display only; the figure itself is exact in the database). */
const num = (v: string | null | undefined) => (v == null ? '' : Number(v));

export async function statementXlsx(s: Statement, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  const ws = wb.addWorksheet(L(T.title, lang));
  ws.addRow([L(T.title, lang)]).font = { bold: true, size: 14 };
  ws.addRow([L(T.customer, lang), `${s.customer.name}${paren(s.customer.code, lang)}`]);
  ws.addRow([L(T.period, lang), `${s.from} — ${s.to}`]);
  ws.addRow([]);
  const totals: [string, number][] = [
    [L(T.opening, lang), s.totals.openingFen],
    [L(T.payments, lang), s.totals.paymentsFen],
    [L(T.charges, lang), s.totals.chargesFen],
    [L(T.adjustments, lang), s.totals.adjustmentsFen],
    [L(T.refunds, lang), s.totals.refundsFen],
    [L(T.closing, lang), s.totals.closingFen],
  ];
  for (const [k, v] of totals) {
    formatMoneyCells(ws.addRow([k, moneyCell(v)]), [2]);
  }
  ws.addRow([]);
  const head = ws.addRow([
    L(T.date, lang),
    L(T.kind, lang),
    L(T.reference, lang),
    L(T.note, lang),
    L(T.volume, lang),
    L(T.quantity, lang),
    L(T.price, lang),
    L(T.priceUnit, lang),
    L(T.amount, lang),
    L(T.balance, lang),
  ]);
  head.font = { bold: true };
  for (const l of s.lines) {
    const dc = l.dayCharge;
    const row = ws.addRow([
      l.date,
      kindText(l, lang),
      l.reference ?? '',
      l.note ?? '',
      num(dc?.volumeM3),
      num(dc?.quantity),
      l.earlyCharge ? L(T.earlyCharge, lang) : num(dc?.price),
      priceUnit(l, lang),
      moneyCell(l.amountFen),
      moneyCell(l.balanceFen),
    ]);
    row.getCell(5).numFmt = '#,##0.000';
    row.getCell(6).numFmt = '#,##0.000###';
    row.getCell(7).numFmt = '0.0000';
    formatMoneyCells(row, [9, 10]);
  }
  ws.addRow([]);
  ws.addRow([L(T.sign, lang)]);
  ws.columns.forEach((c, i) => (c.width = [12, 22, 24, 24, 14, 14, 10, 10, 16, 16][i] ?? 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CJK_FONT_PATH = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export function statementPdf(s: Statement, lang: Lang, now = new Date()): Promise<Buffer> {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError(AE.PDF_FONT_MISSING, { path: CJK_FONT_PATH });
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${L(T.title, lang)} ${s.customer.name} ${s.from}—${s.to}` } });
  doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(18).text(L(T.title, lang), { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  const c = colon(lang);
  doc.text(`${L(T.customer, lang)}${c}${s.customer.name}${paren(s.customer.code, lang)}`);
  doc.text(`${L(T.period, lang)}${c}${s.from} — ${s.to}`);
  doc.moveDown(0.5);
  const sums: [string, number][] = [
    [L(T.opening, lang), s.totals.openingFen],
    [L(T.payments, lang), s.totals.paymentsFen],
    [L(T.charges, lang), s.totals.chargesFen],
    [L(T.adjustments, lang), s.totals.adjustmentsFen],
    [L(T.refunds, lang), s.totals.refundsFen],
    [L(T.closing, lang), s.totals.closingFen],
  ];
  for (const [k, v] of sums) doc.text(`${k}${c}${yuan(v)} ${lang === 'en' ? 'yuan' : '元'}`);
  doc.moveDown(0.8);

  // date, type (price source), reference / note, volume m³, priced quantity, unit price, amount, balance = 515 pt
  const cols = [{ w: 56 }, { w: 78 }, { w: 92 }, { w: 60, right: true }, { w: 62, right: true }, { w: 62, right: true }, { w: 52, right: true }, { w: 53, right: true }];
  const x0 = doc.page.margins.left;
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.fontSize(bold ? 8.5 : 8).text(c, x, y, { width: cols[i].w - 4, align: cols[i].right ? 'right' : 'left', lineBreak: false, ellipsis: true });
      x += cols[i].w;
    });
    doc.x = x0;
    doc.y = y + 15;
  };
  row([L(T.date, lang), L(T.kind, lang), `${L(T.reference, lang)} / ${L(T.note, lang)}`, L(T.volume, lang), L(T.quantity, lang), L(T.price, lang), L(T.amount, lang), L(T.balance, lang)], true);
  doc
    .moveTo(x0, doc.y - 2)
    .lineTo(x0 + cols.reduce((a, c) => a + c.w, 0), doc.y - 2)
    .stroke();
  for (const l of s.lines) {
    const dc = l.dayCharge;
    const qty = dc?.quantity != null && dc.basis ? `${formatQty(dc.quantity, dc.basis === 'GJ' ? 3 : 0)} ${dc.basis === 'GJ' ? 'GJ' : 'm³'}` : '';
    row([
      l.date,
      kindText(l, lang),
      [l.reference, l.note].filter(Boolean).join(' · '),
      dc ? formatQty(dc.volumeM3, 0) : '',
      // the marker split over the two narrow cells: 早期记录 | 未存量价
      l.earlyCharge && !qty ? L(T.earlyQty, lang) : qty,
      dc?.price != null ? `${dc.price} ${priceUnit(l, lang)}` : l.earlyCharge ? L(T.earlyPrice, lang) : '',
      yuan(l.amountFen),
      yuan(l.balanceFen),
    ]);
  }
  doc.moveDown(1).fontSize(8).text(L(T.sign, lang), x0);
  doc.text(`${L(T.printed, lang)}${c}${now.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16)}`, x0);
  doc.end();
  return done;
}
