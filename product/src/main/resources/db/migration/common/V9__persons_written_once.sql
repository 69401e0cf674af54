-- Identity resolution writes each person of a run once, with their stable id, into person_run, and its later phases
-- read them there. Before, a million persons went into person_stage, then into person_run joined with person for
-- their ids, and 1.6 million number links from link_stage into link the same way: a third of the step
-- (docs/benchmarks.md). The number links now go straight into link; the later phases' few still pass link_stage.
ALTER TABLE person_run ADD COLUMN person_key VARCHAR(150);
ALTER TABLE person_run ADD COLUMN from_huji BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE person_run ADD COLUMN residence_area VARCHAR(12);
DROP TABLE person_stage;
-- Nothing looks a person up by number in person (person_run has the run's numbers); each new person paid for it.
DROP INDEX person_number;
-- New persons' ids, taken a thousand at a time (identity.PersonIds.BLOCK); V10 starts it above the ids in use.
CREATE SEQUENCE person_ids START WITH 1 INCREMENT BY 1000;
