-- the sheets of a workbook that carry the source's header (a source split over two sheets), as "0,2"; NULL for CSV
ALTER TABLE source_file ADD COLUMN sheets VARCHAR(400);
