-- Locked (confirmed or closed) settlement months whose deliveries were corrected after they were
-- settled (settlement's reaction to metering.deliveriesChanged). A run of a later month recomputes
-- them for adjustment lines even when they are older than the recent window, as far back as metering
-- accepts corrections (DOMAIN.md §4: corrections after closing produce adjustment lines, never silent changes).
CREATE TABLE settlement_corrected_months (
  month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
  marked_at timestamptz NOT NULL DEFAULT now()
);
