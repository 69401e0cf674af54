-- operations (issue 6). Portable between PostgreSQL and H2 (MODE=PostgreSQL).

-- one row per county: who holds the county's run lock (the lock itself is a PostgreSQL advisory lock,
-- or on other databases a FOR UPDATE lock on this row, held on a connection of its own; see ops.CountyLock)
CREATE TABLE county_lock (
    county_code  VARCHAR(6)   PRIMARY KEY,
    run_id       VARCHAR(64),
    owner        VARCHAR(500),
    since        TIMESTAMP
);

-- an operator's confirmation of a run stopped by the guard (NEEDS_CONFIRMATION), and the delivery's READY digest
ALTER TABLE run ADD COLUMN confirmed_by VARCHAR(200);
ALTER TABLE run ADD COLUMN delivery_id VARCHAR(64);
