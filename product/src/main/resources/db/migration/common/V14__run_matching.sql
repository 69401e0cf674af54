-- the county's matching.yml as the run read it (NULL: the defaults), so that a restart, explain and link-quality use
-- the settings the run started with, whatever the file says later
ALTER TABLE run ADD COLUMN matching VARCHAR(20000);
