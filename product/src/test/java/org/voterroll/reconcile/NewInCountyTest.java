package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.run.Run;

/**
 * RULES.md's 新增 reasons on a later night, compared with the county's last completed run: 迁入 for a person "newly in the
 * county" — absent from that run's police register, or moved out of the county then — and 补登 for one who was in the
 * register and not listed for another reason (independent6: adults new in the full police file were written 补登).
 */
@SpringBootTest(properties = ExampleDelivery.ANY_ROLL_CHANGE)
@ActiveProfiles("test")
class NewInCountyTest {
    static final Charset GB18030 = Charset.forName("GB18030");
    static final String NEWCOMER = "341299198203030014", RETURNED = "341299197209090638", DISCHARGED = "341299199002140756";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPersonNewInTheRegisterIsMovedInAndOneWhoWasThereIsAddedLate(@TempDir Path tmp) throws Exception {
        ExampleDelivery delivery = ExampleDelivery.copyTo(tmp);
        Run first = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(first.status()).as(first.message()).isEqualTo(Run.COMPLETED);

        delivery.append("huji_20261201.csv", GB18030, List.of(
                NEWCOMER + ",钱进,,男,汉族,1982-03-03,100090,户主,城关镇东风村7组1号,341299100201,正常,,"));
        delivery.replace("huji_20261201.csv", GB18030, RETURNED,
                RETURNED + ",刘强,,男,汉族,1972-09-09,200011,户主,河口乡河口村1组5号,341299201101,正常,,");
        delivery.replace("huji_20261201.csv", GB18030, DISCHARGED,
                DISCHARGED + ",陈志远,,男,汉族,1990-02-14,200012,户主,河口乡河口村2组8号,341299201101,正常,,");
        Run second = service.reconcile(delivery.county, delivery.inbox, tmp.resolve("out"), null);
        assertThat(second.status()).as(second.message()).isEqualTo(Run.COMPLETED);
        assertThat(second.previousRunId()).isEqualTo(first.runId());

        assertThat(jdbc.queryForList("SELECT id_number || ' ' || reason FROM book_line WHERE run_id = ? AND book = 'ADDED' ORDER BY id_number",
                String.class, second.runId())).containsExactly(RETURNED + " 迁入", NEWCOMER + " 迁入", DISCHARGED + " 补登");
    }
}
