-- A record's likeliest people by the shape of its number (one wrong digit or swap from theirs), kept as candidates for
-- review even below the lower threshold when nothing scores higher (RULES.md: a consequential record linked to nobody
-- for certain names its likeliest people; issue 18).
ALTER TABLE candidate_stage ADD COLUMN named BOOLEAN;
