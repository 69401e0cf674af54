package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a clerk's browser shows when a page is refused or missing: a Chinese page under the CSP (the stylesheet applies),
 * with a link that leads back to the clerk's own page. The screenshots are kept in target/screenshots to be looked at.
 */
class ErrorPagesBrowserTest extends BrowserTestBase {
    static final Path SHOTS = Path.of("target/screenshots");

    void shot(String name) throws Exception {
        browser.keep(SHOTS, name);
    }

    @Test
    void aClerkRefusedOrLostFindsAChinesePageAndTheWayBack() throws Exception {
        browser.login(CLERK, PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");

        browser.open("/operator/accounts");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("无权访问");
        assertThat(browser.text(By.id("error-message"))).contains("无权");
        assertThat(browser.driver.getTitle()).contains("无权访问");
        // the stylesheet is this server's own file: the CSP lets it apply (the header's colour)
        assertThat(browser.driver.findElement(By.tagName("header")).getCssValue("background-color")).isEqualTo("rgba(139, 26, 26, 1)");
        shot("error-403");
        browser.navigate(By.id("home"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");

        browser.open("/township/no-such-page");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面不存在");
        shot("error-404");
        browser.navigate(By.id("home"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");

        // Tomcat's own refusal of an encoded "/" is the same Chinese page
        browser.open("/station/..%2foperator");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("请求有误");
        shot("error-400");
        browser.navigate(By.id("home"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/township");
        browser.logout();
    }

    @Test
    void noPageBreaksTheContentSecurityPolicy() throws Exception {
        browser.login(OPERATOR, PASSWORD);
        for (String path : new String[] {"/operator", "/operator/accounts", "/operator/audit", "/operator/no-such-page"}) {
            browser.open(path);
            var violations = browser.driver.manage().logs().get("browser").getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() && e.getMessage().contains("Content Security Policy")).toList();
            assertThat(violations).as(path).isEmpty();
        }
        // the check can fail: an inline style added to the page is refused by the policy, and the log says so
        browser.driver.executeScript("var s = document.createElement('style'); s.textContent = 'body{color:red}'; document.head.appendChild(s);");
        assertThat(browser.driver.manage().logs().get("browser").getAll())
                .anyMatch(e -> e.getMessage().contains("Content Security Policy") && e.getMessage().contains("style"));
        browser.logout();
    }
}
