-- A person's dwelling address (their primary record's), compared with a record's address in fuzzy linking
-- (match.Addresses: the same dwelling is evidence, RULES.md "linked by name, sex, birth date/month, addresses, …").
ALTER TABLE person_run ADD COLUMN address VARCHAR(500);
