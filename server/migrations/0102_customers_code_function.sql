-- Customer codes: KH + at least 5 digits. lpad() truncates longer numbers (100000 → '10000'), so
-- codes past KH99999 would collide; a function keeps every digit from KH100000 on.
CREATE FUNCTION next_customer_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'KH' || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END
    FROM (SELECT nextval('customer_code_seq') AS n) s
$$;
ALTER TABLE customers ALTER COLUMN code SET DEFAULT next_customer_code();
