-- person_ids (V9) gives every new person's id from now on; the identity column's own sequence would not know them.
ALTER SEQUENCE person_ids RESTART WITH (SELECT COALESCE(MAX(person_id), 0) + 1 FROM person);
ALTER TABLE person ALTER COLUMN person_id DROP IDENTITY;
-- H2 joins through indexes (its V7 kept the working tables' ones): fuzzy linking's household phase finds persons here.
CREATE INDEX person_run_household ON person_run (run_id, household_key);
