package id.siaga.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code chromium}, {@code chromium-driver}) driven through Selenium, one browser
 * (one cookie jar: one logged-in person) per instance. A missing Chromium fails the test in CI and skips it
 * elsewhere ({@link Peers}). Screenshots go to {@code target/screenshots/}. Closing the browser fails the test if a page
 * broke the server's Content-Security-Policy (the browser's console says so).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SIAGA_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SIAGA_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser for the server at {@code http://127.0.0.1:port}, phone-sized if asked. */
    public static Browser open(int port, boolean phone) {
        Peers.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium (" + CHROMIUM + ", " + CHROMEDRIVER + "; Debian packages chromium and chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-quic", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=id-ID",
                "--autoplay-policy=no-user-gesture-required", phone ? "--window-size=412,915" : "--window-size=1440,900");
        // the page's console, read on close: a Content-Security-Policy violation fails the test (see close())
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, "http://127.0.0.1:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String base() {
        return base;
    }

    /**
     * Waits (up to 15 s) until the condition holds and returns its value. An element the page re-rendered while the
     * condition read it (stale) is read again on the next poll: live consoles redraw their lists on every event.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(what)
                // a page being replaced (a redirect to the login page) leaves elements stale or not interactable for a moment
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(condition);
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the pages' consoles said about the Content-Security-Policy since the last call: every script, style, image or
     * connection the policy refused. The consoles must pass under the policy, so a browser test fails on any.
     */
    public java.util.List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Closes the browser; fails if any page broke the Content-Security-Policy while it was open. */
    @Override
    public void close() {
        java.util.List<String> violations;
        try {
            violations = contentSecurityPolicyViolations();
        } finally {
            driver.quit();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("the pages broke the Content-Security-Policy:\n" + String.join("\n", violations));
        }
    }
}
