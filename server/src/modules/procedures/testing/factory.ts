/** Test fixtures for the procedures module: files and forms; a priced delivery point (through the owners' factories). */
import type { Db } from '../../../platform/db/database';
import { makeDeliveryPoint } from '../../customers/testing/factory';
import { setProvisionalPrice } from '../../accounts/testing/factory';

/** A 1×1 PNG and a minimal PDF, recognised by their magic bytes. */
export const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex'));
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export function form(file: Uint8Array, filename: string, type: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([file as Uint8Array<ArrayBuffer>], { type }), filename);
  return f;
}

/** A delivery point and a provisional price, so the accounts daily run charges the customer. */
export async function addPointAndPrice(db: Db, customerId: number, price: string): Promise<number> {
  const p = await makeDeliveryPoint(db, customerId);
  await setProvisionalPrice(db, customerId, price);
  return p.id;
}
