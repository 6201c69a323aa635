/** Test helpers of the customers module: valid USCCs, customers via the API, xlsx files, multipart forms. */
import ExcelJS from 'exceljs';
import { usccCheckChar } from '@common/uscc.calc';
import type { Client } from '../../../../test/harness';

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

export const IMPORT_HEADER = ['客户名称*', '统一社会信用代码', '客户类型*', '价格类别*', '省*', '市*', '区县', '地址', '服务居民', '居民用气占比(%)', '用气结构核查日期', '交易中心会员', '标签', '备注', '专职客户经理账号'];
