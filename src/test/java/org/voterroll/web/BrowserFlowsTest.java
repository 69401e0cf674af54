package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.voterroll.reconcile.Run;

/** The main flows in a real headless Chromium against the real server: operator, township clerk, registration station. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserFlowsTest extends WebTestBase {
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(Browser.available()).as("chromium and chromedriver (bash ops/ensure-chromium.sh)").isTrue();
        browser = new Browser(url(""));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void operatorTriggersARunAndWatchesItFinish() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM run", Long.class);
        browser.login(OPERATOR, PASSWORD);
        browser.await(10).until(ExpectedConditions.presenceOfElementLocated(By.id("jobs")));
        browser.shot("operator-runs");
        browser.navigate(By.id("start-" + WebFixture.JOB));
        // the run's page, reloading itself every 2 s until the job is done
        browser.await(10).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertThat(browser.driver.getCurrentUrl()).contains("/operator/runs/" + WebFixture.COUNTY + "-");
        browser.await(120).until(ExpectedConditions.textToBe(By.id("status"), Run.COMPLETED));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run", Long.class)).isEqualTo(before + 1);
        List<String> steps = browser.driver.findElements(By.cssSelector("#steps tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(steps).contains("prepare", "resolve", "decide", "roll", "publish");
        browser.shot("operator-run");
        browser.navigate(By.id("report"));
        browser.shot("operator-report");
        assertThat(browser.driver.getPageSource()).contains("选民登记核对报告", "<svg");
        browser.open("/operator/accounts");
        browser.shot("operator-accounts");
        browser.logout();
    }

    @Test
    @Order(2)
    void townshipClerkResolvesAMatchReviewAndTheNextRunAppliesIt() throws Exception {
        String runId = latestRunId();
        browser.login(CLERK, PASSWORD);
        browser.shot("township-queue");
        int blockingBefore = Integer.parseInt(browser.text(By.id("blocking-open")));
        assertThat(blockingBefore).isGreaterThanOrEqualTo(1);
        new Select(browser.driver.findElement(By.id("filter-type"))).selectByValue("MATCH_REVIEW");
        new Select(browser.driver.findElement(By.id("filter-level"))).selectByValue("blocking");
        browser.navigate(By.id("filter"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#items tr[data-code]"));
        assertThat(rows).hasSize(1).allSatisfy(r -> assertThat(r.getAttribute("data-code")).isEqualTo("MATCH_REVIEW"));
        browser.navigate(rows.get(0).findElement(By.tagName("a")));

        // the people, every linked record and the evidence with its weights
        assertThat(browser.text(By.id("item-code"))).isEqualTo("关联待核对");
        assertThat(browser.text(By.id("persons"))).contains("郑浩", WebFixture.ZHENG_HAO_NUMBER);
        String links = browser.text(By.id("links"));
        assertThat(links).contains("公安户籍", "流动人口", "姓名 相同", "合计").doesNotContain("huji", "NAME=EXACT");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(WebFixture.ZHENG_HAO_NUMBER);

        browser.shot("township-item");
        browser.driver.findElement(By.id("verdict-SAME_PERSON")).click();
        browser.driver.findElement(By.id("note")).sendKeys("核实为同一人，在城关镇居住");
        browser.navigate(By.id("decide"));
        assertThat(browser.text(By.id("saved"))).contains("已记录");
        assertThat(browser.text(By.id("history"))).contains(CLERK, "同一人", "核实为同一人");

        Map<String, Object> stored = jdbc.queryForMap("SELECT verdict, decided_by, decided_at, run_id FROM decision WHERE county_code = ? ORDER BY decision_id DESC LIMIT 1",
                WebFixture.COUNTY);
        assertThat(stored).containsEntry("verdict", "SAME_PERSON").containsEntry("decided_by", CLERK).containsEntry("run_id", runId);
        assertThat(stored.get("decided_at")).isNotNull();
        browser.open("/township");
        assertThat(Integer.parseInt(browser.text(By.id("blocking-open")))).isEqualTo(blockingBefore - 1);

        // the next nightly run applies the decision: 郑浩 is listed where he lives, and the item is not raised again
        assertThat(listedIn(runId)).isEqualTo("341299201-01");
        Run next = runNow();
        assertThat(listedIn(next.runId())).isEqualTo("341299100-02");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND code = 'MATCH_REVIEW'", Long.class, next.runId()))
                .isZero();
        browser.open("/township");
        assertThat(browser.text(By.id("items"))).doesNotContain("关联待核对");
        // and the township's page says that this run changed the decided item's outcome
        String outcomes = browser.text(By.id("outcomes"));
        browser.shot("township-after-next-run");
        assertThat(outcomes).contains("同一人", "列入 河口乡第一选区（341299201-01）", "列入 城关镇第二选区（341299100-02）", "最新运行改变了结果");
        browser.logout();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor = ?", String.class, CLERK)).contains("LOGIN", "DECISION");
    }

    @Test
    @Order(3)
    void stationDownloadsItsRollAndTheSha256Matches() throws Exception {
        browser.login(STATION, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/station/districts/" + DISTRICT);
        browser.shot("station");
        String runId = browser.text(By.id("run-id"));
        String shown = browser.driver.findElement(By.cssSelector("#file-roll .sha")).getText().trim();
        browser.driver.findElement(By.cssSelector("#file-roll a.csv")).click();
        Path file = browser.downloads.resolve(DISTRICT + ".csv");
        browser.await(20).until(d -> Files.exists(file) && !Files.exists(browser.downloads.resolve(DISTRICT + ".csv.crdownload")));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(StationFiles.sha256(bytes)).isEqualTo(shown);
        // the digest is the published one, and the file is the run's GB18030 roll
        String outputPath = jdbc.queryForObject("SELECT output_path FROM run WHERE run_id = ?", String.class, runId);
        assertThat(Files.readString(Path.of(outputPath, "SHA256SUMS"), StandardCharsets.UTF_8)).contains(shown);
        assertThat(new String(bytes, WebFixture.GB18030)).startsWith("选区编码,选区名称,序号,姓名").contains(DISTRICT);
        assertThat(jdbc.queryForMap("SELECT account_name, run_id, file_name, sha256 FROM download_log ORDER BY download_id DESC LIMIT 1"))
                .containsEntry("account_name", STATION).containsEntry("run_id", runId).containsEntry("sha256", shown);
        // the Excel copy of the same roll
        browser.driver.findElement(By.cssSelector("#file-roll a.xlsx")).click();
        Path xlsx = browser.downloads.resolve(DISTRICT + ".xlsx");
        browser.await(20).until(d -> Files.exists(xlsx) && !Files.exists(browser.downloads.resolve(DISTRICT + ".xlsx.crdownload")));
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
        browser.open("/station/districts/" + DISTRICT);
        assertThat(browser.text(By.id("downloads"))).contains(DISTRICT + ".csv", shown);
        browser.logout();
    }

    @Test
    @Order(4)
    void operatorRestartsAFailedRunAfterItsCauseIsFixed() throws Exception {
        // a first run given a previous roll without the columns OUTPUTS.md names fails in its prepare step
        Path previous = Files.createDirectories(WebFixture.root().resolve("previous-" + System.nanoTime()).resolve("rolls"));
        Path roll = previous.resolve(OTHER_DISTRICT + ".csv");
        Files.writeString(roll, "编号,名字\n1,郑浩\n", WebFixture.GB18030);
        var spec = JobsDirectory.read(WebFixture.jobDir());
        Run failed = service.reconcile(spec.countyDir(), spec.inbox(), spec.out(), previous.getParent());
        assertThat(failed.status()).isEqualTo(Run.FAILED);

        browser.login(OPERATOR, PASSWORD);
        browser.open("/operator/runs/" + failed.runId());
        assertThat(browser.text(By.id("status"))).isEqualTo(Run.FAILED);
        browser.shot("operator-failed-run");
        Files.writeString(roll, "选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动\n"
                + OTHER_DISTRICT + ",河口乡第一选区,1,郑浩,男,1983-04-18," + WebFixture.ZHENG_HAO_NUMBER + ",河口乡渡口村5组9号,河口乡渡口村5组9号,户籍地,保留\n",
                WebFixture.GB18030);
        browser.navigate(By.id("restart"));
        browser.await(120).until(ExpectedConditions.textToBe(By.id("status"), Run.COMPLETED));
        assertThat(jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, failed.runId())).isEqualTo(Run.COMPLETED);
        // the steps table shows both executions: the failed one and the restart
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(DISTINCT je.job_execution_id) FROM batch_job_execution je
                WHERE je.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id =
                      (SELECT job_execution_id FROM run WHERE run_id = ?))""", Long.class, failed.runId())).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE actor = ? AND action = 'RUN'", String.class, OPERATOR))
                .contains("restart " + failed.runId());
        browser.logout();
    }

    private String listedIn(String runId) {
        return jdbc.queryForObject("SELECT district_code FROM registration WHERE run_id = ? AND id_number = ? AND listed = TRUE", String.class,
                runId, WebFixture.ZHENG_HAO_NUMBER);
    }
}
