package org.concurbridge.bridge.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, one per test class, signed in to the bridge under test
 * when a page asks for it. Register it as {@code @RegisterExtension static final Browser browser = new Browser();}:
 * it starts before the class's first test and quits after its last. Downloads nothing: the test command installs
 * both ({@code scripts/install-test-deps.sh}); a developer machine without them skips the browser tests with a
 * reason (CI fails instead).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ChromeDriverService service;
    private WebDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
        String missing = "Debian chromium and chromium-driver are not installed (run scripts/install-test-deps.sh)";
        if (System.getenv("CI") != null && !installed) {
            throw new IllegalStateException(missing); // CI must run the browser tests, never skip them
        }
        Assumptions.assumeTrue(installed, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=800,600",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            driver = null;
            service = null;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait of up to 20 s for what the page should come to show. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * Opens {@code path} of the bridge on {@code port}; when the bridge asks for the admin first, signs in (the bridge
     * then resumes the request).
     */
    public WebDriver open(int port, String path) {
        driver.get("http://localhost:" + port + path);
        if (driver.getCurrentUrl().contains("/login")) {
            signIn();
        }
        return driver;
    }

    /** Fills the bridge's sign-in page, on screen now, with the test admin and waits to leave it. */
    public void signIn() {
        driver.findElement(By.name("username")).sendKeys(SandboxForTests.ADMIN_USER);
        driver.findElement(By.name("password")).sendKeys(SandboxForTests.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for people reviewing the pages. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
