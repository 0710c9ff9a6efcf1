package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.account.Account;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.crs.Ellipsoid;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 导入正式县界 in a real Chromium (issue 19): an admin finds it in 工具 (an editor does not), uploads the department's
 * Shapefile (ogr2ogr from the real counties into CGCS2000 3° Gauss-Krüger CM 114°E, EPSG:4547, codes in
 * {@code XZQDM}; zone 39, EPSG:4527, lies too far east for western Shanxi and the server rightly refuses it), reads the
 * report, reloads, and the card of 小店区 shows the area it has in the file, the map's attribution the file. On a
 * phone in English a file lacking 吕梁's counties is refused with the missing codes listed and nothing changed. Screenshots in
 * backend/target/screenshots/official-*.png.
 */
@org.planmap.BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialBoundariesBrowserTest extends ScreenBrowserTest {

    static final String ADMIN = "zhao";
    static final String ADMIN_PASSWORD = "official-browser-admin-pw";
    /** Its own server: the counties this class replaces are no other class's. */
    static final String EDITOR_PASSWORD = "official-browser-editor-pw";
    static final String GIVER = OfficialBoundariesApiTest.GIVER;

    @TempDir
    static Path files;

    @Autowired
    SqlRecords records;

    @Autowired
    PasswordEncoder encoder;

    OfficialBoundariesBrowserTest() {
        super("official-");
    }

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> EDITOR_PASSWORD);
    }

    void logIn(String user, String password, String bodyClass) {
        if (records.find(ADMIN).isEmpty()) {
            records.add(new Account(ADMIN, Role.ADMIN, encoder.encode(ADMIN_PASSWORD), true, Instant.now()));
        }
        WebElement session = browser.findElement(By.id("session"));
        if (!session.findElement(By.cssSelector("button.login")).isDisplayed()) {
            browser.findElement(By.id("menu-toggle")).click(); // a phone's header folds the login into its menu
        }
        session.findElement(By.cssSelector("button.login")).click();
        WebElement form = session.findElement(By.cssSelector(".login-form"));
        wait.until(ExpectedConditions.visibilityOf(form));
        form.findElement(By.name("username")).clear();
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> String.valueOf(d.findElement(By.tagName("body")).getDomAttribute("class")).contains(bodyClass));
    }

    /** 工具 → 导入正式县界, the header's menu unfolded first where it is folded. */
    WebElement openForm() {
        WebElement tools = browser.findElement(By.id("tools-button"));
        if (!tools.isDisplayed()) {
            browser.findElement(By.id("menu-toggle")).click();
        }
        tools.click();
        browser.findElement(By.id("show-official-boundaries")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("official-boundaries")));
    }

    /** Chooses the file: the server reads its fields and the form lists them, or says why it cannot be joined. */
    WebElement choose(WebElement panel, Path file) {
        panel.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement message = panel.findElement(By.cssSelector(".import-message"));
        wait.until(d -> panel.findElement(By.name("adcodeField")).isEnabled()
                || message.getDomAttribute("class").contains("error"));
        return message;
    }

    /** The file chosen, the fields the form picked (the codes in XZQDM, the names in XZQMC) kept, and sent. */
    void upload(WebElement panel, Path file) {
        choose(panel, file);
        Select code = new Select(panel.findElement(By.name("adcodeField")));
        assertThat(code.getOptions()).extracting(o -> o.getDomAttribute("value")).containsExactly("XZQDM", "XZQMC");
        assertThat(code.getFirstSelectedOption().getText()).as("the field of county codes, with a value")
                .matches("XZQDM.*14\\d{7}.*");
        assertThat(new Select(panel.findElement(By.name("nameField"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("XZQMC");
        panel.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement message = panel.findElement(By.cssSelector(".import-message"));
        // the import, the ledger and what follows the counties take well over the usual wait on a loaded machine
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> message.getDomAttribute("class").contains("ok")
                || message.getDomAttribute("class").contains("error"));
    }

    @Test
    @Order(1)
    void anEditorHasNoEntryAndAnAdminReplacesTheCountiesAndTheCardFollows() throws Exception {
        open("desktop", "#map=9/37.8000/112.6000&layers=counties");
        Chromium.logInAsEditor(browser, wait, EDITOR_PASSWORD);
        browser.findElement(By.id("tools-button")).click();
        assertThat(browser.findElement(By.id("show-import")).isDisplayed()).as("an editor imports control lines").isTrue();
        assertThat(browser.findElement(By.id("show-official-boundaries")).isDisplayed()).as("but not counties").isFalse();
        browser.findElement(By.id("tools-button")).click();
        browser.findElement(By.cssSelector("#session .logout")).click();
        wait.until(d -> !String.valueOf(d.findElement(By.tagName("body")).getDomAttribute("class")).contains("editor"));

        logIn(ADMIN, ADMIN_PASSWORD, "admin");
        WebElement panel = openForm();
        Path file = OfficialBoundariesApiTest.officialFile(files, "xzq-4547", code -> false, "EPSG:4547");
        choose(panel, file);
        assertThat(panel.findElement(By.cssSelector(".import-message")).getText())
                .isEqualTo("文件有 117 个要素、2 个字段；代码字段选了 XZQDM。");
        screenshot("desktop-fields");
        upload(panel, file);
        WebElement message = panel.findElement(By.cssSelector(".import-message"));
        assertThat(message.getText()).contains("县界已替换为 xzq-4547.zip");
        WebElement report = panel.findElement(By.cssSelector(".official-report"));
        assertThat(report.isDisplayed()).isTrue();
        assertThat(report.findElements(By.cssSelector("dd")).stream().map(WebElement::getText).toList())
                .startsWith("117 / 117", "无", "无");
        assertThat(report.findElement(By.tagName("caption")).getText()).isEqualTo("面积有变化的县（2 个；其余 115 个变化小于 0.01%）");
        List<String> moved = report.findElements(By.cssSelector("tbody tr td:first-child")).stream().map(WebElement::getText)
                .toList();
        assertThat(moved).containsExactlyInAnyOrder(GIVER, OfficialBoundariesApiTest.taker().id());
        screenshot("desktop-report");
        assertThat(accessibilityProblems("#official-boundaries")).isEmpty();

        double km2 = OfficialBoundariesApiTest.datavKm2(GIVER) - Ellipsoid.areaKm2(OfficialBoundariesApiTest.movedPiece());
        message.findElement(By.cssSelector("button.reload")).click();
        wait.until(d -> "true".equals(js("return document.body && document.body.dataset.ready")));
        browser.get("http://localhost:" + port + "/#map=10/37.7500/112.6000&layers=counties&sel=county:" + GIVER);
        browser.navigate().refresh();
        wait.until(d -> "true".equals(js("return document.body && document.body.dataset.ready")));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        wait.until(d -> card.getText().contains("面积"));
        double shown = get("/api/counties/" + GIVER + "/card").body().get("areaKm2").asDouble();
        assertThat(shown).isCloseTo(km2, within(0.01));
        String expected = (String) js("return Number(arguments[0]).toLocaleString('zh-CN') + ' km²'", shown);
        assertThat(card.getText()).contains(expected);
        assertThat(card.findElement(By.cssSelector(".boundary-source")).getText()).as("the card foot names the file")
                .startsWith("边界：正式县界 xzq-4547.zip（县界第 2 版，").endsWith("导入）");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .as("the map names the boundaries in force").contains("边界：正式县界 xzq-4547.zip（第 2 版，").doesNotContain("DataV");
        screenshot("desktop-card");
    }

    @Test
    @Order(2)
    void onAPhoneInEnglishAFileLackingCountiesIsRefusedWithTheMissingCodes() throws Exception {
        open("phone", "#lang=en");
        browser.manage().deleteAllCookies(); // the admin of the test before logs in again, on the phone
        browser.navigate().refresh();
        wait.until(d -> "true".equals(js("return document.body && document.body.dataset.ready")));
        String countiesBefore = get("/api/layers/counties").body().get("version").asString();
        logIn(ADMIN, ADMIN_PASSWORD, "admin");
        WebElement panel = openForm();
        assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Import official county boundaries");
        Path names = java.nio.file.Files.writeString(files.resolve("names-only.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"MC\":\"小店区\",\"DM\":\"XD\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[112.5,37.7],[112.6,37.7],[112.6,37.8],[112.5,37.7]]]}}]}");
        WebElement refusal = choose(panel, names);
        assertThat(refusal.getText()).as("a file with no field of county codes, told when it is chosen")
                .startsWith("no field of the file holds Shanxi county codes").contains("MC, DM");
        assertThat(panel.findElement(By.name("adcodeField")).isEnabled()).isFalse();
        screenshot("phone-en-no-code-field");
        upload(panel, OfficialBoundariesApiTest.officialFile(files, "partial-4547", code -> code.startsWith("1411"),
                "EPSG:4547"));
        WebElement message = panel.findElement(By.cssSelector(".import-message"));
        assertThat(message.getText()).startsWith("the county boundaries were refused and nothing changed:").contains("141181");
        WebElement report = panel.findElement(By.cssSelector(".official-report"));
        assertThat(report.getText()).contains("Codes missing from the file", "141102", "141181", "104 / 104");
        js("arguments[0].scrollIntoView()", report);
        screenshot("phone-en-refused");
        assertThat(untranslated("#official-boundaries")).as("only place names stay Chinese").isEmpty();
        assertThat(accessibilityProblems("#official-boundaries")).isEmpty();
        assertThat(get("/api/layers/counties").body().get("version").asString()).isEqualTo(countiesBefore);
    }
}
