package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through its chromedriver, as every browser test starts it. */
final class Chromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("PLANMAP_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("PLANMAP_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** The header's 登录 form, filled in and sent as the editor would. */
    static void logInAsEditor(ChromeDriver browser, WebDriverWait wait, String password) {
        WebElement session = browser.findElement(By.id("session"));
        session.findElement(By.cssSelector("button.login")).click();
        WebElement form = session.findElement(By.cssSelector(".login-form"));
        wait.until(ExpectedConditions.visibilityOf(form));
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // Returns once the page knows the editor: a click on 工具 before that raced the session's answer and
        // found 导入正式数据 still hidden on a loaded machine.
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("class") != null
                && d.findElement(By.tagName("body")).getDomAttribute("class").contains("editor"));
    }

    static ChromeDriver start(Path profile) {
        assertThat(BINARY).as("Debian chromium is needed; bin/test installs it").isExecutable();
        assertThat(DRIVER).as("Debian chromium-driver is needed; bin/test installs it").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // The machine has no network beyond loopback: keep Chromium from reaching out at all.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        // The browser's console, to check that the Content-Security-Policy blocked nothing.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
