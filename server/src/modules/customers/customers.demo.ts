/**
 * Demo data (order 100): the supply network, ~220 customers across 泸州, 宜宾, 自贡, 内江, 乐山 and
 * 重庆 永川/荣昌/江津 with valid USCCs, delivery points fed by the network, lifecycle timelines,
 * full-time managers am01–am08 by territory, part-time managers pt01–pt03 on key customers, and
 * licences with expiry dates. Deterministic (seeded) and set-based.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { USCC_CHARSET, usccCheckChar } from '@common/uscc.calc';
import type { CustomerType, CustomerStatus } from '@common/customers';
import type { DemoContext } from '../../platform/demo/demo';
import type { Rng } from '../../platform/demo/rng';
import { insertHistory, type HistoryInsert } from './customers.repo';
import { pinyinInitials } from './pinyin';
import { NETWORK, TERRITORIES, PART_TIME_BY_CITY, WORDS, GAS_BRANDS, INDUSTRIAL, CHEMICAL, COMMERCIAL, OTHER, type Territory } from './demo.data';

const PRICE: Record<CustomerType, string> = {
  city_gas: 'residential',
  industrial: 'industrial',
  cng: 'cng',
  power: 'power',
  chemical: 'chemical_feedstock',
  commercial: 'commercial',
  other: 'non_residential',
};
const ROADS = ['人民路', '滨江路', '工业园区', '长江大道', '迎宾大道', '南环路', '北城大道', '建设路', '新华路', '沿江路', '经济开发区', '临港大道'];
const STEPS: CustomerStatus[] = ['prospect', 'survey', 'review', 'contracted', 'active'];
const REASONS: Record<string, string[]> = {
  survey: ['客户提出用气需求，组织各科室现场联合调研', '新增市场开发，开展用气论证与现场踏勘'],
  review: ['调查报告已完成，提交审查', '用气论证、资质审查、输供能力核实完毕，提交审查意见表'],
  contracted: ['审查通过，公司批准，签订天然气购销合同', '审查意见表经公司审批通过，签订合同'],
  active: ['接管工程完工，通气投产', '计量设施验收合格，正式供气'],
  restricted: ['预付气款不足，可用天数低于减气阈值，执行减气', '客户设备检修，按申请减停气'],
  closed: ['企业关停，结清气款后销户', '项目搬迁，合同终止，申请销户'],
};

function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);
}
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

function uscc(rng: Rng, area: string, used: Set<string>): string {
  for (;;) {
    const org = rng.chance(0.5)
      ? 'MA' + Array.from({ length: 7 }, () => rng.pick([...USCC_CHARSET.slice(0, 10), ...USCC_CHARSET.slice(10)])).join('')
      : Array.from({ length: 9 }, () => String(rng.int(0, 9))).join('');
    const base = '91' + area + org;
    const code = base + usccCheckChar(base);
    if (!used.has(code)) return (used.add(code), code);
  }
}

/** A tiny valid PDF standing in for a scanned licence. */
function demoPdf(title: string): Buffer {
  const text = `Qike demo document: ${title}`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offs: number[] = [];
  objs.forEach((o, i) => {
    offs.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface Planned {
  t: Territory;
  county: string;
  valve: string;
  am: string;
  type: CustomerType;
  name: string;
  key: boolean;
  dps: number;
}

const shortCounty = (c: string) => (c.length > 2 ? c.replace(/(区|县|市|街道|镇)$/, '') : c);

function planTerritory(rng: Rng, t: Territory, names: Set<string>): Planned[] {
  const out: Planned[] = [];
  const county = (i: number) => {
    const k = i === 0 ? t.counties[t.city === '宜宾市' ? 3 : 0] : t.city === '宜宾市' && i < 28 ? t.counties[i % 3] : t.counties[rng.int(0, t.counties.length - 1)];
    return { county: k[0], valve: k[1], am: k[2] };
  };
  const cq = t.province === '重庆市';
  const unique = (make: () => string) => {
    for (let k = 0; ; k++) {
      const nm = make();
      if (!names.has(nm)) return (names.add(nm), nm);
      if (k > 50) throw new Error('demo names exhausted');
    }
  };
  for (let i = 0; i < t.count; i++) {
    const c = county(i);
    let type: CustomerType;
    let name: string;
    let key = false;
    let dps = 1;
    const countyGas = !cq && i >= 1 && i <= 3 && t.city !== '宜宾市' ? true : t.city === '宜宾市' && (i === 0 || i === 1 || i === 2 || i === 30);
    if (i === 0) {
      type = 'city_gas';
      name = unique(() =>
        cq ? `重庆${t.short}${GAS_BRANDS[TERRITORIES.indexOf(t) % GAS_BRANDS.length]}燃气有限公司` : `${t.short}${GAS_BRANDS[TERRITORIES.indexOf(t) % GAS_BRANDS.length]}燃气有限公司`,
      );
      key = true;
      dps = 3;
    } else if (countyGas) {
      type = 'city_gas';
      let attempt = 0;
      name = unique(() => (attempt++ === 0 ? `${c.county}天然气有限责任公司` : `${t.short}${shortCounty(c.county)}${rng.pick(GAS_BRANDS)}燃气有限公司`));
      dps = 2;
      key = t.city === '宜宾市' && i === 0;
    } else if (i === 4 && ['泸州市', '内江市', '江津区'].includes(t.city)) {
      type = 'power';
      name = unique(() => (cq ? `重庆${t.short}燃气热电有限公司` : `${t.short}${t.city === '泸州市' ? '川南天然气发电' : '白马燃气热电'}有限公司`));
      key = true;
      dps = 2;
    } else {
      const r = rng.next();
      type = r < 0.45 ? 'industrial' : r < 0.65 ? 'cng' : r < 0.77 ? 'chemical' : r < 0.9 ? 'commercial' : 'other';
      const w = () => rng.pick(WORDS);
      const pre = cq ? `重庆${t.short}` : `${t.short}`;
      if (type === 'industrial') {
        const kind = ['夹江县'].includes(c.county) || t.city === '荣昌区' ? rng.pick(['陶瓷有限公司', '陶瓷有限公司', '建材有限公司']) : rng.pick(INDUSTRIAL);
        name = unique(() => `${pre}${w()}${kind}`);
        key = rng.chance(0.12);
        dps = rng.chance(0.25) ? 2 : 1;
      } else if (type === 'cng') name = unique(() => (rng.chance(0.5) ? `${pre}${w()}天然气加气站有限公司` : `${pre}${w()}能源有限公司${shortCounty(c.county)}CNG加气站`));
      else if (type === 'chemical') {
        const kind = t.city === '自贡市' ? rng.pick(['盐化有限公司', '化工有限公司']) : t.city === '乐山市' ? rng.pick(['硅业有限公司', '化工有限公司']) : rng.pick(CHEMICAL);
        name = unique(() => `${pre}${w()}${kind}`);
        key = rng.chance(0.35);
        dps = rng.chance(0.4) ? 2 : 1;
      } else if (type === 'commercial') name = unique(() => `${pre}${w()}${rng.pick(COMMERCIAL)}`);
      else {
        const o = rng.pick(OTHER);
        let attempt = 0;
        name = unique(() => (o.endsWith('医院') && attempt++ === 0 ? `${cq ? '重庆市' + t.city : t.city + c.county}${o}` : `${pre}${w()}${o.endsWith('医院') ? '综合门诊有限公司' : o}`));
      }
    }
    out.push({ t, ...c, type, name, key, dps });
  }
  return out;
}

function pickStatus(rng: Rng, i: number, p: Planned): CustomerStatus {
  if (i === 41 || i === 163) return 'closed';
  if (p.key && (p.type === 'city_gas' || p.type === 'power')) return 'active';
  const r = rng.next();
  return r < 0.05 ? 'prospect' : r < 0.08 ? 'survey' : r < 0.11 ? 'review' : r < 0.15 ? 'contracted' : r < 0.2 ? 'restricted' : 'active';
}

export const customersDemo = {
  order: 100,
  async run(ctx: DemoContext) {
    const db = ctx.app.db;
    const rng = ctx.rng('customers');
    const uid = (u: string) => ctx.users.get(u) ?? null;
    const last = ctx.lastDay;

    // 1. Supply network, parents first.
    const src = new Map<string, number>();
    for (const level of [0, 1, 2, 3, 4]) {
      const nodes = NETWORK.filter((x) => ['gas_field', 'well_station', 'purification_plant', 'pipeline', 'valve_room'].indexOf(x.kind) === level);
      // pipelines may hang below pipelines; they all have non-pipeline parents here.
      if (!nodes.length) continue;
      const rows = await db
        .insertInto('supply_sources')
        .values(nodes.map((x) => ({ code: x.code, name: x.name, kind: x.kind, parent_id: x.parent ? src.get(x.parent)! : null, region: x.region })))
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) src.set(r.code, r.id);
    }

    // 2. Customers.
    const names = new Set<string>();
    const plan = TERRITORIES.flatMap((t) => planTerritory(rng, t, names));
    const used = new Set<string>();
    const meta = plan.map((p, i) => {
      const status = pickStatus(rng, i, p);
      const early = status === 'prospect' || status === 'survey' || status === 'review';
      const created = early ? addDays(last, -rng.int(40, 300)) : addDays(last, -rng.int(700, 4500));
      return { status, created };
    });
    const rows = plan.map((p, i) => {
      const share = p.type === 'city_gas' ? String(rng.int(3500, 7800)).padStart(4, '0') : null;
      const active = ['active', 'restricted', 'contracted'].includes(meta[i].status);
      const x = rng.next();
      const tags = [
        ...(p.key ? ['重点客户'] : []),
        ...(p.type === 'city_gas' ? ['保供'] : []),
        ...(p.type === 'industrial' && rng.chance(0.3) ? ['可中断'] : []),
        ...(p.type === 'industrial' && rng.chance(0.2) ? ['煤改气'] : []),
        ...(p.type === 'power' ? ['调峰'] : []),
        ...(p.valve === 'VR-CN' || p.valve === 'VR-GX' || p.valve === 'VR-XW' ? ['老14供气'] : []),
        ...(p.t.city === '宜宾市' && rng.chance(0.3) ? ['页岩气'] : []),
      ];
      return {
        name: p.name,
        uscc: uscc(rng, p.t.area, used),
        type: p.type,
        price_category: PRICE[p.type],
        province: p.t.province,
        city: p.t.city,
        county: p.county,
        address: `${p.t.province === '重庆市' ? '重庆市' : p.t.province}${p.t.city}${p.county}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
        status: meta[i].status,
        serves_residents: p.type === 'city_gas',
        residential_share: share ? `0.${share}` : null,
        use_structure_verified_on: share ? addDays(last, -rng.int(20, 500)) : null,
        exchange_status: active ? (x < 0.4 ? 'trained' : x < 0.6 ? 'bound' : x < 0.75 ? 'registered' : 'none') : 'none',
        tags,
        notes: p.key ? '重点客户：兼职客户经理负责个性化需求与专项营销方案' : null,
        pinyin: pinyinInitials(p.name),
        created_at: at(meta[i].created),
        updated_at: at(meta[i].created),
        closed_at: meta[i].status === 'closed' ? at(addDays(last, -rng.int(30, 200))) : null,
      };
    });
    const inserted = await db.insertInto('customers').values(rows).returning(['id', 'code']).execute();
    inserted.sort((a, b) => a.id - b.id);

    // 3. Lifecycle timelines and history.
    const transitions: { customer_id: number; from_status: string; to_status: string; reason: string; actor_id: number | null; actor_name: string | null; at: Date }[] = [];
    const history: HistoryInsert[] = [];
    plan.forEach((p, i) => {
      const cid = inserted[i].id;
      const { status, created } = meta[i];
      const am = p.am;
      history.push({
        customer_id: cid,
        at: at(created, 9),
        actor_id: uid(am),
        actor_name: am,
        action: 'customer.create',
        entity: 'customer',
        entity_id: String(cid),
        before: null,
        after: JSON.stringify({ code: inserted[i].code, name: p.name, type: p.type }),
      });
      const target = status === 'restricted' || status === 'closed' ? 'active' : status;
      const path = STEPS.slice(0, STEPS.indexOf(target) + 1);
      let day = created;
      const step = (from: string, to: string, d: string) => {
        const actor = to === 'contracted' ? 'lead' : am;
        const reason = rng.pick(REASONS[to]);
        transitions.push({ customer_id: cid, from_status: from, to_status: to, reason, actor_id: uid(actor), actor_name: actor, at: at(d, 15) });
        history.push({
          customer_id: cid,
          at: at(d, 15),
          actor_id: uid(actor),
          actor_name: actor,
          action: 'customer.transition',
          entity: 'status',
          entity_id: null,
          before: JSON.stringify({ status: from }),
          after: JSON.stringify({ status: to, reason }),
        });
      };
      const closeDay = rows[i].closed_at?.toISOString().slice(0, 10);
      for (let k = 1; k < path.length; k++) {
        const gap = path[k] === 'active' ? rng.int(60, 240) : rng.int(15, 60);
        day = addDays(day, gap);
        const limit = closeDay ? addDays(closeDay, -1) : addDays(last, -1);
        if (day > limit) day = limit;
        step(path[k - 1], path[k], day);
      }
      if (status === 'restricted') step('active', 'restricted', addDays(last, -rng.int(3, 40)));
      if (status === 'closed') step('active', 'closed', closeDay!);
    });
    for (let i = 0; i < transitions.length; i += 1000)
      await db
        .insertInto('customer_transitions')
        .values(transitions.slice(i, i + 1000))
        .execute();
    await db
      .updateTable('customers')
      .set({ updated_at: sql`(SELECT max(t.at) FROM customer_transitions t WHERE t.customer_id = customers.id)` })
      .where(sql<boolean>`EXISTS (SELECT 1 FROM customer_transitions t WHERE t.customer_id = customers.id)`)
      .execute();

    // 4. Managers: full-time by territory, part-time on key customers.
    const managers = plan.flatMap((p, i) => {
      const cid = inserted[i].id;
      const out: { customer_id: number; user_id: number; kind: 'full_time' | 'part_time'; assigned_by: number | null; assigned_at: Date; reason: string }[] = [];
      const ft = uid(p.am);
      if (ft) out.push({ customer_id: cid, user_id: ft, kind: 'full_time', assigned_by: uid('lead'), assigned_at: at(meta[i].created, 9), reason: '按责任区指定' });
      const pt = p.key ? uid(PART_TIME_BY_CITY[p.t.city]) : null;
      if (pt) out.push({ customer_id: cid, user_id: pt, kind: 'part_time', assigned_by: uid('lead'), assigned_at: at(meta[i].created, 9), reason: '重点客户配备兼职客户经理' });
      return out;
    });
    if (managers.length) await db.insertInto('customer_managers').values(managers).execute();

    // 5. Delivery points (not for prospects still in survey), linked to the network.
    const dps: {
      customer_id: number;
      code: string;
      name: string;
      kind: 'distribution_station' | 'gate_station';
      meter_no: string;
      pressure_level: string;
      supply_source_id: number;
      active: boolean;
      created_at: Date;
    }[] = [];
    let meter = 0;
    plan.forEach((p, i) => {
      const st = meta[i].status;
      if (st === 'prospect' || st === 'survey') return;
      const territoryValves = [...new Set(p.t.counties.map((c) => c[1]))];
      for (let k = 0; k < p.dps; k++) {
        const valve = k === 0 ? p.valve : rng.pick(territoryValves);
        const kind = p.type === 'city_gas' ? 'gate_station' : 'distribution_station';
        const short = p.name.replace(/(有限责任公司|股份有限公司|有限公司)$/, '');
        const pressure =
          p.type === 'power' || (p.type === 'city_gas' && k === 0)
            ? 'high'
            : p.type === 'city_gas' || p.type === 'chemical'
              ? 'sub_high'
              : p.type === 'industrial'
                ? rng.pick(['sub_high', 'medium'])
                : 'medium';
        dps.push({
          customer_id: inserted[i].id,
          code: `${inserted[i].code}-${String(k + 1).padStart(2, '0')}`,
          name: `${short}${k + 1}号${kind === 'gate_station' ? '门站' : '分输站'}`,
          kind,
          meter_no: `FT-${p.t.abbr}${String(++meter).padStart(4, '0')}`,
          pressure_level: pressure,
          supply_source_id: src.get(valve)!,
          active: st !== 'closed',
          created_at: at(meta[i].created, 11),
        });
      }
    });
    for (let i = 0; i < dps.length; i += 500)
      await db
        .insertInto('delivery_points')
        .values(dps.slice(i, i + 500))
        .execute();

    // 6. Licences: business licence for all, operating licences with expiry dates for city gas, CNG and chemicals.
    const docs: { customer_id: number; kind: string; title: string; doc_no: string; issued_on: string; expires_on: string | null; created: string }[] = [];
    plan.forEach((p, i) => {
      const cid = inserted[i].id;
      docs.push({ customer_id: cid, kind: 'business_licence', title: '营业执照（副本）', doc_no: rows[i].uscc, issued_on: meta[i].created, expires_on: null, created: meta[i].created });
      if (['city_gas', 'cng', 'chemical'].includes(p.type) && meta[i].status !== 'prospect') {
        const kind = p.type === 'city_gas' ? 'gas_operation_licence' : 'hazardous_chemicals_licence';
        const r = rng.next();
        const expires = r < 0.08 ? addDays(last, -rng.int(1, 40)) : r < 0.25 ? addDays(last, rng.int(1, 60)) : addDays(last, rng.int(61, 1100));
        docs.push({
          customer_id: cid,
          kind,
          title: kind === 'gas_operation_licence' ? '燃气经营许可证' : '危险化学品经营许可证',
          doc_no: `${p.t.abbr}${rng.int(100000, 999999)}`,
          issued_on: addDays(expires, -1095),
          expires_on: expires,
          created: addDays(expires, -1090) < meta[i].created ? meta[i].created : addDays(expires, -1090),
        });
      }
    });
    const docRows = await db
      .insertInto('customer_documents')
      .values(
        docs.map((d) => {
          const pdf = demoPdf(`${d.kind} ${d.doc_no}`);
          return {
            customer_id: d.customer_id,
            kind: d.kind,
            title: d.title,
            doc_no: d.doc_no,
            issued_on: d.issued_on,
            expires_on: d.expires_on,
            file_name: `${d.title}.pdf`,
            mime: 'application/pdf',
            size_bytes: pdf.length,
            sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
            uploaded_by: null,
            uploaded_at: at(d.created < last ? d.created : last),
          };
        }),
      )
      .returning(['id', 'kind', 'doc_no'])
      .execute();
    await db
      .insertInto('customer_document_files')
      .values(docRows.map((d) => ({ document_id: d.id, content: demoPdf(`${d.kind} ${d.doc_no}`) })))
      .execute();

    await insertHistory(db, history);
    ctx.log(`customers: ${inserted.length} customers, ${dps.length} delivery points, ${src.size} supply sources, ${docRows.length} documents`);
  },
};
