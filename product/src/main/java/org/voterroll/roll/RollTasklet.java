package org.voterroll.roll;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.voterroll.run.Run;
import org.voterroll.rules.Reason;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;
import org.voterroll.store.SessionTuning;
import org.voterroll.store.Statistics;

/** The roll of every district, the added / removed books against the previous roll, and the away book. */
public class RollTasklet implements Tasklet {
    private final Run run;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public RollTasklet(Run run, DataSource dataSource) {
        this.run = run;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        SessionTuning.forBulkWork(jdbc);
        String id = run.runId();
        String byteOrder = SessionTuning.byteOrder(jdbc);
        jdbc.update("DELETE FROM roll_line WHERE run_id = ?", id);
        jdbc.update("DELETE FROM book_line WHERE run_id = ? AND book IN ('ADDED', 'REMOVED', 'AWAY')", id);
        Statistics.refresh(jdbc, "registration", "previous_line");
        ChangeBook changes = new ChangeBook(run.previousElectionDay());
        Connection c = DataSourceUtils.getConnection(dataSource);
        int[] addedNo = {0}, removedNo = {0};
        try (BufferedCopy added = new BufferedCopy(c, "book_line", List.of("run_id", "book", "district_code", "line_no", "person_id", "name", "sex", "birth_date", "id_number", "reason"));
             BufferedCopy removed = new BufferedCopy(c, "book_line", List.of("run_id", "book", "district_code", "line_no", "person_id", "name", "sex", "birth_date", "id_number", "reason"))) {
            // the registrations and previous lines of one number, as the books show them
            GroupingReader<String, String, Line> numbers = GroupingReader.byKey(rs -> rs.getString(2), RollTasklet::line, (number, lines) -> {
                List<ChangeBook.Current> now = new ArrayList<>();
                List<Line> nowRows = new ArrayList<>();
                List<ChangeBook.PreviousLine> before = new ArrayList<>();
                List<Line> beforeRows = new ArrayList<>();
                for (Line l : lines) {
                    if (l.now() != null) {
                        now.add(l.now());
                        nowRows.add(l);
                    } else {
                        before.add(l.before());
                        beforeRows.add(l);
                    }
                }
                ChangeBook.Changes ch = changes.compare(now, before);
                for (ChangeBook.Added a : ch.added()) {
                    Line r = nowRows.get(indexOf(now, a.personId()));
                    added.add(id, "ADDED", a.district(), ++addedNo[0], a.personId(), r.name(), r.sex(), r.birth(), number, a.reason());
                }
                for (ChangeBook.Removed x : ch.removed()) {
                    Line r = beforeRows.get(before.indexOf(x.line()));
                    removed.add(id, "REMOVED", x.line().district(), ++removedNo[0], x.personId(), r.name(), r.sex(), r.birth(), number,
                            x.reason());
                }
            });
            // numbers in byte order: they are digits and X, which every collation orders alike, and a sort of 1.8M of them
            // through the C library's collation took twice as long (docs/benchmarks.md, issue 20)
            // newly in the county: not in its register at the last completed run (unknown on a first run from a baseline)
            String newInCounty = run.previousRunId() == null ? "FALSE" : """
                    NOT EXISTS (SELECT 1 FROM registration b WHERE b.run_id = ? AND b.person_id = g.person_id AND b.in_migrant = FALSE
                                AND (b.reason IS NULL OR b.reason <> 'MOVED_OUT'))""";
            List<Object> args = new ArrayList<>();
            if (run.previousRunId() != null) args.add(run.previousRunId());
            args.add(id);
            args.add(id);
            numbers.read(streaming, """
                    SELECT 'R' AS tag, g.id_number%s AS id_number, g.name, g.district_code, 0 AS line_no, g.person_id, g.sex, g.birth_date,
                           g.listed, g.reason, g.rights_at_previous, g.in_migrant, %s AS new_in_county
                    FROM registration g WHERE g.run_id = ? AND g.id_number IS NOT NULL
                    UNION ALL
                    SELECT 'P', id_number, name, district_code, line_no, NULL, sex, birth_date, NULL, NULL, NULL, NULL, NULL
                    FROM previous_line WHERE run_id = ?
                    ORDER BY 2, 1 DESC, 5, 6""".formatted(byteOrder, newInCounty), args.toArray());
        }
        Statistics.refresh(jdbc, "book_line");
        // the roll's order in byte order too, as on the embedded database: a sort key is codes, a date and a number joined
        // by '|', which a linguistic collation would compare skipping the separators; and the C library's collation made
        // this sort of 840,000 lines at 1M twice as slow
        jdbc.update("""
                INSERT INTO roll_line (run_id, district_code, seq, person_id, name, sex, birth_date, id_number, hukou_address,
                                       residence_address, basis, change_kind)
                SELECT r.run_id, r.district_code,
                       ROW_NUMBER() OVER (PARTITION BY r.district_code%1$s ORDER BY r.sort_key%1$s, r.id_number%1$s, r.person_id),
                       r.person_id, r.name, r.sex, r.birth_date, r.id_number, r.hukou_address, r.residence_address, r.basis,
                       CASE WHEN a.person_id IS NOT NULL THEN '新增' ELSE '保留' END
                FROM registration r
                LEFT JOIN (SELECT DISTINCT person_id FROM book_line WHERE run_id = ? AND book = 'ADDED') a ON a.person_id = r.person_id
                WHERE r.run_id = ? AND r.listed = TRUE""".formatted(byteOrder), id, id);
        jdbc.update("""
                INSERT INTO book_line (run_id, book, district_code, line_no, person_id, name, sex, birth_date, id_number, reason, note)
                SELECT r.run_id, 'AWAY', r.district_code, ROW_NUMBER() OVER (ORDER BY r.district_code%1$s, r.sort_key%1$s, r.person_id),
                       r.person_id, r.name, r.sex, r.birth_date, r.id_number, r.away_to, r.away_source
                FROM registration r WHERE r.run_id = ? AND r.listed = TRUE AND r.away_to IS NOT NULL""".formatted(byteOrder), id);
        return RepeatStatus.FINISHED;
    }

    private static int indexOf(List<ChangeBook.Current> now, long personId) {
        for (int i = 0; i < now.size(); i++) if (now.get(i).personId() == personId) return i;
        throw new IllegalStateException("person " + personId + " not in its group");
    }

    /** A registration (now) or a previous roll's line (before) of a number, with what the books show of its person. */
    private record Line(ChangeBook.Current now, ChangeBook.PreviousLine before, String name, String sex, LocalDate birth) {}

    private static Line line(ResultSet rs) throws SQLException {
        LocalDate birth = rs.getObject(8, LocalDate.class);
        String name = rs.getString(3), sex = rs.getString(7);
        if ("R".equals(rs.getString(1))) {
            String reason = rs.getString(10);
            return new Line(new ChangeBook.Current(rs.getLong(6), name, rs.getBoolean(9), rs.getString(4),
                    reason == null ? null : Reason.valueOf(reason), birth, rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13)),
                    null, name, sex, birth);
        }
        return new Line(null, new ChangeBook.PreviousLine(rs.getInt(5), rs.getString(4), name), name, sex, birth);
    }
}
