package org.voterroll.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voterroll.VoterRollApplication;
import org.voterroll.ops.JobRunner;
import org.voterroll.run.Run;
import org.voterroll.ops.OpsTestSupport;

/**
 * A province of three small counties (the example county under three codes, one person planted on the rolls of two)
 * run by the manager in this JVM and two worker JVMs started from the test classpath, over the real RabbitMQ and
 * PostgreSQL. One worker is killed with SIGKILL in the middle of its county (after resolve); the partition is failed,
 * the province run fails, and its restart re-runs that county alone on the other worker. Every county's output files are
 * then byte for byte those of the county run alone (in a schema of its own, same pinned clock), and the province check
 * raised exactly the planted person, in both counties.
 */
@SpringBootTest(properties = {"voter-roll.province.role=manager", "voter-roll.province.poll-interval=500ms",
        "voter-roll.province.timeout=150s"})
@ActiveProfiles("test")
class ProvinceRunTest {
    static final String SCHEMA = "province_run", REFERENCE = "province_ref";
    static final String QUEUE = "voter-roll.partitions.test-" + ProcessHandle.current().pid();
    static final String CLOCK = "2026-12-01T02:00:00";
    static final String PLANTED = "320102199203031143";   // 钱雪, listed on a 原选区资格证明
    /** 张伟 of 北河县 (341298), whose household register is there, lives in 南山县 (341297) and registers there on 北河县's certificate */
    static final String MOVED = ProvinceFixture.shift("341299198003120138", 1);
    static final Duration LIMIT = Duration.ofSeconds(120);
    /** job directory name → county code, name, shift of the people's numbers, numbers kept */
    static final List<Object[]> COUNTIES = List.of(
            new Object[] {"a-341299", "341299", "样例县", 0, Set.of()},
            new Object[] {"b-341298", "341298", "北河县", 1, Set.of(PLANTED)},
            new Object[] {"c-341297", "341297", "南山县", 2, Set.of()});

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        OpsTestSupport.freshSchema(SCHEMA);
        r.add("spring.datasource.url", () -> OpsTestSupport.url(SCHEMA));
        r.add("voter-roll.province.queue", () -> QUEUE);
    }

    @TempDir Path tmp;
    @Autowired ProvinceService province;
    @Autowired JdbcTemplate jdbc;
    @Autowired AmqpAdmin amqp;
    @Autowired JobRunner jobRunner;

    @AfterEach
    void nothingLeftBehind() {
        OpsTestSupport.killChildren();
        amqp.deleteQueue(QUEUE);
        System.clearProperty("voter-roll.test.fixed-clock");
    }

    @Test
    void threeCountiesOnTwoWorkersOneKilledThenRestartedGiveTheCountiesOwnRollsAndTheOnePlantedDuplicateInBoth() throws Exception {
        for (Object[] c : COUNTIES) {
            ProvinceFixture.county(tmp.resolve("data").resolve((String) c[0]), (String) c[1], (String) c[2], (int) c[3], (Set<String>) c[4]);
            for (String set : List.of("ref", "jobs")) {
                Path job = Files.createDirectories(tmp.resolve(set).resolve((String) c[0]));
                Files.writeString(job.resolve("job.yml"), "county: ../../data/" + c[0] + "/county\ninbox: ../../data/" + c[0]
                        + "/inbox\nout: out\nrequire-ready: false\n");
            }
        }
        Path southInbox = tmp.resolve("data").resolve("c-341297").resolve("inbox");
        Files.writeString(southInbox.resolve("liudong_20261201.csv"), MOVED + ",张伟,男,1980-03-12,341298100201,城关镇新华社区9栋301,341297100001,"
                + "2024-01-10,,务工\n", StandardOpenOption.APPEND);
        Files.writeString(southInbox.resolve("waidi_20261201.csv"), MOVED + ",张伟,原选区资格证明,341298,北河县选举委员会,2026-10-20\n",
                StandardOpenOption.APPEND);
        // the workers start first (their JVMs take the longest); one of them stops in its first county after resolve
        Map<String, String> clock = Map.of("voter-roll.test.fixed-clock", CLOCK, "voter-roll.province.queue", QUEUE);
        var killed = new OpsTestSupport.Child("-Xmx256m", SCHEMA, with(clock, "voter-roll.test.pause-at", "after:resolve"), "worker");
        var survivor = new OpsTestSupport.Child("-Xmx256m", SCHEMA, clock, "worker");

        // each county alone, in a schema of its own, at the same pinned clock
        OpsTestSupport.freshSchema(REFERENCE);
        System.setProperty("voter-roll.test.fixed-clock", CLOCK);
        Map<String, String> referenceRuns = new java.util.HashMap<>();
        try (ConfigurableApplicationContext ref = new SpringApplicationBuilder(VoterRollApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + OpsTestSupport.url(REFERENCE), "--spring.profiles.active=test")) {
            for (Object[] c : COUNTIES) {
                var run = ref.getBean(JobRunner.class).runJob(tmp.resolve("ref").resolve((String) c[0]));
                assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
                referenceRuns.put((String) c[0], run.runId());
            }
        }
        System.clearProperty("voter-roll.test.fixed-clock");

        killed.awaitLine("worker pid", LIMIT);
        survivor.awaitLine("worker pid", LIMIT);
        Thread killer = new Thread(() -> {
            try {
                killed.awaitLine("PAUSED at after:resolve", LIMIT);
                killed.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        ProvinceRun first = province.start(tmp.resolve("jobs"), List.of(), tmp.resolve("out"));
        killer.join();
        assertThat(killed.process.isAlive()).isFalse();

        // the killed worker's partition is failed (the broker handed its request back, its county's lock was free), the others completed
        assertThat(first.status()).as(survivor.output()).isEqualTo(ProvinceRun.FAILED);
        List<CountyResult> afterKill = province.results(first.provinceRunId());
        List<CountyResult> lost = afterKill.stream().filter(r -> !r.partitionStatus().equals("COMPLETED")).toList();
        assertThat(lost).as(ProvinceCommands.table(afterKill)).hasSize(1);
        assertThat(lost.get(0).partitionStatus()).isEqualTo("FAILED");
        assertThat(lost.get(0).message()).startsWith("worker lost");
        assertThat(lost.get(0).runStatus()).as("the county run the killed worker left").isEqualTo("RUNNING");
        assertThat(first.message()).contains(lost.get(0).jobName()).contains("worker lost");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM province_exception", Integer.class)).as("no check before every county ran").isZero();

        ProvinceRun second = province.restart(first.provinceRunId());
        List<CountyResult> results = province.results(first.provinceRunId());
        assertThat(second.status()).as(ProvinceCommands.table(results) + "\n" + survivor.output()).isEqualTo(ProvinceRun.COMPLETED);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.partitionStatus()).isEqualTo("COMPLETED");
            assertThat(r.runStatus()).isEqualTo("COMPLETED");
            assertThat(r.runId()).isEqualTo(referenceRuns.get(r.jobName()));
        });
        // Spring Batch's restart of the partitioned step ran only the failed partition again
        for (CountyResult r : results) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = ?", Integer.class, "county:" + r.jobName()))
                    .as(r.jobName()).isEqualTo(r.jobName().equals(lost.get(0).jobName()) ? 2 : 1);
        }

        // every county's files as the county alone gives them, the killed one included
        JdbcTemplate ref = OpsTestSupport.jdbc(REFERENCE);
        for (CountyResult r : results) {
            Map<String, byte[]> expected = OpsTestSupport.tree(tmp.resolve("ref").resolve(r.jobName()).resolve("out").resolve(r.runId()));
            Map<String, byte[]> actual = OpsTestSupport.tree(tmp.resolve("jobs").resolve(r.jobName()).resolve("out").resolve(r.runId()));
            assertThat(expected).containsKeys("summary.json", "exceptions.csv", "SHA256SUMS");
            assertThat(actual.keySet()).as(r.jobName()).isEqualTo(expected.keySet());
            List<String> differing = expected.keySet().stream().filter(f -> !Arrays.equals(expected.get(f), actual.get(f))).sorted().toList();
            assertThat(differing).as(r.jobName()).isEmpty();
            assertThat(r.listed()).isEqualTo(ref.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, r.runId()));
        }

        // the province check: each planted person in both counties, each naming the other; nothing else
        var items = jdbc.queryForList("SELECT * FROM province_exception WHERE province_run_id = ? ORDER BY item_no", first.provinceRunId());
        assertThat(items).extracting(i -> i.get("id_numbers") + " " + i.get("county_code") + ">" + i.get("other_county_code"))
                .containsExactlyInAnyOrder(PLANTED + " 341298>341299", PLANTED + " 341299>341298", MOVED + " 341297>341298", MOVED + " 341298>341297");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("code")).isEqualTo("CROSS_COUNTY_DUPLICATE");
            assertThat(i.get("level")).isEqualTo("blocking");
        });
        var planted = items.stream().filter(i -> PLANTED.equals(i.get("id_numbers"))).toList();
        assertThat(planted).allSatisfy(i -> assertThat((String) i.get("description")).contains("341299100-02").contains("资格证明"));
        assertThat(planted).extracting(i -> (String) i.get("description")).anySatisfy(d -> assertThat(d).contains("样例县（341299）"))
                .anySatisfy(d -> assertThat(d).contains("北河县（341298）"));
        var moved = items.stream().filter(i -> MOVED.equals(i.get("id_numbers")) && i.get("county_code").equals("341298")).findFirst().orElseThrow();
        assertThat((String) moved.get("description")).contains("南山县（341297）").contains("登记依据：资格证明").contains("本县列于341298100-");
        Path csv = second.outputDir().resolve("exceptions.csv");
        List<String> lines = Files.readAllLines(csv, Charset.forName("GB18030"));
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\d,341298,CROSS_COUNTY_DUPLICATE,blocking,341298100,341298100-02," + PLANTED + ",钱雪,.*"));
        assertThat(Files.readString(second.outputDir().resolve("SHA256SUMS"))).contains("  exceptions.csv");

        // 谁登记、谁告知: 南山县 listed 张伟 on 北河县's certificate, so 北河县 is told, in the waidi format, dated the day of listing
        Path north = tmp.resolve("data").resolve("b-341298").resolve("county");
        Path notices = north.resolve("exchange").resolve("waidi_省内往来.csv");
        assertThat(Files.readAllLines(notices, Charset.forName("GB18030"))).containsExactly("公民身份号码,姓名,类型,对方区划代码,对方选举委员会,日期",
                MOVED + ",张伟,已在外地登记,341297,南山县选举委员会,2026-12-01");
        for (String other : List.of("a-341299", "c-341297")) {
            assertThat(tmp.resolve("data").resolve(other).resolve("county").resolve("exchange")).as(other + ": nobody to tell").doesNotExist();
        }
        // … and reads it in its next run like any delivered notice: 张伟 is registered elsewhere, and the rest of 北河县 stays
        Run next = jobRunner.runJob(tmp.resolve("jobs").resolve("b-341298"));
        assertThat(next.status()).as(next.message()).isEqualTo(Run.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT reason FROM registration WHERE run_id = ? AND id_number = ?", String.class, next.runId(), MOVED))
                .isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ?", Long.class, next.runId()))
                .isEqualTo(results.stream().filter(r -> r.jobName().equals("b-341298")).findFirst().orElseThrow().listed() - 1);
        assertThat(jdbc.queryForObject("SELECT status FROM source_file WHERE run_id = ? AND file_name = ?", String.class, next.runId(),
                "exchange/waidi_省内往来.csv")).isEqualTo("USABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM county_lock WHERE owner IS NOT NULL", Integer.class)).as("no lock left held").isZero();
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> r = new java.util.HashMap<>(m);
        r.put(k, v);
        return r;
    }
}
