package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The township queue and the county office's pages in a real headless Chromium, as a clerk works them: page 2, a search by a
 * number typed in its 15-digit form, a filter, an item with its marked digits and weight chart, a decision that closes the
 * form; the county office's own items and the whole county read-only. Every page is checked for English codes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest extends BrowserTestBase {
    static final int BULK = 60;

    String runId;

    @AfterAll
    void removeTheItemsAdded() {
        // the items this test added stay out of the other tests' queues
        jdbc.update("DELETE FROM exception_item WHERE fingerprint LIKE 'web-test-bulk-%'");
    }

    @Test
    @Order(1)
    void aClerkPagesSearchesFiltersAndDecides() throws Exception {
        runId = latestRunId();
        bulkItems(runId, TOWNSHIP, "web-test-bulk-", BULK);
        int noDistrict = noDistrictItem(runId, TOWNSHIP);
        browser.login(CLERK, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");
        browser.shot("desk-township-queue");
        assertNoCodes("queue");
        assertThat(browser.text(By.tagName("h1"))).contains("河口乡", TOWNSHIP);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM exception_item WHERE run_id = ? AND township_code = ?", Long.class, runId, TOWNSHIP);
        assertThat(total).isGreaterThan(50);
        assertThat(browser.text(By.id("page-info"))).contains("共 " + total + " 项", "第 1 / 2 页");
        assertThat(rows()).hasSize(50);
        // open items first: the blocking ones of the fixture are on page 1, and the type counts say how many there are
        assertThat(browser.text(By.id("type-counts"))).contains("流入人员可登记", "关联待核对", "无选区");
        List<String> firstPage = rows().stream().map(r -> r.getAttribute("data-item")).toList();

        browser.navigate(By.id("page-2"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township?page=2");
        assertThat(browser.text(By.id("page-info"))).contains("第 2 / 2 页");
        List<String> secondPage = rows().stream().map(r -> r.getAttribute("data-item")).toList();
        assertThat(secondPage).hasSize((int) total - 50).doesNotContainAnyElementsOf(firstPage);
        browser.shot("desk-township-page2");

        // 郑浩's number typed in its 15-digit form with spaces: found by its 18-digit form, posted, never in the URL
        browser.driver.findElement(By.id("search")).sendKeys("341299 830418 143");
        browser.navigate(By.id("search-go"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township").doesNotContain("830418");
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.getAttribute("data-code")).isEqualTo("MATCH_REVIEW"));
        assertThat(browser.text(By.id("items"))).contains("郑浩", "关联待核对", "阻断");
        assertThat(browser.text(By.id("search-shown"))).isEqualTo("341299********1436");
        browser.shot("desk-township-search");
        browser.navigate(By.id("search-clear"));
        assertThat(rows()).hasSize(50);

        // a filter: the open blocking items, by type name in the drop-down; districts are offered by name
        assertThat(new Select(browser.driver.findElement(By.id("filter-district"))).getOptions()).extracting(WebElement::getText)
                .contains("河口乡第一选区（341299201-01）");
        new Select(browser.driver.findElement(By.id("filter-type"))).selectByVisibleText("无选区");
        new Select(browser.driver.findElement(By.id("filter-state"))).selectByVisibleText("待处理");
        browser.navigate(By.id("filter"));
        assertThat(browser.driver.getCurrentUrl()).contains("type=NO_DISTRICT", "state=open");
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.getAttribute("data-item")).isEqualTo(String.valueOf(noDistrict)));
        // an unknown value is said so, not answered with everything
        browser.open("/township?level=urgent");
        assertThat(browser.driver.findElements(By.cssSelector(".filter-problem"))).singleElement()
                .satisfies(p -> assertThat(p.getText()).contains("urgent", "级别"));
        assertThat(browser.driver.findElements(By.id("items"))).isEmpty();

        // the MATCH_REVIEW item: numbers unwrapped with the differing digits marked, the weights as a waterfall
        browser.open("/township?type=MATCH_REVIEW");
        browser.navigate(rows().get(0).findElement(By.tagName("a")));
        assertThat(browser.text(By.id("item-code"))).isEqualTo("关联待核对");
        assertThat(browser.text(By.id("item-level"))).isEqualTo("阻断");
        assertThat(browser.text(By.id("description"))).contains("城关镇第二选区（341299100-02）").doesNotContain("uncertain");
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("#links td.idno mark"));
        assertThat(marks).extracting(WebElement::getText).contains("7350");
        WebElement number = browser.driver.findElement(By.cssSelector("#persons td.idno"));
        assertThat(number.getText()).isEqualTo(WebFixture.ZHENG_HAO_NUMBER);
        assertThat(number.getSize().getHeight()).as("the number stays on one line").isLessThan(30);
        assertThat(browser.driver.findElements(By.cssSelector("svg.waterfall rect"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.text(By.cssSelector(".chart"))).contains("下限", "上限", "合计");
        assertThat(browser.text(By.id("persons"))).contains("男", "列入 河口乡第一选区（341299201-01）");
        assertNoCodes("item");
        browser.shot("desk-township-item");

        // the NO_DISTRICT item: a district of the clerk's own township, by name; the form closes and says what the next run does
        browser.open("/township/runs/" + runId + "/items/" + noDistrict);
        new Select(browser.driver.findElement(By.id("district"))).selectByVisibleText("河口乡第一选区（341299201-01）");
        browser.driver.findElement(By.id("verdict-CHOOSE_DISTRICT")).click();
        browser.navigate(By.id("decide"));
        assertThat(browser.text(By.id("saved"))).contains("已记录");
        assertThat(browser.driver.findElements(By.id("decision-form"))).isEmpty();
        assertThat(browser.text(By.id("decided"))).contains("已处理：指定选区", CLERK);
        assertThat(browser.text(By.id("next-run"))).contains("下次运行", "河口乡第一选区（341299201-01）");
        assertNoCodes("decided item");
        browser.shot("desk-township-decided");
        browser.open("/township?state=decided");
        assertThat(rows()).extracting(r -> r.getAttribute("data-item")).contains(String.valueOf(noDistrict));
        browser.logout();
    }

    @Test
    @Order(2)
    void theCountyOfficeDecidesItsItemsAndReadsTheCounty() throws Exception {
        runId = latestRunId();
        int office = countyOfficeItem(runId);
        browser.login(COUNTY_OFFICE, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/county");
        assertThat(rows()).extracting(r -> r.getAttribute("data-item")).containsExactly(String.valueOf(office));
        assertThat(browser.text(By.id("items"))).contains("钱无址", "关联待核对").doesNotContain("郑浩");
        assertNoCodes("county office");
        browser.shot("desk-county-office");
        browser.navigate(rows().get(0).findElement(By.tagName("a")));
        assertThat(browser.text(By.tagName("main"))).contains("无（由县选举委员会处理）");
        browser.driver.findElement(By.id("verdict-DISMISS")).click();
        browser.driver.findElement(By.id("note")).sendKeys("通知已退回外地选委补区划代码");
        browser.navigate(By.id("decide"));
        assertThat(browser.text(By.id("decided"))).contains("已处理：忽略", COUNTY_OFFICE);
        assertThat(browser.driver.findElements(By.id("decision-form"))).isEmpty();
        browser.shot("desk-county-decided");

        browser.open("/county/all");
        String townships = browser.text(By.id("townships"));
        assertThat(townships).contains("河口乡", "城关镇", "县选举委员会");
        assertThat(browser.text(By.id("items"))).contains("郑浩", "河口乡");
        // a township's item is read here, not opened: only the county office's own items link to a page
        for (WebElement r : rows()) {
            boolean linked = !r.findElements(By.tagName("a")).isEmpty();
            assertThat(linked).as("row %s", r.getAttribute("data-item")).isEqualTo(r.getAttribute("data-item").equals(String.valueOf(office)));
        }
        assertNoCodes("whole county");
        browser.shot("desk-county-all");
        browser.logout();
    }

    List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#items tr[data-code]"));
    }

    void assertNoCodes(String page) {
        assertThat(englishCodes(browser.text(By.tagName("main")))).as("English codes on the %s page", page).isEmpty();
    }
}
