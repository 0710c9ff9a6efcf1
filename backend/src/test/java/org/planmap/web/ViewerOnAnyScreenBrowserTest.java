package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The viewer at phone (390×844), tablet (768×1024) and desktop (1400×900) size, in Chinese and English, by
 * keyboard, checked by axe-core (issue 17). Screenshots in backend/target/screenshots/any-screen-*.png.
 */
@org.planmap.BrowserTest
class ViewerOnAnyScreenBrowserTest extends ScreenBrowserTest {

    ViewerOnAnyScreenBrowserTest() {
        super("any-screen-");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "phone,en", "tablet,zh", "tablet,en", "desktop,zh", "desktop,en"})
    void searchResultAndCardByKeyboardWithTheCountyInViewBesideTheCard(String size, String lang) throws Exception {
        openInLanguage(size, lang);
        assertThat(js("return document.documentElement.lang")).isEqualTo(lang.equals("en") ? "en" : "zh-CN");
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("nothing scrolls sideways").isLessThanOrEqualTo(0);
        WebElement search = browser.findElement(By.id("search-input"));
        assertThat(search.isDisplayed()).isTrue();
        assertThat(inViewport(search)).isTrue();
        WebElement exportData = browser.findElement(By.id("show-export"));
        boolean menu = !size.equals("desktop");
        if (menu) {
            assertThat(exportData.isDisplayed()).as("in the menu").isFalse();
            browser.findElement(By.id("menu-toggle")).click();
        }
        for (String id : List.of("show-table", "show-reader", "show-ledger", "export-image", "show-export", "lang-switch")) {
            WebElement control = browser.findElement(By.id(id));
            assertThat(control.isDisplayed()).as(id).isTrue();
            assertThat(inViewport(control)).as(id + " on screen").isTrue();
        }
        screenshot(size + "-" + lang + "-start" + (menu ? "-menu" : ""));
        if (menu) {
            search.sendKeys(Keys.ESCAPE); // the menu closes
            assertThat(exportData.isDisplayed()).isFalse();
        }
        assertThat(accessibilityProblems()).as("axe on the start page").isEmpty();
        if (lang.equals("en")) {
            assertThat(untranslated("header, .layer-panel, #legend")).isEmpty();
        }

        // Keyboard only: type, ↓ to the first result, Enter; the card opens and takes the focus.
        search.click();
        search.sendKeys(lang.equals("en") ? "xiaoyi" : "孝义");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li")));
        search.sendKeys(Keys.ARROW_DOWN);
        assertThat(search.getDomAttribute("aria-activedescendant")).isEqualTo("search-option-0");
        search.sendKeys(Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        wait.until(d -> card.getText().contains("I型小城市") || card.getText().contains("Type I small city"));
        assertThat(js("return document.activeElement.id")).isEqualTo("card");
        assertThat(card.getText()).contains("孝义市");
        if (lang.equals("en")) {
            assertThat(card.getText()).contains("Xiaoyi City", "Size tier", "Type I small city", "《山西省“十四五”新型城镇化规划》");
            wait.until(d -> !card.findElements(By.cssSelector(".passage")).isEmpty());
            assertThat(untranslated("#card")).isEmpty();
        }
        // The selection: a halo above every line layer, its centre on the map and not under the card.
        assertThat(browser.findElements(By.cssSelector(".leaflet-selection-pane path"))).hasSize(2);
        wait.until(d -> !(Boolean) js("return document.querySelector('.leaflet-zoom-anim') !== null"));
        Thread.sleep(400);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) js("""
                const s = document.querySelector('.leaflet-selection-pane path').getBoundingClientRect();
                const c = document.getElementById('card').getBoundingClientRect();
                const m = document.getElementById('map').getBoundingClientRect();
                const x = s.left + s.width / 2, y = s.top + s.height / 2;
                return { onMap: x > m.left && x < m.right && y > m.top && y < m.bottom,
                         underCard: x > c.left && x < c.right && y > c.top && y < c.bottom };""");
        assertThat(seen).containsEntry("onMap", true).containsEntry("underCard", false);
        assertThat(overlappingLabels()).as("place names shown overlap none other").isZero();
        assertThat(browser.findElements(By.cssSelector(".place-label.selected-label:not(.collides)")))
                .as("the chosen place's name always shows").hasSize(1);
        screenshot(size + "-" + lang + "-card");
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("nothing scrolls sideways with the card open").isLessThanOrEqualTo(0);
        assertThat(accessibilityProblems()).as("axe with the card open").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "tablet,en", "desktop,zh", "desktop,en"})
    void theLedgerTotalsEachLevelSortsAndKeepsTheChosenCountyInView(String size, String lang) throws Exception {
        openInLanguage(size, lang);
        unfoldMenu(size);
        browser.findElement(By.id("show-ledger")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger")));
        wait.until(d -> panel.findElements(By.cssSelector("tbody tr")).size() == 117);
        WebElement total = panel.findElement(By.cssSelector("tfoot tr.total"));
        assertThat(total.getText()).contains(lang.equals("en") ? "Total" : "合计");
        assertThat(panel.getText()).contains(lang.equals("en") ? "mu" : "亩");
        // Sorted by 面积 descending, the largest unit comes first.
        panel.findElement(By.cssSelector("button[data-column='1']")).click();
        panel.findElement(By.cssSelector("button[data-column='1']")).click();
        assertThat(panel.findElement(By.cssSelector("th[aria-sort=descending]")).getText()).isNotBlank();
        double first = area(panel.findElements(By.cssSelector("tbody tr")).get(0));
        double second = area(panel.findElements(By.cssSelector("tbody tr")).get(1));
        assertThat(first).isGreaterThanOrEqualTo(second);
        assertThat(accessibilityProblems()).as("axe on the ledger").isEmpty();
        WebElement row = panel.findElement(By.cssSelector("tr[data-adcode='141181']"));
        js("arguments[0].scrollIntoView({ block: 'center' })", row); // not under the sticky header
        row.click();
        wait.until(d -> browser.getCurrentUrl().contains("sel=county:141181"));
        wait.until(d -> !(Boolean) js("return document.querySelector('.leaflet-zoom-anim') !== null"));
        Thread.sleep(400);
        Boolean visible = (Boolean) js("""
                const s = document.querySelector('.leaflet-selection-pane path').getBoundingClientRect();
                const m = document.getElementById('map').getBoundingClientRect();
                const x = s.left + s.width / 2, y = s.top + s.height / 2;
                const free = (e) => { if (e.hidden) return true; const r = e.getBoundingClientRect();
                  return !(x > r.left && x < r.right && y > r.top && y < r.bottom); };
                return x > m.left && x < m.right && y > m.top && y < m.bottom
                  && free(document.getElementById('ledger')) && free(document.getElementById('card'));""");
        // The ledger lies along the map's foot (beside the card at desktop size, under it on a tablet, a sheet on a
        // phone), and the county comes to rest in the map they leave.
        assertThat(visible).as("the chosen county is beside the ledger and the card, not under them").isTrue();
        screenshot(size + "-" + lang + "-ledger");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,en", "desktop,zh"})
    void theReaderAndTheExportDialogPassAxe(String size, String lang) throws Exception {
        openInLanguage(size, lang);
        unfoldMenu(size);
        browser.findElement(By.id("show-reader")).click();
        WebElement reader = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
        wait.until(d -> !reader.findElements(By.cssSelector(".reader-body p")).isEmpty());
        assertThat(accessibilityProblems()).as("axe on the reader").isEmpty();
        assertThat(reader.findElements(By.cssSelector(".toc li"))).as("chapters, sections, 专栏").hasSizeGreaterThan(10);
        WebElement find = reader.findElement(By.name("q"));
        find.sendKeys("孝义");
        WebElement count = reader.findElement(By.cssSelector(".find .count"));
        wait.until(d -> count.getText().startsWith("1 "));
        int hits = reader.findElements(By.cssSelector("mark.hit")).size();
        assertThat(hits).isGreaterThan(1);
        assertThat(count.getText()).contains(String.valueOf(hits));
        find.sendKeys(Keys.ENTER);
        assertThat(count.getText()).startsWith("2 ");
        assertThat(reader.findElements(By.cssSelector("mark.hit.here"))).hasSize(1);
        screenshot(size + "-" + lang + "-reader");
        // The place read is in the permalink, and the link opens the reader there.
        String at = (String) js("return document.querySelector('#reader .current').dataset.start");
        String link = browser.getCurrentUrl();
        assertThat(link).contains("doc=").contains("at=" + at);
        open(size, link.substring(link.indexOf('#')));
        WebElement reopened = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .current")));
        assertThat(reopened.getDomAttribute("data-start")).isEqualTo(at);
        browser.findElement(By.cssSelector("#reader .close")).click();
        unfoldMenu(size);
        browser.findElement(By.id("show-export")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export")));
        assertThat(js("return document.querySelector('#export select[name=layer]').value"))
                .as("the layer in view at start").isEqualTo("counties");
        assertThat(dialog.getText()).contains(lang.equals("en") ? "Export data" : "导出数据");
        assertThat(accessibilityProblems()).as("axe on the export dialog").isEmpty();
        screenshot(size + "-" + lang + "-export");
    }

    private int overlappingLabels() {
        return ((Number) js("""
                const shown = [...document.querySelectorAll('.leaflet-tooltip.place-label')]
                  .filter((l) => l.offsetParent !== null && getComputedStyle(l).visibility !== 'hidden')
                  .map((l) => l.getBoundingClientRect());
                let n = 0;
                shown.forEach((a, i) => shown.slice(i + 1).forEach((b) => {
                  if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++;
                }));
                return n;""")).intValue();
    }

    private static double area(WebElement row) {
        return Double.parseDouble(row.findElements(By.tagName("td")).get(0).getText().replace(",", ""));
    }
}
