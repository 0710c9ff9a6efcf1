package org.planmap.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real server and the viewer in headless Chromium at phone (390×844), tablet (768×1024) or desktop (1400×900)
 * size: opening it, screenshots in backend/target/screenshots/{prefix}*.png, axe-core's serious and critical
 * findings, text left untranslated in English mode. Every browser test starts from here, so that it says only what it
 * tests.
 */
abstract class ScreenBrowserTest extends ServerTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Map<String, Dimension> SIZES = Map.of("phone", new Dimension(390, 844), "tablet", new Dimension(768, 1024),
            "desktop", new Dimension(1400, 900));

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    String url(String fragment) {
        return "http://localhost:" + port + "/" + fragment;
    }

    /** The viewer at desktop size. */
    void open(String fragment) {
        open("desktop", fragment);
    }

    /** The viewer at this size in Chinese ({@code zh}) or English ({@code en}). */
    void openInLanguage(String size, String lang) {
        open(size, lang.equals("en") ? "#lang=en" : "");
    }

    /** On a phone or tablet the header's controls fold into its menu: open it there; a desktop shows them all. */
    void unfoldMenu(String size) {
        if (!size.equals("desktop")) {
            browser.findElement(By.id("menu-toggle")).click();
        }
    }

    void open(String size, String fragment) {
        // The device's own viewport (headless Chromium will not make a window narrower than 500 px).
        Dimension screen = SIZES.get(size);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width, "height", screen.height,
                "deviceScaleFactor", 1, "mobile", size.equals("phone")));
        browser.get("about:blank");
        browser.get(url(fragment));
        wait.until(d -> "true".equals(js("return document.body && document.body.dataset.ready")));
    }

    void screenshot(String name) throws Exception {
        wait.until(d -> !(Boolean) js("return document.querySelector('.leaflet-zoom-anim') !== null"));
        Thread.sleep(300); // the label pass runs on the next frame
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(prefix + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's serious and critical findings, each as rule id and the first element it names. */
    List<String> accessibilityProblems() {
        return accessibilityProblems(new AxeBuilder());
    }

    /** The same within the elements {@code selector} finds. */
    List<String> accessibilityProblems(String selector) {
        return accessibilityProblems(new AxeBuilder().include(selector));
    }

    private List<String> accessibilityProblems(AxeBuilder axe) {
        // Legacy mode runs in the page itself instead of opening windows; the viewer has no frames to follow.
        Results results = axe.setLegacyMode(true).analyze(browser);
        return results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    /** Visible text with Chinese characters outside an element marked lang="zh" (plan text, place names). */
    List<String> untranslated(String selector) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js("""
                const out = [];
                document.querySelectorAll(arguments[0]).forEach((root) => {
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const e = n.parentElement;
                    if (!/[\\u4e00-\\u9fff]/.test(n.nodeValue) || e.closest('[lang|=zh]') || !e.checkVisibility()) continue;
                    out.push(n.nodeValue.trim());
                  }
                });
                return out;""", selector);
        return found;
    }

    boolean inViewport(WebElement e) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;", e);
    }

    private final String prefix;

    ScreenBrowserTest(String prefix) {
        this.prefix = prefix;
    }
}
