package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.EFFECTIVE;
import static org.voterroll.identity.ResolveStore.done;
import static org.voterroll.identity.ResolveStore.ms;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.identity.match.Matching;
import org.voterroll.identity.match.PairScorer;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.store.SessionTuning;
import org.voterroll.store.Statistics;

/**
 * Identity resolution of one run, in phases over sorted SQL streams: (A) records grouped by usable
 * number; (B) numbers one digit or swap away; (C) chaiqian rows by household; (D) blocked, scored
 * fuzzy candidates; 一人多户 pairs meanwhile. Persons are written once, with their stable ids, by (A) (PersonIds); the
 * later phases' links are stored by person id at the end (StorePhase).
 */
public class ResolveTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ResolveTasklet.class);

    private final ResolveStore store;
    private final String runId;
    private final JdbcTemplate jdbc;
    private final NumberPhase numbers;
    private final RepairPhase repairs;
    private final HouseholdPhase households;
    private final FuzzyPhase fuzzy;
    private final MultiRecordPhase multiRecord;
    private final StorePhase links;

    public ResolveTasklet(String runId, String countyCode, Matching matching, DataSource dataSource) {
        PairScorer scorer = new PairScorer(matching.weights());
        Thresholds thresholds = matching.thresholds();
        this.store = new ResolveStore(runId, countyCode, dataSource);
        this.runId = runId;
        this.jdbc = store.jdbc;
        this.numbers = new NumberPhase(store);
        this.repairs = new RepairPhase(store);
        this.households = new HouseholdPhase(store, scorer, thresholds);
        this.fuzzy = new FuzzyPhase(store, scorer, thresholds);
        this.multiRecord = new MultiRecordPhase(store, scorer);
        this.links = new StorePhase(store);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        SessionTuning.forBulkWork(jdbc);
        // person_pair is cleared on the connection that fills it (MultiRecordPhase): a deletion of its rows left
        // uncommitted here would make that connection wait for this step's end
        for (String t : WORKING_TABLES) if (!t.equals("person_pair")) jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
        jdbc.update("UPDATE snapshot SET loaded = TRUE WHERE run_id = ?", runId);
        Connection c = DataSourceUtils.getConnection(store.dataSource);
        DecisionBook decisions = DecisionBook.load(jdbc, store.countyCode);

        long t0 = System.nanoTime();
        org.voterroll.run.StepProgress progress = org.voterroll.run.StepProgress.of(chunkContext).phase("records grouped by number", "", 0);
        Statistics.refresh(jdbc, "src_record");
        numbers.run(c);
        progress.phase("records without a usable number linked (repair, household, fuzzy)", "", 0);
        Statistics.refresh(jdbc, "person", "person_run", "link", "pending");
        Future<List<String[]>> pairs = multiRecord.start(decisions);
        try {
            linkRecords(c, decisions, t0);
        } catch (RuntimeException | SQLException e) {
            pairs.cancel(true);
            throw e;
        }
        progress.phase("persons in two households", "", 0);
        multiRecord.merge(done(pairs, "finding persons in two households"));
        log.info("identity: multi-record pairs done at {} ms", ms(t0));
        links.run();
        links.report(t0);
        return RepeatStatus.FINISHED;
    }

    /** Phases (B) to (D): the records that phase (A) left to link. */
    private void linkRecords(Connection c, DecisionBook decisions, long t0) throws SQLException {
        jdbc.update("INSERT INTO pending (run_id, rec_id, phase) SELECT ?, r.rec_id, 'B' FROM " + EFFECTIVE
                + " WHERE r.id_status NOT IN ('VALID', 'LEGACY15')", runId, runId);
        Statistics.refresh(jdbc, "pending");
        log.info("identity: numbers grouped in {} ms", ms(t0));
        repairs.run(c, decisions);
        log.info("identity: repairs done at {} ms", ms(t0));
        households.run(c);
        log.info("identity: households done at {} ms", ms(t0));
        Statistics.refresh(jdbc, "pending", "repair_stage");
        fuzzy.run(c, decisions);
        log.info("identity: fuzzy candidates done at {} ms", ms(t0));
    }

    /**
     * Identity resolution's working tables, read until the rules have run (DecideTasklet). A county keeps a month of
     * runs; left in place, a run's million working rows would make every later run scan them all again.
     */
    public static final List<String> WORKING_TABLES = List.of("link_stage", "pending", "repair_stage",
            "block_rec", "candidate_stage", "person_pair");

    public static void clearWorkingTables(JdbcTemplate jdbc, String runId) {
        for (String t : WORKING_TABLES) jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", runId);
    }
}
