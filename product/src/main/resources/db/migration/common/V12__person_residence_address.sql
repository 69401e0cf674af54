-- The address of a person's active residence registration: a survey row taken where a person separated from their
-- register lives names that dwelling, not the register's (match.FieldOutcomes.address).
ALTER TABLE person_run ADD COLUMN residence_address VARCHAR(500);
