/**
 * The two official documents of a case (DOMAIN.md §5): 《新增市场（客户）调查报告》 (survey report:
 * numbered sections with findings, each department's opinion and signature line, the combined
 * conclusion, date) and 《天然气新增市场（客户）审查意见表》 (review opinion form: one row per
 * department, the combined opinion and the company's approval), in Chinese or English
 * (pdfkit + the Noto CJK font the other PDFs use).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Lang } from '@common/lang';
import { DEPARTMENT_LABELS, type Department } from '@common/roles';
import { CUSTOMER_TYPE_LABELS, type CustomerType } from '@common/customers';
import { OPINION_LABELS, SECTION_LABELS, SECTION_KINDS } from '@common/onboarding';
import { AppError } from '../../platform/http/errors';
import type { CaseDetail } from './onboarding.schema';
import type { z } from 'zod';

export const CJK_FONT_PATH = process.env.QIKE_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';
type Detail = z.infer<typeof CaseDetail>;
export type FormKind = 'report' | 'review';

const L = (lang: Lang, m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
const dateText = (d: string | null, lang: Lang) => {
  if (!d) return lang === 'en' ? '____-__-__' : '____年__月__日';
  const [y, m, dd] = d.slice(0, 10).split('-');
  return lang === 'en' ? `${y}-${m}-${dd}` : `${y}年${m}月${dd}日`;
};
const num = (v: string | null) => (v == null ? '—' : v.replace(/\.?0+$/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ','));

function newDoc(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError('ONB_FONT_MISSING', { path: CJK_FONT_PATH });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Qike' } });
  doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

const T = {
  report: { zh: '新增市场（客户）调查报告', en: 'New Market (Customer) Survey Report' },
  review: { zh: '天然气新增市场（客户）审查意见表', en: 'Natural Gas New Market (Customer) Review Opinion Form' },
  no: { zh: '编号', en: 'No.' },
  customer: { zh: '客户名称', en: 'Customer' },
  project: { zh: '项目名称', en: 'Project' },
  type: { zh: '客户类型', en: 'Customer type' },
  volume: { zh: '预计用气量', en: 'Expected volume' },
  perDay: { zh: 'm³/日', en: 'm³/day' },
  perYear: { zh: 'm³/年', en: 'm³/year' },
  survey: { zh: '联合现场调研', en: 'Joint site survey' },
  place: { zh: '地点', en: 'Place' },
  participants: { zh: '参加人员', en: 'Participants' },
  findings: { zh: '调查情况', en: 'Findings' },
  opinion: { zh: '审查意见', en: 'Opinion' },
  conditions: { zh: '条件/理由', en: 'Conditions/reasons' },
  dept: { zh: '审查科室', en: 'Department' },
  reviewer: { zh: '审查人', en: 'Reviewer' },
  sign: { zh: '签字', en: 'Signature' },
  date: { zh: '日期', en: 'Date' },
  combined: { zh: '综合意见', en: 'Combined opinion' },
  approval: { zh: '公司审批意见', en: 'Company approval' },
  lead: { zh: '销售部负责人', en: 'Sales lead' },
  pending: { zh: '（未填写）', en: '(not completed)' },
  approved: { zh: '同意', en: 'Approved' },
  dept_office: { zh: '销售部（盖章）', en: 'Sales Department (seal)' },
};

function header(doc: PDFKit.PDFDocument, d: Detail, lang: Lang, title: string) {
  doc.fontSize(18).text(title, { align: 'center' });
  doc
    .moveDown(0.4)
    .fontSize(9)
    .text(`${L(lang, T.no)}：XZ-${d.id}`, { align: 'right' });
  doc.moveDown(0.4).fontSize(11);
  doc.text(`${L(lang, T.customer)}：${d.customerName}（${d.customerCode}）`);
  doc.text(`${L(lang, T.project)}：${d.projectName}`);
  doc.text(`${L(lang, T.type)}：${CUSTOMER_TYPE_LABELS[d.customerType as CustomerType] ? L(lang, CUSTOMER_TYPE_LABELS[d.customerType as CustomerType]) : d.customerType}`);
  doc.text(`${L(lang, T.volume)}：${num(d.expectedDailyM3)} ${L(lang, T.perDay)}；${num(d.expectedAnnualM3)} ${L(lang, T.perYear)}`);
}

const deptName = (d: string, lang: Lang) => (DEPARTMENT_LABELS[d as Department] ? L(lang, DEPARTMENT_LABELS[d as Department]) : d);

export function reportPdf(d: Detail, lang: Lang): Promise<Buffer> {
  const title = L(lang, T.report);
  const { doc, done } = newDoc(title);
  const width = doc.page.width - 112;
  header(doc, d, lang, title);
  doc
    .moveDown(0.6)
    .fontSize(12)
    .text(`${L(lang, T.survey)}：${dateText(d.surveyDate, lang)}  ${L(lang, T.place)}：${d.surveyPlace ?? '—'}`, { width });
  doc.fontSize(10).text(`${L(lang, T.participants)}：${d.participants.map((p) => `${deptName(p.department, lang)} ${p.names}`).join('；') || '—'}`, { width });
  SECTION_KINDS.forEach((k, i) => {
    const s = d.sections.find((x) => x.section === k)!;
    doc
      .moveDown(0.8)
      .fontSize(13)
      .text(`${i + 1}. ${L(lang, SECTION_LABELS[k])}（${deptName(s.department, lang)}）`, { width });
    doc.fontSize(10).text(`${L(lang, T.findings)}：${s.findings ?? L(lang, T.pending)}`, { width, lineGap: 2 });
    const facts = Object.entries(s.data ?? {}).filter(([, v]) => v != null && v !== '');
    if (facts.length) doc.text(facts.map(([k2, v]) => `${k2}：${String(v)}`).join('；'), { width });
    doc.text(`${L(lang, T.opinion)}：${s.opinion ? L(lang, OPINION_LABELS[s.opinion]) : L(lang, T.pending)}${s.conditions ? `；${L(lang, T.conditions)}：${s.conditions}` : ''}`, { width });
    doc.text(`${L(lang, T.reviewer)}（${L(lang, T.sign)}）：${s.reviewerName ?? '__________'}    ${L(lang, T.date)}：${dateText(s.completedAt ? s.completedAt.slice(0, 10) : null, lang)}`, { width });
  });
  doc
    .moveDown(1)
    .fontSize(13)
    .text(`${SECTION_KINDS.length + 1}. ${L(lang, T.combined)}`, { width });
  doc
    .fontSize(10)
    .text(
      d.combined
        ? `${L(lang, OPINION_LABELS[d.combined.conclusion])}。${d.combined.opinion}${d.combined.conditions ? `（${L(lang, T.conditions)}：${d.combined.conditions}）` : ''}`
        : L(lang, T.pending),
      { width },
    );
  doc
    .moveDown(1.5)
    .fontSize(11)
    .text(L(lang, T.dept_office), { align: 'right' })
    .text(dateText(d.combined?.at?.slice(0, 10) ?? null, lang), { align: 'right' });
  doc.end();
  return done;
}

export function reviewFormPdf(d: Detail, lang: Lang): Promise<Buffer> {
  const title = L(lang, T.review);
  const { doc, done } = newDoc(title);
  header(doc, d, lang, title);
  const x0 = 56;
  const cols = [110, 100, 183, 90]; // department+section | opinion | conditions | reviewer & date
  const widthAll = cols.reduce((a, b) => a + b, 0);
  let y = doc.y + 12;
  const row = (cells: string[], size = 10, minH = 22) => {
    doc.fontSize(size);
    const h = Math.max(minH, ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 8 }) + 10));
    if (y + h > doc.page.height - 60) {
      doc.addPage();
      y = 56;
    }
    let x = x0;
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i], h).stroke();
      doc.text(c, x + 4, y + 5, { width: cols[i] - 8 });
      x += cols[i];
    });
    y += h;
  };
  row([L(lang, T.dept), L(lang, T.opinion), L(lang, T.conditions), `${L(lang, T.reviewer)}/${L(lang, T.date)}`], 10);
  for (const k of SECTION_KINDS) {
    const s = d.sections.find((x) => x.section === k)!;
    row(
      [
        `${deptName(s.department, lang)}\n${L(lang, SECTION_LABELS[k])}`,
        s.opinion ? L(lang, OPINION_LABELS[s.opinion]) : L(lang, T.pending),
        s.conditions ?? '—',
        `${s.reviewerName ?? '________'}\n${dateText(s.completedAt?.slice(0, 10) ?? null, lang)}`,
      ],
      9,
      36,
    );
  }
  const wide = (label: string, text: string, h = 60) => {
    doc.fontSize(10);
    const th = Math.max(h, doc.heightOfString(text, { width: widthAll - cols[0] - 8 }) + 12);
    doc.rect(x0, y, cols[0], th).stroke();
    doc.text(label, x0 + 4, y + 5, { width: cols[0] - 8 });
    doc.rect(x0 + cols[0], y, widthAll - cols[0], th).stroke();
    doc.text(text, x0 + cols[0] + 4, y + 5, { width: widthAll - cols[0] - 8 });
    y += th;
  };
  wide(
    L(lang, T.combined),
    d.combined
      ? `${L(lang, OPINION_LABELS[d.combined.conclusion])}。${d.combined.opinion}${d.combined.conditions ? `\n${L(lang, T.conditions)}：${d.combined.conditions}` : ''}\n${L(lang, T.date)}：${dateText(d.combined.at?.slice(0, 10) ?? null, lang)}`
      : L(lang, T.pending),
  );
  const decided = d.status === 'approved' || d.status === 'contracted' || d.status === 'commissioned';
  wide(
    L(lang, T.approval),
    `${decided ? `${L(lang, T.approved)}。${d.decisionNote ?? ''}` : ''}\n\n${L(lang, T.lead)}（${L(lang, T.sign)}）：__________    ${L(lang, T.date)}：${dateText(decided ? (d.decidedAt?.slice(0, 10) ?? null) : null, lang)}`,
    70,
  );
  doc.end();
  return done;
}
