-- Daily charges priced from the contract (issue 11 item 2): each daily charge transaction and each
-- customer-day row records where its price came from — 'contract' (the contract price of the base
-- tag in force that day, DOMAIN.md §4) or 'provisional' (the customer's provisional price: no
-- contract, no contract price that day, or a GJ contract without the day's energy). NULL for other
-- transactions and for rows written before this migration. Nullable without default: no rewrite.
ALTER TABLE ledger_transactions ADD COLUMN price_source text CHECK (price_source IN ('contract', 'provisional'));
ALTER TABLE customer_day_charges ADD COLUMN price_source text CHECK (price_source IN ('contract', 'provisional'));
