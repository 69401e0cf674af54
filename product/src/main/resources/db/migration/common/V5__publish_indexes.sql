-- Publishing writes every district's books and counts them for the report: without an index by district
-- each of a county's hundreds of districts would scan all of the run's book lines.
CREATE INDEX book_line_district ON book_line (run_id, district_code, book, line_no);
