package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer's tools (issue 18) in the browser at phone and desktop size, in Chinese and English: 合规性审查 of a
 * site drawn with the mouse, the 打印 dialog and the 地图集 links, the 测量 tool on a line of known length.
 * Screenshots in backend/target/screenshots/tools-*.png.
 */
@org.planmap.BrowserTest
class ToolsBrowserTest extends ScreenBrowserTest {

    /** A site inside 孝义市 (lon, lat), drawn corner by corner. */
    static final double[][] SITE = {{111.74, 37.10}, {111.80, 37.10}, {111.80, 37.14}, {111.74, 37.14}};

    ToolsBrowserTest() {
        super("tools-");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "phone,en", "desktop,zh", "desktop,en"})
    void aSiteDrawnOnTheMapIsReviewedWithItsAreasAndThePdfReport(String size, String lang) throws Exception {
        String language = lang.equals("en") ? "&lang=en" : "";
        int zoom = 12;
        // Where the open panel leaves the map free (on a desktop, right of the layer control and legend that step
        // aside for the panel), so the site is drawn where the planner can see it.
        open(size, "#map=" + zoom + "/37.12/111.77" + language);
        openTool(size, "show-review");
        @SuppressWarnings("unchecked")
        Map<String, Number> free = (Map<String, Number>) js("""
                const m = document.getElementById('map').getBoundingClientRect();
                const p = document.getElementById('review').getBoundingClientRect();
                const sheet = p.width >= m.width * 0.9;
                return { dx: sheet ? 0 : p.right + (m.right - p.right) * 0.8 - (m.left + m.right) / 2,
                         dy: sheet ? (m.top + p.top) / 2 - (m.top + m.bottom) / 2 : 0 };""");
        double[] centre = shifted(111.77, 37.12, zoom, -free.get("dx").doubleValue(), -free.get("dy").doubleValue());
        open(size, "#map=" + zoom + "/" + centre[1] + "/" + centre[0] + language);
        WebElement panel = openTool(size, "show-review");
        panel.findElement(By.cssSelector("button.draw")).click();
        for (double[] corner : SITE) {
            clickAt(centre, zoom, corner[0], corner[1]);
        }
        clickAt(centre, zoom, SITE[0][0], SITE[0][1]); // the first corner again closes the polygon

        // A review is an expensive request: on a loaded machine it may queue behind others.
        new WebDriverWait(browser, Duration.ofSeconds(120)).withMessage(() -> "status: " + panel.findElement(By.cssSelector(".review-status")).getText())
                .until(d -> !d.findElements(By.cssSelector("#review .site-area")).isEmpty());
        WebElement area = panel.findElement(By.cssSelector(".site-area"));
        WebElement result = panel.findElement(By.cssSelector(".review-result"));
        assertThat(result.getText()).contains("孝义市");
        Matcher ha = Pattern.compile("([\\d,.]+) (?:公顷|ha) ?[（(]([\\d,.]+) (?:亩|mu)").matcher(area.getText());
        assertThat(ha.find()).as(area.getText()).isTrue();
        double hectares = Double.parseDouble(ha.group(1).replace(",", ""));
        assertThat(hectares).as("0.06° × 0.04° at 37°N: 5.33 km × 4.44 km").isBetween(2_300.0, 2_420.0);
        assertThat(Double.parseDouble(ha.group(2).replace(",", ""))).isCloseTo(hectares * 15, offset(1.0));
        assertThat(panel.findElements(By.cssSelector(".review-table"))).as("counties and control lines").hasSizeGreaterThanOrEqualTo(2);
        // The sentence to paste in the viewer's language (it was Chinese only), place names with their Chinese.
        String summary = result.findElement(By.cssSelector(".summary p")).getText();
        if (lang.equals("en")) {
            assertThat(summary).startsWith("The site, ").contains("孝义市 Xiaoyi City", " ha (").doesNotContain("该地块", "公顷");
            assertThat(result.findElement(By.cssSelector(".structure")).getText()).as("English brackets").doesNotContain("（");
        } else {
            assertThat(summary).startsWith("该地块").contains("孝义市");
        }
        assertThat(result.getText()).contains(lang.equals("en") ? "demonstration" : "示意");
        assertThat(browser.findElements(By.cssSelector(".leaflet-overlay-pane path[stroke='#b91c1c']"))).as("the site outlined").hasSize(1);
        screenshot(size + "-" + lang + "-review");
        assertThat(accessibilityProblems()).as("axe on the review panel").isEmpty();
        if (lang.equals("en")) {
            assertThat(untranslated("#review")).isEmpty();
        }

        // 下载 PDF 报告: the same site, answered as a PDF the browser saves.
        recordDownloads();
        WebElement pdf = result.findElement(By.cssSelector("button.pdf"));
        js("arguments[0].scrollIntoView({ block: 'center' })", pdf);
        pdf.click();
        Map<String, Object> saved = awaitDownload();
        assertThat(saved.get("type")).isEqualTo("application/pdf");
        assertThat(((Number) saved.get("size")).intValue()).isGreaterThan(20_000);

        // A problem document is said in the panel, in the viewer's language.
        WebElement file = panel.findElement(By.name("file"));
        java.nio.file.Path text = java.nio.file.Files.writeString(dataDir.resolve("site.txt"), "not a site");
        file.sendKeys(text.toAbsolutePath().toString());
        panel.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#review .review-status.error")));
        assertThat(error.getText()).contains(lang.equals("en") ? "unsupported file type" : "不支持的文件类型");

        panel.findElement(By.cssSelector(".close")).click();
        assertThat(browser.findElements(By.cssSelector(".leaflet-overlay-pane path[stroke='#b91c1c']"))).as("gone with the panel").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,en", "desktop,zh"})
    void thePrintDialogAsksForThePaperAndOrientationChosenAndTheCardsOfferTheirAtlas(String size, String lang) throws Exception {
        String language = lang.equals("en") ? "&lang=en" : "";
        open(size, "#map=9/37.2/111.6&sel=county:141181" + language);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card a.atlas")));
        assertThat(card.getDomAttribute("href")).as("in the viewer's language").isEqualTo("/api/atlas.pdf?adcode=141181" + language);
        assertThat(card.getText()).isEqualTo(lang.equals("en") ? "Download atlas (PDF)" : "下载地图集（PDF）");
        browser.findElement(By.cssSelector("#card a[data-place^='city:']")).click();
        wait.until(d -> ("/api/atlas.pdf?adcode=1411" + language).equals(
                d.findElement(By.cssSelector("#card a.atlas")).getDomAttribute("href")));
        recordDownloads();
        browser.findElement(By.cssSelector("#card a.atlas")).click();
        Map<String, Object> atlas = awaitDownload();
        assertThat(atlas.get("type")).as("吕梁市's 13 pages").isEqualTo("application/pdf");

        WebElement dialog = openTool(size, "show-print");
        WebElement title = dialog.findElement(By.name("title"));
        assertThat(title.getDomProperty("value")).as("the chosen place names the print")
                .isEqualTo(lang.equals("en") ? "吕梁市 Lüliang City" : "吕梁市");
        new Select(dialog.findElement(By.name("paper"))).selectByValue("A3");
        dialog.findElement(By.cssSelector("input[value=portrait]")).click();
        title.clear();
        title.sendKeys("孝义市规划图");
        String href = dialog.findElement(By.cssSelector("a.print-pdf")).getDomAttribute("href");
        assertThat(href).startsWith("/api/print.pdf?bbox=").contains("paper=A3", "orientation=portrait", "layers=",
                "title=" + java.net.URLEncoder.encode("孝义市规划图", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dialog.findElement(By.cssSelector("a.atlas")).getDomAttribute("href")).isEqualTo("/api/atlas.pdf?adcode=14" + language);
        assertThat(href.contains("lang=en")).isEqualTo(lang.equals("en"));
        screenshot(size + "-" + lang + "-print");
        // The whole page: 吕梁市's card behind the dialog has the 中等城市 badge, once too faint.
        assertThat(accessibilityProblems()).as("axe on the print dialog over the city card").isEmpty();
        if (lang.equals("en")) {
            assertThat(untranslated("#print")).isEmpty();
        }
        recordDownloads();
        dialog.findElement(By.cssSelector("a.print-pdf")).click();
        Map<String, Object> print = awaitDownload();
        assertThat(print.get("type")).isEqualTo("application/pdf");
        assertThat(print.get("name")).isEqualTo(lang.equals("en") ? "map-A3.pdf" : "地图-A3.pdf");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"phone,zh", "desktop,en"})
    void theMeasureToolGivesTheEllipsoidalLengthOfHalfADegreeOfLatitudeAndAnAreaInHectaresAndMu(String size, String lang)
            throws Exception {
        int zoom = 9;
        double[] centre = {112.0, 37.0};
        open(size, "#map=" + zoom + "/" + centre[1] + "/" + centre[0] + (lang.equals("en") ? "&lang=en" : ""));
        WebElement panel = openTool(size, "show-measure");
        panel.findElement(By.cssSelector("[data-shape=Line]")).click();
        clickAt(centre, zoom, 112.0, 36.78);
        Actions second = pointAt(centre, zoom, 112.0, 37.28);
        second.click().perform();
        WebElement result = panel.findElement(By.cssSelector(".measure-result"));
        assertThat(result.getText()).as("live while drawing").isNotEmpty();
        pointAt(centre, zoom, 112.0, 37.28).doubleClick().perform();
        wait.until(d -> panel.findElement(By.cssSelector("[data-shape=Line]")).getDomAttribute("aria-pressed").equals("false"));
        Matcher km = Pattern.compile("([\\d.]+) (?:千米|km)").matcher(result.getText());
        assertThat(km.find()).as(result.getText()).isTrue();
        // GeographicLib: 36.78°N to 37.28°N along 112°E is 55.487 km on WGS 84; a click is within a pixel (0.12 km).
        assertThat(Double.parseDouble(km.group(1))).isCloseTo(55.49, offset(0.3));
        screenshot(size + "-" + lang + "-measure-line");

        panel.findElement(By.cssSelector("[data-shape=Polygon]")).click();
        assertThat(result.getText()).as("the line is cleared for the area").isEmpty();
        double[][] square = {{111.8, 36.9}, {112.2, 36.9}, {112.2, 37.2}, {111.8, 37.2}, {111.8, 36.9}};
        for (double[] p : square) {
            clickAt(centre, zoom, p[0], p[1]);
        }
        Matcher area = Pattern.compile("([\\d,.]+) (?:公顷|ha) ?[（(]([\\d,.]+) (?:亩|mu)").matcher(result.getText());
        assertThat(area.find()).as(result.getText()).isTrue();
        double hectares = Double.parseDouble(area.group(1).replace(",", ""));
        // 0.4° × 0.3° at 37°N: 35.6 km × 33.3 km.
        assertThat(hectares).isBetween(115_000.0, 122_000.0);
        assertThat(Double.parseDouble(area.group(2).replace(",", ""))).isCloseTo(hectares * 15, offset(1.0));
        screenshot(size + "-" + lang + "-measure-area");
        assertThat(accessibilityProblems()).as("axe on the measure tool").isEmpty();
        if (lang.equals("en")) {
            assertThat(untranslated("#measure")).isEmpty();
        }
        panel.findElement(By.cssSelector(".close")).click();
        assertThat(browser.findElements(By.cssSelector(".leaflet-overlay-pane path[stroke='#1d4ed8']"))).as("cleared on close").isEmpty();
    }

    /** Opens a tool from the header's 工具 (through 菜单 on a phone) and returns its panel. */
    private WebElement openTool(String size, String button) {
        if (size.equals("phone")) {
            browser.findElement(By.id("menu-toggle")).click();
        }
        browser.findElement(By.id("tools-button")).click();
        browser.findElement(By.id(button)).click();
        String panel = Map.of("show-review", "review", "show-print", "print", "show-measure", "measure").get(button);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(panel)));
    }

    /** The map's pointer over a place, for a map centred on {@code centre} at {@code zoom} (Web Mercator pixels). */
    private Actions pointAt(double[] centre, int zoom, double lon, double lat) {
        double scale = 256 * Math.pow(2, zoom);
        long dx = Math.round((lon - centre[0]) / 360 * scale);
        long dy = Math.round((mercator(centre[1]) - mercator(lat)) / (2 * Math.PI) * scale);
        return new Actions(browser).moveToElement(browser.findElement(By.id("map")), (int) dx, (int) dy);
    }

    private void clickAt(double[] centre, int zoom, double lon, double lat) throws InterruptedException {
        pointAt(centre, zoom, lon, lat).click().perform();
        Thread.sleep(150); // not a double click
    }

    /** The place {@code dx}, {@code dy} pixels from (lon, lat) at {@code zoom}. */
    private static double[] shifted(double lon, double lat, int zoom, double dx, double dy) {
        double scale = 256 * Math.pow(2, zoom);
        double y = mercator(lat) - dy / scale * 2 * Math.PI;
        return new double[] {lon + dx / scale * 360, Math.toDegrees(Math.atan(Math.sinh(y)))};
    }

    private static double mercator(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    /** Files the viewer hands the browser to save are blobs: note each one's type, size and name. */
    private void recordDownloads() {
        js("""
                window.planmapDownloads = [];
                if (!window.planmapRecording) {
                  window.planmapRecording = true;
                  const create = URL.createObjectURL;
                  URL.createObjectURL = (blob) => { const url = create(blob); window.planmapDownloads.push({ type: blob.type, size: blob.size, url }); return url; };
                  const click = HTMLAnchorElement.prototype.click;
                  HTMLAnchorElement.prototype.click = function () {
                    const d = window.planmapDownloads.find((x) => x.url === this.href);
                    if (d) { d.name = this.download; return; } // noted, not saved
                    click.call(this);
                  };
                }""");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitDownload() {
        wait.until(d -> ((List<?>) js("return window.planmapDownloads.filter((x) => x.name !== undefined)")).size() == 1);
        return (Map<String, Object>) ((List<?>) js("return window.planmapDownloads")).get(0);
    }
}
