package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.SqlRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.TestMethodOrder;
import org.planmap.encode.Gdal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The import road over HTTP with files GDAL wrote (backend/src/test/resources/importer): an editor replaces
 * the 城镇开发边界 with an official Shapefile and the ledger follows; bad files are refused and change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportApiTest extends ServerTest {

    static final String PASSWORD = "import-test-editor-pw";
    static final Path FIXTURES = Path.of("src", "test", "resources", "importer");
    static final String UDB = "/api/layers/urban-development-boundary";

    @DynamicPropertySource
    static void editorPassword(DynamicPropertyRegistry registry) {
        registry.add("planmap.security.editor-password", () -> PASSWORD);
    }

    HttpResponse<String> upload(String layer, String fixture, String query, boolean editor) throws Exception {
        return upload(layer, fixture, Files.readAllBytes(FIXTURES.resolve(fixture)), query, editor);
    }

    HttpResponse<String> upload(String layer, String fileName, byte[] content, String query, boolean editor) throws Exception {
        Multipart upload = Multipart.file(fileName, content);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/layers/" + layer
                        + "/import" + query))
                .header("Content-Type", upload.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body()));
        if (editor) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void anonymousUsersCannotImport() throws Exception {
        HttpResponse<String> r = upload("urban-development-boundary", "shp-gbk-4546.zip", "", false);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(get(UDB).body().get("title").asString()).contains("示意数据");
    }

    @Test
    @Order(2)
    void badFilesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String version = get(UDB).body().get("version").asString();
        HttpResponse<String> noPrj = upload("urban-development-boundary", "shp-noprj.zip", "", true);
        assertThat(noPrj.statusCode()).isEqualTo(400);
        assertThat(noPrj.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(noPrj.headers().firstValue("Location").orElseThrow()).startsWith("/api/import-jobs/");
        JsonNode problem = JSON.readTree(noPrj.body());
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asString()).contains("坐标系").isEqualTo(problem.get("message").get("zh").asString());
        assertThat(problem.get("message").get("en").asString()).contains("coordinate system");
        assertThat(problem.get("code").asString()).isEqualTo("crs-missing");
        assertThat(problem.get("state").asString()).isEqualTo("FAILED");
        assertThat(JSON.readTree(noPrj.body()).get("error").get("code").asString()).isEqualTo("crs-missing");
        assertThat(JSON.readTree(noPrj.body()).get("error").get("messageZh").asString()).contains("坐标系");

        HttpResponse<String> points = upload("urban-development-boundary", "shp-points.zip", "", true);
        assertThat(JSON.readTree(points.body()).get("error").get("code").asString()).isEqualTo("wrong-geometry-type");

        HttpResponse<String> notZip = upload("urban-development-boundary", "红线.zip", "not a zip".getBytes(), "", true);
        assertThat(notZip.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notZip.body()).get("error").get("code").asString()).isEqualTo("zip-invalid");

        HttpResponse<String> dwg = upload("urban-development-boundary", "红线.dwg", new byte[] {1, 2, 3}, "", true);
        assertThat(dwg.statusCode()).isEqualTo(415);

        assertThat(upload("counties", "shp-gbk-4546.zip", "", true).statusCode())
                .as("the county boundaries are replaced by admins only (OfficialBoundariesApiTest)").isEqualTo(403);
        assertThat(upload("cities", "shp-gbk-4546.zip", "", true).statusCode()).isEqualTo(400);
        assertThat(get(UDB).body().get("version").asString()).isEqualTo(version);
    }

    @Test
    @Order(3)
    void anEditorReplacesALineWithAnOfficialShapefileAndTheLedgerFollows() throws Exception {
        double before = get("/api/control-lines/ledger?level=city").body().get(10).get("lines")
                .get("urban-development-boundary").get("ha").asDouble();
        String export = UDB + "/export?format=csv";
        String demoCsv = send(HTTP, "GET", export, null).text();   // now kept for the demonstration version
        HttpResponse<String> r = upload("urban-development-boundary", "shp-gbk-4546.zip", "", true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body()).get("report");
        assertThat(report.get("format").asString()).isEqualTo("shapefile");
        assertThat(report.get("sourceCrs").asString()).isEqualTo("EPSG:4546");
        assertThat(report.get("features").asInt()).isEqualTo(3);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/api/import-jobs/");

        JsonNode layer = get(UDB).body();
        assertThat(layer.get("title").asString()).isEqualTo("城镇开发边界");
        assertThat(layer.get("source").asString()).contains("shp-gbk-4546.zip", "EPSG:4546");
        JsonNode features = get(UDB + "/features").body().get("features");
        assertThat(features.size()).isEqualTo(3);
        assertThat(features.toString()).contains("孝义市");
        String importedCsv = send(HTTP, "GET", export, null).text();
        assertThat(importedCsv).as("the import's new version misses the kept file").isNotEqualTo(demoCsv)
                .contains("孝义市");
        assertThat(importedCsv.lines().count()).isEqualTo(1 + 3);
        JsonNode first = features.get(0).get("geometry").get("coordinates").get(0).get(0).get(0);
        assertThat(first.get(0).asDouble()).as("longitude after reprojection").isBetween(111.0, 112.5);

        // 吕梁's development boundary is now the three imported counties' worth of 孝义/汾阳, not the demo's.
        double after = get("/api/control-lines/ledger?level=city").body().get(10).get("lines")
                .get("urban-development-boundary").get("ha").asDouble();
        assertThat(after).isNotEqualTo(before);
        assertThat(get("/api/import-jobs/" + JSON.readTree(r.body()).get("id").asString()).body().get("state").asString())
                .isEqualTo("DONE");

        // The audit log names the file, its hash and the version it became (issue 19).
        int currentVersionNumber = 0;
        for (JsonNode v : get(UDB + "/versions").body()) {
            if (v.get("current").asBoolean()) {
                currentVersionNumber = v.get("version").asInt();
            }
        }
        assertThat(currentVersionNumber).isPositive();
        int expectedNumber = currentVersionNumber;
        List<AuditEntry> log = new ArrayList<>();
        records.read(new AuditQuery(null, null, "editor", "urban-development-boundary", 100), log::add);
        assertThat(log).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("import");
            assertThat(e.fileName()).isEqualTo("shp-gbk-4546.zip");
            assertThat(e.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(FIXTURES.resolve("shp-gbk-4546.zip")))));
            assertThat(e.version()).as("the version number the versions list gives the new current one")
                    .isEqualTo(expectedNumber);
            assertThat(e.layerVersion()).isEqualTo(layer.get("version").asString());
            assertThat(e.outcome()).isEqualTo(AuditEntry.OK);
        });
    }

    @Autowired
    SqlRecords records;

    @Test
    @Order(4)
    void theEditorNamesTheCrsOfAFileWithoutPrj() throws Exception {
        HttpResponse<String> r = upload("permanent-basic-farmland", "shp-noprj.zip", "?crs=EPSG:4546", true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(upload("permanent-basic-farmland", "shp-noprj.zip", "?crs=EPSG:32649", true).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void deletingAnImportedLineBringsBackTheDemonstrationData() throws Exception {
        assertThat(get(UDB).body().get("title").asString()).isEqualTo("城镇开发边界");
        assertThat(delete(UDB).status()).as("anonymous").isEqualTo(401);
        Reply r = delete(UDB, "Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(204);
        assertThat(get(UDB).body().get("title").asString()).contains("示意数据");
        assertThat(get(UDB).body().get("featureCount").asInt()).isEqualTo(117);
        Reply counties = delete("/api/layers/counties", "Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(counties.status()).isEqualTo(400);
        assertThat(get("/api/layers/counties").status()).isEqualTo(200);
    }

    /** Issue 15 finding 3: field names reach SQL only quoted; names no store can hold are a 400 naming them. */
    @Test
    @Order(20)
    void fieldNamesNeverBecomeSqlAndCsvCellsNeverBecomeFormulas() throws Exception {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[112.5,37.8],[112.51,37.8],[112.51,37.81],"
                + "[112.5,37.81],[112.5,37.8]]]}";
        String version = get(UDB).body().get("version").asString();
        for (String refused : new String[] {"fid", "GEOM", "planmap_id", "", "x".repeat(64), "tab\\there"}) {
            String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\""
                    + refused + "\":1},\"geometry\":" + square + "}]}";
            HttpResponse<String> r = upload("urban-development-boundary", "f.geojson",
                    geojson.getBytes(StandardCharsets.UTF_8), "", true);
            assertThat(r.statusCode()).as(refused).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertThat(error.get("code").asString()).isEqualTo("field-name-refused");
            assertThat(error.get("messageZh").asString()).contains("字段名");
            assertThat(r.body()).doesNotContain("CREATE").doesNotContain("INSERT").doesNotContain("SQL");
        }
        String twins = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"Name\":1,\"name\":2},\"geometry\":" + square + "}]}";
        HttpResponse<String> twin = upload("urban-development-boundary", "f.geojson", twins.getBytes(StandardCharsets.UTF_8),
                "", true);
        assertThat(twin.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twin.body()).get("error").get("messageEn").asString()).contains("only in case");
        assertThat(get(UDB).body().get("version").asString()).as("nothing written").isEqualTo(version);

        // The probe's names: quotes and SQL comment marks are names like any other.
        String odd = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"a\\\"/*\":\"=HYPERLINK(\\\"http://evil.example\\\")\",\"*/, \\\"b\":-3.5,\"c\":\"-1+2\"},"
                + "\"geometry\":" + square + "}]}";
        HttpResponse<String> ok = upload("urban-development-boundary", "f.geojson", odd.getBytes(StandardCharsets.UTF_8),
                "?wait=60", true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(get(UDB).body().get("fields").findValuesAsString("name")).contains("a\"/*", "*/, \"b");
        Path store = dataDir.resolve("store").resolve("planmap.gpkg");
        assertThat(Gdal.ogrinfo(store, List.of("-q", "-sql", "SELECT sql FROM sqlite_master WHERE sql LIKE '%/*%'")))
                .as("the definition holds the names, quoted, and nothing injected").contains("\"a\"\"/*\"")
                .contains("\"*/, \"\"b\"");

        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + UDB
                + "/export?format=csv")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", ",-3.5,", "\"'-1+2\"")
                .doesNotContain(",=HYPERLINK");

        HttpResponse<byte[]> gpkg = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + UDB
                + "/export?format=gpkg")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gpkg.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("fields", ".gpkg");
        Files.write(file, gpkg.body());
        assertThat(Gdal.ogrinfo(file, List.of("-al", "-so"))).contains("a\"/*: ", "*/, \"b: ");
        Files.delete(file);
    }
}
