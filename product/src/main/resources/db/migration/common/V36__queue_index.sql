-- The township queue pages, filters and counts one township's items of a run in the database (web ExceptionQueue#page):
-- this index takes it straight to them instead of through every item of the county's run.
CREATE INDEX exception_item_queue ON exception_item (run_id, township_code, code, level);
