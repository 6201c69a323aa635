-- Issue 9 item 8: the volume unit a user chose (m³ / 万方 / GJ), remembered across pages and sessions.
-- NULL = not chosen yet (each page shows its own default).
ALTER TABLE users ADD COLUMN volume_unit text NULL CHECK (volume_unit IN ('m3', 'wan', 'gj'));
