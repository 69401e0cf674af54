-- Fuzzy candidates are met by merging the records' blocks, ordered by birth month, with the persons streamed in birth
-- order (ResolveTasklet phase D), not by an SQL join that returned one wide row per pair: a block is a 64-bit hash
-- of its key within its month, and the pairs that score at least the lower threshold are staged here before the
-- links are chosen.
DROP TABLE block_rec;
DROP TABLE block_person;
CREATE TABLE block_rec (
    run_id     VARCHAR(64)  NOT NULL,
    birth_ym   INT          NOT NULL,   -- year × 12 + month − 1 of the records' birth
    block      BIGINT       NOT NULL,
    rec_id     BIGINT       NOT NULL
);
CREATE TABLE candidate_stage (
    run_id     VARCHAR(64)      NOT NULL,
    rec_id     BIGINT           NOT NULL,
    person_key VARCHAR(150)     NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    evidence   VARCHAR(2000)
);


-- Links are written in person order (the order persons get their ids), so their key leads with the person; the
-- second index by record cost a random insert per link, and nothing looks a link up by its record alone.
CREATE TABLE link_by_person (
    run_id     VARCHAR(64)   NOT NULL,
    rec_id     BIGINT        NOT NULL,
    person_id  BIGINT        NOT NULL,
    method     VARCHAR(20)   NOT NULL,
    certain    BOOLEAN       NOT NULL,
    score      DOUBLE PRECISION,
    evidence   VARCHAR(2000),
    PRIMARY KEY (run_id, person_id, rec_id)
);
INSERT INTO link_by_person (run_id, rec_id, person_id, method, certain, score, evidence)
SELECT run_id, rec_id, person_id, method, certain, score, evidence FROM link;
DROP TABLE link;
ALTER TABLE link_by_person RENAME TO link;
