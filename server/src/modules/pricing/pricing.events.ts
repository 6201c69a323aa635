/**
 * Events the pricing module publishes (platform/events). Other modules react to them through
 * reactions declared in their module definitions.
 */
export interface PricesChanged {
  /** First gas day ('YYYY-MM-DD') whose price may have changed. */
  fromDay: string;
  /** Last such day, or null when the change holds until a later entry supersedes it. */
  toDay: string | null;
  /** 'price' (a price-book entry) or 'reference' (the month's reference online price). */
  kind: 'price' | 'reference';
}

declare module '../../platform/module' {
  interface QikeEvents {
    /** A price in force on past days was added or changed (published in the transaction that wrote it). */
    'pricing.pricesChanged': PricesChanged;
  }
}
