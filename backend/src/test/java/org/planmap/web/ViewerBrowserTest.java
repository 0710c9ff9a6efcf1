package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planmap.crs.CrsRef;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The viewer in a real headless Chromium (Debian's chromium + chromium-driver, installed by bin/test),
 * against a real server, at desktop size unless a test says otherwise. Screenshots land in
 * backend/target/screenshots for a person to look at.
 */
@org.planmap.BrowserTest
class ViewerBrowserTest extends ScreenBrowserTest {

    static final String EDITOR_PASSWORD = "browser-test-editor-pw";

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> EDITOR_PASSWORD);
        // Low, so that a file over it can be made in the browser; the shapefile imported below is 7 KB.
        registry.add("planmap.import.max-upload-size", () -> "1MB");
    }

    ViewerBrowserTest() {
        super("");
    }

    /** Every test ran under the server's CSP; a blocked script, style or image shows in the console. */
    @AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    WebElement card() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
    }

    @Test
    void theMapDraws117CountiesAndAFiveTierLegend() throws Exception {
        open("");
        assertThat(browser.findElements(By.cssSelector(".leaflet-counties-pane path"))).hasSize(117);
        WebElement legend = browser.findElement(By.cssSelector("#legend details"));
        if (legend.getDomAttribute("open") == null) {
            legend.findElement(By.tagName("summary")).click();
        }
        List<WebElement> tiers = browser.findElements(By.cssSelector("#legend tbody tr"));
        assertThat(tiers).extracting(WebElement::getText).hasSize(5)
                .anySatisfy(t -> assertThat(t).contains("I型大城市", "300—500万人"))
                .anySatisfy(t -> assertThat(t).contains("II型小城市", "20万人以下", "71"));
        // Each county path is filled with its tier's colour, so the map is a choropleth, not outlines.
        Object fills = js("return new Set([...document.querySelectorAll('.leaflet-counties-pane path')].map(p => p.getAttribute('fill'))).size");
        assertThat(((Number) fills).intValue()).isEqualTo(5);
        screenshot("province");
    }

    @Test
    void searchingXiaoyiOpensItsCard() throws Exception {
        open("");
        WebElement input = browser.findElement(By.id("search-input"));
        input.sendKeys("孝义");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li")));
        assertThat(browser.findElement(By.cssSelector("#search-results li")).getText()).contains("孝义市");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        WebElement card = card();
        wait.until(d -> card.getText().contains("孝义市"));
        assertThat(card.getText()).contains("I型小城市", "20—50万人", "交汾文孝", "核心", "4+2", "吕梁市", "60%");
        assertThat(browser.getCurrentUrl()).contains("sel=county:141181");
        screenshot("xiaoyi-card");
    }

    /**
     * The card is drawn from the one card document: the tier cited as 《title》 section (never a seed file
     * name), the groups, the passages and, 孝义市 being a 吕梁 unit, the 2021 tasks; at desktop and phone size.
     */
    @Test
    void aClickedCountyShowsItsCardDocumentWithoutConsoleErrors() throws Exception {
        open("");
        browser.manage().logs().get(LogType.BROWSER); // only what this test causes
        browser.findElement(By.id("search-input")).sendKeys("孝义");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(d -> card().getText().contains("孝义市"));
        wait.until(d -> !(Boolean) js("return document.querySelector('.leaflet-zoom-anim') !== null"));
        js("document.getElementById('card').hidden = true"); // the click, not the search, must show it again
        browser.findElement(By.cssSelector(".leaflet-counties-pane path[stroke-width='3']")).click();
        WebElement card = card();
        WebElement tasks = wait.until(d -> card.findElement(By.cssSelector(".tasks:not([hidden])")));
        assertThat(card.findElement(By.cssSelector("dd .source")).getText())
                .isEqualTo("出处：《山西省“十四五”新型城镇化规划》第四章第六节 专栏3 2025年城镇规模结构预测");
        assertThat(card.getText()).contains("I型小城市", "专栏3 直接列名", "交汾文孝（核心，“4+2”格局）", "山西中部城市群",
                "规划原文（4 处）", "另有 1 处").doesNotContain(".txt");
        assertThat(card.findElements(By.cssSelector(".passage figcaption"))).hasSize(3)
                .allSatisfy(f -> assertThat(f.getText()).startsWith("《山西省“十四五”新型城镇化规划》第四章"));
        assertThat(tasks.findElements(By.cssSelector("details.task"))).hasSize(20);
        assertThat(tasks.getText()).contains("吕梁市2021年重点任务（20 项）");
        js("document.querySelector('#card details.task').open = true");
        assertThat(tasks.findElement(By.cssSelector("details.task .source")).getText())
                .startsWith("出处：《吕梁市2021年新型城镇化建设和城乡融合发展重点任务》");
        screenshot("card-desktop");
        js("const c = document.getElementById('card'); c.scrollTop = c.querySelector('.tasks').offsetTop");
        screenshot("card-desktop-tasks");
        open("phone", "#sel=county:141181");
        wait.until(d -> card().getText().contains("吕梁市2021年重点任务"));
        screenshot("card-phone");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).extracting(LogEntry::getMessage).isEmpty();
    }

    @Test
    void thePermalinkRestoresViewLayersAndSelection() throws Exception {
        open("");
        js("document.querySelector('.layer-panel input[data-layer=regions]').click()");
        browser.findElement(By.id("search-input")).sendKeys("离柳中方");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(d -> card().getText().contains("4+3"));
        String link = browser.getCurrentUrl();
        assertThat(link).contains("sel=group:li-liu-zhong-fang").contains("regions");
        Number zoom = (Number) js("return Number(location.hash.match(/map=([\\d.]+)/)[1])");

        browser.get("about:blank");
        browser.get(link);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(card().getText()).contains("离柳中方", "临县", "兴县", "岚县");
        assertThat(browser.findElement(By.cssSelector(".layer-panel input[data-layer=regions]")).isSelected()).isTrue();
        assertThat(((Number) js("return Number(location.hash.match(/map=([\\d.]+)/)[1])")).doubleValue())
                .isEqualTo(zoom.doubleValue());
        assertThat(browser.getCurrentUrl()).isEqualTo(link);
    }

    @Test
    void theTierTableListsEveryUnitAndSelectsOnTheMap() throws Exception {
        open("");
        browser.findElement(By.id("show-table")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tier-view")));
        assertThat(table.findElements(By.cssSelector("tr[data-adcode]"))).hasSize(117);
        assertThat(table.findElements(By.cssSelector("tr.tier-head"))).extracting(WebElement::getText)
                .containsExactly("I型大城市 300—500万人 · 6 个县级单元", "II型大城市 100—300万人 · 9 个县级单元",
                        "中等城市 50—100万人 · 11 个县级单元", "I型小城市 20—50万人 · 20 个县级单元",
                        "II型小城市 20万人以下 · 71 个县级单元");
        table.findElement(By.cssSelector("button[data-key=areaKm2]")).click();
        table.findElement(By.cssSelector("tr[data-adcode='140322']")).click();
        assertThat(card().getText()).contains("盂县", "孟县");
        screenshot("tier-table");
    }

    @Test
    void theBoundariesFollowTheZoomBandKeepingTheSelection() throws Exception {
        open("");
        String requests = "return performance.getEntriesByType('resource').map(r => r.name)"
                + ".filter(n => n.includes('/api/layers/counties/features')).join(' ')";
        assertThat((String) js(requests)).as("the province view loads a generalised band").containsPattern("zoom=(6|8)\\b");
        browser.findElement(By.id("search-input")).sendKeys("孝义");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(d -> card().getText().contains("孝义市"));
        // Zoomed to the county (zoom 9): the finer band replaces the outlines in place.
        wait.until(d -> ((String) js(requests)).contains("zoom=10"));
        wait.until(d -> !(Boolean) js("return document.querySelector('.leaflet-zoom-anim') !== null"));
        assertThat(browser.findElements(By.cssSelector(".leaflet-counties-pane path[stroke-width='3']")))
                .as("the selected county stays highlighted").hasSize(1);
        assertThat(card().getText()).contains("孝义市", "I型小城市");
        assertThat(browser.getCurrentUrl()).contains("sel=county:141181");
        screenshot("xiaoyi-band");
    }

    @Test
    void aDistrictCardSaysItsTierIsInherited() throws Exception {
        open("#sel=county:140702");
        assertThat(card().getText()).contains("榆次区", "中等城市", "继承", "晋中市", "太原榆次太谷城市核");
    }

    @Test
    void aCountyCardQuotesThePlanAndLeadsIntoTheReader() throws Exception {
        open("#sel=county:141181");
        WebElement passages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card .passage")));
        WebElement section = browser.findElement(By.cssSelector("#card .passages"));
        wait.until(d -> section.getText().contains("示范县"));
        assertThat(section.getText()).contains("交汾文孝", "第四章第三节", "第四章第四节", "清徐县、阳城县、孝义市");
        assertThat(section.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("孝义", "孝义市");

        passages.findElement(By.cssSelector("[data-read]")).click();
        WebElement reader = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
        WebElement current = wait.until(d -> reader.findElement(By.cssSelector(".current")));
        assertThat(current.getText()).contains("交汾文孝");
        screenshot("reader");

        // Every place name in the text is a link to the map.
        current.findElement(By.cssSelector("a[data-place='county:141182']")).click();
        wait.until(d -> browser.getCurrentUrl().contains("sel=county:141182"));
        assertThat(card().getText()).contains("汾阳市");
    }

    @Test
    void luliangUnitsListThe2021Tasks() throws Exception {
        open("#sel=county:141102");
        WebElement tasks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#card .tasks")));
        wait.until(d -> tasks.findElements(By.cssSelector("details.task")).size() == 20);
        WebElement second = tasks.findElements(By.cssSelector("details.task")).get(1);
        second.findElement(By.tagName("summary")).click();
        assertThat(second.getText()).contains("63所寄宿制学校", "60所普惠性幼儿园", "市教育局");
        open("#sel=county:140105");
        wait.until(d -> card().getText().contains("小店区"));
        assertThat(browser.findElement(By.cssSelector("#card .tasks")).isDisplayed()).as("not a 吕梁 unit").isFalse();
    }

    @Test
    void theControlLinesAreAGroupOfTheirOwnLabelledAsDemonstrationData() throws Exception {
        open("#map=9/37.2/111.8&layers=counties,cities,province,urban-development-boundary,permanent-basic-farmland");
        WebElement panel = browser.findElement(By.cssSelector(".layer-panel"));
        // 永久基本农田 may already hold the official file another test imported; the other two are demonstration data.
        assertThat(panel.getText()).contains("三条控制线", "生态保护红线（示意）", "城镇开发边界（示意）")
                .containsPattern("永久基本农田（(示意|正式数据)）");
        assertThat(panel.findElement(By.cssSelector("input[data-layer=urban-development-boundary]")).isSelected()).isTrue();
        assertThat(panel.findElement(By.cssSelector("input[data-layer=ecological-protection-redline]")).isSelected()).isFalse();
        // Dense layers are server tiles now: <img> elements from /api/tiles, not GeoJSON on a canvas.
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-controllines-pane img.leaflet-tile-loaded")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".leaflet-controllines-pane img.leaflet-tile")))
                .allSatisfy(img -> assertThat(img.getDomAttribute("src")).startsWith("/api/tiles/"));
        WebElement legend = browser.findElement(By.cssSelector("#legend details"));
        if (legend.getDomAttribute("open") == null) {
            legend.findElement(By.tagName("summary")).click();
        }
        assertThat(legend.getText()).contains("三条控制线", "示意数据（非官方）");
        screenshot("control-lines");
    }

    @Test
    void aClickOnTheControlLinesIdentifiesThemAndTheViewExportsAsAPng() throws Exception {
        JsonNode p = get("/api/layers/counties/features?adcode=141181").body().get("features").get(0).get("properties");
        double lon = p.get("labelPoint").get(0).asDouble();
        double lat = p.get("labelPoint").get(1).asDouble();
        open("#map=11/" + lat + "/" + lon + "&layers=counties,cities,province,labels,urban-development-boundary");
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-controllines-pane img.leaflet-tile-loaded")).isEmpty());
        // The view is centred on 孝义市's seat, which its (demonstration) 城镇开发边界 surrounds.
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .cl-popup")));
        assertThat(popup.getText()).contains("城镇开发边界", "孝义市", "公顷");
        wait.until(d -> "1".equals(js("return getComputedStyle(document.querySelector('.leaflet-popup')).opacity")));
        screenshot("identify-popup");

        WebElement export = browser.findElement(By.id("export-image"));
        assertThat(export.getText()).isEqualTo("导出图片");
        String href = export.getDomAttribute("href");
        assertThat(href).startsWith("/api/map.png?bbox=").contains("layers=counties,cities,province,labels,urban-development-boundary");
        String[] bbox = href.replaceAll(".*bbox=([^&]+).*", "$1").split(",");
        assertThat(Double.parseDouble(bbox[0])).isLessThan(lon);
        assertThat(Double.parseDouble(bbox[2])).isGreaterThan(lon);
        assertThat(Double.parseDouble(bbox[1])).isLessThan(lat);
        assertThat(Double.parseDouble(bbox[3])).isGreaterThan(lat);
        java.net.http.HttpResponse<byte[]> png = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url(href.substring(1)))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        Files.write(SCREENSHOTS.resolve("export-view.png"), png.body());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(browser.findElement(By.id("map")).getSize().getWidth());
    }

    @Test
    void theLedgerPanelShowsEachLevelAndOffersTheCsv() throws Exception {
        open("");
        browser.findElement(By.id("show-ledger")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger")));
        wait.until(d -> panel.findElements(By.cssSelector("tbody tr")).size() == 117);
        assertThat(panel.getText()).contains("示意数据（非官方）", "生态保护红线", "农田∩开发边界");
        new org.openqa.selenium.support.ui.Select(panel.findElement(By.tagName("select"))).selectByValue("city");
        wait.until(d -> panel.findElements(By.cssSelector("tbody tr")).size() == 11);
        assertThat(panel.findElement(By.cssSelector("a.csv")).getDomAttribute("href"))
                .isEqualTo("/api/control-lines/ledger?level=city&format=csv");
        screenshot("ledger");
    }

    @Test
    void theExportDialogOffersEachPresetAsADownloadLink() throws Exception {
        open("#map=9/37.5/111.3&layers=counties,cities,province");
        browser.findElement(By.id("show-export")).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export")));
        Select layer = new Select(panel.findElement(By.name("layer")));
        Select preset = new Select(panel.findElement(By.name("preset")));
        WebElement link = panel.findElement(By.cssSelector("a.download"));
        layer.selectByValue("counties");
        preset.selectByValue("arcgis");
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/layers/counties/export?format=shapefile&encoding=GBK&crs=EPSG%3A4490");
        assertThat(panel.getText()).contains("EPSG:4490", "第 37、38 两带");
        panel.findElement(By.cssSelector("input[value=city]")).click();
        // The viewer picks the zone by the scope's centre: 吕梁 (≈111.3°E) is CM 111°E, 阳泉 (≈113.5°E) CM 114°E.
        Select city = new Select(panel.findElement(By.name("city")));
        city.selectByValue("141100");
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/layers/counties/export?format=shapefile&encoding=GBK"
                + "&adcode=1411&crs=" + CrsRef.gaussKruger(111, false).code().replace(":", "%3A"));
        assertThat(panel.getText()).contains("EPSG:4546", "中央经线 111°E", "字段对照.csv");
        city.selectByValue("140300");
        assertThat(link.getDomAttribute("href")).endsWith("&adcode=1403&crs=" + CrsRef.gaussKruger(114, false).code()
                .replace(":", "%3A"));
        // The link gives what it promises: the file, named in Chinese.
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition')]));",
                link.getDomAttribute("href"));
        assertThat(answer.toString()).contains("200", "application/zip", "filename*=UTF-8''");
        // Town groups have no division code: the city scope goes off.
        layer.selectByValue("town-groups");
        assertThat(panel.findElement(By.cssSelector("input[value=city]")).isEnabled()).isFalse();
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/layers/town-groups/export?format=shapefile&encoding=GBK&crs=EPSG%3A4490");
        preset.selectByValue("kml");
        panel.findElement(By.cssSelector("input[value=view]")).click();
        assertThat(link.getDomAttribute("href")).startsWith("/api/layers/town-groups/export?format=kml&bbox=");
        preset.selectByValue("qgis");
        assertThat(link.getDomAttribute("href")).contains("format=gpkg&bbox=").endsWith("&crs=EPSG%3A4490");
        screenshot("export");
    }

    @Test
    void anEditorLogsInThroughTheHeaderFormAndOut() throws Exception {
        open("");
        // The page runs under a CSP without 'unsafe-inline' for scripts: it has no inline script to block.
        assertThat(((Number) js("return document.querySelectorAll('script:not([src])').length")).intValue()).isZero();
        WebElement session = browser.findElement(By.id("session"));
        WebElement form = session.findElement(By.cssSelector(".login-form"));
        session.findElement(By.cssSelector("button.login")).click();
        wait.until(ExpectedConditions.visibilityOf(form));
        form.findElement(By.name("password")).sendKeys("wrong");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOf(form.findElement(By.cssSelector(".error"))));
        assertThat(error.getText()).isEqualTo("用户名或密码错误");

        WebElement password = form.findElement(By.name("password"));
        password.clear();
        password.sendKeys(EDITOR_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement who = wait.until(ExpectedConditions.visibilityOf(session.findElement(By.cssSelector(".who"))));
        assertThat(who.getText()).isEqualTo("编辑：editor");
        assertThat(form.isDisplayed()).isFalse();
        screenshot("editor-logged-in");

        // A write through the shared helper carries the CSRF header and passes the security rules
        // (the path does not exist: 404 from the application, not 401/403 from security).
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('/js/api.js').then(api => api.csrfFetch('/api/no-such-endpoint', { method: 'POST' }))"
                + ".then(r => done(r.status), e => done(String(e)));");
        assertThat(((Number) status).intValue()).isEqualTo(404);

        browser.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        WebElement whoAgain = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#session .who")));
        assertThat(whoAgain.getText()).as("the session survives a reload").isEqualTo("编辑：editor");
        browser.findElement(By.cssSelector("#session button.logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#session button.login")));
        assertThat(browser.findElement(By.cssSelector("#session .who")).isDisplayed()).isFalse();
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedInTheDialogWithoutBeingSent() throws Exception {
        browser.manage().deleteAllCookies(); // another test may have left an editor's session
        open("");
        logInAsEditor();
        browser.findElement(By.id("tools-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("show-import"))).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import")));
        // A 2 MB file made in the page: what a planner's too-large file looks like to the dialog.
        ((JavascriptExecutor) browser).executeScript(
                "const files = new DataTransfer();"
                + "files.items.add(new File([new Uint8Array(2 * 1048576)], '全省红线.geojson'));"
                + "document.querySelector('#import input[name=file]').files = files.files;");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement message = dialog.findElement(By.cssSelector(".import-message"));
        wait.until(d -> message.getText().contains("上传上限"));
        assertThat(message.getText()).contains("全省红线.geojson", "2.0 MB", "超过上传上限 1.0 MB");
        screenshot("import-too-large");
        Object sent = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/layers/') && e.name.includes('/import')).length;");
        assertThat(sent).as("nothing was uploaded").isEqualTo(0L);
        browser.manage().deleteAllCookies();
    }

    @Test
    void anEditorImportsAnOfficialShapefileThroughTheDialog() throws Exception {
        open("");
        browser.findElement(By.id("tools-button")).click();
        assertThat(browser.findElement(By.id("show-history")).isDisplayed()).as("the tools are open").isTrue();
        assertThat(browser.findElement(By.id("show-import")).isDisplayed()).as("only editors see import").isFalse();
        browser.findElement(By.id("tools-button")).click();
        logInAsEditor();
        browser.findElement(By.id("tools-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("show-import"))).click();

        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import")));
        new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("layer"))).selectByValue("permanent-basic-farmland");
        dialog.findElement(By.name("file")).sendKeys(
                Path.of("src/test/resources/importer/shp-gbk-4546.zip").toAbsolutePath().toString());
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement message = dialog.findElement(By.cssSelector(".import-message"));
        wait.until(d -> message.getText().startsWith("导入完成") || message.getText().startsWith("导入失败"));
        assertThat(message.getText()).contains("导入完成：3 个要素", "EPSG:4546");
        // After the reload below, the panel calls the line official, not 示意.
        screenshot("import-done");

        // The page reloads to show the new line; its catalog entry is now the imported file, not the demo.
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"))
                && !d.findElement(By.id("import")).isDisplayed());
        Object source = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/api/layers/permanent-basic-farmland').then(r => r.json()).then(l => done(l.source));");
        assertThat(String.valueOf(source)).contains("shp-gbk-4546.zip");
        assertThat(browser.findElement(By.cssSelector(".layer-panel")).getText()).contains("永久基本农田（正式数据）");
    }

    private void logInAsEditor() {
        Chromium.logInAsEditor(browser, wait, EDITOR_PASSWORD);
    }
}
