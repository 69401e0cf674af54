package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.voterroll.county.Places;

/**
 * Every page each role can reach, walked in a real headless Chromium and kept as a screenshot in
 * target/screenshots/walk/&lt;role&gt;-&lt;page&gt;.png to be looked at. On each page: the HTTP status the browser received,
 * a Chinese title and heading, no English code or word, no township, district or area code without its name beside it,
 * and no full identity number except on an item's page, where the clerk compares the digits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageWalkBrowserTest extends BrowserTestBase {
    static final Path SHOTS = ErrorPagesBrowserTest.SHOTS.resolve("walk");
    static final String BULK = "web-test-walk-";
    /** A county (6 digits), township (9), district (9-2) or village/community (12) code; not part of a run's id, a masked or longer number, a path or a file name. */
    static final Pattern PLACE_CODE = Pattern.compile("(?<![\\dA-Za-z/-])(\\d{9}-\\d{2}|\\d{12}|\\d{9}|\\d{6})(?![\\dA-Za-z_*-])");
    static final Pattern FULL_NUMBER = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");
    /** Latin letters a clerk may read: the file formats and the digest they check a download with. */
    static final Set<String> LATIN = Set.of("CSV", "Excel", "SHA", "GB18030", "SHA256SUMS");
    /** Names of files and directories, digests, credit codes: shown as they are, not words to translate. */
    static final Pattern NOT_WORDS = Pattern.compile("[^\\s，。：；（）()]+\\.(csv|xlsx|yml|html|md)(?![A-Za-z])|/[\\w./+-]*|\\b[0-9a-f]{64}\\b|\\b[0-9A-Z]{18}\\b"
            // a province run's id, as a county run's is its code and time
            + "|\\bprovince-\\d{8}-[\\w-]+");
    static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");

    @Autowired Places places;
    String runId;
    /** Each page looked at, role-page: what the report lists. */
    final List<String> walked = new ArrayList<>();

    /** Every page's findings in one report: a walk that stops at the first page would hide the others. */
    SoftAssertions soft;

    @BeforeEach
    void freshFindings() {
        soft = new SoftAssertions();
    }

    @AfterEach
    void findings() {
        soft.assertAll();
    }

    @AfterAll
    void removeTheItemsAdded() {
        jdbc.update("DELETE FROM exception_item WHERE fingerprint LIKE ?", BULK + "%");
        System.out.println("walked " + walked.size() + " pages: " + walked);
    }

    /** A queue of two pages, and the item kinds the fixture's data do not raise, so every page of the desk has something on it. */
    void queueWithEveryPage() {
        runId = latestRunId();
        long have = jdbc.queryForObject("SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND township_code = ?", Long.class, runId, TOWNSHIP);
        if (have <= 50) bulkItems(runId, TOWNSHIP, BULK, (int) (60 - have));
        noDistrictItem(runId, TOWNSHIP);
        countyOfficeItem(runId);
    }

    @Test
    @Order(1)
    void theOperatorsPages() throws Exception {
        runId = latestRunId();
        browser.open("/login");
        look("anonymous", "login", 200);
        browser.login(OPERATOR, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/operator");
        look("operator", "runs", 200);
        oneLine("operator-runs", "#jobs button, #jobs tr[id] td:first-child");
        soft.assertThat(browser.driver.findElements(By.cssSelector("#jobs tr[id] td:nth-child(5)"))).as("previous roll, said when there is none")
                .isNotEmpty().allSatisfy(c -> assertThat(c.getText()).isNotBlank());
        browser.navigate(By.linkText(runId));
        look("operator", "run", 200);
        soft.assertThat(browser.driver.findElements(By.cssSelector("#rejects td"))).as("rejected rows, said when there are none").isNotEmpty();
        browser.navigate(By.id("report"));
        look("operator", "report", 200);
        // the items are 异常 on every page a clerk reads; the report called them 例外
        soft.assertThat(browser.text(By.tagName("body"))).as("the report's word for the items").contains("异常事项").doesNotContain("例外");
        String failed = jdbc.queryForList("SELECT run_id FROM run WHERE county_code = ? AND status IN ('FAILED', 'REFUSED') ORDER BY started_at DESC",
                String.class, WebFixture.COUNTY).stream().findFirst().orElse(null);
        if (failed != null) {
            browser.open("/operator/runs/" + failed);
            look("operator", "run-not-published", 200);
        }
        browser.open("/operator/accounts");
        look("operator", "accounts", 200);
        browser.open("/operator/audit");
        look("operator", "audit", 200);
        new Select(browser.driver.findElement(By.id("filter-action"))).selectByValue("LOGIN");
        browser.navigate(By.id("filter"));
        assertThat(browser.driver.findElements(By.cssSelector("#audit tr[data-action]"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAttribute("data-action")).isEqualTo("LOGIN"));
        look("operator", "audit-filtered", 200);
        if (!browser.driver.findElements(By.id("next-page")).isEmpty()) {
            browser.open("/operator/audit?page=2");
            assertThat(browser.text(By.id("audit-count"))).contains("第 2 /");
            look("operator", "audit-page2", 200);
        }
        browser.open("/township");
        look("operator", "403", 403);
        browser.open("/operator/runs/" + WebFixture.COUNTY + "-19990101-000000");
        look("operator", "404", 404);
        browser.logout();
    }

    @Test
    @Order(2)
    void theTownshipClerksPages() throws Exception {
        queueWithEveryPage();
        browser.login(CLERK, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");
        look("township", "queue", 200);
        oneLine("township-queue", "#items td.names, #items td.raised");
        soft.assertThat(browser.text(By.id("run-line"))).as("the run is named, not counted").startsWith("运行 " + runId).doesNotContain("次运行");
        browser.navigate(By.id("page-2"));
        assertThat(browser.text(By.id("page-info"))).contains("第 2 / ");
        look("township", "queue-page2", 200);
        new Select(browser.driver.findElement(By.id("filter-level"))).selectByVisibleText("阻断");
        new Select(browser.driver.findElement(By.id("filter-state"))).selectByVisibleText("待处理");
        browser.navigate(By.id("filter"));
        assertThat(browser.driver.findElements(By.cssSelector("#items tr[data-code]")))
                .allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td:nth-child(3)")).getText()).isEqualTo("阻断"));
        look("township", "filtered", 200);
        browser.open("/township?district=" + OTHER_DISTRICT);
        look("township", "filtered-district", 200);
        // a stale link's unknown value is named in the refusal: a Chinese one, so that the page's own words are what is checked
        browser.open("/township?level=紧急");
        look("township", "filter-refused", 200);
        browser.open("/township");
        browser.driver.findElement(By.id("search")).sendKeys(WebFixture.ZHENG_HAO_NUMBER);
        browser.navigate(By.id("search-go"));
        look("township", "search", 200);
        browser.navigate(By.id("search-clear"));

        // one item of each kind the run raised for a township, opened by that township's clerk
        Map<String, String> clerks = Map.of(TOWNSHIP, CLERK, OTHER_TOWNSHIP, OTHER_CLERK);
        Map<String, int[]> kinds = new LinkedHashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("""
                SELECT code, township_code, MIN(item_no) AS item_no FROM exception_item
                WHERE run_id = ? AND township_code IS NOT NULL GROUP BY code, township_code ORDER BY code, township_code""", runId)) {
            String code = (String) r.get("code"), township = (String) r.get("township_code");
            if (kinds.containsKey(code) || !clerks.containsKey(township)) continue;
            kinds.put(code, new int[] {((Number) r.get("item_no")).intValue(), township.equals(TOWNSHIP) ? 0 : 1});
        }
        assertThat(kinds).containsKeys("MATCH_REVIEW", "NO_DISTRICT", "INMIGRANT_ELIGIBLE");
        String current = CLERK;
        for (var k : kinds.entrySet()) {
            String clerk = k.getValue()[1] == 0 ? CLERK : OTHER_CLERK;
            if (!clerk.equals(current)) {
                browser.logout();
                browser.login(clerk, PASSWORD);
                current = clerk;
            }
            browser.open("/township/runs/" + runId + "/items/" + k.getValue()[0]);
            lookAtItem("township", "item-" + k.getKey().toLowerCase().replace('_', '-'), "/township");
        }
        if (!current.equals(CLERK)) {
            browser.logout();
            browser.login(CLERK, PASSWORD);
        }
        // 北河县's request for 郑浩's certificate, opened from the queue's list of the province's requests
        browser.open("/township");
        browser.navigate(By.cssSelector("#province-requests a.request-link"));
        soft.assertThat(browser.driver.getCurrentUrl()).contains("/township/province/" + province().provinceRunId() + "/items/");
        lookAtItem("township", "item-certificate-request", "/township");
        soft.assertThat(browser.text(By.id("description"))).contains("北河县（341298）");
        // a district chosen for the NO_DISTRICT item: the decided page, and a decision line for the operator's audit log
        browser.open("/township/runs/" + runId + "/items/" + noDistrictItem(runId, TOWNSHIP));
        if (!browser.driver.findElements(By.id("decision-form")).isEmpty()) {
            new Select(browser.driver.findElement(By.id("district"))).selectByValue(OTHER_DISTRICT);
            browser.driver.findElement(By.id("verdict-CHOOSE_DISTRICT")).click();
            browser.navigate(By.id("decide"));
        }
        lookAtItem("township", "item-decided", "/township");
        browser.open("/operator/accounts");
        look("township", "403", 403);
        int otherTownships = jdbc.queryForObject("SELECT MIN(item_no) FROM exception_item WHERE run_id = ? AND township_code = ?",
                Integer.class, runId, OTHER_TOWNSHIP);
        browser.open("/township/runs/" + runId + "/items/" + otherTownships);
        look("township", "403-other-township", 403);
        browser.open("/township/runs/" + runId + "/items/99999");
        look("township", "404", 404);
        browser.logout();
    }

    @Test
    @Order(3)
    void theStationsPages() throws Exception {
        runId = latestRunId();
        browser.login(STATION, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/station/districts/" + DISTRICT);
        look("station", "district", 200);
        soft.assertThat(browser.driver.findElements(By.cssSelector("#downloads td"))).as("downloads, said when there are none").isNotEmpty();
        List<WebElement> runs = new Select(browser.driver.findElement(By.id("run"))).getOptions();
        if (runs.size() > 2) {
            new Select(browser.driver.findElement(By.id("run"))).selectByIndex(runs.size() - 1);
            browser.navigate(By.id("choose-run"));
            look("station", "earlier-run", 200);
        }
        browser.logout();
        browser.login(OTHER_STATION, PASSWORD);
        look("station", "district-blocking", 200);
        browser.open("/station/districts/" + DISTRICT);
        look("station", "403", 403);
        browser.open("/township");
        look("station", "403-township", 403);
        browser.open("/station/districts/" + OTHER_DISTRICT + "/runs/" + runId + "/files/NONE/csv");
        look("station", "404", 404);
        browser.logout();
    }

    @Test
    @Order(4)
    void theCountyOfficesPages() throws Exception {
        queueWithEveryPage();
        browser.login(COUNTY_OFFICE, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/county");
        look("county", "office", 200);
        browser.navigate(browser.driver.findElement(By.cssSelector("#items tr[data-code] a")));
        lookAtItem("county", "item", "/county");
        browser.open("/county");
        browser.navigate(By.id("tab-all"));
        look("county", "all", 200);
        oneLine("county-all", "#items td.names, #items td.raised");
        soft.assertThat(browser.text(By.id("run-line"))).as("the run is named, not counted").contains("运行 " + runId).doesNotContain("次运行");
        if (!browser.driver.findElements(By.id("page-2")).isEmpty()) {
            browser.navigate(By.id("page-2"));
            look("county", "all-page2", 200);
        }
        browser.open("/county/all?type=MATCH_REVIEW");
        look("county", "all-filtered", 200);
        browser.driver.findElement(By.id("search")).sendKeys("郑浩");
        browser.navigate(By.id("search-go"));
        look("county", "all-search", 200);
        browser.navigate(By.id("search-clear"));
        int townships = itemOf(runId, "MATCH_REVIEW", TOWNSHIP);
        browser.open("/county/runs/" + runId + "/items/" + townships);
        look("county", "403-township-item", 403);
        browser.open("/county/runs/" + runId + "/items/99999");
        look("county", "404", 404);
        browser.logout();
        browser.login(OTHER_COUNTY_OFFICE, PASSWORD);
        look("county", "office-no-run", 200);
        browser.logout();
    }

    @Test
    @Order(5)
    void theOperatorsAuditLogAfterTheOthersWork() throws Exception {
        runId = latestRunId();
        browser.login(OPERATOR, PASSWORD);
        if (!browser.driver.findElements(By.id("start-" + WebFixture.JOB)).isEmpty()) {
            browser.navigate(By.id("start-" + WebFixture.JOB));
            browser.await(120).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("status"), "已完成"));
            look("operator", "run-started", 200);
        }
        browser.open("/operator/audit");
        soft.assertThat(browser.text(By.id("audit"))).as("the others' work in the log").contains("开始核对", "指定选区");
        look("operator", "audit-after-work", 200);
        browser.logout();
    }

    /** An item's page: full numbers are shown (the digits are compared), each on one line; the way back to the list. */
    void lookAtItem(String role, String page, String list) throws Exception {
        look(role, page, 200, true);
        assertThat(browser.driver.findElement(By.id("back")).getAttribute("href")).endsWith(list);
        soft.assertThat(browser.driver.findElements(By.cssSelector("#links td"))).as("%s-%s: linked records, said when there are none", role, page).isNotEmpty();
        oneLine(role + "-" + page, "td.idno, #persons td, #links td:not(.address):not(.evidence-cell):not(.area):not(.file)");
    }

    @Test
    @Order(6)
    void theProvinceOfficesPages() throws Exception {
        browser.login(PROVINCE_OFFICE, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/province");
        look("province", "board", 200);
        oneLine("province-board", "#province-items td.idno, #province-items td.names, #counties td:first-child, #counties td.rate");
        soft.assertThat(browser.text(By.id("selected-run"))).isEqualTo(province().provinceRunId());
        soft.assertThat(browser.driver.findElements(By.cssSelector("#rate-chart rect.bar"))).as("a bar per county").hasSize(2)
                .allSatisfy(b -> assertThat(Integer.parseInt(b.getAttribute("width"))).isPositive());
        soft.assertThat(browser.driver.findElements(By.cssSelector("#counties tr[data-county]"))).hasSize(2);
        new Select(browser.driver.findElement(By.id("filter-county"))).selectByValue(NORTH);
        new Select(browser.driver.findElement(By.id("filter-type"))).selectByValue("CROSS_COUNTY_DUPLICATE");
        browser.navigate(By.id("filter"));
        assertThat(browser.driver.findElements(By.cssSelector("#province-items tr[data-code]"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAttribute("data-county")).isEqualTo(NORTH));
        soft.assertThat(browser.driver.getCurrentUrl()).doesNotContainPattern("\\d{15,18}");
        look("province", "board-filtered", 200);
        browser.navigate(By.linkText(province().provinceRunId()));
        look("province", "board-run", 200);
        browser.open("/county");
        look("province", "403", 403);
        browser.logout();
        browser.login(OTHER_PROVINCE_OFFICE, PASSWORD);
        look("province", "board-empty", 200);
        soft.assertThat(browser.text(By.tagName("main"))).contains("尚无省级运行").doesNotContain("北河县");
        browser.logout();
        // the operator's way in: the runs page links it
        browser.login(OPERATOR, PASSWORD);
        browser.navigate(By.cssSelector("#province-link a"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/province");
        look("operator", "province", 200);
        browser.logout();
    }

    /** Each district, area or identity number on the page that the browser broke over two lines (within one text node). */
    List<String> brokenCodes() {
        Object broken = browser.driver.executeScript("""
                var out = [], re = /(^|[^0-9])([0-9]{9}-[0-9]{2,3}|[0-9]{17}[0-9Xx]|[0-9]{12})(?![0-9])/g;
                var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;
                while ((n = walk.nextNode())) {
                  var m; re.lastIndex = 0;
                  while ((m = re.exec(n.data))) {
                    var r = document.createRange(), start = m.index + m[1].length;
                    r.setStart(n, start); r.setEnd(n, start + m[2].length);
                    var tops = new Set(); for (var b of r.getClientRects()) if (b.width > 0) tops.add(Math.round(b.top));
                    if (tops.size > 1) out.push(m[2]);
                  }
                }
                return out;""");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) broken;
        return codes.stream().map(c -> c.length() == 18 ? org.voterroll.normalize.IdNumbers.mask(c) : c).toList();
    }

    /** Cells whose text must not wrap: a number, a name or a word broken over lines is misread. */
    void oneLine(String where, String cells) {
        for (WebElement c : browser.driver.findElements(By.cssSelector(cells))) {
            Object tops = browser.driver.executeScript("""
                    var r = document.createRange(); r.selectNodeContents(arguments[0]);
                    var tops = new Set(); for (var b of r.getClientRects()) if (b.width > 0) tops.add(Math.round(b.top));
                    return tops.size;""", c);
            soft.assertThat(((Number) tops).intValue()).as("%s: “%s” on one line", where, c.getText()).isLessThanOrEqualTo(1);
        }
    }

    void look(String role, String page, int status) throws Exception {
        look(role, page, status, false);
    }

    /** The page shown now, as its role's user sees it: kept as a screenshot first, so that a page that fails is there to look at. */
    void look(String role, String page, int status, boolean numbersShown) throws Exception {
        String where = role + "-" + page;
        browser.keep(SHOTS, where);
        walked.add(where);
        Object received = browser.driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
        soft.assertThat(((Number) received).intValue()).as("%s: HTTP status", where).isEqualTo(status);
        soft.assertThat(browser.driver.findElements(By.cssSelector("main.error-page"))).as("%s: error page", where).hasSize(status >= 400 ? 1 : 0);
        soft.assertThat(browser.driver.getTitle()).as("%s: title", where).containsPattern("\\p{IsHan}{2}");
        List<String> headings = browser.driver.findElements(By.tagName("h1")).stream().map(WebElement::getText).toList();
        soft.assertThat(headings).as("%s: heading", where).isNotEmpty().allSatisfy(h -> assertThat(h).containsPattern("\\p{IsHan}{2}"));
        // an old office PC's window: nothing to scroll sideways for
        Object overflow = browser.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        soft.assertThat(((Number) overflow).intValue()).as("%s: wider than the window by", where).isLessThanOrEqualTo(0);
        soft.assertThat(brokenCodes()).as("%s: codes broken over two lines", where).isEmpty();
        String text = browser.text(By.tagName("body"));
        soft.assertThat(englishCodes(text)).as("%s: English codes", where).isEmpty();
        soft.assertThat(latinWords(text)).as("%s: English words", where).isEmpty();
        soft.assertThat(bareCodes(text)).as("%s: codes without their names", where).isEmpty();
        if (!numbersShown) soft.assertThat(FULL_NUMBER.matcher(text).results().map(r -> org.voterroll.normalize.IdNumbers.mask(r.group())).toList())
                .as("%s: identity numbers in full", where).isEmpty();
        soft.assertThat(browser.driver.getCurrentUrl()).as("%s: URL", where).doesNotContain(WebFixture.ZHENG_HAO_NUMBER);
    }

    /** Latin words on the page that are neither allowed nor an account's name (the names people chose for their accounts stay). */
    List<String> latinWords(String text) {
        String words = NOT_WORDS.matcher(text).replaceAll(" ");
        for (String account : jdbc.queryForList("SELECT name FROM account UNION SELECT created_by FROM account WHERE created_by IS NOT NULL ORDER BY 1 DESC",
                String.class)) words = words.replace(account, " ");
        return WORD.matcher(words).results().map(r -> r.group()).filter(w -> !LATIN.contains(w)).distinct().toList();
    }

    /** Each place code the page shows without the name the database has for it within a few characters (a page may name it once, beside it). */
    List<String> bareCodes(String text) {
        List<String> bare = new ArrayList<>();
        Matcher m = PLACE_CODE.matcher(text);
        while (m.find()) {
            String code = m.group(1);
            List<String> names = namesOf(code);
            if (names.isEmpty()) continue;
            String around = text.substring(Math.max(0, m.start() - 24), Math.min(text.length(), m.end() + 24));
            if (names.stream().noneMatch(around::contains)) bare.add(code + " in “" + around.replace('\n', ' ') + "”");
        }
        return bare;
    }

    /** The names the database has for a code: a district's or township's; for a village or community code its district's or township's. */
    List<String> namesOf(String code) {
        List<String> names = new ArrayList<>();
        if (code.length() == 12) {
            names.addAll(jdbc.queryForList("""
                    SELECT d.district_name FROM district_area a JOIN district d ON d.run_id = a.run_id AND d.district_code = a.district_code
                    WHERE a.run_id = ? AND a.area_code = ?""", String.class, runId, code));
            code = code.substring(0, 9);
        }
        String name = places.name(code);
        if (name != null) names.add(name);
        return names;
    }
}
