-- Searches of one or two characters (issue 15 item 5): a trigram index cannot serve `LIKE '%鑫%'`
-- or `'%宏达%'`, so they scanned every customer. This GIN index holds each search text's single
-- characters and overlapping character pairs; `customer_search_grams(search_text) @> ARRAY[q]`
-- finds exactly the rows whose search text contains a 1–2 character q (the LIKE stays as the
-- check). Built from C-level functions only (no per-character SQL loop), so it is cheap to
-- compute on insert/update. \x01 (never in a search text the API accepts) separates the pairs.
CREATE FUNCTION customer_search_grams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_remove(
           regexp_split_to_array(t, '')
           || string_to_array(regexp_replace(t, '(..)', E'\\1\x01', 'g'), E'\x01')
           || string_to_array(regexp_replace(substr(t, 2), '(..)', E'\\1\x01', 'g'), E'\x01'),
         '') $$;

CREATE INDEX customers_search_grams_idx ON customers USING gin (customer_search_grams(search_text));
