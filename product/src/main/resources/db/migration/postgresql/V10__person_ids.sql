-- person_ids (V9) gives every new person's id from now on; the identity column's own sequence would not know them.
SELECT setval('person_ids', COALESCE((SELECT MAX(person_id) FROM person), 0) + 1, false);
ALTER TABLE person ALTER COLUMN person_id DROP IDENTITY;
