package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 历史版本 panel and the 卷帘 swipe (issue 19) in a real Chromium: after two imports of 永久基本农田 the panel lists
 * the demonstration set and both files, 对比 puts the older version left of a divider the keyboard moves and the
 * current one right of it (both as the line's tiles, the older with version=N), beside the per-county diff; a print
 * meanwhile prints the older version; an editor restores. Screenshots in
 * backend/target/screenshots/compare-*.png.
 */
@org.planmap.BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareBrowserTest extends ScreenBrowserTest {

    static final String PASSWORD = "compare-browser-test-pw";
    static final String FARMLAND = "permanent-basic-farmland";
    /** Two fields far apart, west and east of Taiyuan: each import holds one, so each side of the swipe shows one. */
    static final double[] WEST = {112.20, 37.70, 112.45, 37.90};
    static final double[] EAST = {112.95, 37.70, 113.20, 37.90};
    static final String VIEW = "#map=9/37.8000/112.7000&layers=counties";
    static boolean imported;

    CompareBrowserTest() {
        super("compare-");
    }

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    static String field(String file, double[] box) {
        return String.format(Locale.ROOT, """
                {"type": "FeatureCollection", "name": "%s", "features": [{"type": "Feature", "properties": {"名称": "%s"},
                 "geometry": {"type": "Polygon", "coordinates": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}]}""",
                file, file, box[0], box[1], box[2], box[1], box[2], box[3], box[0], box[3], box[0], box[1]);
    }

    @BeforeEach
    void importTwice() throws Exception {
        if (imported) {
            return;
        }
        importField(port, PASSWORD, FARMLAND, "west", WEST);
        importField(port, PASSWORD, FARMLAND, "east", EAST);
        imported = true;
    }

    /** {@code name}.geojson, one field over {@code box}, imported into {@code layer} by the editor as an upload. */
    static void importField(int port, String password, String layer, String name, double[] box) throws Exception {
        Multipart body = Multipart.file(name + ".geojson", field(name, box).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/layers/" + layer + "/import"))
                        .header("Content-Type", body.contentType())
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString(("editor:" + password).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** 历史 beside 永久基本农田 in the layer panel (unfolded first where it starts folded, on a phone). */
    WebElement openHistory() {
        WebElement layers = browser.findElement(By.cssSelector(".layer-panel"));
        if (layers.getDomAttribute("open") == null) {
            layers.findElement(By.tagName("summary")).click();
        }
        layers.findElement(By.cssSelector("button[data-history='" + FARMLAND + "']")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        wait.until(d -> panel.findElements(By.cssSelector(".versions tbody tr")).size() >= 3);
        return panel;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "phone,en", "tablet,zh", "tablet,en", "desktop,zh", "desktop,en"})
    @Order(1)
    void theHistoryListsBothImportsAndComparesTheFirstWithTheCurrentBesideTheDiff(String size, String lang) throws Exception {
        boolean english = lang.equals("en");
        open(size, VIEW + (english ? "&lang=en" : ""));
        WebElement panel = openHistory();
        List<WebElement> rows = panel.findElements(By.cssSelector(".versions tbody tr"));
        // Newest first: east.geojson is current, west.geojson before it, the demonstration set before that.
        assertThat(rows.get(0).getText()).contains("east.geojson", english ? "current" : "当前", english ? "import" : "导入");
        assertThat(rows.get(1).getText()).contains("west.geojson");
        assertThat(rows.get(rows.size() - 1).getText()).contains(english ? "demonstration data" : "示意数据");
        assertThat(rows.get(0).findElements(By.cssSelector("button[data-compare]"))).as("the current has nothing to compare with")
                .isEmpty();
        assertThat(rows.get(1).findElement(By.cssSelector("button.restore")).isDisplayed()).as("only editors restore").isFalse();

        rows.get(1).findElement(By.cssSelector("button[data-compare]")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOf(panel.findElement(By.cssSelector(".diff"))));
        wait.until(d -> !diff.findElements(By.cssSelector(".diff-table tbody tr")).isEmpty());
        // One feature each, the same id in both files: the server counts it changed, not removed and added.
        assertThat(diff.getText()).contains(english ? "Features: 0 added, 0 removed, 1 changed" : "要素：新增 0，删除 0，变化 1");
        assertThat(diff.findElement(By.cssSelector("tfoot")).getText()).contains(english ? "Total" : "合计");
        assertThat(diff.findElement(By.cssSelector("a.csv")).getDomAttribute("href")).endsWith("?format=csv");
        // The two fields lie in different counties: one loses its area, the other gains it.
        assertThat(diff.findElements(By.cssSelector("td.change")).stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.startsWith("+")).anyMatch(t -> t.startsWith("-") || t.startsWith("−"));

        WebElement divider = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swipe[role=slider]")));
        assertThat(divider.getDomAttribute("aria-label")).contains(english ? "Swipe divider" : "卷帘分隔线");
        assertThat(divider.getDomAttribute("aria-valuenow")).isEqualTo("50");
        divider.sendKeys(Keys.ARROW_RIGHT);
        divider.sendKeys(Keys.ARROW_RIGHT);
        assertThat(divider.getDomAttribute("aria-valuenow")).isEqualTo("60");
        assertThat(clipOf("swipe-left")).as("the left pane ends where the divider stands").contains("polygon(");
        // The handle is the divider's grip: no panel may lie over it, at any size (a phone's sheet takes the foot).
        assertThat((Boolean) js("""
                const r = document.querySelector('.swipe-handle').getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return Boolean(top && top.closest('.swipe'));""")).as("the swipe handle is uncovered").isTrue();
        screenshot(size + "-" + lang);
        assertThat(accessibilityProblems()).as("axe with the history, the diff and the swipe").isEmpty();
        if (english) {
            assertThat(untranslated("#history")).as("only file names and places stay Chinese").isEmpty();
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("nothing scrolls sideways").isLessThanOrEqualTo(0);

        panel.findElement(By.cssSelector(".close")).click();
        assertThat(browser.findElements(By.cssSelector(".swipe"))).as("closing the panel ends the swipe").isEmpty();
    }

    /**
     * Pixels: with the divider in the middle, the west field (only in the older version) shows at the left and the
     * east field (only in the current one) at the right; with the divider moved by keyboard to the right edge, the
     * whole map is the older version and the east field is gone; at the left edge the west field is.
     */
    @Test
    @Order(2)
    void eachSideOfTheDividerShowsItsOwnVersion() throws Exception {
        open("desktop", VIEW);
        WebElement panel = openHistory();
        panel.findElements(By.cssSelector(".versions tbody tr")).get(1).findElement(By.cssSelector("button[data-compare]")).click();
        WebElement divider = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swipe[role=slider]")));
        // Both sides are the line's tiles, the older one with version=N as every door takes it.
        for (String side : List.of("left", "right")) {
            wait.until(d -> (Boolean) js("return document.querySelectorAll('.leaflet-swipe-' + arguments[0]"
                    + " + '-pane img.leaflet-tile-loaded').length > 0", side));
        }
        String compared = panel.findElements(By.cssSelector(".versions tbody tr")).get(1)
                .findElement(By.cssSelector("button[data-compare]")).getDomAttribute("data-compare");
        assertThat((String) js("return document.querySelector('.leaflet-swipe-left-pane img').src"))
                .contains("/api/tiles/" + FARMLAND + "/").contains("version=" + compared);
        assertThat((String) js("return document.querySelector('.leaflet-swipe-right-pane img').src")).doesNotContain("version=");
        Thread.sleep(300); // the last tiles onto the screen
        int[] west = onScreen(WEST);
        int[] east = onScreen(EAST);
        BufferedImage middle = shot();
        divider.sendKeys(Keys.END);
        assertThat(divider.getDomAttribute("aria-valuenow")).isEqualTo("100");
        BufferedImage right = shot();
        divider.sendKeys(Keys.HOME);
        assertThat(divider.getDomAttribute("aria-valuenow")).isEqualTo("0");
        BufferedImage left = shot();
        screenshot("desktop-swipe-left-edge");

        assertThat(right.getRGB(west[0], west[1])).as("west field, left of the divider either way").isEqualTo(middle.getRGB(west[0], west[1]));
        assertThat(right.getRGB(east[0], east[1])).as("east field, now left of the divider: the older version has none")
                .isNotEqualTo(middle.getRGB(east[0], east[1]));
        assertThat(left.getRGB(east[0], east[1])).as("east field, right of the divider either way").isEqualTo(middle.getRGB(east[0], east[1]));
        assertThat(left.getRGB(west[0], west[1])).as("west field, now right of the divider: the current version has none")
                .isNotEqualTo(middle.getRGB(west[0], west[1]));
        // And the field's colour where it shows is the line's yellow (fill #f6e05e at 0.6 over the county).
        int shown = middle.getRGB(west[0], west[1]);
        int gone = left.getRGB(west[0], west[1]);
        assertThat(((shown >> 16) & 0xff) + ((shown >> 8) & 0xff) - 2 * (shown & 0xff))
                .as("yellower than the county under it").isGreaterThan(((gone >> 16) & 0xff) + ((gone >> 8) & 0xff) - 2 * (gone & 0xff) + 60);

        // 打印 meanwhile prints the older version, and says so; the atlas too.
        browser.findElement(By.id("tools-button")).click();
        browser.findElement(By.id("show-print")).click();
        WebElement print = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("print")));
        assertThat(print.findElement(By.cssSelector(".compared-version")).getText()).contains("版本 " + compared);
        assertThat(print.findElement(By.cssSelector("a.print-pdf")).getDomAttribute("href"))
                .contains("layers=").contains(FARMLAND + "%40" + compared);
        assertThat(print.findElement(By.cssSelector("a.atlas")).getDomAttribute("href")).contains(FARMLAND + "%40" + compared);
        screenshot("desktop-print-compared");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + print.findElement(By.cssSelector("a.print-pdf")).getDomAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        print.findElement(By.cssSelector(".close")).click();
        panel.findElement(By.cssSelector(".close")).click();
        browser.findElement(By.id("tools-button")).click();
        browser.findElement(By.id("show-print")).click();
        assertThat(print.findElement(By.cssSelector(".compared-version")).isDisplayed()).as("no swipe, nothing said").isFalse();
        assertThat(print.findElement(By.cssSelector("a.print-pdf")).getDomAttribute("href")).doesNotContain("%40");
    }

    /** An editor restores the first import: a new current version, the same field as then. */
    @Test
    @Order(3)
    void anEditorRestoresAnOlderVersionAsANewCurrentOne() throws Exception {
        open("desktop", VIEW);
        Chromium.logInAsEditor(browser, wait, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#session .who")));
        // This time from the header's 工具: 历史版本 opens on the first line, the choice of line switches.
        browser.findElement(By.id("tools-button")).click();
        browser.findElement(By.id("show-history")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        new Select(panel.findElement(By.tagName("select"))).selectByValue(FARMLAND);
        wait.until(d -> panel.getText().contains("west.geojson"));
        int before = panel.findElements(By.cssSelector(".versions tbody tr")).size();
        WebElement west = panel.findElements(By.cssSelector(".versions tbody tr")).get(1);
        assertThat(west.getText()).contains("west.geojson");
        west.findElement(By.cssSelector("button.restore")).click();
        WebElement message = panel.findElement(By.cssSelector(".history-message"));
        wait.until(d -> message.getText().contains("已恢复") || message.getText().contains("失败"));
        assertThat(message.getText()).contains("已恢复版本");
        screenshot("desktop-restored");
        // The page reloads with the restored line; its history has one version more, current, from west.geojson.
        // One script, so the reload cannot fall between reading the page and its panel (a stale element).
        wait.until(d -> (Boolean) js("return document.body.dataset.ready === 'true' && document.getElementById('history').hidden"));
        WebElement again = openHistory();
        wait.until(d -> again.findElements(By.cssSelector(".versions tbody tr")).size() == before + 1);
        assertThat(again.findElements(By.cssSelector(".versions tbody tr")).get(0).getText()).contains("west.geojson", "当前", "恢复");
        browser.manage().deleteAllCookies();
    }

    private String clipOf(String pane) {
        return (String) js("return document.querySelector('.leaflet-' + arguments[0] + '-pane').style.clipPath", pane);
    }

    /** The centre of a lon/lat box in the page's pixels, from Leaflet's own projection of the map's current view. */
    private int[] onScreen(double[] box) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) js("""
                const m = document.getElementById('map').getBoundingClientRect();
                const [lon, lat, z] = [arguments[0], arguments[1], Number(location.hash.match(/map=([\\d.]+)/)[1])];
                const [clat, clon] = location.hash.match(/map=[\\d.]+\\/([\\d.]+)\\/([\\d.]+)/).slice(1).map(Number);
                const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lon), z);
                const c = L.CRS.EPSG3857.latLngToPoint(L.latLng(clat, clon), z);
                return [m.left + m.width / 2 + p.x - c.x, m.top + m.height / 2 + p.y - c.y];""",
                (box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
        return new int[] {xy.get(0).intValue(), xy.get(1).intValue()};
    }

    private BufferedImage shot() throws Exception {
        Thread.sleep(200);
        return ImageIO.read(new ByteArrayInputStream(browser.getScreenshotAs(OutputType.BYTES)));
    }
}
