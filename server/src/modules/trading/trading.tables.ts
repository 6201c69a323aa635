/** Table types of the trading module (migrations 202612070716_trading_core.sql, 202612071020_trading_agreements.sql). */
import type { Generated } from 'kysely';
import type { DateStr, Numeric } from '../../platform/db/schema';
import type { Pricing } from './clearing.calc';

export type SessionKind = 'real' | 'simulation';
export type SessionMode = 'listing' | 'bidding' | 'agreement';
export type SessionStatus = 'open' | 'cleared' | 'cancelled';

export interface TradingSessionsTable {
  id: Generated<number>;
  kind: SessionKind;
  mode: SessionMode;
  title: string;
  resource_tag: string;
  basis: 'm3' | 'GJ';
  delivery_month: string;
  delivery_point: string;
  quantity: Numeric;
  min_per_buyer: Numeric;
  max_per_buyer: Numeric;
  fixed_price: Numeric | null;
  floor_price: Numeric | null;
  price_step: Numeric | null;
  pricing: Pricing;
  opens_at: Date;
  closes_at: Date;
  deposit_ratio: Numeric;
  fee_rate: Numeric;
  status: Generated<SessionStatus>;
  organiser_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  cleared_at: Date | null;
  cleared_by: number | null;
  sold_quantity: Numeric | null;
  clearing_price: Numeric | null;
  bid_count: Generated<number>;
}

export interface TradingSessionCustomersTable {
  session_id: number;
  customer_id: number;
}

export interface TradingVirtualAccountsTable {
  id: Generated<number>;
  session_id: number;
  name: string;
  customer_id: number | null;
  user_id: number | null;
  balance_fen: number;
  created_at: Generated<Date>;
}

export interface TradingBidsTable {
  id: Generated<number>;
  session_id: number;
  customer_id: number | null;
  virtual_account_id: number | null;
  price: Numeric;
  quantity: Numeric;
  granted_quantity: Numeric | null;
  submitted_at: Generated<Date>;
  idempotency_key: string;
  deposit_fen: number;
  placed_by: number | null;
  filled_quantity: Numeric | null;
  outcome: 'filled' | 'partial' | 'unfilled' | null;
  rank: number | null;
}

export interface TradingAwardsTable {
  id: Generated<number>;
  session_id: number;
  bid_id: number;
  customer_id: number | null;
  virtual_account_id: number | null;
  quantity: Numeric;
  price: Numeric;
  amount_fen: number;
  buyer_fee_fen: number;
  seller_fee_fen: number;
  deposit_applied_fen: number;
  deposit_released_fen: number;
  awarded_at: Date;
}

/** 协议 agreement trades: the session of mode 'agreement' with its one buyer and both sides' confirmations. */
export interface TradingAgreementsTable {
  session_id: number;
  customer_id: number;
  price: Numeric;
  seller_confirmed_on: DateStr;
  seller_document: string;
  buyer_confirmed_on: DateStr | null;
  buyer_document: string | null;
  buyer_recorded_by: number | null;
  buyer_recorded_at: Date | null;
  note: string | null;
}

export interface TradingResultNoticesTable {
  session_id: number;
  customers: number;
  sent_by: number | null;
  sent_at: Generated<Date>;
}

export interface TradingMembershipsTable {
  customer_id: number;
  registered_on: DateStr | null;
  bound_on: DateStr | null;
  trained_on: DateStr | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface TradingFollowupsTable {
  customer_id: number;
  id: Generated<number>;
  on_date: DateStr;
  note: string;
  next_step: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface TradingFeedbackTable {
  id: Generated<number>;
  session_id: number;
  virtual_account_id: number | null;
  topic: 'rules' | 'system' | 'other';
  rating: number;
  comment: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB {
    trading_sessions: TradingSessionsTable;
    trading_session_customers: TradingSessionCustomersTable;
    trading_virtual_accounts: TradingVirtualAccountsTable;
    trading_bids: TradingBidsTable;
    trading_awards: TradingAwardsTable;
    trading_agreements: TradingAgreementsTable;
    trading_result_notices: TradingResultNoticesTable;
    trading_memberships: TradingMembershipsTable;
    trading_followups: TradingFollowupsTable;
    trading_feedback: TradingFeedbackTable;
  }
}
