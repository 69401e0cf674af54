package org.voterroll.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The county lock on the embedded H2 default: one run per county within the process (H2's file lock keeps other processes out). */
class CountyLockH2Test {

    @Test
    void oneHolderPerCountyOnEmbeddedH2() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:lock;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE county_lock (county_code VARCHAR(6) PRIMARY KEY, run_id VARCHAR(64), owner VARCHAR(500), since TIMESTAMP)");
        CountyLock locks = new CountyLock(ds, jdbc);
        try (CountyLock.Held held = locks.acquire("341299")) {
            held.describe("341299-20261201-020000");
            assertThat(locks.isHeld("341299")).isTrue();
            assertThatThrownBy(() -> locks.acquire("341299")).isInstanceOf(CountyLock.CountyBusyException.class)
                    .hasMessageMatching("县 341299 已有一次核对正在运行，本次未启动.*: county 341299 is already being reconciled \\(run 341299-20261201-020000\\) by host \\S+ pid \\d+ since .*");
            try (CountyLock.Held other = locks.acquire("349901")) {
                assertThat(other).isNotNull();
            }
        }
        assertThat(locks.isHeld("341299")).isFalse();
        locks.acquire("341299").close();
    }
}
