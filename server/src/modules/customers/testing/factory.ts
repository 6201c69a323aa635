/**
 * Test helpers of the customers module — the one factory of customers, managers, grants, delivery
 * points and supply sources used by every module's tests (inserted directly, so tests of other
 * modules need no customers routes) — plus valid USCCs, customers via the API, xlsx files, forms.
 */
import ExcelJS from 'exceljs';
import { usccCheckChar } from '@common/uscc.calc';
import type { Client } from '../../../../test/harness';
import type { Db, Tx } from '../../../platform/db/database';
import '../customers.tables';

let seq = 0;

/** A valid USCC, distinct per call within a process (and per process). */
export function validUscc(): string {
  const n = String((process.pid % 100000) * 1000 + ++seq).padStart(9, '0');
  const base = '91510500' + n;
  return base + usccCheckChar(base);
}

export async function createCustomer(c: Client, over: Record<string, unknown> = {}) {
  const body = { name: `测试燃气有限公司${++seq}`, uscc: validUscc(), type: 'city_gas', priceCategory: 'residential', province: '四川省', city: '泸州市', county: '江阳区', ...over };
  const r = await c.post('/api/customers', body);
  if (r.status !== 201) throw new Error(`create customer failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: number; code: string; name: string; uscc: string; status: string };
}

export async function xlsx(rows: unknown[][], sheet = '客户档案'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as any);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

export function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([file.bytes as any]), file.name);
  return fd;
}

export const IMPORT_HEADER = [
  '客户名称*',
  '统一社会信用代码',
  '客户类型*',
  '价格类别*',
  '省*',
  '市*',
  '区县',
  '地址',
  '服务居民',
  '居民用气占比(%)',
  '用气结构核查日期',
  '交易中心会员',
  '标签',
  '备注',
  '专职客户经理账号',
];

export interface CustomerSpec {
  /** Default: a unique test code (T + pid + sequence). */
  code?: string;
  name?: string;
  /** Default 'city_gas' when it serves residents, else 'industrial'. */
  type?: string;
  priceCategory?: string;
  province?: string | null;
  city?: string;
  county?: string | null;
  status?: string;
  servesResidents?: boolean;
  /** Active full-time manager. */
  managerId?: number;
  /** Active part-time managers. */
  partTimeIds?: number[];
  /** One delivery point per entry, fed by that supply source (null = none). */
  sources?: (number | null)[];
  /** Number of delivery points without a supply source (ignored when `sources` is given). Default 0. */
  points?: number;
}

export interface MadeCustomer {
  id: number;
  code: string;
  name: string;
  points: { id: number; code: string; meterNo: string }[];
}

function customerRow(spec: CustomerSpec) {
  const n = ++seq;
  const code = spec.code ?? `T${process.pid % 10000}${String(n).padStart(5, '0')}`;
  return {
    code,
    name: spec.name ?? `测试燃气客户${code}`,
    type: spec.type ?? (spec.servesResidents ? 'city_gas' : 'industrial'),
    price_category: spec.priceCategory ?? (spec.servesResidents ? '居民' : '工业'),
    province: spec.province === undefined ? '四川省' : spec.province,
    city: spec.city ?? '泸州市',
    county: spec.county ?? null,
    status: spec.status ?? 'active',
    serves_residents: spec.servesResidents ?? false,
    updated_at: new Date(),
  };
}

/** Many customers (with their managers) in two statements, in the order given; no delivery points. */
export async function makeCustomers(db: Db | Tx, specs: CustomerSpec[]): Promise<{ id: number; code: string; name: string; status: string }[]> {
  if (!specs.length) return [];
  const rows = await db.insertInto('customers').values(specs.map(customerRow)).returning(['id', 'code', 'name', 'status']).execute();
  const managers = specs.flatMap((s, i) => [
    ...(s.managerId ? [{ customer_id: rows[i].id, user_id: s.managerId, kind: 'full_time' as const }] : []),
    ...(s.partTimeIds ?? []).map((u) => ({ customer_id: rows[i].id, user_id: u, kind: 'part_time' as const })),
  ]);
  if (managers.length) await db.insertInto('customer_managers').values(managers).execute();
  return rows;
}

/** One customer with its managers and delivery points. */
export async function makeCustomer(db: Db | Tx, spec: CustomerSpec = {}): Promise<MadeCustomer> {
  const [c] = await makeCustomers(db, [spec]);
  const sources = spec.sources ?? Array.from({ length: spec.points ?? 0 }, () => null);
  const points: MadeCustomer['points'] = [];
  for (let i = 0; i < sources.length; i++)
    points.push(await makeDeliveryPoint(db, c.id, { code: `${c.code}-P${i + 1}`, meterNo: `${c.code}-M${i + 1}`, name: `${c.name}${i + 1}号站`, sourceId: sources[i] }));
  return { id: c.id, code: c.code, name: c.name, points };
}

/** A delivery point of a customer (distribution station). */
export async function makeDeliveryPoint(db: Db | Tx, customerId: number, o: { code?: string; meterNo?: string; name?: string; sourceId?: number | null; active?: boolean } = {}) {
  const code = o.code ?? `TDP${process.pid % 10000}-${++seq}`;
  const meterNo = o.meterNo ?? `${code}-M`;
  const p = await db
    .insertInto('delivery_points')
    .values({ customer_id: customerId, code, name: o.name ?? `${code}站`, kind: 'distribution_station', meter_no: meterNo, supply_source_id: o.sourceId ?? null, active: o.active ?? true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: p.id, code, meterNo };
}

/** A supply source (a gas field at the top, a well station below a parent by default). */
export async function makeSupplySource(db: Db | Tx, o: { parentId?: number; kind?: 'gas_field' | 'well_station' | 'purification_plant'; name?: string; code?: string } = {}) {
  const code = o.code ?? `SRC${process.pid % 10000}${String(++seq).padStart(4, '0')}`;
  const r = await db
    .insertInto('supply_sources')
    .values({ code, name: o.name ?? code, kind: o.kind ?? (o.parentId ? 'well_station' : 'gas_field'), parent_id: o.parentId ?? null, region: '四川省' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code };
}

/** A manager assignment as stored (e.g. an ended one: `unassignedAt`). */
export async function assignManager(db: Db | Tx, customerId: number, userId: number, kind: 'full_time' | 'part_time', o: { unassignedAt?: Date } = {}) {
  await db
    .insertInto('customer_managers')
    .values({ customer_id: customerId, user_id: userId, kind, unassigned_at: o.unassignedAt ?? null })
    .execute();
}

/** Overwrite stored customer fields directly (test setup only). */
export async function setCustomerFields(db: Db | Tx, customerId: number, fields: { type?: string; status?: string; city?: string }) {
  await db.updateTable('customers').set(fields).where('id', '=', customerId).execute();
}

/** A customer's stored status and lifecycle transitions, oldest first. */
export async function customerLifecycle(db: Db | Tx, customerId: number) {
  const c = await db.selectFrom('customers').select('status').where('id', '=', customerId).executeTakeFirstOrThrow();
  const transitions = await db.selectFrom('customer_transitions').select(['from_status', 'to_status', 'reason']).where('customer_id', '=', customerId).orderBy('id').execute();
  return { status: c.status, transitions };
}
