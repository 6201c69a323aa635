/**
 * Events the contracts module publishes (platform/events). Other modules react to them through
 * reactions declared in their module definitions.
 */
export interface TermsChanged {
  contractId: number;
  customerIds: number[];
  /** First month ('YYYY-MM') whose contracted volume or terms changed. */
  fromMonth: string;
  /** 'amend' (a new version of the monthly volumes) or 'terminate' (months after the last month lose the contract). */
  kind: 'amend' | 'terminate';
}

declare module '../../platform/module' {
  interface QikeEvents {
    /** An in-force contract's volumes or period changed from a month (published in the transaction that wrote it). */
    'contracts.termsChanged': TermsChanged;
  }
}
