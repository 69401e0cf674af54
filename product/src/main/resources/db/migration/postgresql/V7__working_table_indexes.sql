-- Identity resolution bulk-loads these working tables in number order and reads them whole: on PostgreSQL through
-- hash joins, so an index in another order only made every loaded row a random B-tree insert, ten seconds per
-- million rows (docs/benchmarks.md). H2 joins through indexes and keeps them (its V7 is empty).
DROP INDEX person_stage_household;
DROP INDEX link_stage_rec;
-- person_stage by number: the repair candidates join it by hash as well.
DROP INDEX person_stage_number;
