package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.planmap.controlline.ControlLine;
import org.planmap.encode.Gdal;
import org.planmap.importer.KmlFormatReader;
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
            assertThat(line.has("areaMu") && line.has("sharePercent")).isTrue();
            JsonNode current = current(line.get("id").asString());
            assertThat(line.get("version").asInt()).isEqualTo(current.get("version").asInt());
            assertThat(line.get("versionDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(line.get("layerVersion").asString()).isEqualTo(current.get("layerVersion").asString());
        }
        assertThat(report.get("townGroups").isArray() && report.get("regions").isArray()).isTrue();
        assertThat(report.get("passages").get(0).has("section")).isTrue();
        assertThat(report.get("summary").asString()).startsWith("该地块 ").contains("孝义市", "汾阳市");
    }

    @Test
    void theReportPdfIsOneA4DocumentWithTheCountiesAsText() throws Exception {
        Path pdf = download("POST", "/api/site-review?format=pdf", SITE, 200);
        pageImage(pdf, "site-review-zh");
        assertThat(pdfinfo(pdf)).contains("Page size: 595.276 x 841.89 pts (A4)");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("合规性审查报告", "孝义市", "汾阳市", "生态保护红线", "示意数据");
        // Data versions as the history and the map's legend name them: 第 N 版 and its day; the hash only as a footnote.
        JsonNode redline = current(ControlLine.ECOLOGICAL_PROTECTION_REDLINE.layerId());
        String day = post("/api/site-review", SITE, "Content-Type", "application/geo+json").json().get("lines").get(0)
                .get("versionDate").asString();
        String flat = text.replace("\n", "");
        assertThat(flat).contains("生态保护红线 第 " + redline.get("version").asInt() + " 版，" + day + "（示意数据，非官方）",
                "数据内容标识：");
        assertThat(flat).doesNotContain("版本 " + redline.get("layerVersion").asString());
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
    void aKmlSiteFromGoogleEarthIsReviewedLikeTheSameGeoJson() throws Exception {
        String kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + "<Placemark><name>项目地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                + "111.70,37.10,0 111.86,37.08,0 111.90,37.26,0 111.78,37.31,0 111.68,37.25,0 111.70,37.10,0"
                + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>";
        HttpResponse<String> r = multipart("/api/site-review", "地块.kml", kml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode fromKml = JSON.readTree(r.body());
        JsonNode fromGeoJson = post("/api/site-review", SITE, "Content-Type", "application/geo+json").json();
        assertThat(fromKml.get("site").get("sourceCrs").asString()).isEqualTo("EPSG:4326");
        // The outline comes back for the viewer to draw: the file's polygon, vertex for vertex.
        JsonNode outline = fromKml.get("site").get("outline");
        assertThat(outline.get("type").asString()).isEqualTo("MultiPolygon");
        assertThat(outline.get("coordinates").get(0).get(0).size()).isEqualTo(6);
        assertThat(fromKml.get("site").get("areaHa").asDouble()).isEqualTo(fromGeoJson.get("site").get("areaHa").asDouble());
        assertThat(fromKml.get("summary").asString()).isEqualTo(fromGeoJson.get("summary").asString()).contains("孝义市");
    }

    /**
     * A chunked upload says no length, so the headers cannot refuse it: it is cut off at 20 MB as it streams. The
     * client offers 200 MB; the answer must come while it has sent little more than the limit (plus what the
     * sockets' buffers hold), not after the server spooled the lot up to the import limit.
     */
    @Test
    void aChunkedSiteUploadOverTheLimitIsRefusedWhileItStreams() throws Exception {
        String boundary = "planmap-chunked";
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST /api/site-review HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    chunk(out, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.geojson\"\r\n"
                            + "Content-Type: application/geo+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] filler = new byte[1 << 20];
                    Arrays.fill(filler, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        chunk(out, filler);
                        sent.addAndGet(filler.length);
                    }
                } catch (IOException e) {
                    // the server stopped reading and closed: expected
                }
            });
            writer.setDaemon(true);
            writer.start();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            long sentWhenAnswered = sent.get();
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json");
            assertThat(sentWhenAnswered).as("bytes sent before the answer").isLessThan(60L << 20);
        }
        assertThat(get("/api/layers").status()).as("the server stays up").isEqualTo(200);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The site review reads KML with the import's reader: a DTD is refused there too (docs/security.md). */
    @Test
    void aKmlSiteWithADtdIsRefusedWithoutReadingOrExpandingItsEntities() throws Exception {
        for (String kml : List.of(HostileUploadTest.XXE_KML, HostileUploadTest.LAUGHS_KML)) {
            HttpResponse<String> r = multipart("/api/site-review", "地块.kml", kml.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("code").asString()).isEqualTo(KmlFormatReader.NOT_KML);
            assertThat(p.path("message").path("zh").asString()).isNotBlank();
            assertThat(p.path("message").path("en").asString()).contains("KML");
            assertThat(r.body()).doesNotContain("root:").doesNotContain("hahahahaha");
        }
        assertThat(get("/api/layers").status()).as("the server stays up").isEqualTo(200);
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
        pageImage(pdf, "atlas-zh");
        assertThat(pdfinfo(pdf)).contains("Pages: 13", "Page size: 595.276 x 841.89 pts (A4)");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("吕梁市 孝义市", "吕梁市 离石区", "2025年城镇规模等级", "三条控制线台账", "规划条文");
        // Conflicts by their Chinese names, never by the ledger's codes.
        assertThat(text).contains("永久基本农田与城镇开发边界重叠").doesNotContain("farmland-development",
                "redline-development");
        assertThat(get("/api/atlas.pdf?adcode=1499").status()).isEqualTo(404);
        assertThat(get("/api/atlas.pdf?adcode=11").status()).isEqualTo(400);
    }

    /** Issue 17: lang=en, as the viewer sends it from its language switch, and the credit said once. */
    @Test
    void anEnglishPrintSpeaksEnglishOnlyAndGivesItsSourceOnce() throws Exception {
        String bbox = "/api/print.pdf?bbox=111.3,36.9,112.1,37.5&layers=counties,urban-development-boundary,labels";
        Path chinesePdf = download("GET", bbox, null, 200);
        pageImage(chinesePdf, "print-zh");
        String chinese = Gdal.run("pdftotext", chinesePdf.toString(), "-");
        assertThat(occurrences(chinese, "DataV.GeoAtlas")).as("the credit line, once").isEqualTo(1);
        assertThat(chinese).contains("山西省“十四五”新型城镇化规划", "制图日期", "图例");
        Path englishPdf = download("GET", bbox + "&lang=en", null, 200);
        pageImage(englishPdf, "print-en");
        String english = Gdal.run("pdftotext", englishPdf.toString(), "-");
        assertThat(english).contains("Shanxi 14th Five-Year New Urbanisation Plan", "Legend", "Map made", "km",
                "Boundaries: DataV.GeoAtlas");
        assertThat(occurrences(english, "DataV.GeoAtlas")).isEqualTo(1);
        // The title, legend, scale, credit and place names are all English: not one Chinese character is left.
        assertThat(english).doesNotContainPattern("\\p{IsHan}");
        problem(send(HTTP, "GET", bbox + "&lang=fr", null), 400, "invalid-parameter");
    }

    @Test
    void anEnglishAtlasKeepsThePlanTextAndPlaceNamesInChineseBesideTheirPinyin() throws Exception {
        Path pdf = download("GET", "/api/atlas.pdf?adcode=1411&lang=en", null, 200);
        pageImage(pdf, "atlas-en");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("2025 size tier", "Control-line ledger", "The plan's text", "mentions)", "Legend", "Regional town groups: ",
                "吕梁市 Lüliang City · 孝义市 Xiaoyi City", "county-level city", "Type I small city", "ha (", "Map made",
                "Permanent basic farmland inside the urban development boundary");
        assertThat(text).doesNotContain("2025年城镇规模等级", "三条控制线台账", "规划条文", "区域性城镇群：", "制图日期", "公顷", "平方公里",
                "图例", "公里", "县级市", "示意数据", "（余下内容", "永久基本农田");
        assertThat(occurrences(text, "DataV.GeoAtlas")).as("once a page").isEqualTo(13);
        // The plan's own words are quoted as written.
        JsonNode passage = get("/api/counties/141181/card").body().get("passages").get("first").get(0);
        assertThat(text.replace("\n", "")).contains(passage.get("text").asString().strip().substring(0, 12));
    }

    @Test
    void anEnglishSiteReviewReportQuotesThePlanInChinese() throws Exception {
        Path pdf = download("POST", "/api/site-review?format=pdf&lang=en", SITE, 200);
        pageImage(pdf, "site-review-en");
        String text = Gdal.run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("Site review report", "County-level units", "The three control lines", "Data versions",
                "孝义市 Xiaoyi City", "汾阳市 Fenyang City", "Ecological protection red line (demonstration data)",
                "ha (", "% of the site", "Legend", "Map made", "The site, ");
        assertThat(text).doesNotContain("合规性审查", "所在县级行政区", "三条控制线", "数据版本", "公顷", "地块", "图例", "示意",
                "生态保护红线", "该地块");
        assertThat(occurrences(text, "DataV.GeoAtlas")).isEqualTo(1);
        JsonNode passage = post("/api/site-review", SITE, "Content-Type", "application/geo+json").json().get("passages").get(0);
        assertThat(text.replace("\n", "")).contains(passage.get("text").asString().strip().substring(0, 12));
    }

    /** The viewer's English mode asks with lang=en: the sentence to paste is English there too, not only in the PDF. */
    @Test
    void anEnglishViewerGetsTheSummaryInEnglish() throws Exception {
        Reply r = post("/api/site-review?lang=en", SITE, "Content-Type", "application/geo+json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String summary = r.json().get("summary").asString();
        assertThat(summary).startsWith("The site, ").contains("孝义市 Xiaoyi City", "汾阳市 Fenyang City", " ha (", " mu)",
                "Ecological protection red line (demonstration data)");
        assertThat(summary).doesNotContain("该地块", "公顷", "亩", "生态保护红线", "示意");
        JsonNode chinese = post("/api/site-review?lang=zh", SITE, "Content-Type", "application/geo+json").json();
        assertThat(chinese.get("summary").asString()).startsWith("该地块 ");
        assertThat(r.json().get("counties")).as("only the sentence changes").isEqualTo(chinese.get("counties"));
        problem(post("/api/site-review?lang=fr", SITE, "Content-Type", "application/geo+json"), 400, "invalid-parameter");
    }

    /** The first page as target/screenshots/pdf-{name}.png (poppler's pdftoppm), to look at. */
    private static void pageImage(Path pdf, String name) throws Exception {
        Files.createDirectories(ScreenBrowserTest.SCREENSHOTS);
        Gdal.run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                ScreenBrowserTest.SCREENSHOTS.resolve("pdf-" + name).toString());
    }

    private static int occurrences(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
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

    /** The layer's current version as its history lists it. */
    private JsonNode current(String layerId) throws Exception {
        for (JsonNode v : get("/api/layers/" + layerId + "/versions").body()) {
            if (v.get("current").asBoolean()) {
                return v;
            }
        }
        throw new AssertionError(layerId + " has no current version");
    }
}
