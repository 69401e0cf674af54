-- A province (or city) run (issue 21): one Spring Batch job whose partitions are the counties' nightly jobs,
-- run by worker processes; then the province-wide checks over the counties' runs.
CREATE TABLE province_run (
    province_run_id   VARCHAR(64)   PRIMARY KEY,
    jobs_dir          VARCHAR(1000) NOT NULL,
    counties          VARCHAR(4000) NOT NULL,   -- the names of the counties' job directories, comma-separated
    out_dir           VARCHAR(1000) NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    job_execution_id  BIGINT,
    started_at        TIMESTAMP     NOT NULL,
    finished_at       TIMESTAMP,
    output_path       VARCHAR(1000),
    message           VARCHAR(4000)
);

-- which county run each partition ran (written by the worker as soon as the run has its id, so that a restart
-- after a worker was killed finishes that very run) and how it ended
CREATE TABLE province_county (
    province_run_id   VARCHAR(64)   NOT NULL,
    job_name          VARCHAR(200)  NOT NULL,   -- the county's directory under jobs_dir: the partition's name
    county_code       VARCHAR(6)    NOT NULL,
    run_id            VARCHAR(64)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    listed            BIGINT,
    worker            VARCHAR(200),
    updated_at        TIMESTAMP     NOT NULL,
    PRIMARY KEY (province_run_id, job_name)
);

-- the province-wide checks' items, kept with the province run rather than added to the counties' published
-- runs (docs/decisions.md "Cross-county items"); one row per county concerned
CREATE TABLE province_exception (
    province_run_id   VARCHAR(64)   NOT NULL,
    item_no           INT           NOT NULL,
    code              VARCHAR(30)   NOT NULL,
    level             VARCHAR(10)   NOT NULL,
    county_code       VARCHAR(6)    NOT NULL,
    run_id            VARCHAR(64)   NOT NULL,
    township_code     VARCHAR(9),
    district_code     VARCHAR(40),
    id_numbers        VARCHAR(1000),
    names             VARCHAR(1000),
    description       VARCHAR(2000),
    evidence          VARCHAR(4000),
    fingerprint       VARCHAR(64)   NOT NULL,
    other_county_code VARCHAR(6)    NOT NULL,
    other_run_id      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (province_run_id, item_no)
);
CREATE INDEX province_exception_county ON province_exception (county_code, run_id);
