package org.voterroll.roll;

import java.sql.Connection;
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
        org.voterroll.store.SessionTuning.forBulkWork(jdbc);
        String id = run.runId();
        jdbc.update("DELETE FROM roll_line WHERE run_id = ?", id);
        jdbc.update("DELETE FROM book_line WHERE run_id = ? AND book IN ('ADDED', 'REMOVED', 'AWAY')", id);
        Statistics.refresh(jdbc, "registration", "previous_line");
        ChangeBook changes = new ChangeBook(run.previousElectionDay());
        Connection c = DataSourceUtils.getConnection(dataSource);
        int[] addedNo = {0}, removedNo = {0};
        try (BufferedCopy added = new BufferedCopy(c, "book_line", List.of("run_id", "book", "district_code", "line_no", "person_id", "name", "sex", "birth_date", "id_number", "reason"));
             BufferedCopy removed = new BufferedCopy(c, "book_line", List.of("run_id", "book", "district_code", "line_no", "person_id", "name", "sex", "birth_date", "id_number", "reason"))) {
            List<ChangeBook.Current> now = new ArrayList<>();
            List<Object[]> nowRows = new ArrayList<>();
            List<ChangeBook.PreviousLine> before = new ArrayList<>();
            List<Object[]> beforeRows = new ArrayList<>();
            String[] number = {null};
            ThrowingRunnable flush = () -> {
                ChangeBook.Changes ch = changes.compare(now, before);
                for (ChangeBook.Added a : ch.added()) {
                    Object[] r = nowRows.get(indexOf(now, a.personId()));
                    added.add(id, "ADDED", a.district(), ++addedNo[0], a.personId(), r[0], r[1], r[2], number[0], a.reason());
                }
                for (ChangeBook.Removed x : ch.removed()) {
                    Object[] r = beforeRows.get(before.indexOf(x.line()));
                    removed.add(id, "REMOVED", x.line().district(), ++removedNo[0], x.personId(), r[0], r[1], r[2], number[0], x.reason());
                }
                now.clear(); nowRows.clear(); before.clear(); beforeRows.clear();
            };
            streaming.query("""
                    SELECT 'R' AS tag, id_number, name, district_code, 0 AS line_no, person_id, sex, birth_date, listed, reason,
                           rights_at_previous, in_migrant
                    FROM registration WHERE run_id = ? AND id_number IS NOT NULL
                    UNION ALL
                    SELECT 'P', id_number, name, district_code, line_no, NULL, sex, birth_date, NULL, NULL, NULL, NULL
                    FROM previous_line WHERE run_id = ?
                    ORDER BY 2, 1 DESC, 5, 6""", rs -> {
                String n = rs.getString("id_number");
                if (!n.equals(number[0])) {
                    if (number[0] != null) flush.run();
                    number[0] = n;
                }
                java.sql.Date b = rs.getDate("birth_date");
                LocalDate birth = b == null ? null : b.toLocalDate();
                if ("R".equals(rs.getString("tag"))) {
                    String reason = rs.getString("reason");
                    now.add(new ChangeBook.Current(rs.getLong("person_id"), rs.getString("name"), rs.getBoolean("listed"),
                            rs.getString("district_code"), reason == null ? null : Reason.valueOf(reason), birth,
                            rs.getBoolean("rights_at_previous"), rs.getBoolean("in_migrant")));
                    nowRows.add(new Object[] {rs.getString("name"), rs.getString("sex"), birth});
                } else {
                    before.add(new ChangeBook.PreviousLine(rs.getInt("line_no"), rs.getString("district_code"), rs.getString("name")));
                    beforeRows.add(new Object[] {rs.getString("name"), rs.getString("sex"), birth});
                }
            }, id, id);
            if (number[0] != null) flush.run();
        }
        Statistics.refresh(jdbc, "book_line");
        jdbc.update("""
                INSERT INTO roll_line (run_id, district_code, seq, person_id, name, sex, birth_date, id_number, hukou_address,
                                       residence_address, basis, change_kind)
                SELECT r.run_id, r.district_code, ROW_NUMBER() OVER (PARTITION BY r.district_code ORDER BY r.sort_key, r.id_number, r.person_id),
                       r.person_id, r.name, r.sex, r.birth_date, r.id_number, r.hukou_address, r.residence_address, r.basis,
                       CASE WHEN a.person_id IS NOT NULL THEN '新增' ELSE '保留' END
                FROM registration r
                LEFT JOIN (SELECT DISTINCT person_id FROM book_line WHERE run_id = ? AND book = 'ADDED') a ON a.person_id = r.person_id
                WHERE r.run_id = ? AND r.listed = TRUE""", id, id);
        jdbc.update("""
                INSERT INTO book_line (run_id, book, district_code, line_no, person_id, name, sex, birth_date, id_number, reason, note)
                SELECT r.run_id, 'AWAY', r.district_code, ROW_NUMBER() OVER (ORDER BY r.district_code, r.sort_key, r.person_id),
                       r.person_id, r.name, r.sex, r.birth_date, r.id_number, r.away_to, r.away_source
                FROM registration r WHERE r.run_id = ? AND r.listed = TRUE AND r.away_to IS NOT NULL""", id);
        return RepeatStatus.FINISHED;
    }

    private static int indexOf(List<ChangeBook.Current> now, long personId) {
        for (int i = 0; i < now.size(); i++) if (now.get(i).personId() == personId) return i;
        throw new IllegalStateException("person " + personId + " not in its group");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws java.sql.SQLException;
    }
}
