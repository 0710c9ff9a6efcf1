package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.account.Account;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.encode.Gdal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A control line's history over HTTP: the 示意 start, two imports, a delete and a restore each leave a version;
 * a restore brings back the very features; who may restore; the diff's areas against SpatiaLite's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VersionApiTest extends ServerTest {

    static final String PASSWORD = "version-test-editor-pw";
    static final String UDB = "/api/layers/urban-development-boundary";
    static final Path FIXTURES = Path.of("src", "test", "resources", "importer");

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    @Autowired
    SqlRecords records;

    @Autowired
    PasswordEncoder encoder;

    @TempDir
    Path dir;

    static String basic(String user, String password) {
        return SecurityTest.basic(user, password);
    }

    /** Imports files into the 城镇开发边界 as the editor. */
    record Importer(int port, String password) {
        Reply upload(String fileName, byte[] content) throws Exception {
            Multipart m = Multipart.file(fileName, content);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + UDB
                    + "/import")).header("Content-Type", m.contentType()).header("Authorization", basic("editor", password))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        }
    }

    Reply upload(String fileName, byte[] content) throws Exception {
        return new Importer(port, PASSWORD).upload(fileName, content);
    }

    List<JsonNode> versions() throws Exception {
        Answer a = get(UDB + "/versions");
        assertThat(a.status()).isEqualTo(200);
        return list(a.body());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static List<String> summary(List<JsonNode> versions) {
        return versions.stream().map(v -> v.get("version").asInt() + " " + v.get("action").asString() + " "
                + v.get("user").asString() + (v.get("current").asBoolean() ? " current" : "")).toList();
    }

    @Test
    @Order(1)
    void theDemonstrationIsVersionOne() throws Exception {
        List<JsonNode> versions = versions();
        assertThat(summary(versions)).containsExactly("1 demo system current");
        JsonNode v1 = versions.get(0);
        assertThat(v1.get("featureCount").asLong()).isEqualTo(get(UDB).body().get("featureCount").asLong());
        assertThat(v1.get("areaHa").asDouble()).isPositive();
        assertThat(v1.get("layerVersion").asString()).isEqualTo(get(UDB).body().get("version").asString());
        assertThat(Instant.parse(v1.get("created").asString())).isBefore(Instant.now());
        assertThat(v1.get("fileName").isNull()).isTrue();
        assertThat(get(UDB + "/versions/9").status()).isEqualTo(404);
        assertThat(get(UDB + "/versions/9").body().get("code").asString()).isEqualTo("version-not-found");
        assertThat(get("/api/layers/nope/versions").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void importsADeleteAndARestoreAreListedAndTheRestoreBringsBackTheFeatures() throws Exception {
        byte[] shp = Files.readAllBytes(FIXTURES.resolve("shp-gbk-4546.zip"));
        assertThat(upload("shp-gbk-4546.zip", shp).status()).isEqualTo(200);
        JsonNode imported = get(UDB).body();
        String v2Features = get(UDB + "/features").body().get("features").toString();
        assertThat(upload("half.geojson", halfOf(imported).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(delete(UDB, "Authorization", basic("editor", PASSWORD)).status()).isEqualTo(204);

        List<JsonNode> versions = versions();
        assertThat(summary(versions)).containsExactly("4 delete editor current", "3 import editor",
                "2 import editor", "1 demo system");
        JsonNode v2 = versions.get(2);
        assertThat(v2.get("fileName").asString()).isEqualTo("shp-gbk-4546.zip");
        assertThat(v2.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(shp)));
        assertThat(v2.get("format").asString()).isEqualTo("shapefile");
        assertThat(v2.get("sourceCrs").asString()).isEqualTo("EPSG:4546");
        assertThat(v2.get("featureCount").asLong()).isEqualTo(3);
        assertThat(v2.get("layerVersion").asString()).isEqualTo(imported.get("version").asString());
        assertThat(v2.get("areaHa").asDouble()).isPositive();
        assertThat(versions.get(0).get("layerVersion").asString())
                .as("a delete falls back to the demonstration").isEqualTo(versions.get(3).get("layerVersion").asString());
        assertThat(get(UDB + "/features?version=2").body().get("features").toString()).isEqualTo(v2Features);
        assertThat(get(UDB + "/features?version=2&limit=1").body().get("features").size()).isEqualTo(1);
        Reply export = send(HTTP, "GET", UDB + "/export?format=csv&version=2", null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).contains("孝义市").hasLineCount(1 + 3);
        assertThat(export.header("Content-Disposition")).contains("-v2-");

        Reply restored = post(UDB + "/versions/2/restore", null, "Authorization", basic("editor", PASSWORD));
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(restored.json().get("version").asInt()).isEqualTo(5);
        assertThat(restored.json().get("action").asString()).isEqualTo("restore");
        assertThat(restored.json().get("fileName").asString()).isEqualTo("shp-gbk-4546.zip");
        assertThat(get(UDB).body().get("version").asString()).isEqualTo(imported.get("version").asString());
        assertThat(get(UDB + "/features").body().get("features").toString())
                .as("the restored features are the version's, geometries and properties").isEqualTo(v2Features);
        assertThat(get(UDB).body().get("title").asString()).doesNotContain("示意");
        assertThat(summary(versions())).first().isEqualTo("5 restore editor current");
    }

    /** A rectangle over the western half of the imported layer's extent: part of it overlaps, part does not. */
    static String halfOf(JsonNode layer) {
        JsonNode b = layer.get("bbox");
        double minX = b.get(0).asDouble() - 0.01;
        double minY = b.get(1).asDouble() - 0.01;
        double midX = (b.get(0).asDouble() + b.get(2).asDouble()) / 2;
        double maxY = b.get(3).asDouble() + 0.01;
        return String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"西半\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
                + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}]}", minX, minY, midX, minY, midX, maxY, minX, maxY, minX, minY);
    }

    @Test
    @Order(3)
    void onlyEditorsRestoreAndEveryRefusalIsAudited() throws Exception {
        if (records.find("reader").isEmpty()) {
            records.add(new Account("reader", Role.VIEWER, encoder.encode("viewer-password-123"), true, Instant.now()));
            records.add(new Account("wang", Role.EDITOR, encoder.encode("editor-password-123"), true, Instant.now()));
        }
        Instant start = Instant.now();
        assertThat(post(UDB + "/versions/3/restore", null).status()).isEqualTo(401);
        assertThat(post(UDB + "/versions/3/restore", null, "Authorization", basic("reader", "viewer-password-123"))
                .status()).isEqualTo(403);
        assertThat(summary(versions())).first().isEqualTo("5 restore editor current");
        Reply allowed = post(UDB + "/versions/3/restore", null, "Authorization", basic("wang", "editor-password-123"));
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
        assertThat(summary(versions())).first().isEqualTo("6 restore wang current");
        assertThat(post(UDB + "/versions/99/restore", null, "Authorization", basic("wang", "editor-password-123"))
                .status()).isEqualTo(404);

        List<AuditEntry> entries = new ArrayList<>();
        records.read(new AuditQuery(start, null, null, "urban-development-boundary", 100), entries::add);
        assertThat(entries).extracting(e -> e.user() + " " + e.action() + " " + e.status() + " " + e.outcome())
                .containsExactly("anonymous restore 401 refused", "reader restore 403 refused", "wang restore 200 ok",
                        "wang restore 404 failed");
        assertThat(entries.get(2).version()).as("the number the versions list shows").isEqualTo(6);
        assertThat(entries.get(2).layerVersion()).isEqualTo(versions().get(0).get("layerVersion").asString());
        assertThat(entries.get(3).version()).as("a failed restore wrote no version").isNull();
    }

    @Test
    @Order(4)
    void theDiffCountsFeaturesAndItsAreasAgreeWithSpatiaLite() throws Exception {
        Answer same = get(UDB + "/versions/2/diff/5");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("features").toString()).isEqualTo(
                "{\"added\":0,\"removed\":0,\"changed\":0,\"unchanged\":3}");
        assertThat(same.body().get("total").get("changeHa").asDouble()).isZero();
        assertThat(get(UDB + "/versions/2/diff/5/features").body().get("features").size()).isZero();

        JsonNode diff = get(UDB + "/versions/2/diff/3").body();
        // the files number their features from 1: the rectangle shares its id with the first of the three
        assertThat(diff.get("features").toString()).isEqualTo(
                "{\"added\":0,\"removed\":2,\"changed\":1,\"unchanged\":0}");
        JsonNode total = diff.get("total");
        assertThat(total.get("changeHa").asDouble()).isCloseTo(total.get("bHa").asDouble() - total.get("aHa").asDouble(),
                within(0.02));
        assertThat(total.get("changeMu").asDouble()).isCloseTo(total.get("changeHa").asDouble() * 15, within(0.2));
        double countySum = 0;
        for (JsonNode c : diff.get("counties")) {
            countySum += c.get("aHa").asDouble();
        }
        assertThat(countySum).isCloseTo(total.get("aHa").asDouble(), within(0.05));

        // SpatiaLite's ellipsoidal areas of both versions and of what is only in each, from the served GeoJSON
        Path both = dir.resolve("both.geojson");
        Files.writeString(both, "{\"type\":\"FeatureCollection\",\"features\":["
                + side(get(UDB + "/features?version=2").body(), "a") + ","
                + side(get(UDB + "/features?version=3").body(), "b") + "]}");
        Gdal.Layer layer = Gdal.layer(both);
        String union = "(SELECT ST_Union(geometry) FROM \"" + layer.name() + "\" WHERE v = '%s')";
        double gdalA = area(layer, String.format(union, "a"));
        double gdalB = area(layer, String.format(union, "b"));
        double gdalOnlyA = area(layer, "ST_Difference(" + String.format(union, "a") + ", " + String.format(union, "b") + ")");
        double gdalOnlyB = area(layer, "ST_Difference(" + String.format(union, "b") + ", " + String.format(union, "a") + ")");
        assertThat(gdalOnlyA).as("the rectangle covers part of version 2, not all").isBetween(0.01 * gdalA, 0.99 * gdalA);
        assertThat(total.get("aHa").asDouble()).isCloseTo(gdalA, within(gdalA * 0.001));
        assertThat(total.get("bHa").asDouble()).isCloseTo(gdalB, within(gdalB * 0.001));

        JsonNode features = get(UDB + "/versions/2/diff/3/features").body().get("features");
        double onlyA = 0;
        double onlyB = 0;
        for (JsonNode f : features) {
            double ha = f.get("properties").get("areaHa").asDouble();
            if (f.get("properties").get("side").asString().equals("a")) {
                onlyA += ha;
            } else {
                onlyB += ha;
            }
        }
        assertThat(onlyA).isCloseTo(gdalOnlyA, within(gdalOnlyA * 0.001));
        assertThat(onlyB).isCloseTo(gdalOnlyB, within(gdalOnlyB * 0.001));

        Reply csv = send(HTTP, "GET", UDB + "/versions/2/diff/3?format=csv", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith("\uFEFF区划代码,县（市、区）,版本2面积（公顷）,版本3面积（公顷）,变化（公顷）,变化（亩）");
        assertThat(csv.text()).contains("合计");
        assertThat(get(UDB + "/versions/2/diff/77").status()).isEqualTo(404);
    }

    static final String ITEMS = "/ogc/collections/urban-development-boundary/items";

    /** Version 2 is the three imported features, 5 restored it, 6 (current) is the one rectangle of version 3. */
    @Test
    @Order(5)
    void anOldVersionIsReadThroughOgcItemsAndTheLayersFeaturesIdenticalOnceRestored() throws Exception {
        JsonNode v2 = get(ITEMS + "?version=2&limit=100").body();
        JsonNode current = get(ITEMS + "?limit=100").body();
        assertThat(v2.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(current.get("numberMatched").asInt()).isEqualTo(1);
        assertThat(get(ITEMS + "?version=5&limit=100").body().get("features"))
                .as("a restore serves the very features of what it restored").isEqualTo(v2.get("features"));
        assertThat(get(ITEMS + "?version=6&limit=100").body().get("features")).isEqualTo(current.get("features"));
        assertThat(get(UDB + "/features?version=2").body().get("numberMatched").asInt()).isEqualTo(3);
        assertThat(get(UDB + "/versions/2/features").status()).as("one road: the old second one is gone").isEqualTo(404);

        JsonNode page = get(ITEMS + "?version=2&limit=1").body();
        List<String> links = new ArrayList<>();
        page.get("links").forEach(l -> links.add(l.get("rel").asString() + " " + l.get("href").asString()));
        assertThat(links).filteredOn(l -> l.startsWith("self ") || l.startsWith("next "))
                .hasSize(2).allMatch(l -> l.contains("version=2"));
        URI next = URI.create(page.get("links").valueStream().filter(l -> l.get("rel").asString().equals("next"))
                .findFirst().orElseThrow().get("href").asString());
        JsonNode second = get(next.getRawPath() + "?" + next.getRawQuery()).body();
        assertThat(second.get("features").get(0)).isEqualTo(v2.get("features").get(1));

        // the rectangle of version 3 shares its id with the first feature of version 2
        String id = v2.get("features").get(0).get("id").asString();
        assertThat(current.get("features").get(0).get("id").asString()).isEqualTo(id);
        JsonNode oldItem = get(ITEMS + "/" + id + "?version=2").body();
        assertThat(oldItem.get("geometry")).isEqualTo(v2.get("features").get(0).get("geometry"))
                .isNotEqualTo(get(ITEMS + "/" + id).body().get("geometry"));
        assertThat(oldItem.get("links").get(0).get("href").asString()).contains("version=2");

        for (String path : List.of(ITEMS + "?version=99", ITEMS + "/" + id + "?version=99", UDB + "/features?version=99",
                "/api/tiles/urban-development-boundary/6/52/24.png?version=99")) {
            Reply missing = send(HTTP, "GET", path, null);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.json().get("code").asString()).isEqualTo("version-not-found");
            assertThat(missing.json().get("message").get("zh").asString()).contains("版本 99");
        }
        for (String path : List.of(ITEMS + "?version=two", ITEMS + "?version=0", UDB + "/versions/two",
                "/api/map.png?bbox=111,37,112,38&layers=urban-development-boundary@-1")) {
            Reply bad = send(HTTP, "GET", path, null);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.json().get("code").asString()).isEqualTo("invalid-parameter");
            assertThat(bad.json().get("message").get("en").asString()).contains("version number");
        }
    }

    /** A corner of version 2's first feature: the current version (6) draws something else there. */
    JsonNode cornerOfVersion2() throws Exception {
        JsonNode first = get(ITEMS + "?version=2&limit=1").body().get("features").get(0).get("geometry");
        return first.get("type").asString().equals("Polygon") ? first.get("coordinates").get(0).get(0)
                : first.get("coordinates").get(0).get(0).get(0);
    }

    /**
     * Tiles and map images of version 2 differ from the current ones and equal those of version 5 (its restore); the
     * old version's tile does not replace the current one's in the cache. A map image's legend names the version it
     * draws, so images are compared in the middle, where the features are and the legend is not.
     */
    @Test
    @Order(6)
    void anOldVersionsTilesAndMapsDifferFromTheCurrentAndNeverReplaceItsCachedTile() throws Exception {
        JsonNode corner = cornerOfVersion2();
        String tile = "/api/tiles/urban-development-boundary/" + TileApiTest.tileOf(corner.get(0).asDouble(),
                corner.get(1).asDouble(), 10) + ".png";
        Bytes now = bytes(tile);
        Bytes v2 = bytes(tile + "?version=2");
        Bytes v5 = bytes(tile + "?version=5");
        assertThat(v2.body()).isNotEqualTo(now.body());
        assertThat(v2.etag()).isNotEqualTo(now.etag());
        assertThat(v5.body()).isEqualTo(v2.body());
        assertThat(v5.etag()).as("the same content, the same tag").isEqualTo(v2.etag());
        assertThat(bytes(tile)).as("the current tile as it was before the old one was drawn").isEqualTo(now);
        assertThat(bytes(tile + "?version=6")).isEqualTo(now);

        double lon = corner.get(0).asDouble();
        double lat = corner.get(1).asDouble();
        String map = String.format(Locale.ROOT, "/api/map.png?bbox=%f,%f,%f,%f&width=800&height=600&layers=",
                lon - 0.05, lat - 0.04, lon + 0.05, lat + 0.04);
        BufferedImage mapNow = image(bytes(map + "urban-development-boundary").body());
        BufferedImage map2 = image(bytes(map + "urban-development-boundary@2").body());
        assertThat(middleDifference(map2, mapNow)).isGreaterThan(500);
        assertThat(middleDifference(map2, image(bytes(map + "urban-development-boundary@5").body()))).isZero();
        assertThat(middleDifference(mapNow, image(bytes(map + "urban-development-boundary@6").body()))).isZero();
        assertThat(bytes(map + "counties,urban-development-boundary@2").body())
                .isNotEqualTo(bytes(map + "counties,urban-development-boundary").body());
        assertThat(send(HTTP, "GET", map + "urban-development-boundary@99", null).json().get("code").asString())
                .isEqualTo("version-not-found");
    }

    static BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /**
     * Pixels that differ between two drawings of one map in the middle third of its height and the middle
     * three-eighths of its width: clear of the title, north arrow, legend, scale bar and credit.
     */
    static long middleDifference(BufferedImage a, BufferedImage b) {
        int dx = a.getWidth() * 3 / 16;
        int dy = a.getHeight() / 6;
        long differing = 0;
        for (int y = a.getHeight() / 2 - dy; y < a.getHeight() / 2 + dy; y++) {
            for (int x = a.getWidth() / 2 - dx; x < a.getWidth() / 2 + dx; x++) {
                differing += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return differing;
    }

    /**
     * A print of an old version (issue 19 with the one road of issue 14): {@code layers=id@N} as map.png takes it,
     * the map drawn from that version where it differs from the current one, the legend naming it and its day in
     * either language, the restore of it printing the same map; an unknown version refused before any page. The
     * atlas takes versions of its own layers, and its ledger figures are those of the version drawn, which it names.
     */
    @Test
    @Order(9)
    void aPrintOfAnOldVersionDrawsThatVersionAndNamesIt() throws Exception {
        JsonNode corner = cornerOfVersion2();
        double lon = corner.get(0).asDouble();
        double lat = corner.get(1).asDouble();
        String print = String.format(Locale.ROOT, "/api/print.pdf?bbox=%f,%f,%f,%f&paper=A4&orientation=landscape&layers=",
                lon - 0.05, lat - 0.04, lon + 0.05, lat + 0.04);
        byte[] now = pdf(print + "urban-development-boundary");
        byte[] old = pdf(print + "urban-development-boundary@2");
        Files.createDirectories(ScreenBrowserTest.SCREENSHOTS);
        ImageIO.write(page(old), "png", ScreenBrowserTest.SCREENSHOTS.resolve("pdf-print-version-2.png").toFile());
        ImageIO.write(page(now), "png", ScreenBrowserTest.SCREENSHOTS.resolve("pdf-print-current.png").toFile());
        assertThat(middleDifference(page(old), page(now))).as("the map area where versions 2 and 6 differ")
                .isGreaterThan(500);
        assertThat(middleDifference(page(old), page(pdf(print + "urban-development-boundary@5"))))
                .as("version 5 restored version 2: the same map").isZero();

        String day = LocalDate.ofInstant(Instant.parse(versions().stream().filter(v -> v.get("version").asInt() == 2)
                .findFirst().orElseThrow().get("created").asString()), ZoneId.systemDefault()).toString();
        assertThat(text(old)).contains("（第 2 版，" + day + "）").contains("图例");
        assertThat(text(now)).doesNotContain("版，");
        assertThat(text(pdf(print + "urban-development-boundary@2&lang=en"))).contains("(version 2, " + day + ")");

        Reply missing = send(HTTP, "GET", print + "counties,urban-development-boundary@99", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("version-not-found");
        assertThat(missing.json().get("message").get("zh").asString()).contains("版本 99");
        assertThat(send(HTTP, "GET", print + "urban-development-boundary@x", null).status()).isEqualTo(400);

        String atlas = "/api/atlas.pdf?adcode=141181&layers=urban-development-boundary@2";
        assertThat(text(pdf(atlas))).contains("（第 2 版，" + day + "）",
                "台账按城镇开发边界第 2 版计算，其余控制线为当前版本");
        // the ledger figure of a county the versions differ in: version 2's own, as the diff measures it, not today's
        int current = versions().get(0).get("version").asInt();
        JsonNode moved = null;
        for (JsonNode c : get(UDB + "/versions/2/diff/" + current).body().get("counties")) {
            if (moved == null && Math.abs(c.get("changeHa").asDouble()) > 1) {
                moved = c;
            }
        }
        assertThat(moved).as("a county whose boundary area versions 2 and " + current + " differ in").isNotNull();
        String county = "/api/atlas.pdf?adcode=" + moved.get("adcode").asString();
        assertThat(udbHa(text(pdf(county + "&layers=urban-development-boundary@2"))))
                .isCloseTo(moved.get("aHa").asDouble(), within(0.05));
        assertThat(udbHa(text(pdf(county)))).isCloseTo(moved.get("bHa").asDouble(), within(0.05));
        assertThat(send(HTTP, "GET", atlas + "9", null).json().get("code").asString()).isEqualTo("version-not-found");
        Reply notDrawn = send(HTTP, "GET", "/api/atlas.pdf?adcode=141181&layers=cities@1", null);
        assertThat(notDrawn.status()).isEqualTo(400);
        assertThat(notDrawn.json().get("message").get("en").asString()).contains("an atlas draws only");
    }

    /** The atlas page's ledger line of the urban development boundary, in hectares. */
    static double udbHa(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("城镇开发边界：([0-9.]+) 公顷").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    byte[] pdf(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return r.body();
    }

    /** The first page at 72 dpi: one pixel a point, as pdfbox draws it. */
    static BufferedImage page(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 72);
        }
    }

    /** The PDF's text as poppler's pdftotext reads it, lines joined. */
    String text(byte[] pdf) throws Exception {
        Path file = Files.write(dir.resolve("print-" + System.nanoTime() + ".pdf"), pdf);
        return Gdal.run("pdftotext", file.toString(), "-").replace("\n", "");
    }

    /** A tile or image: status 200 checked, its bytes and entity tag. */
    record Bytes(byte[] body, String etag) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(body, b.body) && java.util.Objects.equals(etag, b.etag);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(body);
        }
    }

    Bytes bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        return new Bytes(r.body(), r.headers().firstValue("ETag").orElse(null));
    }

    /** Each write's audit entry carries the number the versions list shows, and its content hash beside it. */
    @Test
    @Order(7)
    void theAuditLogShowsVersionNumbersInJsonAndCsv() throws Exception {
        if (records.find("auditor").isEmpty()) {
            records.add(new Account("auditor", Role.ADMIN, encoder.encode("auditor-password-123"), true, Instant.now()));
        }
        String admin = basic("auditor", "auditor-password-123");
        Reply json = send(HTTP, "GET", "/api/audit?layer=urban-development-boundary", null, "Authorization", admin);
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        List<String> writes = new ArrayList<>();
        json.json().get("entries").forEach(e -> {
            if (e.get("status").asInt() < 300) {
                writes.add(e.get("action").asString() + " " + e.get("version").asInt() + " "
                        + (e.get("layerVersion").asString().length() > 8));
            }
        });
        assertThat(writes).containsExactly("import 2 true", "import 3 true", "delete 4 true", "restore 5 true",
                "restore 6 true");
        Reply csv = send(HTTP, "GET", "/api/audit?layer=urban-development-boundary&format=csv", null,
                "Authorization", admin);
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFid,time,user,address,action,layer,version,layerVersion,fileName,sha256,"
                + "status,outcome,detail");
        String hash = versions().get(4).get("layerVersion").asString();
        assertThat(lines).anyMatch(l -> l.contains(",import,urban-development-boundary,2," + hash + ",shp-gbk-4546.zip,"));
    }

    /** GDAL's OGC API – Features driver reads an old version when the collection's URL carries {@code version}. */
    @Test
    @Order(8)
    void gdalReadsAnOldVersionOverOgcApiFeatures() throws Exception {
        String collection = "OAPIF:http://127.0.0.1:" + port + "/ogc/collections/urban-development-boundary";
        String old = Gdal.run("ogrinfo", "-ro", "-al", "-so", collection + "?version=2");
        String now = Gdal.run("ogrinfo", "-ro", "-al", "-so", collection);
        assertThat(old).contains("Feature Count: 3");
        assertThat(now).contains("Feature Count: 1");
    }

    /** The features of a version as GeoJSON features, with property {@code v} saying which. */
    static String side(JsonNode collection, String v) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : collection.get("features")) {
            out.add("{\"type\":\"Feature\",\"properties\":{\"v\":\"" + v + "\"},\"geometry\":" + f.get("geometry") + "}");
        }
        return String.join(",", out);
    }

    /** SpatiaLite's ellipsoidal area of an SQL geometry, in hectares. */
    static double area(Gdal.Layer layer, String geometry) throws Exception {
        return Double.parseDouble(layer.sql("SELECT ST_Area(" + geometry + ", 1) / 10000.0 AS ha", "ha").get(0));
    }
}
