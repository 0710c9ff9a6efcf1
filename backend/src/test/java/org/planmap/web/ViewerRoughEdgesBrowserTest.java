package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.account.Account;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The viewer's last rough edges (issue 17) at phone, tablet and desktop size in both languages: the legend beside an
 * open card, the plan's title beside a long editor name, and a planner's walk through every panel and dialog with
 * nothing cut, off-screen or scrolling sideways. The walk's 历史版本 lists an imported version of the red line beside the
 * demonstration set, so that it has a 对比 to show. Screenshots in backend/target/screenshots/edges-*.png.
 */
@org.planmap.BrowserTest
class ViewerRoughEdgesBrowserTest extends ScreenBrowserTest {

    /** A department's account as planners name them: 20 characters with the prefix 编辑：. */
    static final String LONG_NAME = "太原市自然资源和规划局张三";
    static final String LONG_NAME_PASSWORD = "long-name-password-123";
    static final String PASSWORD = "rough-edges-editor-pw";
    static final String RED_LINE = "ecological-protection-redline";
    static boolean imported;

    @Autowired
    SqlRecords records;

    @Autowired
    PasswordEncoder encoder;

    ViewerRoughEdgesBrowserTest() {
        super("edges-");
    }

    /** It imports, so it has a server of its own. */
    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    @BeforeEach
    void importARedLineVersion() throws Exception {
        if (imported) {
            return;
        }
        CompareBrowserTest.importField(port, PASSWORD, RED_LINE, "field", CompareBrowserTest.WEST);
        imported = true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"tablet,zh", "tablet,en", "desktop,en"})
    void theOpenLegendStaysBesideTheOpenCard(String size, String lang) throws Exception {
        open(size, "#map=9/37.2/111.6&sel=county:141181" + (lang.equals("en") ? "&lang=en" : ""));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        wait.until(d -> card.getText().contains("141181"));
        WebElement legend = browser.findElement(By.id("legend"));
        assertThat(legend.findElement(By.tagName("details")).getDomProperty("open")).as("open on a tall screen").isEqualTo("true");
        screenshot(size + "-" + lang + "-legend-card");
        assertThat(overlap(legend, card)).as("the legend reaches under the card").isFalse();
        // The permalink's county comes to rest in the map the legend and the card leave free, as after a search.
        WebElement chosen = browser.findElement(By.cssSelector(".leaflet-selection-pane path"));
        assertThat(overlap(chosen, legend)).as("the chosen county under the legend").isFalse();
        assertThat(overlap(chosen, card)).as("the chosen county under the card").isFalse();
        assertThat(inViewport(chosen)).as("the chosen county on screen").isTrue();
        assertThat((Boolean) js("const l = arguments[0]; return l.scrollWidth <= l.clientWidth;", legend))
                .as("the legend's table fits its box, no sideways scroll inside it").isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"desktop,zh", "desktop,en", "tablet,zh", "tablet,en", "phone,zh", "phone,en"})
    void aLongEditorNameLeavesThePlansTitleWhole(String size, String lang) throws Exception {
        if (records.find(LONG_NAME).isEmpty()) {
            records.add(new Account(LONG_NAME, Role.EDITOR, encoder.encode(LONG_NAME_PASSWORD), true, Instant.now()));
        }
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of()); // a session left by another case
        open(size, lang.equals("en") ? "#lang=en" : "");
        boolean menu = !size.equals("desktop");
        if (menu) {
            browser.findElement(By.id("menu-toggle")).click();
        }
        WebElement session = browser.findElement(By.id("session"));
        session.findElement(By.cssSelector("button.login")).click();
        WebElement form = session.findElement(By.cssSelector(".login-form"));
        wait.until(ExpectedConditions.visibilityOf(form));
        WebElement user = form.findElement(By.name("username"));
        user.clear();
        user.sendKeys(LONG_NAME);
        form.findElement(By.name("password")).sendKeys(LONG_NAME_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement who = session.findElement(By.cssSelector(".who"));
        wait.until(d -> who.isDisplayed());
        if (menu && !(Boolean) js("return document.body.classList.contains('menu-open')")) {
            browser.findElement(By.id("menu-toggle")).click(); // choosing 登录 closed the menu
        }
        screenshot(size + "-" + lang + "-long-editor");
        WebElement title = browser.findElement(By.cssSelector(".bar h1"));
        assertThat((Boolean) js("const h = arguments[0]; return h.scrollWidth <= h.clientWidth;", title))
                .as("the title is not cut short: " + js("return arguments[0].scrollWidth + ' > ' + arguments[0].clientWidth", title))
                .isTrue();
        assertThat(inViewport(title)).isTrue();
        assertThat(who.isDisplayed()).isTrue();
        assertThat(inViewport(who)).as("the editor's name on screen").isTrue();
        // Shortened to fit when it must, the whole name is a hover (and the accessible name) away.
        assertThat(who.getText()).contains(LONG_NAME.substring(0, 3));
        assertThat(who.getDomAttribute("title")).contains(LONG_NAME);
        for (String id : List.of("search-input", "lang-switch")) {
            assertThat(inViewport(browser.findElement(By.id(id)))).as(id + " on screen").isTrue();
        }
        assertThat(inViewport(session.findElement(By.cssSelector("button.logout")))).as("退出 on screen").isTrue();
        assertThat(sideways()).as("nothing scrolls sideways").isLessThanOrEqualTo(0);
        session.findElement(By.cssSelector("button.logout")).click();
        wait.until(d -> !who.isDisplayed());
    }

    /**
     * A planner's walk: each panel and dialog the header and the map offer, opened one after the other. None may
     * reach off the screen or make the page scroll sideways, and in English none may show Chinese outside plan text
     * and place names. Each closes by Escape from where the focus is once it opened, and none leaves the focus on
     * nothing as it closes.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "phone,en", "tablet,zh", "tablet,en", "desktop,zh", "desktop,en"})
    void everyPanelAndDialogFitsTheScreen(String size, String lang) throws Exception {
        open(size, "#map=9/37.2/111.6&sel=county:141181" + (lang.equals("en") ? "&lang=en" : ""));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        List<String> problems = new ArrayList<>();
        // Typed in, the placeholder's words overflow exactly when they were cut (the box keeps room for its × either way).
        double cut = ((Number) js("""
                const input = document.getElementById('search-input');
                input.value = input.placeholder;
                const cut = input.scrollWidth - input.clientWidth;
                input.value = '';
                return cut;""")).doubleValue();
        if (cut > 0) {
            problems.add("the search box cuts its placeholder by " + Math.round(cut) + " px");
        }
        check(size, lang, "card", "card", problems);
        browser.findElement(By.cssSelector("#card .close")).click();
        focusKept("card", problems);
        browser.findElement(By.cssSelector(".layer-panel summary")).click();
        check(size, lang, "layers", ".layer-panel", problems);
        browser.findElement(By.cssSelector(".layer-panel summary")).click();
        for (Map.Entry<String, String> view : List.of(Map.entry("show-table", "tier-view"), Map.entry("show-reader", "reader"),
                Map.entry("show-ledger", "ledger"), Map.entry("show-export", "export"))) {
            header(size, view.getKey());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(view.getValue())));
            Thread.sleep(500); // tables and text arrive
            check(size, lang, view.getValue(), "#" + view.getValue(), problems);
            closeByEscape(view.getValue(), "#" + view.getValue(), problems);
        }
        for (Map.Entry<String, String> tool : List.of(Map.entry("show-review", "review"), Map.entry("show-print", "print"),
                Map.entry("show-measure", "measure"), Map.entry("show-history", "history"))) {
            header(size, "tools-button");
            check(size, lang, "tools-menu", "#tools-menu", problems);
            browser.findElement(By.id(tool.getKey())).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(tool.getValue())));
            Thread.sleep(500);
            check(size, lang, tool.getValue(), "#" + tool.getValue(), problems);
            closeByEscape(tool.getValue(), "#" + tool.getValue(), problems);
        }
        header(size, "show-login");
        check(size, lang, "login", ".login-form", problems);
        closeByEscape("login", "#session .login-form", problems);
        assertThat(problems).isEmpty();
    }

    /** Escape sent where the focus is; a panel it leaves open is closed by its × so that the walk goes on. */
    private void closeByEscape(String name, String selector, List<String> problems) {
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        WebElement shown = browser.findElement(By.cssSelector(selector));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> !shown.isDisplayed());
        } catch (TimeoutException e) {
            problems.add(name + " stays open after Escape (focus on " + js("return document.activeElement.outerHTML.slice(0, 80)") + ")");
            shown.findElement(By.cssSelector(".close, .cancel")).click();
        }
        focusKept(name, problems);
    }

    private void focusKept(String name, List<String> problems) {
        if (!(Boolean) js("const a = document.activeElement; return a !== null && a !== document.body && a.getClientRects().length > 0;")) {
            problems.add("closing " + name + " leaves the focus on nothing");
        }
    }

    /** Opens a header control, through 菜单 below desktop size; show-login is the session's 登录. */
    private void header(String size, String id) {
        if (!size.equals("desktop") && !(Boolean) js("return document.body.classList.contains('menu-open')")) {
            browser.findElement(By.id("menu-toggle")).click();
        }
        By control = id.equals("show-login") ? By.cssSelector("#session button.login") : By.id(id);
        browser.findElement(control).click();
    }

    private void check(String size, String lang, String name, String selector, List<String> problems) throws Exception {
        screenshot(size + "-" + lang + "-" + name);
        WebElement shown = browser.findElement(By.cssSelector(selector.equals("card") ? "#card" : selector));
        if (!inViewport(shown)) {
            problems.add(name + " reaches off the screen: " + js("const r = arguments[0].getBoundingClientRect();"
                    + "return [r.left, r.top, r.right, r.bottom, window.innerWidth, window.innerHeight].join(' ')", shown));
        }
        if (name.equals("ledger")) {
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) js("""
                    return [...document.querySelectorAll('#ledger tbody th[scope=row]')].filter((th) => {
                      const range = document.createRange();
                      range.selectNodeContents(th.querySelector('[lang|=zh]') || th);
                      return range.getClientRects().length > 1;
                    }).map((th) => th.textContent);""");
            if (!broken.isEmpty()) {
                problems.add("ledger breaks names over lines: " + broken.subList(0, Math.min(5, broken.size())));
            }
        }
        if (name.equals("history")) {
            // Each older version's 对比 whole inside the sheet (its table scrolls sideways within it) and the screen.
            @SuppressWarnings("unchecked")
            List<String> cutButtons = (List<String>) js("""
                    return [...document.querySelectorAll('#history button[data-compare]')].filter((b) => {
                      const r = b.getBoundingClientRect(), box = b.closest('.table-body').getBoundingClientRect();
                      return r.left < box.left || r.right > box.right || r.left < 0 || r.right > window.innerWidth;
                    }).map((b) => b.dataset.compare);""");
            if (shown.findElements(By.cssSelector("button[data-compare]")).isEmpty()) {
                problems.add("history offers no older version to compare");
            }
            if (!cutButtons.isEmpty()) {
                problems.add("history cuts off the compare button of versions " + cutButtons);
            }
            accessibilityProblems("#history").forEach(found -> problems.add("history: axe " + found));
        }
        if (sideways() > 0) {
            problems.add(name + " makes the page scroll sideways by " + sideways() + " px");
        }
        if (lang.equals("en")) {
            // A file name is quoted as the zip holds it (“字段对照.csv”).
            List<String> chinese = untranslated(selector.equals("card") ? "#card" : selector).stream()
                    .filter(text -> text.replaceAll("“[^”]+\\.\\w+”", "").codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff))
                    .toList();
            if (!chinese.isEmpty()) {
                problems.add(name + " shows Chinese in English mode: " + chinese);
            }
        }
    }

    private int sideways() {
        return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    private boolean overlap(WebElement a, WebElement b) {
        return (Boolean) js("""
                const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;""", a, b);
    }
}
