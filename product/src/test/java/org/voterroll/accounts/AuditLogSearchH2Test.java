package org.voterroll.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The audit page's filters and paging on the embedded H2 default (the browser test walks them on PostgreSQL): each filter
 * left out matches everything, the days are whole days with both ends included, the pages are newest first.
 */
class AuditLogSearchH2Test {

    @Test
    void filtersByActionAccountAndDaysAndPagesNewestFirst() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("DELETE FROM audit_log");
        LocalDateTime day = LocalDateTime.of(2026, 12, 1, 0, 0);
        for (int i = 0; i < 30; i++) {
            jdbc.update("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)", Timestamp.valueOf(day.plusHours(i * 4L)),
                    i % 2 == 0 ? "clerk" : "op", i % 3 == 0 ? AuditLog.LOGIN : AuditLog.DOWNLOAD, "entry " + i);
        }
        AuditLog audit = new AuditLog(jdbc);

        AuditLog.Page all = audit.search(new AuditLog.Filter(null, null, null, null), 1, 20);
        assertThat(all.total()).isEqualTo(30);
        assertThat(all.pages()).isEqualTo(2);
        assertThat(all.entries()).hasSize(20).first().extracting(AuditLog.Entry::detail).isEqualTo("entry 29");
        assertThat(audit.search(new AuditLog.Filter(null, null, null, null), 2, 20).entries()).hasSize(10)
                .last().extracting(AuditLog.Entry::detail).isEqualTo("entry 0");

        AuditLog.Page logins = audit.search(new AuditLog.Filter(AuditLog.LOGIN, "clerk", null, null), 1, 20);
        assertThat(logins.total()).isEqualTo(5); // i = 0, 6, 12, 18, 24
        assertThat(logins.entries()).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditLog.LOGIN);
            assertThat(e.actionLabel()).isEqualTo("登录");
            assertThat(e.actor()).isEqualTo("clerk");
        });

        // 2 December, both ends of the range the same day: entries 6 to 11 (hours 24 to 44)
        AuditLog.Page oneDay = audit.search(new AuditLog.Filter(null, null, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2)), 1, 20);
        assertThat(oneDay.entries()).extracting(AuditLog.Entry::detail)
                .containsExactly("entry 11", "entry 10", "entry 9", "entry 8", "entry 7", "entry 6");

        assertThat(audit.search(new AuditLog.Filter("NO_SUCH_ACTION", null, null, null), 1, 20).total()).isZero();
        assertThat(audit.search(new AuditLog.Filter(null, null, null, null), 9, 20).entries()).isEmpty();
    }
}
