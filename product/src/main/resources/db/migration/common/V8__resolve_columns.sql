-- Where a person separated from their register lives (an active residence registration), a second place that
-- fuzzy linking compares a survey or resettlement row's area with.
ALTER TABLE person_stage ADD COLUMN residence_area VARCHAR(12);
-- The record's row hash (what a township's decision on it is keyed by) kept with its candidates, so that choosing
-- them does not join the county's records again.
ALTER TABLE candidate_stage ADD COLUMN row_hash VARCHAR(32);
