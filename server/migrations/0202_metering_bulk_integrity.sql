-- Bulk ingest speed (issue 4: ≥ 100,000 readings/s on PostgreSQL): row-by-row foreign-key
-- triggers on daily_deliveries cost more than the insert itself. They are replaced by one
-- set-based check per statement (transition table), which is also stricter: the delivery point
-- must belong to the row's customer. Delivery points with deliveries cannot be deleted or moved
-- to another customer. delivery_history rows are only written from existing deliveries (same
-- statement), so they need no per-row foreign keys either.
ALTER TABLE daily_deliveries DROP CONSTRAINT IF EXISTS daily_deliveries_customer_id_fkey;
ALTER TABLE daily_deliveries DROP CONSTRAINT IF EXISTS daily_deliveries_delivery_point_id_fkey;
ALTER TABLE daily_deliveries DROP CONSTRAINT IF EXISTS daily_deliveries_updated_by_fkey;
ALTER TABLE delivery_history DROP CONSTRAINT IF EXISTS delivery_history_customer_id_fkey;
ALTER TABLE delivery_history DROP CONSTRAINT IF EXISTS delivery_history_delivery_point_id_fkey;
ALTER TABLE delivery_history DROP CONSTRAINT IF EXISTS delivery_history_changed_by_fkey;

CREATE FUNCTION daily_deliveries_check_points() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  SELECT n.customer_id, n.delivery_point_id INTO bad FROM new_rows n
  WHERE NOT EXISTS (SELECT 1 FROM delivery_points dp WHERE dp.id = n.delivery_point_id AND dp.customer_id = n.customer_id)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'daily_deliveries: delivery point % does not belong to customer %', bad.delivery_point_id, bad.customer_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER daily_deliveries_points_ins AFTER INSERT ON daily_deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_deliveries_check_points();
CREATE TRIGGER daily_deliveries_points_upd AFTER UPDATE ON daily_deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_deliveries_check_points();

CREATE FUNCTION delivery_points_keep_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.customer_id <> OLD.customer_id)
     AND EXISTS (SELECT 1 FROM daily_deliveries d WHERE d.customer_id = OLD.customer_id AND d.delivery_point_id = OLD.id) THEN
    RAISE EXCEPTION 'delivery point % has daily deliveries', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER delivery_points_keep_deliveries BEFORE DELETE OR UPDATE OF id, customer_id ON delivery_points
  FOR EACH ROW EXECUTE FUNCTION delivery_points_keep_deliveries();
