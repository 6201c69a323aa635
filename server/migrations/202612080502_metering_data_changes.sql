-- metering's tables read by company-wide cached boards note their changes (202612080500_platform_data_changes.sql).
SELECT note_data_changes_on('metering', ARRAY['daily_deliveries', 'gas_quality', 'customer_daily_plans', 'customer_monthly_plans', 'customer_contract_limits']);
