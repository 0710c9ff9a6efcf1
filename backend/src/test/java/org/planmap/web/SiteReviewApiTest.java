package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.planmap.encode.Gdal;
import tools.jackson.databind.JsonNode;

/**
 * 合规性审查, print and atlas over real HTTP on the real layers: anonymous site reviews as JSON and as a PDF report,
 * their refusals, and the PDFs checked with poppler's pdfinfo (page count and size) and pdftotext (Chinese as text).
 */
class SiteReviewApiTest extends ServerTest {

    /** Across the 孝义市 / 汾阳市 border (see SiteReviewTest, which checks the areas against GDAL). */
    static final String SITE = "{\"type\":\"Feature\",\"properties\":{\"名称\":\"项目地块\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[111.70,37.10],[111.86,37.08],[111.90,37.26],[111.78,37.31],[111.68,37.25],[111.70,37.10]]]}}";

    @Test
    void anyoneMayReviewASiteWithoutLoginOrCsrfToken() throws Exception {
        Reply r = post("/api/site-review", SITE, "Content-Type", "application/geo+json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("site").get("areaHa").asDouble()).isGreaterThan(30_000);
        assertThat(report.get("site").get("sourceCrs").asString()).isEqualTo("EPSG:4326");
        assertThat(report.get("counties").size()).isEqualTo(2);
        assertThat(report.get("lines").size()).isEqualTo(3);
        for (JsonNode line : report.get("lines")) {
            assertThat(line.get("official").asBoolean()).isFalse();
            assertThat(line.has("version") && line.has("areaMu") && line.has("sharePercent")).isTrue();
        }
        assertThat(report.get("townGroups").isArray() && report.get("regions").isArray()).isTrue();
        assertThat(report.get("passages").get(0).has("section")).isTrue();
        assertThat(report.get("summary").asString()).startsWith("该地块 ").contains("孝义市", "汾阳市");
    }

    @Test
    void theReportPdfIsOneA4DocumentWithTheCountiesAsText() throws Exception {
        Path pdf = download("POST", "/api/site-review?format=pdf", SITE, 200);
        assertThat(pdfinfo(pdf)).contains("Page size: 595.276 x 841.89 pts (A4)");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("合规性审查报告", "孝义市", "汾阳市", "生态保护红线", "示意数据");
        Path viaAccept = download("POST", "/api/site-review", SITE, 200, "Accept", "application/pdf");
        assertThat(Gdal.run("pdftotext", viaAccept.toString(), "-")).contains("孝义市");
    }

    @Test
    void aSiteFileIsReadByTheImportReaders() throws Exception {
        HttpResponse<String> r = multipart("/api/site-review", "地块.geojson",
                ("{\"type\":\"FeatureCollection\",\"features\":[" + SITE + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("counties").size()).isEqualTo(2);
        HttpResponse<String> text = multipart("/api/site-review", "地块.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(text.body()).get("code").asString()).isEqualTo("unsupported-format");
    }

    @Test
    void badSitesAreRefusedWithBilingualProblems() throws Exception {
        problem(post("/api/site-review", "not json", "Content-Type", "application/json"), 400, "geojson-not-json");
        problem(post("/api/site-review", "{\"type\":\"Point\",\"coordinates\":[111.7,37.1]}", "Content-Type",
                "application/geo+json"), 400, "wrong-geometry-type");
        problem(post("/api/site-review", "{\"type\":\"Polygon\",\"coordinates\":[[[2,48],[3,48],[3,49],[2,48]]]}",
                "Content-Type", "application/geo+json"), 400, null);
        problem(post("/api/site-review?format=docx", SITE, "Content-Type", "application/geo+json"), 400, "invalid-parameter");
        assertThat(get("/api/layers").status()).as("the server stays up").isEqualTo(200);
    }

    @Test
    void aPrintIsOnePageOfThePaperAskedFor() throws Exception {
        Path pdf = download("GET", "/api/print.pdf?bbox=111.3,36.9,112.1,37.5&layers=counties,urban-development-boundary,labels"
                + "&paper=A3&orientation=landscape&title=" + java.net.URLEncoder.encode("孝义市城镇开发边界", StandardCharsets.UTF_8), null, 200);
        String info = pdfinfo(pdf);
        assertThat(info).contains("Pages: 1", "Page size: 1190.55 x 841.89 pts (A3)");
        assertThat(Gdal.run("pdftotext", pdf.toString(), "-")).contains("孝义市城镇开发边界", "孝义市", "制图日期", "公里");
        Path a4 = download("GET", "/api/print.pdf?bbox=110,34.5,114.6,40.8&paper=A4&orientation=portrait", null, 200);
        assertThat(pdfinfo(a4)).contains("Page size: 595.276 x 841.89 pts (A4)");
        assertThat(get("/api/print.pdf?bbox=111,37,112,38&paper=A5").status()).isEqualTo(400);
        assertThat(get("/api/print.pdf?bbox=111,37,112,38&layers=nope").status()).isEqualTo(404);
    }

    @Test
    void theLuliangAtlasHasOnePagePerCounty() throws Exception {
        Path pdf = download("GET", "/api/atlas.pdf?adcode=1411", null, 200);
        assertThat(pdfinfo(pdf)).contains("Pages: 13", "Page size: 595.276 x 841.89 pts (A4)");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("吕梁市 孝义市", "吕梁市 离石区", "2025年城镇规模等级", "三条控制线台账", "规划条文");
        // Conflicts by their Chinese names, never by the ledger's codes.
        assertThat(text).contains("永久基本农田与城镇开发边界重叠").doesNotContain("farmland-development",
                "redline-development");
        assertThat(get("/api/atlas.pdf?adcode=1499").status()).isEqualTo(404);
        assertThat(get("/api/atlas.pdf?adcode=11").status()).isEqualTo(400);
    }

    /** pdfinfo's report with its column padding folded, "Pages: 13". */
    private static String pdfinfo(Path pdf) throws Exception {
        return Gdal.run("pdfinfo", pdf.toString()).replaceAll("[ \\t]+", " ");
    }

    private static void problem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        if (code != null) {
            JsonNode p = r.json();
            assertThat(p.get("code").asString()).isEqualTo(code);
            assertThat(p.path("message").path("zh").asString()).isNotBlank();
            assertThat(p.path("message").path("en").asString()).isNotBlank();
        }
    }

    private Path download(String method, String path, String body, int status, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/geo+json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        Path file = Files.createTempFile(dataDir, "answer-", ".pdf");
        Files.write(file, r.body());
        return file;
    }

    private HttpResponse<String> multipart(String path, String fileName, byte[] content) throws Exception {
        Multipart upload = Multipart.file(fileName, content);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", upload.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
