-- customers's tables read by company-wide cached boards note their changes (202612080500_platform_data_changes.sql).
SELECT note_data_changes_on('customers', ARRAY['customers', 'delivery_points', 'customer_managers', 'customer_grants', 'supply_sources']);
