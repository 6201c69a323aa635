-- Onboarding's contract step links the case to its sales contract (contracts module, issue 13):
-- a draft created from the case or an existing contract of the customer. No foreign key: the
-- contracts module owns sales_contracts; the link is read back through its published reads.
ALTER TABLE onboarding_cases ADD COLUMN contract_id bigint;
