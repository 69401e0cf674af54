-- Where a person separated from their register lives (an active residence registration), a second place that
-- fuzzy linking compares a survey or resettlement row's area with.
ALTER TABLE person_stage ADD COLUMN residence_area VARCHAR(12);
