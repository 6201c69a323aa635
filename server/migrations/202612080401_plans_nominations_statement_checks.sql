-- Nominations import speed (issue 13: 100,000 nominations in < 5 s on PostgreSQL): the two row-level
-- foreign keys of nominations (customer, entering user) ran one lookup-and-lock per row — measured on
-- the bench schema (10⁵ rows, load ≈ 28): the upsert 6.0–7.9 s with them, 1.5 s without. They are
-- replaced, as metering did for daily_deliveries (0202_metering_bulk_integrity), by one set-based
-- check per statement (transition table), and by guards that keep what the keys also kept: a
-- customer or user with nominations can be neither deleted nor given another id. (Neither is done
-- by the product: customers are closed and users disabled, never deleted.) Unlike a foreign key the
-- check takes no lock on the customer row, so a customer deleted by a concurrent transaction could
-- leave nominations behind — nothing deletes customers.
ALTER TABLE nominations DROP CONSTRAINT IF EXISTS nominations_customer_id_fkey;
ALTER TABLE nominations DROP CONSTRAINT IF EXISTS nominations_entered_by_fkey;

CREATE FUNCTION nominations_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad bigint;
BEGIN
  SELECT n.customer_id INTO bad FROM (SELECT DISTINCT customer_id FROM new_rows) n
  WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = n.customer_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'nominations: customer % does not exist', bad USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT n.entered_by INTO bad FROM (SELECT DISTINCT entered_by FROM new_rows WHERE entered_by IS NOT NULL) n
  WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = n.entered_by) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'nominations: user % does not exist', bad USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER nominations_references_ins AFTER INSERT ON nominations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nominations_check_references();
CREATE TRIGGER nominations_references_upd AFTER UPDATE ON nominations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nominations_check_references();

-- One guard for both referenced tables; its argument is the nominations column that refers to them.
CREATE FUNCTION nominations_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE used boolean;
BEGIN
  IF TG_OP = 'DELETE' OR NEW.id <> OLD.id THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM nominations WHERE %I = $1)', TG_ARGV[0]) INTO used USING OLD.id;
    IF used THEN
      RAISE EXCEPTION '% % is referenced by nominations.%', TG_TABLE_NAME, OLD.id, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER nominations_keep_customer BEFORE DELETE OR UPDATE OF id ON customers
  FOR EACH ROW EXECUTE FUNCTION nominations_keep_referenced('customer_id');
CREATE TRIGGER nominations_keep_user BEFORE DELETE OR UPDATE OF id ON users
  FOR EACH ROW EXECUTE FUNCTION nominations_keep_referenced('entered_by');
