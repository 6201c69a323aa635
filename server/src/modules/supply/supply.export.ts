/** Exports of the supply module: event report (Excel, PDF), curtailment plan and network (Excel). */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { tr, type Lang, type Msg } from '@common/lang';
import { CUSTOMER_TYPE_LABELS, type CustomerType } from '@common/customers';
import { AppError } from '../../platform/http/errors';
import { EMERGENCY_KIND_LABELS, SUPPLY_STATUS_LABELS } from './emergencies.service';
import type { getEmergency } from './emergencies.service';
import type { getPlan } from './plans.service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

interface Col<T> {
  h: Msg;
  w?: number;
  v: (r: T) => string | number | boolean | null | undefined;
}
const L = (lang: Lang, m: Msg) => (lang === 'en' ? m.en : m.zh);

async function xlsx(lang: Lang, sheets: { name: Msg; cols: Col<any>[]; rows: any[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qike';
  for (const s of sheets) {
    const ws = wb.addWorksheet(L(lang, s.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.cols.map((c, i) => ({ header: L(lang, c.h), key: `c${i}`, width: c.w ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.cols.map((c) => c.v(r) ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CLASS_LABELS: Record<string, Msg> = {
  residential: { zh: '民用（居民）', en: 'Residential' },
  public: { zh: '公用事业', en: 'Public services' },
  key: { zh: '重点用户', en: 'Key users' },
  other: { zh: '其他用户', en: 'Others' },
  interruptible: { zh: '可中断用户', en: 'Interruptible' },
};
const REASON_LABELS: Record<string, Msg> = {
  full: { zh: '全额满足', en: 'Met in full' },
  capacity: { zh: '受节点能力限制，同级同比例压减', en: 'Limited by a node capacity; same fraction within its class' },
  higher_priority: { zh: '节点能力已全部用于更高优先级', en: 'The node is full with higher-priority classes' },
  no_demand: { zh: '无需求', en: 'No demand' },
};
const SOURCE_LABELS: Record<string, Msg> = {
  nomination: { zh: '日指定', en: 'Nomination' },
  contract: { zh: '合同日量', en: 'Contracted daily' },
  average: { zh: '近 7 日均量', en: '7-day average' },
  none: { zh: '无数据', en: 'No data' },
};
const typeLabel = (lang: Lang, t: string) => L(lang, CUSTOMER_TYPE_LABELS[t as CustomerType] ?? { zh: t, en: t });
const yesNo = (lang: Lang, b: boolean) => (b ? L(lang, { zh: '是', en: 'Yes' }) : L(lang, { zh: '否', en: 'No' }));

type EventDetail = Awaited<ReturnType<typeof getEmergency>>;
type PlanDetail = Awaited<ReturnType<typeof getPlan>>;

export function eventXlsx(lang: Lang, d: EventDetail) {
  return xlsx(lang, [
    {
      name: { zh: '受影响客户', en: 'Affected customers' },
      rows: d.customers,
      cols: [
        { h: { zh: '客户编号', en: 'Code' }, v: (r) => r.code },
        { h: { zh: '客户名称', en: 'Customer' }, w: 32, v: (r) => r.name },
        { h: { zh: '类型', en: 'Type' }, v: (r) => typeLabel(lang, r.type) },
        { h: { zh: '区县', en: 'County' }, v: (r) => `${r.city ?? ''}${r.county ?? ''}` },
        { h: { zh: '影响来源', en: 'Affected via' }, w: 24, v: (r) => r.viaNodes.join('、') },
        { h: { zh: '居民户数', en: 'Households' }, v: (r) => r.households },
        { h: { zh: '客户经理', en: 'Managers' }, w: 28, v: (r) => r.managers.map((m: any) => `${m.name} ${m.phone ?? ''}`).join('；') },
        { h: { zh: '联系人', en: 'Contacts' }, w: 28, v: (r) => r.contacts.map((c: any) => `${c.name} ${c.mobile ?? c.landline ?? ''}`).join('；') },
        { h: { zh: '已联系', en: 'Contacted' }, v: (r) => yesNo(lang, r.contacted) },
        { h: { zh: '已现场检查', en: 'Site checked' }, v: (r) => yesNo(lang, r.siteChecked) },
        { h: { zh: '供气状态', en: 'Supply status' }, v: (r) => L(lang, SUPPLY_STATUS_LABELS[r.supplyStatus]) },
        { h: { zh: '需求变化(m³)', en: 'Demand change (m³)' }, v: (r) => r.demandChangeM3 },
        { h: { zh: '备注', en: 'Notes' }, w: 30, v: (r) => r.notes },
      ],
    },
    {
      name: { zh: '时间线', en: 'Timeline' },
      rows: d.log,
      cols: [
        { h: { zh: '时间', en: 'Time' }, w: 22, v: (r) => r.at },
        { h: { zh: '类别', en: 'Kind' }, v: (r) => r.kind },
        { h: { zh: '内容', en: 'Text' }, w: 60, v: (r) => r.text },
        { h: { zh: '记录人', en: 'By' }, v: (r) => r.actorName },
      ],
    },
  ]);
}

export function planXlsx(lang: Lang, d: PlanDetail) {
  return xlsx(lang, [
    {
      name: { zh: '压减方案', en: 'Curtailment plan' },
      rows: d.lines,
      cols: [
        { h: { zh: '燃气日', en: 'Gas day' }, w: 12, v: (r) => r.gasDay },
        { h: { zh: '客户编号', en: 'Code' }, v: (r) => r.code },
        { h: { zh: '客户名称', en: 'Customer' }, w: 32, v: (r) => r.name },
        { h: { zh: '优先级', en: 'Class' }, v: (r) => L(lang, CLASS_LABELS[r.class]) },
        { h: { zh: '需求(m³)', en: 'Demand (m³)' }, v: (r) => Number(r.demandM3) },
        { h: { zh: '需求来源', en: 'Demand source' }, v: (r) => L(lang, SOURCE_LABELS[r.demandSource]) },
        { h: { zh: '其中民用(m³)', en: 'Residential (m³)' }, v: (r) => Number(r.residentialDemandM3) },
        { h: { zh: '允许(m³)', en: 'Allowed (m³)' }, v: (r) => Number(r.allowedM3) },
        { h: { zh: '压减(m³)', en: 'Cut (m³)' }, v: (r) => Number(r.cutM3) },
        { h: { zh: '压减比例(%)', en: 'Cut (%)' }, v: (r) => (r.cutPct === null ? null : Number(r.cutPct)) },
        { h: { zh: '原因', en: 'Reason' }, w: 34, v: (r) => L(lang, REASON_LABELS[r.reason]) + (r.bindingNode ? `（${r.bindingNode.name}）` : '') },
        { h: { zh: '人工调整原因', en: 'Adjustment reason' }, w: 24, v: (r) => r.adjustReason },
        { h: { zh: '实际(m³)', en: 'Actual (m³)' }, v: (r) => (r.actualM3 === null ? null : Number(r.actualM3)) },
        { h: { zh: '超用', en: 'Over-taken' }, v: (r) => (r.overTaken ? yesNo(lang, true) : '') },
      ],
    },
  ]);
}

export function networkXlsx(lang: Lang, rows: { depth: number; name: string; kind: string; code: string; capacityM3: string | null; linkCapacityM3: string | null; priorityClass?: string | null }[]) {
  return xlsx(lang, [
    {
      name: { zh: '供气网络', en: 'Supply network' },
      rows,
      cols: [
        { h: { zh: '节点', en: 'Node' }, w: 48, v: (r) => `${'    '.repeat(r.depth)}${r.name}` },
        { h: { zh: '编号', en: 'Code' }, w: 16, v: (r) => r.code },
        { h: { zh: '类型', en: 'Kind' }, v: (r) => r.kind },
        { h: { zh: '日能力(m³)', en: 'Daily capacity (m³)' }, v: (r) => (r.capacityM3 === null ? null : Number(r.capacityM3)) },
        { h: { zh: '进线能力(m³)', en: 'Link capacity (m³)' }, v: (r) => (r.linkCapacityM3 === null ? null : Number(r.linkCapacityM3)) },
        { h: { zh: '优先级', en: 'Class' }, v: (r) => (r.priorityClass ? L(lang, CLASS_LABELS[r.priorityClass]) : null) },
      ],
    },
  ]);
}

const CJK_FONT_PATH = process.env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Event report (应急事件报告) as PDF: the event, totals, the checklist per customer, the timeline. */
export function eventPdf(lang: Lang, d: EventDetail): Promise<Buffer> {
  if (!fs.existsSync(CJK_FONT_PATH)) throw new AppError('UNAVAILABLE', { reason: `CJK font missing (${CJK_FONT_PATH})` });
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 40, left: 48, right: 48 }, info: { Title: L(lang, { zh: '应急事件报告', en: 'Emergency report' }), Creator: 'Qike' } });
  doc.registerFont('cjk', fs.readFileSync(CJK_FONT_PATH), 'NotoSansCJKsc-Regular');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const e = d.event;
  doc
    .font('cjk')
    .fontSize(16)
    .text(`${L(lang, { zh: '应急事件报告', en: 'Emergency report' })}：${e.title}`, { align: 'center' });
  doc.moveDown(0.6).fontSize(10);
  doc.text(
    `${L(lang, { zh: '类型', en: 'Kind' })}：${L(lang, EMERGENCY_KIND_LABELS[e.kind])}    ${L(lang, { zh: '发生时间', en: 'Occurred' })}：${e.occurredAt.slice(0, 16).replace('T', ' ')} UTC    ${L(lang, { zh: '状态', en: 'Status' })}：${e.status}`,
  );
  if (e.nodes.length) doc.text(`${L(lang, { zh: '受影响节点', en: 'Affected nodes' })}：${e.nodes.map((n) => n.name).join('、')}`);
  if (e.region) doc.text(`${L(lang, { zh: '受影响区域', en: 'Affected region' })}：${e.region}`);
  if (e.description) doc.text(`${L(lang, { zh: '描述', en: 'Description' })}：${e.description}`);
  doc.moveDown(0.4).text(
    tr({ zh: '受影响客户 {n} 户，涉及居民 {h} 户；已联系 {c} 户，已现场检查 {s} 户。', en: '{n} customers affected serving {h} households; {c} contacted, {s} site-checked.' }, lang, {
      n: d.totals.customers,
      h: d.totals.households.toLocaleString('en-US'),
      c: d.totals.contacted,
      s: d.totals.siteChecked,
    }),
  );
  doc
    .moveDown(0.6)
    .fontSize(12)
    .text(L(lang, { zh: '客户核查清单', en: 'Customer checklist' }));
  doc.fontSize(8.5);
  d.customers.forEach((c, i) => {
    const mg = c.managers.map((m) => `${m.name} ${m.phone ?? ''}`).join('、');
    doc.text(
      `${i + 1}. ${c.name}（${c.code}，${c.county ?? ''}） ${L(lang, { zh: '居民', en: 'households' })} ${c.households ?? '—'}；${L(lang, { zh: '联系', en: 'contacted' })} ${yesNo(lang, c.contacted)}；${L(lang, { zh: '现场', en: 'site' })} ${yesNo(lang, c.siteChecked)}；${L(lang, SUPPLY_STATUS_LABELS[c.supplyStatus])}${c.demandChangeM3 ? `；Δ ${c.demandChangeM3} m³` : ''}；${L(lang, { zh: '经理', en: 'managers' })} ${mg}${c.notes ? `；${c.notes}` : ''}`,
    );
  });
  doc
    .moveDown(0.6)
    .fontSize(12)
    .text(L(lang, { zh: '时间线', en: 'Timeline' }));
  doc.fontSize(8.5);
  for (const l of d.log) doc.text(`${l.at.slice(0, 16).replace('T', ' ')}  ${l.actorName ?? ''}  ${l.text}`);
  doc.end();
  return done;
}
