package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The web tests that look at the pages in a real headless Chromium: one browser for the class's tests, in their order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase extends WebTestBase {
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
}
