package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.ms;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.store.Statistics;

/** The end of identity resolution: the later phases' links stored by person id. */
final class StorePhase {
    private static final Logger log = LoggerFactory.getLogger(ResolveTasklet.class);
    private final ResolveStore store;
    private final String runId;
    private final String countyCode;
    private final JdbcTemplate jdbc;

    StorePhase(ResolveStore store) {
        this.store = store;
        this.runId = store.runId;
        this.countyCode = store.countyCode;
        this.jdbc = store.jdbc;
    }

    /**
     * The later phases' links by person id (the number phase wrote its own with their ids). The phases never claim a
     * record twice (each reads only the records still pending, and a record's candidates are one set); should a change
     * ever break that, this keeps one link per record and person (the certain one, else the best) and takes a record
     * that two persons claim for certain as nobody's for certain, counted in the log, rather than fail the night.
     */
    void run() {
        long t0 = System.nanoTime();
        Statistics.refresh(jdbc, "link_stage");
        long staged = store.count("SELECT COUNT(*) FROM link_stage WHERE run_id = ?");
        int stored = jdbc.update("""
                INSERT INTO link (run_id, rec_id, person_id, method, certain, score, evidence)
                SELECT run_id, rec_id, person_id, method, CASE WHEN certain AND claims > 1 THEN FALSE ELSE certain END, score, evidence
                FROM (SELECT o.*, SUM(CASE WHEN o.certain THEN 1 ELSE 0 END) OVER (PARTITION BY o.rec_id) AS claims
                      FROM (SELECT l.run_id, l.rec_id, p.person_id, l.method, l.certain, l.score, l.evidence,
                                   ROW_NUMBER() OVER (PARTITION BY l.rec_id, p.person_id
                                                      ORDER BY CASE WHEN l.certain THEN 0 ELSE 1 END, l.score DESC, l.method) AS nth
                            FROM link_stage l JOIN person p ON p.county_code = ? AND p.person_key = l.person_key
                            WHERE l.run_id = ?
                              AND NOT EXISTS (SELECT 1 FROM link n WHERE n.run_id = l.run_id AND n.person_id = p.person_id
                                                AND n.rec_id = l.rec_id)) o
                      WHERE o.nth = 1) one
                ORDER BY person_id, rec_id""", countyCode, runId);
        if (stored != staged) log.warn("identity: {} staged links were a second link of a record to one person, kept once", staged - stored);
        long contested = store.count("""
                SELECT COUNT(*) FROM (SELECT rec_id FROM link_stage WHERE run_id = ? AND certain = TRUE
                                      GROUP BY rec_id HAVING COUNT(DISTINCT person_key) > 1) x""");
        if (contested > 0) log.warn("identity: {} records claimed for certain by two persons, stored as candidates for review", contested);
        log.info("identity: links stored in {} ms", ms(t0));
        Statistics.refresh(jdbc, "link");
    }

    /** The run's persons and links, in the log. */
    void report(long t0) {
        Map<String, Object> links = jdbc.queryForMap("""
                SELECT SUM(CASE WHEN certain THEN 1 ELSE 0 END) AS certain, SUM(CASE WHEN method = 'MATCHED' THEN 1 ELSE 0 END) AS matched,
                       SUM(CASE WHEN NOT certain AND method <> 'MATCHED' THEN 1 ELSE 0 END) AS review
                FROM link WHERE run_id = ?""", runId);
        log.info("identity: {} persons, {} certain links, {} matched, {} review candidates, {} records unlinked ({} ms)",
                store.count("SELECT COUNT(*) FROM person_run WHERE run_id = ?"), links.get("certain"), links.get("matched"), links.get("review"),
                store.count("SELECT COUNT(*) FROM pending WHERE run_id = ?"), ms(t0));
    }
}
