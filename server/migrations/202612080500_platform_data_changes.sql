-- Data versions for caches that must stay correct across several server processes on one
-- PostgreSQL (issue 15 item 7, issue 10 item 5; platform/db/versioned-cache.ts). A statement
-- trigger on each table a cache reads notes "domain D changed in transaction X": one row per
-- (domain, writing transaction), written in the writer's own transaction, so it exists iff the
-- change committed. Rows of different transactions never share a key: writers never wait for each
-- other here (a shared counter row would serialise every writer, and deadlock two that lock rows in
-- different orders). A reader's cache remembers the snapshot it was built in and stays valid while
-- no row of its domains is invisible in that snapshot (one index range scan). Old rows are pruned.
CREATE TABLE data_changes (
  domain text NOT NULL,
  xid xid8 NOT NULL,
  PRIMARY KEY (domain, xid)
);

CREATE FUNCTION note_data_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT
  AS $$
BEGIN
  INSERT INTO data_changes (domain, xid) VALUES (TG_ARGV[0], pg_current_xact_id()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Puts the statement trigger on each of `tables` (the calling module's own tables), noting `domain`.
CREATE FUNCTION note_data_changes_on(domain text, tables text[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_data_change(%L)',
      t || '_data_change', t, domain);
  END LOOP;
END $$;

-- platform's tables that company-wide boards read: user names (managers) and settings.
SELECT note_data_changes_on('platform', ARRAY['users', 'settings']);
