/** Test helpers of the trading module: customers that may trade, funded through the accounts API, and sessions. */
import type { Client } from '../../../../test/harness';
import type { Db } from '../../../platform/db/database';
import { createCustomer, makeCustomer } from '../../customers/testing/factory';

let ref = 0;

/** A customer with an exchange account bound (may bid) and `balanceFen` paid in. */
export async function tradingCustomer(lead: Client, finance: Client, balanceFen: number, exchangeStatus: 'none' | 'registered' | 'bound' | 'trained' = 'bound') {
  const c = await createCustomer(lead, { exchangeStatus });
  if (balanceFen > 0) {
    const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: balanceFen, bankRef: `TRD-${process.pid}-${c.id}-${++ref}`, valueDate: '2026-03-01' });
    if (r.status !== 201) throw new Error(`payment failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return c;
}

/** An active (payment-monitored) customer, bound on the exchange through the membership API, with `balanceFen` paid in. */
export async function activeTradingCustomer(db: Db, lead: Client, finance: Client, balanceFen: number) {
  const c = await makeCustomer(db, { status: 'active' });
  const m = await lead.put(`/api/trading/memberships/${c.id}`, { registeredOn: '2026-01-05', boundOn: '2026-01-10' });
  if (m.status !== 200) throw new Error(`membership failed: ${m.status} ${JSON.stringify(m.body)}`);
  const r = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: balanceFen, bankRef: `TRA-${process.pid}-${c.id}-${++ref}`, valueDate: '2026-03-01' });
  if (r.status !== 201) throw new Error(`payment failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: c.id, name: c.name };
}

export async function balanceOf(c: Client, customerId: number): Promise<number> {
  const r = await c.get(`/api/accounts/customers/${customerId}`);
  if (r.status !== 200) throw new Error(`account read failed: ${r.status}`);
  return r.body.balanceFen as number;
}

/** Bidding session open from an hour ago for an hour (times relative to now so that bids are inside the window). */
export function biddingBody(over: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    kind: 'real',
    mode: 'bidding',
    title: '2026年3月管道气竞价',
    resourceTag: '线上交易气',
    deliveryMonth: '2026-03',
    deliveryPoint: '泸州首站',
    quantity: '1000',
    minPerBuyer: '100',
    maxPerBuyer: '600',
    floorPrice: '2.3000',
    priceStep: '0.0100',
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 3600_000).toISOString(),
    ...over,
  };
}
