package org.voterroll.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voterroll.store.BulkCopy;

/**
 * Link quality of a run against a generated county's record-level truth (truth/records.csv: 文件, 行号, 公民身份号码,
 * 姓名 — the true person of every inbox row; junk rows have no person).
 *
 * <p>Definitions (all set-based SQL on one connection; records.csv is COPYed into a temporary table):
 * <ul>
 * <li>records: the run's src_record rows (its effective snapshots, via run_source), joined to records.csv by file name
 *     and line number. A record's true person is 公民身份号码 + 姓名 (two true persons share a number in the 重号
 *     scenario). Junk rows (no true person) are counted apart and left out of every figure below.</li>
 * <li>a record's links: its certain links (RULES.md) and its MATCHED link (weighted evidence above the upper threshold
 *     for one person only; the rules never let it change a listing without a decision). Other candidates are the
 *     review band.</li>
 * <li>a person's true identity: the true person most of its linked records belong to (ties: the one whose
 *     number is person_run.id_number, then the smallest); a person with no linked record (a review candidate
 *     only) takes the true person of its primary record.</li>
 * <li>a link is correct when the record's true person is its person's true identity, wrong otherwise.</li>
 * <li>pairwise: two records are a true pair when they have the same true person, a predicted pair when they are
 *     linked to the same person. TP = Σ over (person, true person) groups n(n−1)/2, predicted = Σ over persons,
 *     true = Σ over true persons (all records, linked or not). precision = TP / predicted, recall = TP / true.</li>
 * <li>review band: records without a link but with candidates for review; "true person among the
 *     candidates" uses the persons' true identities above. MATCH_REVIEW: exception_item rows of the run with that code.</li>
 * <li>unlinked: records with no link at all.</li>
 * </ul>
 */
public final class LinkQuality {

    public record Example(String file, int line, String source, String recordTruth, String personTruth, String method,
                          Double score, String evidence) {}

    public record SourceRow(String source, long records, long linked, long wrong, long review, long unlinked) {}

    /**
     * Review-band records whose single best candidate (no tie at the top) scores at least {@code threshold}: how often
     * that candidate is the record's true person. What acting on the best candidate would give, e.g. for the away book.
     */
    public record BestCandidate(String label, double threshold, long correct, long wrong) {}

    public record Result(String runId, long truthRows, long truthJunkRows, long truthRowsNotRead, long truthRowsRejected,
                         long records, long recordsNotInTruth, long junkRecords, long junkLinked, long personRecords,
                         long linked, long matched, long correct, long wrong, long multiLinked, long review, long reviewWithTruePerson,
                         long unlinked, long matchReviewExceptions, long predictedPairs, long truePairs, long correctPairs,
                         List<SourceRow> bySource, List<Example> wrongExamples, List<BestCandidate> bestCandidates) {
        public double precision() {
            return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
        }

        public double pct(long n) {
            return personRecords == 0 ? 0 : 100.0 * n / personRecords;
        }
    }

    private LinkQuality() {
    }

