-- Clearing writes every bid's fill, rank and outcome (trading module, DOMAIN.md §4). None of those
-- columns is indexed, so the update can be a heap-only (HOT) update — no new entry in any of the
-- table's four indexes — when the row's page has room for the new version. Half of each page is
-- left free for that; bids are few (tens of thousands a year), the space is cheap.
ALTER TABLE trading_bids SET (fillfactor = 50);
