package org.voterroll.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.voterroll.ops.OpsTestSupport;

/**
 * Two managers of one province run on the real PostgreSQL (each lock on a connection of its own, as two processes'
 * would be): the second is refused naming the first's pid and host, another province run is not affected, and once
 * the first lets go the run can be managed again.
 */
class ProvinceLockTest {
    @Test
    void oneManagerPerProvinceRun() throws Exception {
        OpsTestSupport.freshSchema("province_lock");
        var ds = new DriverManagerDataSource(OpsTestSupport.url("province_lock"), OpsTestSupport.USER, OpsTestSupport.PASSWORD);
        ProvinceLock first = new ProvinceLock(ds), second = new ProvinceLock(ds);
        try (ProvinceLock.Held held = first.acquire("province-20261205-020000")) {
            assertThatThrownBy(() -> second.acquire("province-20261205-020000"))
                    .isInstanceOf(ProvinceLock.ProvinceRunBusyException.class)
                    .hasMessageMatching("province run province-20261205-020000 is already being managed by pid " + ProcessHandle.current().pid()
                            + " host \\S+.* since \\d{4}-\\d\\d-\\d\\dT.*; not started \\(never two managers of one province run at once.*");
            try (ProvinceLock.Held other = second.acquire("province-20261205-020000-2")) {
                assertThat(other).isNotNull();
            }
        }
        try (ProvinceLock.Held again = second.acquire("province-20261205-020000")) {
            assertThat(again).isNotNull();
        }
    }
}
