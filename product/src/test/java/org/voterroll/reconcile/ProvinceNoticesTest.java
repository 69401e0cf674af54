package org.voterroll.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voterroll.ops.OpsTestSupport;
import org.voterroll.run.Run;

/**
 * The notices a province run leaves in a county's {@code exchange/} folder (RULES.md "Inside a province run") are read by the
 * county's next run as parts of its waidi snapshot: with the inbox's waidi files, or — on a night the inbox brings none — with
 * the rows the county's last waidi snapshot read from its own files, so that a notice never pushes a certificate out.
 */
// a schema of its own: its runs of the example county, one voter fewer, must not be the previous roll of other tests' runs
@SpringBootTest(properties = {ExampleDelivery.ANY_ROLL_CHANGE, "voter-roll.guard.max-source-shrink=1"})
@ActiveProfiles("test")
class ProvinceNoticesTest {
    static final String SCHEMA = "province_notices";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        OpsTestSupport.freshSchema(SCHEMA);
        r.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
    }

    /** 张伟, registered in the example county; 钱雪 lives there on a 原选区资格证明 of the inbox's waidi file */
    static final String ZHANG_WEI = "341299198003120138", QIAN_XUE = "320102199203031143";
    static final String NOTICE = "公民身份号码,姓名,类型,对方区划代码,对方选举委员会,日期\r\n"
            + ZHANG_WEI + ",张伟,已在外地登记,341298,北河县选举委员会,2026-12-01\r\n";

    @Autowired ReconcileService service;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aNoticeFromTheProvinceIsReadBesideTheInboxsWaidiFiles(@TempDir Path tmp) throws Exception {
        ExampleDelivery d = ExampleDelivery.copyTo(tmp);
        Run before = service.reconcile(d.county, d.inbox, tmp.resolve("out"), null);
        assertThat(reason(before, ZHANG_WEI)).as("listed before the notice").isNull();

        exchange(d, NOTICE);
        Run run = service.reconcile(d.county, d.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
        assertThat(reason(run, ZHANG_WEI)).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(reason(run, QIAN_XUE)).as("the inbox's certificate is read as well").isNull();
        assertThat(jdbc.queryForObject("SELECT note FROM run_source WHERE run_id = ? AND source = 'waidi'", String.class, run.runId()))
                .isEqualTo("1 file(s) + 省级往来通知 1 file(s)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM src_record r JOIN run_source s ON s.snapshot_id = r.snapshot_id "
                + "WHERE s.run_id = ? AND s.source = 'waidi' AND r.file_name = 'exchange/waidi_省内往来.csv'", Integer.class, run.runId())).isEqualTo(1);
        assertThat(Files.readString(Path.of(run.outputPath()).resolve("summary.json"), StandardCharsets.UTF_8))
                .contains("exchange/waidi_省内往来.csv");
    }

    @Test
    void onANightWithoutTheInboxsWaidiTheLastSnapshotsOwnRowsStayBesideTheNotices(@TempDir Path tmp) throws Exception {
        ExampleDelivery d = ExampleDelivery.copyTo(tmp);
        Run first = service.reconcile(d.county, d.inbox, tmp.resolve("out"), null);
        assertThat(first.status()).as(first.message()).isEqualTo(Run.COMPLETED);

        Files.delete(d.inbox.resolve("waidi_20261201.csv"));
        exchange(d, NOTICE);
        Run run = service.reconcile(d.county, d.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
        assertThat(reason(run, QIAN_XUE)).as("the certificate the inbox delivered before still holds").isNull();
        assertThat(listed(run, QIAN_XUE)).isTrue();
        assertThat(reason(run, ZHANG_WEI)).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(jdbc.queryForObject("SELECT note FROM run_source WHERE run_id = ? AND source = 'waidi'", String.class, run.runId()))
                .startsWith("本次未送达").contains("沿用上次快照中本来源文件的 2 条记录");
    }

    @Test
    void aFileInTheExchangeFolderThatIsNoWaidiFileIsReportedAndNotRead(@TempDir Path tmp) throws Exception {
        ExampleDelivery d = ExampleDelivery.copyTo(tmp);
        exchange(d, NOTICE);
        Files.writeString(d.county.resolve("exchange").resolve("minzheng_20261201.csv"), "公民身份号码,姓名,死亡日期\r\n" + ZHANG_WEI + ",张伟,2026-11-01\r\n");
        Run run = service.reconcile(d.county, d.inbox, tmp.resolve("out"), null);
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT status FROM source_file WHERE run_id = ? AND file_name = ?", String.class, run.runId(),
                "exchange/minzheng_20261201.csv")).isEqualTo("UNKNOWN_SOURCE");
        assertThat(reason(run, ZHANG_WEI)).as("registered elsewhere, not dead").isEqualTo("REGISTERED_ELSEWHERE");
    }

    private static void exchange(ExampleDelivery d, String text) throws Exception {
        Files.createDirectories(d.county.resolve("exchange"));
        Files.writeString(d.county.resolve("exchange").resolve("waidi_省内往来.csv"), text, java.nio.charset.Charset.forName("GB18030"));
    }

    private String reason(Run run, String number) {
        var reasons = jdbc.queryForList("SELECT reason FROM registration WHERE run_id = ? AND id_number = ?", String.class, run.runId(), number);
        assertThat(reasons).as("one person of number " + number).hasSize(1);
        return reasons.get(0);
    }

    private boolean listed(Run run, String number) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT listed FROM registration WHERE run_id = ? AND id_number = ?", Boolean.class,
                run.runId(), number));
    }
}
