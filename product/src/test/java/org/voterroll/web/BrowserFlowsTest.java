package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.voterroll.run.Run;

/** The main flows in a real headless Chromium against the real server: operator, township clerk, registration station. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserFlowsTest extends BrowserTestBase {

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
        browser.await(120).until(ExpectedConditions.textToBe(By.id("status"), "已完成"));
        assertThat(browser.driver.findElement(By.id("status")).getAttribute("data-status")).isEqualTo(Run.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run", Long.class)).isEqualTo(before + 1);
        // steps and their statuses in Chinese
        List<String> steps = browser.driver.findElements(By.cssSelector("#steps tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(steps).contains("准备", "载入", "载入 公安户籍", "人员识别", "选区判定", "名册编制", "发布前检查", "发布")
                .noneMatch(t -> t.matches(".*[A-Za-z].*"));
        assertThat(browser.driver.findElements(By.cssSelector("#steps tr td:nth-child(3)")).stream().map(WebElement::getText).toList())
                .isNotEmpty().allMatch("已完成"::equals);
        browser.shot("operator-run");
        browser.navigate(By.id("report"));
        browser.shot("operator-report");
        assertThat(browser.driver.getPageSource()).contains("选民登记核对报告", "<svg");
        browser.open("/operator/accounts");
        browser.shot("operator-accounts");
        // an account for a township the county does not have is refused, saying what to fix
        browser.driver.findElement(By.id("new-name")).sendKeys("web-test-nowhere");
        new Select(browser.driver.findElement(By.id("new-role"))).selectByValue("TOWNSHIP");
        browser.driver.findElement(By.id("new-scope")).sendKeys("999999999");
        browser.driver.findElement(By.id("new-password")).sendKeys(PASSWORD);
        browser.navigate(By.id("create-account"));
        // the example is a real township of a county in the database (the test database may hold other tests' counties too)
        assertThat(browser.text(By.id("problem"))).contains("乡镇代码 999999999 不是本县的乡镇").containsPattern("例如 \\d{9}（\\S+(镇|乡|街道)）");
        browser.shot("operator-accounts-refused");
        browser.logout();

        // 河口乡 has an open blocking item (the MATCH_REVIEW of 郑浩): its station is told not to post the list yet
        browser.login(OTHER_STATION, PASSWORD);
        assertThat(browser.text(By.id("district-name"))).contains("河口乡第一选区");
        assertThat(browser.text(By.id("user-scope"))).contains("河口乡第一选区").doesNotContain(OTHER_DISTRICT);
        assertThat(browser.text(By.id("blocking-notice"))).contains("暂勿张榜公布", "河口乡还有", "项须处理的异常");
        browser.shot("station-blocking-notice");
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
        // the file a record came from is named as delivered (huji_20261201.csv); every other cell in a clerk's words
        assertThat(links).contains("公安户籍", "流动人口", "姓名 相同", "合计", "huji_20261201.csv");
        assertThat(links.replaceAll("[a-z]+_[0-9A-Za-z_]+\\.(csv|xlsx)", "")).doesNotContain("huji", "liudong", "NAME=EXACT", "FUZZY");
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
        // the decision as the operator's audit page shows it: in Chinese, the type and the verdict by name
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE actor = ? AND action = 'DECISION'", String.class, CLERK))
                .last().asString().contains("异常", "关联待核对", "同一人").doesNotContain("MATCH_REVIEW", "SAME_PERSON");
    }

    @Test
    @Order(3)
    void stationSeesItsDistrictByNameWithCountsAndDownloadsItsRollAndTheSha256Matches() throws Exception {
        browser.login(STATION, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/station/districts/" + DISTRICT);
        browser.shot("station");
        String runId = browser.text(By.id("run-id"));
        // names, not bare codes: the district, its township, the account's scope in the header
        assertThat(browser.text(By.id("district-name"))).isEqualTo("城关镇第二选区 名册下载");
        assertThat(browser.text(By.id("township-name"))).isEqualTo("城关镇");
        assertThat(browser.text(By.id("user-scope"))).contains("城关镇第二选区");
        // the counts are the run's roll and books of the district
        assertThat(Long.parseLong(browser.text(By.id("count-voters"))))
                .isEqualTo(count("SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND district_code = ?", runId, DISTRICT)).isPositive();
        assertThat(Long.parseLong(browser.text(By.id("count-men"))) + Long.parseLong(browser.text(By.id("count-women"))))
                .isEqualTo(Long.parseLong(browser.text(By.id("count-voters"))));
        assertThat(Long.parseLong(browser.text(By.id("count-added"))))
                .isEqualTo(count("SELECT COUNT(*) FROM book_line WHERE run_id = ? AND district_code = ? AND book = 'ADDED'", runId, DISTRICT));
        // the notice while the township has open blocking items: shown exactly when there are some
        long open = count("""
                SELECT COUNT(*) FROM exception_item e JOIN run r ON r.run_id = e.run_id
                WHERE e.run_id = ? AND e.township_code = ? AND e.level = 'blocking'
                  AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.county_code = r.county_code AND d.fingerprint = e.fingerprint)""",
                runId, OTHER_TOWNSHIP);
        assertThat(browser.driver.findElements(By.id("blocking-notice"))).hasSize(open > 0 ? 1 : 0);
        // each file named for what it is: the roll and the posting list no longer share a name
        assertThat(browser.text(By.cssSelector("#file-roll .file-name"))).isEqualTo(DISTRICT + "_选民名册.csv");
        assertThat(browser.text(By.cssSelector("#file-posting .file-name"))).isEqualTo(DISTRICT + "_张榜公布名单.csv");
        assertThat(browser.text(By.cssSelector("#file-roll .file-label"))).isEqualTo("选民名册");

        String shown = browser.driver.findElement(By.cssSelector("#file-roll .sha")).getText().trim();
        browser.driver.findElement(By.cssSelector("#file-roll a.csv")).click();
        Path file = browser.downloads.resolve(DISTRICT + "_选民名册.csv");
        browser.await(20).until(d -> Files.exists(file) && !Files.exists(browser.downloads.resolve(DISTRICT + "_选民名册.csv.crdownload")));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(StationFiles.sha256(bytes)).isEqualTo(shown);
        // the digest is the published one, and the file is the run's GB18030 roll, byte for byte
        String outputPath = jdbc.queryForObject("SELECT output_path FROM run WHERE run_id = ?", String.class, runId);
        assertThat(Files.readString(Path.of(outputPath, "SHA256SUMS"), StandardCharsets.UTF_8)).contains(shown);
        assertThat(bytes).isEqualTo(Files.readAllBytes(Path.of(outputPath, "rolls", DISTRICT + ".csv")));
        assertThat(new String(bytes, WebFixture.GB18030)).startsWith("选区编码,选区名称,序号,姓名").contains(DISTRICT);
        assertThat(jdbc.queryForMap("SELECT account_name, run_id, file_name, sha256 FROM download_log ORDER BY download_id DESC LIMIT 1"))
                .containsEntry("account_name", STATION).containsEntry("run_id", runId).containsEntry("sha256", shown);
        // the Excel copy of the same roll: a named sheet, the header row frozen, columns as wide as their text, every cell text
        browser.driver.findElement(By.cssSelector("#file-roll a.xlsx")).click();
        Path xlsx = browser.downloads.resolve(DISTRICT + "_选民名册.xlsx");
        browser.await(20).until(d -> Files.exists(xlsx) && !Files.exists(browser.downloads.resolve(DISTRICT + "_选民名册.xlsx.crdownload")));
        List<String> csvLines = new String(bytes, WebFixture.GB18030).lines().toList();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("选民名册");
            var pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("选区编码");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            int idColumn = List.of(csvLines.get(0).split(",")).indexOf("公民身份号码");
            // 18 digits: wider than Excel's default of 8 characters, and still text
            assertThat(sheet.getColumnWidth(idColumn)).isGreaterThanOrEqualTo(18 * 256);
            assertThat(sheet.getRow(1).getCell(idColumn).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(csvLines.size());
        }
        browser.open("/station/districts/" + DISTRICT);
        assertThat(browser.text(By.id("downloads"))).contains(DISTRICT + "_选民名册.csv", DISTRICT + "_选民名册.xlsx", shown);
        browser.shot("station-after-downloads");
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
        assertThat(browser.text(By.id("status"))).isEqualTo("失败");
        assertThat(browser.text(By.id("message"))).contains("上届选民名册", "缺少 OUTPUTS.md 规定的列").doesNotContain("needs the columns");
        browser.shot("operator-failed-run");
        Files.writeString(roll, "选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动\n"
                + OTHER_DISTRICT + ",河口乡第一选区,1,郑浩,男,1983-04-18," + WebFixture.ZHENG_HAO_NUMBER + ",河口乡渡口村5组9号,河口乡渡口村5组9号,户籍地,保留\n",
                WebFixture.GB18030);
        browser.navigate(By.id("restart"));
        browser.await(120).until(ExpectedConditions.textToBe(By.id("status"), "已完成"));
        assertThat(jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, failed.runId())).isEqualTo(Run.COMPLETED);
        // the steps table shows both executions: the failed one and the restart
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(DISTINCT je.job_execution_id) FROM batch_job_execution je
                WHERE je.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id =
                      (SELECT job_execution_id FROM run WHERE run_id = ?))""", Long.class, failed.runId())).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE actor = ? AND action = 'RUN'", String.class, OPERATOR))
                .contains("重新启动 " + failed.runId());
        browser.logout();
    }

    @Test
    @Order(5)
    void operatorRefusesOneRunStoppedForConfirmationAndConfirmsAnotherAndFindsBothInTheAuditLog() throws Exception {
        Run refused = null, confirmed = null;
        try {
            // a delivery whose police register lost 5 of its 14 rows: the guard stops the run before publishing
            refused = truncatedDelivery();
            assertThat(refused.status()).isEqualTo(Run.NEEDS_CONFIRMATION);
            browser.login(OPERATOR, PASSWORD);
            // no second start while it waits: a message in place of the button, and the server refuses a start all the same
            assertThat(browser.driver.findElements(By.id("start-" + WebFixture.JOB))).isEmpty();
            assertThat(browser.text(By.id("waiting-" + WebFixture.JOB))).contains(refused.runId(), "正在等待确认");
            assertThat(browser.text(By.cssSelector("#runs td.status"))).isEqualTo("待确认");
            browser.shot("operator-runs-waiting");
            long runs = count("SELECT COUNT(*) FROM run");
            Http op = Http.session(url(""), OPERATOR, PASSWORD);
            assertThat(op.form("/operator/jobs/" + WebFixture.JOB + "/run", Map.of()).statusCode()).isEqualTo(302);
            assertThat(new String(op.get("/operator").body(), StandardCharsets.UTF_8)).contains("正在等待确认：请先在该运行的页面上确认继续或拒绝");
            assertThat(count("SELECT COUNT(*) FROM run")).isEqualTo(runs);

            browser.open("/operator/runs/" + refused.runId());
            assertThat(browser.text(By.id("status"))).isEqualTo("待确认");
            assertThat(browser.text(By.id("guard-reasons"))).contains("公安户籍数据记录数骤减：由 14 行减至 9 行").doesNotContain("source huji");
            assertThat(browser.text(By.id("confirmation"))).doesNotContain("java -jar");
            browser.shot("operator-run-waiting");
            browser.navigate(By.id("refuse"));
            assertThat(browser.text(By.id("saved"))).contains("已拒绝");
            assertThat(browser.text(By.id("status"))).isEqualTo("已拒绝发布");
            assertThat(browser.text(By.id("refused"))).contains(OPERATOR);
            assertThat(browser.driver.findElements(By.id("confirm"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("restart"))).isEmpty();
            browser.shot("operator-run-refused");
            Map<String, Object> row = jdbc.queryForMap("SELECT status, refused_by, output_path, confirmed_by FROM run WHERE run_id = ?", refused.runId());
            assertThat(row).containsEntry("status", Run.REFUSED).containsEntry("refused_by", OPERATOR).containsEntry("output_path", null)
                    .containsEntry("confirmed_by", null);
            assertThat(Files.exists(Path.of(refused.outDir().toString(), refused.runId()))).isFalse();
            // a refused run is not confirmed later by a stale page, nor restarted
            assertThat(op.form("/operator/runs/" + refused.runId() + "/confirm", Map.of()).statusCode()).isEqualTo(302);
            assertThat(jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, refused.runId())).isEqualTo(Run.REFUSED);

            // the same delivery again, and this time the operator has checked it: confirmed, the run goes on and publishes
            confirmed = truncatedDelivery();
            assertThat(confirmed.status()).isEqualTo(Run.NEEDS_CONFIRMATION);
            browser.open("/operator/runs/" + confirmed.runId());
            browser.navigate(By.id("confirm"));
            browser.await(120).until(ExpectedConditions.textToBe(By.id("status"), "已完成"));
            assertThat(browser.text(By.id("confirmed-by"))).contains(OPERATOR);
            browser.shot("operator-run-confirmed");
            Map<String, Object> done = jdbc.queryForMap("SELECT status, confirmed_by, output_path FROM run WHERE run_id = ?", confirmed.runId());
            assertThat(done).containsEntry("status", Run.COMPLETED).containsEntry("confirmed_by", OPERATOR);
            assertThat(Path.of((String) done.get("output_path")).resolve("SHA256SUMS")).exists();

            // the audit log, filtered to this operator's run actions of today: both answers, in Chinese
            browser.open("/operator/audit");
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-action"))).selectByValue("RUN");
            browser.driver.findElement(By.id("filter-actor")).sendKeys(OPERATOR);
            String today = java.time.LocalDate.now().toString();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('filter-from').value = arguments[0]; document.getElementById('filter-to').value = arguments[0];", today);
            browser.navigate(By.id("filter"));
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#audit tr[data-action]"));
            assertThat(rows).isNotEmpty().allSatisfy(r -> {
                assertThat(r.getAttribute("data-action")).isEqualTo("RUN");
                assertThat(r.findElement(By.cssSelector("td:nth-child(3)")).getText()).isEqualTo("运行操作");
                assertThat(r.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo(OPERATOR);
            });
            String log = browser.text(By.id("audit"));
            assertThat(log).contains("拒绝发布 " + refused.runId(), "确认继续 " + confirmed.runId());
            assertThat(browser.text(By.id("audit-count"))).startsWith("共 " + rows.size() + " 条");
            browser.shot("operator-audit-filtered");
            // a day with nothing: an empty page that says so
            browser.open("/operator/audit?action=RUN&from=2000-01-01&to=2000-01-02");
            assertThat(browser.text(By.id("audit-empty"))).isEqualTo("没有符合条件的记录。");
            // paging: the unfiltered log, 50 to a page
            browser.open("/operator/audit");
            long all = count("SELECT COUNT(*) FROM audit_log");
            assertThat(browser.driver.findElements(By.cssSelector("#audit tr[data-action]"))).hasSize((int) Math.min(all, OperatorController.AUDIT_PAGE));
            assertThat(browser.driver.findElements(By.id("next-page"))).hasSize(all > OperatorController.AUDIT_PAGE ? 1 : 0);
            browser.shot("operator-audit");
            browser.logout();
        } finally {
            // never leave the county waiting or with the shrunken delivery as its latest roll: later tests start runs and read it
            for (String id : jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? AND status = 'NEEDS_CONFIRMATION'", String.class, WebFixture.COUNTY)) {
                service.refuse(id, "测试收尾");
            }
            if (confirmed != null) runNow();
        }
    }

    /** A run of the fixture's delivery with the police register (huji) cut to its first 9 of 14 rows. */
    private Run truncatedDelivery() throws Exception {
        var spec = JobsDirectory.read(WebFixture.jobDir());
        Path inbox = Files.createDirectories(WebFixture.root().resolve("inbox-shrunk-" + System.nanoTime()));
        try (var files = Files.list(spec.inbox())) {
            for (Path f : files.toList()) Files.copy(f, inbox.resolve(f.getFileName()));
        }
        Path huji = inbox.resolve("huji_20261201.csv");
        List<String> lines = Files.readAllLines(huji, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(lines).hasSize(15);
        Files.write(huji, lines.subList(0, 10), java.nio.charset.StandardCharsets.ISO_8859_1);
        return service.reconcile(spec.countyDir(), inbox, spec.out(), null);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private String listedIn(String runId) {
        return jdbc.queryForObject("SELECT district_code FROM registration WHERE run_id = ? AND id_number = ? AND listed = TRUE", String.class,
                runId, WebFixture.ZHENG_HAO_NUMBER);
    }
}
