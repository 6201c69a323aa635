-- Issue 9 item 8: the account ledger and the statement show each daily charge's quantity and price.
-- The daily run records, per customer-day, the quantity it priced (m³, or GJ for an energy contract),
-- the basis of that quantity and the price (元/m³ or 元/GJ, 4 places, DOMAIN.md §2) next to the
-- amount and the price source. NULL for days without a price and for rows written before this
-- migration (filled by the next run that touches the day). Nullable without default: no rewrite.
ALTER TABLE customer_day_charges
  ADD COLUMN quantity numeric(20, 6),
  ADD COLUMN basis text CHECK (basis IN ('m3', 'GJ')),
  ADD COLUMN price numeric(14, 4);
