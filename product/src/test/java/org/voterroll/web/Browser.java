package org.voterroll.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver (ops/ensure-chromium.sh installs both); nothing is downloaded. */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium", CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final String base;

    Browser(String base) throws Exception {
        this.base = base;
        this.profile = Files.createTempDirectory("voter-roll-chromium");
        this.downloads = Files.createTempDirectory("voter-roll-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=zh-CN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void open(String path) {
        driver.get(base + path);
    }

    void login(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        navigate(By.id("login"));
    }

    void logout() {
        navigate(By.id("logout"));
    }

    /**
     * Clicks what loads a new page and waits until the old page is gone: a click returns before a form's POST
     * has answered, and the next look at the page (or a page opened now, aborting the POST) would see the old one.
     */
    void navigate(By clickable) {
        navigate(driver.findElement(clickable));
    }

    void navigate(org.openqa.selenium.WebElement clickable) {
        org.openqa.selenium.WebElement page = driver.findElement(By.tagName("html"));
        clickable.click();
        await(60).until(d -> isGone(page));
    }

    /** Stale, or (Chromium, mid-navigation) a node that "does not belong to the document": the old page is gone. */
    private static boolean isGone(org.openqa.selenium.WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) return true;
            throw e;
        }
    }

    /** With -Dvoter-roll.screenshots=DIR the flows leave a PNG of each page they pass, to look at the pages as people see them. */
    void shot(String name) throws java.io.IOException {
        String dir = System.getProperty("voter-roll.screenshots");
        if (dir != null) keep(Path.of(dir), name);
    }

    /** A PNG of the page as shown, kept as a test artefact whatever the properties say: the pages that are looked at. */
    Path keep(Path dir, String name) throws java.io.IOException {
        // the whole page, not the window: what lies below the fold is looked at too
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", Math.min(((Number) size.get("height")).doubleValue(), 8000));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        byte[] png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
        return Files.write(Files.createDirectories(dir).resolve(name + ".png"), png);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    WebDriverWait await(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(250));
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        org.springframework.util.FileSystemUtils.deleteRecursively(downloads);
    }
}
