/**
 * Events the metering module publishes (platform/events). Other modules react to them through
 * reactions declared in their module definitions.
 */
export interface DeliveriesChanged {
  /** Customers whose deliveries were created or changed. */
  customerIds: number[];
  /** Distinct gas days ('YYYY-MM-DD') that were created or changed. */
  gasDays: string[];
  /** 'manual' (a correction or late entry) or the import channel. */
  channel: string;
}

declare module '../../platform/module' {
  interface QikeEvents {
    /** Deliveries were entered late or corrected (published in the transaction that wrote them). */
    'metering.deliveriesChanged': DeliveriesChanged;
  }
}

export const distinct = <T>(xs: T[]): T[] => [...new Set(xs)];
