-- A person's 曾用名 (their primary police record's former name): a record written under it is scored FORMER_NAME
-- (match.FieldOutcomes.name) and is met in the former name's blocks (identity.Blocking.personKeys).
ALTER TABLE person_run ADD COLUMN former_name VARCHAR(100);
