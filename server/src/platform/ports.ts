/**
 * Ports between modules that are built independently: the consumer reads
 * `ctx.capabilities.<name>` (absent when no module provides it, and copes), the provider fills it
 * in its module definition (`provides: { <name>: … }`). Each port is the whole contract between
 * the two: plain data in and out, set-based (one call for many customers), explicit transaction.
 */
import type { Expression } from 'kysely';
import type { Msg } from '@common/lang';
import type { Tx } from './db/database';
import type { Actor } from './audit/audit';
import type { AppContext } from './module';

/** Notices and receipts (告知函/回执, DOMAIN.md §6) — provided by the notices module. */
export interface NoticeDraft {
  kind: 'price_change' | 'settlement' | 'deviation' | 'curtailment' | 'emergency' | 'trading' | 'onboarding' | 'manager_letter' | 'payment_notice' | 'general';
  /** Bilingual title and body; `{customerName}` and `{customerCode}` are filled per recipient. */
  title: Msg;
  body: Msg;
  customerIds: number[];
  requireReceipt: boolean;
  /** 'YYYY-MM-DD': receipts not returned by then are overdue (reminders). */
  receiptDueOn?: string;
  /** What the notice is about, for links back (e.g. { module: 'supply', entity: 'emergency', id: 7 }). */
  source?: { module: string; entity: string; id: string | number };
}
export interface NoticesPort {
  /** Compose and send a notice to customers inside the caller's transaction. */
  send(ctx: AppContext, trx: Tx, draft: NoticeDraft, actor: Actor): Promise<{ noticeId: number; recipients: number }>;
}

/** One online-trade award of a real (not simulated) session, in the customer's settlement month. */
export interface OnlineAward {
  customerId: number;
  awardId: number;
  /** When the award was made (settlement matches over-take volume to awards in this order). */
  awardedAt: Date;
  /** 'YYYY-MM' delivery month. */
  month: string;
  resourceTag: string;
  basis: 'm3' | 'GJ';
  /** Decimal strings. */
  quantity: string;
  price: string;
}
/** Online trading (线上交易, DOMAIN.md §4) as monthly settlement reads it — provided by trading. */
export interface OnlineTradesPort {
  /** Awards of real sessions delivering in `month` for the customers (all customers when omitted). */
  awardsForMonth(db: Tx, month: string, customerIds?: number[]): Promise<OnlineAward[]>;
  /** Volume-weighted average deal price of the month's real listing and bidding trades per basis, or null when none. */
  referencePrice(db: Tx, month: string, basis: 'm3' | 'GJ'): Promise<string | null>;
}

/** Daily nominations (日指定) — provided by the plans module. */
export interface NominationsPort {
  /** Nominated volume in m³ (decimal string) per customer and gas day within [from, to]. */
  nominations(db: Tx, customerIds: number[], from: string, to: string): Promise<{ customerId: number; gasDay: string; volumeM3: string }[]>;
  /**
   * The nominations of one gas day as a fragment to join in the caller's own statement
   * (one row per nominated customer: customer_id, volume_m3), e.g. the daily usage board.
   */
  dayFragment?(gasDay: string): Expression<{ customer_id: number; volume_m3: string }>;
}

/** Contracts (购销合同) — provided by the contracts module. */
export interface ContractedDaily {
  customerId: number;
  basis: 'm3' | 'GJ';
  /** In the contract's basis, 3 places. */
  quantity: string;
  /** In m³, 3 places; null for a GJ contract without a known GCV. */
  volumeM3: string | null;
  /** The GCV (MJ/m³) used to convert a GJ contract; null for m³ contracts or when unknown. */
  gcvMJm3: string | null;
}
export interface ContractsPort {
  /**
   * Contracted daily quantity (monthly contracted quantity ÷ days of the month) per customer on a gas
   * day, in the contract's basis (`quantity`, m³ or GJ), and in m³ (`volumeM3`): for a GJ-basis contract
   * converted with the customer's published GCV of that day (V = E × 1000 / GCV, DOMAIN.md §2), null
   * when no GCV is known (the reader must not treat it as zero). Customers without a contract are absent.
   */
  contractedDaily(db: Tx, customerIds: number[], gasDay: string): Promise<ContractedDaily[]>;
}

/** Daily charges (日结) — provided by the accounts module. */
export interface ChargedDays {
  /** Gas days the daily run has already charged: a change re-prices them automatically (the charge follows). */
  follow: string[];
  /** Gas days in a closed accounting month: not changed silently, left to the month's settlement adjustments. */
  closed: string[];
}
export interface ChargesPort {
  /** Which of these gas days (YYYY-MM-DD) are already charged; days the daily run has not reached are in neither list. */
  chargedDays(db: Tx, gasDays: string[]): Promise<ChargedDays>;
}

declare module './module' {
  interface Capabilities {
    notices: NoticesPort;
    onlineTrades: OnlineTradesPort;
    nominations: NominationsPort;
    contracts: ContractsPort;
    charges: ChargesPort;
  }
}
