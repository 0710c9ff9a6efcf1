package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The header at 1400×900, 768×1024 and 390×844 in both languages (issue 17): the plan's full title beside one
 * 工具/Tools menu button, the menu by keyboard (the WAI-ARIA menu button pattern), the print it opens asking for a
 * PDF in the viewer's language, and the cards' tier badges readable (WCAG AA) in every tier colour of the style
 * file. Screenshots in backend/target/screenshots/header-*.png.
 */
@org.planmap.BrowserTest
class ToolsMenuBrowserTest extends ScreenBrowserTest {

    ToolsMenuBrowserTest() {
        super("header-");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"desktop,zh", "desktop,en", "tablet,zh", "tablet,en", "phone,zh", "phone,en"})
    void theToolsMenuOpensMovesAndClosesByKeyboardBesideTheFullTitle(String size, String lang) throws Exception {
        openInLanguage(size, lang);
        screenshot(size + "-" + lang);
        WebElement title = browser.findElement(By.cssSelector(".bar h1"));
        if (size.equals("desktop")) {
            assertThat((Boolean) js("const h = arguments[0]; return h.scrollWidth <= h.clientWidth;", title))
                    .as("the title is not cut short: " + js("return arguments[0].scrollWidth + ' > ' + arguments[0].clientWidth", title))
                    .isTrue();
        }
        boolean collapsed = !size.equals("desktop");
        unfoldMenu(size);
        WebElement button = browser.findElement(By.id("tools-button"));
        WebElement menu = browser.findElement(By.id("tools-menu"));
        assertThat(button.getText()).startsWith(lang.equals("en") ? "Tools" : "工具");
        assertThat(inViewport(button)).isTrue();
        assertThat(menu.isDisplayed()).isFalse();

        // Enter opens on the first tool; the arrows go round; Escape closes with the focus back on 工具.
        js("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(focused()).isEqualTo("show-review");
        active().sendKeys(Keys.ARROW_DOWN);
        assertThat(focused()).isEqualTo("show-print");
        active().sendKeys(Keys.ARROW_UP);
        active().sendKeys(Keys.ARROW_UP);
        assertThat(focused()).as("round to the last tool an anonymous user sees (导入 is an editor's)").isEqualTo("show-history");
        active().sendKeys(Keys.HOME);
        assertThat(focused()).isEqualTo("show-review");
        active().sendKeys(Keys.END);
        assertThat(focused()).isEqualTo("show-history");
        for (WebElement item : menu.findElements(By.cssSelector("[role=menuitem]"))) {
            if (item.isDisplayed()) {
                assertThat(inViewport(item)).as(item.getText() + " on screen").isTrue();
            }
        }
        screenshot(size + "-" + lang + "-tools");
        assertThat(accessibilityProblems()).as("axe with the tools open").isEmpty();
        if (lang.equals("en")) {
            assertThat(untranslated("header")).isEmpty();
        }
        active().sendKeys(Keys.ESCAPE);
        assertThat(menu.isDisplayed()).isFalse();
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(focused()).isEqualTo("tools-button");
        if (collapsed) {
            assertThat((Boolean) js("return document.body.classList.contains('menu-open')"))
                    .as("Escape in the tools closes only them").isTrue();
        }

        // ↑ opens on the last tool, Space too on the first; Enter on 打印 opens the print dialog and closes the menu.
        button.sendKeys(Keys.ARROW_UP);
        assertThat(focused()).isEqualTo("show-history");
        active().sendKeys(Keys.ESCAPE);
        button.sendKeys(Keys.SPACE);
        assertThat(focused()).isEqualTo("show-review");
        active().sendKeys(Keys.ARROW_DOWN);
        active().sendKeys(Keys.ENTER);
        WebElement print = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("print")));
        assertThat(menu.isDisplayed()).isFalse();
        String pdf = print.findElement(By.cssSelector("a.print-pdf")).getDomAttribute("href");
        String atlas = print.findElement(By.cssSelector("a.atlas")).getDomAttribute("href");
        if (lang.equals("en")) {
            assertThat(pdf).contains("lang=en");
            assertThat(atlas).isEqualTo("/api/atlas.pdf?adcode=14&lang=en");
            assertThat(print.getText()).doesNotContain("Chinese");
        } else {
            assertThat(pdf).doesNotContain("lang=en");
            assertThat(atlas).isEqualTo("/api/atlas.pdf?adcode=14");
        }
        // A click elsewhere closes an open menu.
        if (collapsed) {
            browser.findElement(By.cssSelector("#print .close")).click();
            browser.findElement(By.id("menu-toggle")).click();
        }
        button.click();
        assertThat(menu.isDisplayed()).isTrue();
        browser.findElement(By.cssSelector(".bar h1")).click();
        assertThat(menu.isDisplayed()).isFalse();
    }

    /**
     * Every tier colour of the style file under the text the card puts on it reaches 4.5:1, computed here with
     * WCAG's formula from the file's colours and the colour the viewer chose; and on the cards of 大同市 (II型大城市)
     * and 吕梁市 (中等城市), whose oranges failed with white and with dark text, as drawn.
     */
    @Test
    void everyTierBadgeReachesWcagAaInBothLanguages() throws Exception {
        JsonNode tiers;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/styles/planmap-styles.json")) {
            tiers = JSON.readTree(in).get("layers").get("counties").get("fillBy");
        }
        List<String> colours = new ArrayList<>();
        tiers.get("values").forEach(c -> colours.add(c.asString()));
        colours.add(tiers.get("default").asString());
        assertThat(colours).hasSize(6);
        open("desktop", "");
        for (String colour : colours) {
            String text = (String) browser.executeAsyncScript(
                    "import('/js/tiers.js').then((m) => arguments[1](m.textOn(arguments[0])));", colour);
            assertThat(contrast(colour, text)).as(colour + " under " + text).isGreaterThanOrEqualTo(4.5);
        }
        for (String lang : List.of("zh", "en")) {
            for (String city : List.of("140200", "141100")) {
                open(size(city), "#sel=city:" + city + (lang.equals("en") ? "&lang=en" : ""));
                WebElement badge = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card .tier")));
                @SuppressWarnings("unchecked")
                Map<String, String> drawn = (Map<String, String>) js("const s = getComputedStyle(arguments[0]);"
                        + "return { background: s.backgroundColor, color: s.color };", badge);
                assertThat(contrast(hex(drawn.get("background")), hex(drawn.get("color")))).as(city + " " + drawn)
                        .isGreaterThanOrEqualTo(4.5);
                assertThat(accessibilityProblems("#card")).as("axe on the card of " + city).isEmpty();
                screenshot("card-" + city + "-" + lang);
            }
        }
    }

    private static String size(String city) {
        return city.equals("140200") ? "desktop" : "tablet";
    }

    private String focused() {
        return (String) js("return document.activeElement.id");
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    /** rgb(217, 72, 1) as #d94801. */
    private static String hex(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return String.format("#%02x%02x%02x", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** WCAG 2's contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