    public static Result measure(DataSource dataSource, Path truthDir, String runId) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                return measure(c, truthDir, runId);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS lq_truth");
                    s.execute("DROP TABLE IF EXISTS lq_rec");
                    s.execute("DROP TABLE IF EXISTS lq_person");
                }
                c.setAutoCommit(auto);
            }
        }
    }

    private static Result measure(Connection c, Path truthDir, String runId) throws IOException, SQLException {
        if (count(c, "SELECT count(*) FROM run_source WHERE run_id = ?", runId) == 0) {
            throw new IllegalArgumentException("no run " + runId + " in the database");
        }
        exec(c, "DROP TABLE IF EXISTS lq_truth");
        exec(c, "DROP TABLE IF EXISTS lq_rec");
        exec(c, "DROP TABLE IF EXISTS lq_person");
        exec(c, "CREATE TEMPORARY TABLE lq_truth (file_name VARCHAR(500) NOT NULL, line_no INT NOT NULL, truth VARCHAR(200))");
        load(c, truthDir.resolve("records.csv"));
        exec(c, "CREATE INDEX lq_truth_line ON lq_truth (file_name, line_no)");
        org.voterroll.store.Statistics.refresh(c, "lq_truth");

        // the run's records with their true person and their links
        update(c, """
                CREATE TEMPORARY TABLE lq_rec AS
                SELECT s.rec_id, s.source, s.file_name, s.line_no,
                       CASE WHEN t.line_no IS NULL THEN 0 WHEN t.truth IS NULL THEN 1 ELSE 2 END AS kind,
                       t.truth, l.person_id, COALESCE(l.n_linked, 0) AS n_linked, COALESCE(l.n_matched, 0) AS n_matched,
                       COALESCE(l.n_cand, 0) AS n_cand
                FROM src_record s
                JOIN run_source rs ON rs.run_id = ? AND rs.snapshot_id = s.snapshot_id
                LEFT JOIN lq_truth t ON t.file_name = s.file_name AND t.line_no = s.line_no
                LEFT JOIN (SELECT rec_id, MIN(person_id) FILTER (WHERE certain OR method = 'MATCHED') AS person_id,
                                  COUNT(*) FILTER (WHERE certain OR method = 'MATCHED') AS n_linked,
                                  COUNT(*) FILTER (WHERE method = 'MATCHED') AS n_matched,
                                  COUNT(*) FILTER (WHERE NOT certain AND method <> 'MATCHED') AS n_cand
                           FROM link WHERE run_id = ? GROUP BY rec_id) l ON l.rec_id = s.rec_id
                """, runId, runId);
        exec(c, "CREATE INDEX lq_rec_id ON lq_rec (rec_id)");
        org.voterroll.store.Statistics.refresh(c, "lq_rec");

        // each person's true identity: the majority of its linked records
        update(c, """
                CREATE TEMPORARY TABLE lq_person AS
                SELECT person_id, truth FROM (
                    SELECT g.person_id, g.truth, ROW_NUMBER() OVER (PARTITION BY g.person_id
                               ORDER BY g.n DESC, CASE WHEN g.truth LIKE pr.id_number || '|%' THEN 0 ELSE 1 END, g.truth) AS rk
                    FROM (SELECT person_id, truth, COUNT(*) AS n FROM lq_rec
                          WHERE kind = 2 AND person_id IS NOT NULL GROUP BY person_id, truth) g
                    LEFT JOIN person_run pr ON pr.run_id = ? AND pr.person_id = g.person_id) x
                WHERE rk = 1
                """, runId);
        // candidates-only persons: the true person of their primary record
        update(c, """
                INSERT INTO lq_person (person_id, truth)
                SELECT pr.person_id, r.truth FROM person_run pr JOIN lq_rec r ON r.rec_id = pr.primary_rec_id
                WHERE pr.run_id = ? AND r.truth IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM lq_person p WHERE p.person_id = pr.person_id)
                """, runId);
        exec(c, "CREATE INDEX lq_person_id ON lq_person (person_id)");
        org.voterroll.store.Statistics.refresh(c, "lq_person");

        long truthRows = count(c, "SELECT COUNT(*) FROM lq_truth");
        long truthJunk = count(c, "SELECT COUNT(*) FROM lq_truth WHERE truth IS NULL");
        long notRead = count(c, "SELECT COUNT(*) FROM lq_truth t WHERE truth IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM lq_rec r WHERE r.file_name = t.file_name AND r.line_no = t.line_no)");
        long rejected = count(c, "SELECT COUNT(*) FROM lq_truth t JOIN reject j ON j.run_id = ? AND j.file_name = t.file_name "
                + "AND j.line_no = t.line_no WHERE t.truth IS NOT NULL", runId);

        long records, notInTruth, junk, junkLinked, personRecords, linked, multi, review, unlinked, matched;
        try (PreparedStatement p = c.prepareStatement("""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE kind = 0), COUNT(*) FILTER (WHERE kind = 1),
                       COUNT(*) FILTER (WHERE kind = 1 AND person_id IS NOT NULL), COUNT(*) FILTER (WHERE kind = 2),
                       COUNT(*) FILTER (WHERE kind = 2 AND person_id IS NOT NULL), COUNT(*) FILTER (WHERE kind = 2 AND n_linked > 1),
                       COUNT(*) FILTER (WHERE kind = 2 AND n_linked = 0 AND n_cand > 0),
                       COUNT(*) FILTER (WHERE kind = 2 AND n_linked = 0 AND n_cand = 0),
                       COUNT(*) FILTER (WHERE kind = 2 AND n_matched > 0)
                FROM lq_rec""");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            records = rs.getLong(1);
            notInTruth = rs.getLong(2);
            junk = rs.getLong(3);
            junkLinked = rs.getLong(4);
            personRecords = rs.getLong(5);
            linked = rs.getLong(6);
            multi = rs.getLong(7);
            review = rs.getLong(8);
            unlinked = rs.getLong(9);
            matched = rs.getLong(10);
        }
        long correct = count(c, "SELECT COUNT(*) FROM lq_rec r JOIN lq_person p ON p.person_id = r.person_id "
                + "WHERE r.kind = 2 AND p.truth = r.truth");
        long wrong = count(c, "SELECT COUNT(*) FROM lq_rec r LEFT JOIN lq_person p ON p.person_id = r.person_id "
                + "WHERE r.kind = 2 AND r.person_id IS NOT NULL AND (p.truth IS NULL OR p.truth <> r.truth)");
        long reviewTrue = count(c, """
                SELECT COUNT(*) FROM lq_rec r WHERE r.kind = 2 AND r.n_linked = 0 AND r.n_cand > 0 AND EXISTS (
                    SELECT 1 FROM link l JOIN lq_person p ON p.person_id = l.person_id
                    WHERE l.run_id = ? AND l.rec_id = r.rec_id AND NOT l.certain AND l.method <> 'MATCHED' AND p.truth = r.truth)""", runId);
        long matchReview = count(c, "SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND code = 'MATCH_REVIEW'", runId);
        long predicted = count(c, "SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM (SELECT COUNT(*) AS n FROM lq_rec "
                + "WHERE kind = 2 AND person_id IS NOT NULL GROUP BY person_id) g");
        long truePairs = count(c, "SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM (SELECT COUNT(*) AS n FROM lq_rec "
                + "WHERE kind = 2 GROUP BY truth) g");
        long tp = count(c, "SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM (SELECT COUNT(*) AS n FROM lq_rec "
                + "WHERE kind = 2 AND person_id IS NOT NULL GROUP BY person_id, truth) g");

        List<SourceRow> bySource = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT r.source, COUNT(*), COUNT(r.person_id),
                       COUNT(*) FILTER (WHERE r.person_id IS NOT NULL AND (p.truth IS NULL OR p.truth <> r.truth)),
                       COUNT(*) FILTER (WHERE r.n_linked = 0 AND r.n_cand > 0), COUNT(*) FILTER (WHERE r.n_linked = 0 AND r.n_cand = 0)
                FROM lq_rec r LEFT JOIN lq_person p ON p.person_id = r.person_id
                WHERE r.kind = 2 GROUP BY r.source ORDER BY r.source""");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                bySource.add(new SourceRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        }
        List<Example> examples = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT r.file_name, r.line_no, r.source, r.truth, p.truth, l.method, l.score, l.evidence
                FROM lq_rec r JOIN link l ON l.run_id = ? AND l.rec_id = r.rec_id AND l.person_id = r.person_id
                LEFT JOIN lq_person p ON p.person_id = r.person_id
                WHERE r.kind = 2 AND (p.truth IS NULL OR p.truth <> r.truth)
                ORDER BY r.file_name, r.line_no LIMIT 50""")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(7);
                    examples.add(new Example(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.wasNull() ? null : score, rs.getString(8)));
                }
            }
        }
        List<BestCandidate> best = new ArrayList<>();
        org.voterroll.identity.match.Thresholds t = runThresholds(c, runId);
        for (var level : List.of(Map.entry("upper threshold", t.upper()), Map.entry("lower threshold", t.lower()))) {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT COUNT(*) FILTER (WHERE p.truth = r.truth), COUNT(*) FILTER (WHERE p.truth IS NULL OR p.truth <> r.truth)
                    FROM (SELECT l.rec_id, l.person_id, l.score,
                                 RANK() OVER (PARTITION BY l.rec_id ORDER BY l.score DESC) AS rk,
                                 COUNT(*) OVER (PARTITION BY l.rec_id, l.score) AS same_score
                          FROM link l WHERE l.run_id = ? AND NOT l.certain AND l.method <> 'MATCHED' AND l.score IS NOT NULL) k
                    JOIN lq_rec r ON r.rec_id = k.rec_id AND r.kind = 2 AND r.n_linked = 0
                    LEFT JOIN lq_person p ON p.person_id = k.person_id
                    WHERE k.rk = 1 AND k.same_score = 1 AND k.score >= ?""")) {
                p.setString(1, runId);
                p.setDouble(2, level.getValue());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    best.add(new BestCandidate(level.getKey(), level.getValue(), rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        return new Result(runId, truthRows, truthJunk, notRead, rejected, records, notInTruth, junk, junkLinked, personRecords,
                linked, matched, correct, wrong, multi, review, reviewTrue, unlinked, matchReview, predicted, truePairs, tp, bySource, examples, best);
    }

    /** records.csv into lq_truth; the true person is 公民身份号码|姓名, null for junk rows */
    private static void load(Connection c, Path records) throws IOException, SQLException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get();
             BulkCopy copy = BulkCopy.into(c, "lq_truth", List.of("file_name", "line_no", "truth"))) {
            for (CSVRecord r : parser) {
                String number = r.get("公民身份号码");
                copy.add(r.get("文件"), Integer.parseInt(r.get("行号")), number.isEmpty() ? null : number + "|" + r.get("姓名"));
            }
        }
    }

    public static void print(Result r, PrintStream out) {
        out.println("link quality of run " + r.runId());
        out.printf("truth rows (records.csv)                      %,12d  (junk rows without a person: %,d)%n", r.truthRows(), r.truthJunkRows());
        out.printf("  person rows not among the run's records     %,12d  (of which rejected at ingest: %,d)%n", r.truthRowsNotRead(), r.truthRowsRejected());
        out.printf("run records (src_record)                      %,12d  (junk: %,d, of which linked: %,d; not in records.csv: %,d)%n",
                r.records(), r.junkRecords(), r.junkLinked(), r.recordsNotInTruth());
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("records of a true person (= 100 %)", r.personRecords());
        rows.put("linked (certain, or matched)", r.linked());
        rows.put("  of which matched by weighted evidence", r.matched());
        rows.put("  links correct", r.correct());
        rows.put("  links wrong", r.wrong());
        rows.put("  records linked to more than one person", r.multiLinked());
        rows.put("review band (only candidates for review)", r.review());
        rows.put("  true person among the candidates", r.reviewWithTruePerson());
        rows.put("MATCH_REVIEW exceptions", r.matchReviewExceptions());
        rows.put("unlinked (no link at all)", r.unlinked());
        out.println();
        out.printf("%-44s %12s %10s%n", "", "count", "% records");
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            out.printf("%-44s %,12d %9.4f%%%n", e.getKey(), e.getValue(), r.pct(e.getValue()));
        }
        for (BestCandidate b : r.bestCandidates()) {
            out.printf("  single best candidate >= %s (%.1f): true person %,d, another person %,d%n", b.label(), b.threshold(), b.correct(), b.wrong());
        }
        out.println();
        out.printf("pairwise: predicted pairs %,d, true pairs %,d, correct pairs %,d%n", r.predictedPairs(), r.truePairs(), r.correctPairs());
        out.printf("pairwise precision %.6f %%   recall %.6f %%%n", 100 * r.precision(), 100 * r.recall());
        out.println();
        out.printf("%-10s %10s %10s %8s %8s %9s%n", "source", "records", "linked", "wrong", "review", "unlinked");
        for (SourceRow s : r.bySource()) {
            out.printf("%-10s %,10d %,10d %,8d %,8d %,9d%n", s.source(), s.records(), s.linked(), s.wrong(), s.review(), s.unlinked());
        }
        if (!r.wrongExamples().isEmpty()) {
            out.println();
            out.println("wrong links (first " + r.wrongExamples().size() + "; record's true person -> linked person's true identity):");
            for (Example e : r.wrongExamples()) {
                out.printf("  %s:%d %s %s -> %s %s score=%s %s%n", e.file(), e.line(), e.source(), mask(e.recordTruth()), mask(e.personTruth()),
                        e.method(), e.score(), e.evidence() == null ? "" : e.evidence());
            }
        }
    }

    /** 公民身份号码|姓名 shown as 420106********123X|张* */
    static String mask(String truth) {
        if (truth == null) return "(none)";
        int bar = truth.indexOf('|');
        String n = bar < 0 ? truth : truth.substring(0, bar);
        String name = bar < 0 ? "" : truth.substring(bar + 1);
        String mn = n.length() >= 10 ? n.substring(0, 6) + "*".repeat(n.length() - 10) + n.substring(n.length() - 4) : n;
        String mname = name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(name.length() - 1);
        return mn + "|" + mname;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.execute();
        }
    }

    /** The thresholds the run matched with (its county's matching.yml, kept with the run). */
    private static org.voterroll.identity.match.Thresholds runThresholds(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT matching FROM run WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                return org.voterroll.county.MatchingFile.parse(text, "the matching.yml of run " + runId).thresholds();
            }
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
