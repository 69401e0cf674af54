-- an operator's answer to a run stopped by the guard (NEEDS_CONFIRMATION), as the web shows it (issue 23):
-- the guard's reasons, one a line, in Chinese, kept apart from the message so that the run page can list them;
-- and who refused the run (status REFUSED: it is never published, never restarted)
ALTER TABLE run ADD COLUMN guard_reasons VARCHAR(4000);
ALTER TABLE run ADD COLUMN refused_by VARCHAR(200);
