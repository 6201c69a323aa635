/** Contacts at customers (with phone numbers) for the supply module's emergencies (issue 14). Not scoped: callers apply their own scope. */
import type { Tx } from '../../platform/db/database';

export interface CustomerContactLite {
  customerId: number;
  name: string;
  title: string | null;
  role: string;
  mobile: string | null;
  landline: string | null;
  isPrimary: boolean;
}

/** Current (not deleted) contacts of the customers, primary first. */
export async function contactsOfCustomers(db: Tx, customerIds: number[]): Promise<CustomerContactLite[]> {
  if (!customerIds.length) return [];
  const rows = await db
    .selectFrom('customer_contacts')
    .select(['customer_id', 'name', 'title', 'role', 'mobile', 'landline', 'is_primary'])
    .where('customer_id', 'in', customerIds)
    .where('deleted_at', 'is', null)
    .orderBy('customer_id')
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id, name: r.name, title: r.title, role: r.role, mobile: r.mobile, landline: r.landline, isPrimary: r.is_primary }));
}
