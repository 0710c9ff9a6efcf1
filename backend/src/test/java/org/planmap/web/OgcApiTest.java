package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.http.StreamedResponse;
import tools.jackson.databind.JsonNode;

/** OGC API – Features at /ogc, asked over HTTP and read by GDAL's OAPIF driver, on the real layers. */
class OgcApiTest extends ServerTest {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    /** 孝义市's town: a box that meets 孝义市 and a handful of its neighbours. */
    static final String XIAOYI_BOX = "111.77,37.14,111.79,37.15";

    @TempDir
    Path work;

    Reply request(String path, String... headers) throws Exception {
        return send(HTTP, "GET", path, null, headers);
    }

    static Map<String, JsonNode> linksByRel(JsonNode doc) {
        Map<String, JsonNode> links = new HashMap<>();
        doc.get("links").forEach(l -> links.putIfAbsent(l.get("rel").asString(), l));
        return links;
    }

    /** The path and query of an absolute link this server wrote. */
    String local(JsonNode link) {
        String href = link.get("href").asString();
        String root = "http://localhost:" + port;
        assertThat(href).startsWith(root);
        return href.substring(root.length());
    }

    List<String> layerIds() throws Exception {
        List<String> ids = new ArrayList<>();
        get("/api/layers").body().forEach(l -> ids.add(l.get("id").asString()));
        return ids;
    }

    @Test
    void theLandingPageLinksEveryPartOfTheService() throws Exception {
        Reply landing = request("/ogc");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.header("Content-Type")).startsWith("application/json");
        assertThat(landing.json().get("title").asString()).contains("山西");
        Map<String, JsonNode> links = linksByRel(landing.json());
        assertThat(links).containsKeys("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        assertThat(links.get("service-desc").get("type").asString()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        assertThat(local(links.get("service-desc"))).isEqualTo("/ogc/api");
        assertThat(local(links.get("data"))).isEqualTo("/ogc/collections");
        assertThat(links.get("alternate").get("type").asString()).isEqualTo("text/html");
        for (JsonNode link : links.values()) {
            Reply r = request(local(link));
            assertThat(r.status()).as(link.toString()).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(link.toString()).startsWith(link.get("type").asString().replaceFirst(";.*", ""));
        }
    }

    @Test
    void conformanceDeclaresCoreGeoJsonHtmlOpenApiAndCrs() throws Exception {
        Answer a = get("/ogc/conformance");
        assertThat(a.status()).isEqualTo(200);
        List<String> classes = new ArrayList<>();
        a.body().get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).containsExactlyInAnyOrder(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus");
    }

    @Test
    void theOpenApiDocumentDescribesTheItemsAndTheirParameters() throws Exception {
        Reply r = request("/ogc/api");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = r.json();
        assertThat(api.get("openapi").asString()).startsWith("3.0.");
        // The landing page is the server and the paths hang below it, as clients and the OGC's suite join them.
        assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:" + port + "/ogc");
        assertThat(api.get("paths").propertyNames()).containsExactlyInAnyOrder("/", "/conformance", "/api",
                "/collections", "/collections/{collectionId}", "/collections/{collectionId}/items",
                "/collections/{collectionId}/items/{featureId}", "/collections/{collectionId}/queryables");
        JsonNode items = api.get("paths").get("/collections/{collectionId}/items").get("get");
        JsonNode parameters = api.get("components").get("parameters");
        List<String> names = new ArrayList<>();
        for (JsonNode ref : items.get("parameters")) {
            JsonNode p = parameters.get(ref.get("$ref").asString().replace("#/components/parameters/", ""));
            names.add(p.get("name").asString());
        }
        // the items' own parameters, the filter's, and the queryables of the layers as equality parameters
        assertThat(names).contains("collectionId", "bbox", "bbox-crs", "datetime", "limit", "offset", "crs", "f",
                "filter", "filter-lang", "filter-crs", "tier", "cityName").doesNotHaveDuplicates()
                .doesNotContain("labelPoint");
        for (String arrayOrForm : List.of("bbox", "datetime", "limit")) {
            assertThat(parameters.get(arrayOrForm).get("style").asString()).isEqualTo("form");
            assertThat(parameters.get(arrayOrForm).get("explode").asBoolean()).as(arrayOrForm).isFalse();
        }
        List<String> enumerated = new ArrayList<>();
        parameters.get("collectionId").get("schema").get("enum").forEach(id -> enumerated.add(id.asString()));
        assertThat(enumerated).containsExactlyElementsOf(layerIds());
        JsonNode limit = parameters.get("limit").get("schema");
        assertThat(limit.get("default").asInt()).isEqualTo(10);
        assertThat(limit.get("maximum").asInt()).isEqualTo(10_000);
        assertThat(items.get("responses").get("200").get("content").has("application/geo+json")).isTrue();
        assertThat(items.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
    }

    @Test
    void theCollectionsAreTheLayersOfTheApi() throws Exception {
        JsonNode collections = get("/ogc/collections").body();
        List<String> ids = new ArrayList<>();
        collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsExactlyElementsOf(layerIds());

        JsonNode counties = get("/ogc/collections/counties").body();
        assertThat(counties.get("title").asString()).isEqualTo(get("/api/layers/counties").body().get("title").asString());
        assertThat(counties.get("itemType").asString()).isEqualTo("feature");
        JsonNode spatial = counties.get("extent").get("spatial");
        assertThat(spatial.get("crs").asString()).isEqualTo(CRS84);
        JsonNode bbox = spatial.get("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(110.2, 110.3);   // west, longitude first
        assertThat(bbox.get(3).asDouble()).isBetween(40.7, 40.8);     // north
        List<String> crs = new ArrayList<>();
        counties.get("crs").forEach(c -> crs.add(c.asString()));
        assertThat(crs).startsWith(CRS84).contains(CGCS2000, "http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(crs).contains(counties.get("storageCrs").asString());
        List<String> itemTypes = new ArrayList<>();
        counties.get("links").forEach(l -> {
            if (l.get("rel").asString().equals("items")) {
                itemTypes.add(l.get("type").asString());
            }
        });
        assertThat(itemTypes).containsExactlyInAnyOrder("application/geo+json", "text/html");
    }

    @Test
    void itemsPageByNextLinksUntilTheEnd() throws Exception {
        List<String> expected = new ArrayList<>();
        get("/api/layers/counties/features").body().get("features").forEach(f -> expected.add(f.get("id").asString()));
        assertThat(expected).hasSize(117);

        List<String> seen = new ArrayList<>();
        String next = "/ogc/collections/counties/items?limit=50";
        int pages = 0;
        while (next != null) {
            Reply r = request(next);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/geo+json");
            assertThat(r.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
            JsonNode page = r.json();
            assertThat(page.get("numberMatched").asLong()).isEqualTo(117);
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size())
                    .isEqualTo(pages < 2 ? 50 : 17);
            assertThat(Instant.parse(page.get("timeStamp").asString())).isBefore(Instant.now().plusSeconds(1));
            page.get("features").forEach(f -> seen.add(f.get("id").asString()));
            Map<String, JsonNode> links = linksByRel(page);
            assertThat(links).containsKeys("self", "alternate", "collection");
            assertThat(links.containsKey("prev")).as("prev on page " + pages).isEqualTo(pages > 0);
            if (pages > 0) {
                JsonNode previous = request(local(links.get("prev"))).json();
                assertThat(previous.get("features").get(0).get("id").asString()).isEqualTo(expected.get((pages - 1) * 50));
            }
            next = links.containsKey("next") ? local(links.get("next")) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        // Without limit, 10; an over-large limit is served as the maximum rather than refused.
        assertThat(get("/ogc/collections/counties/items").body().get("numberReturned").asInt()).isEqualTo(10);
        assertThat(get("/ogc/collections/counties/items?limit=20000").body().get("numberReturned").asInt()).isEqualTo(117);
        assertThat(get("/ogc/collections/counties/items?offset=200").body().get("features").size()).isZero();
    }

    @Test
    void bboxSelectsTheSameFeaturesAsTheApiInEitherAxisOrder() throws Exception {
        Set<String> api = ids(get("/api/layers/counties/features?bbox=" + XIAOYI_BOX).body());
        assertThat(api).contains("141181").hasSizeLessThan(10);
        JsonNode page = get("/ogc/collections/counties/items?limit=100&bbox=" + XIAOYI_BOX).body();
        assertThat(ids(page)).isEqualTo(api);
        assertThat(page.get("numberMatched").asInt()).isEqualTo(api.size());
        // CGCS2000 by URI is latitude first, so the same box is written the other way round.
        JsonNode latFirst = get("/ogc/collections/counties/items?limit=100&bbox=37.14,111.77,37.15,111.79&bbox-crs="
                + CGCS2000).body();
        assertThat(ids(latFirst)).isEqualTo(api);
        // The next link keeps the box and its CRS: a box over the eleven counties whose polygons reach into it.
        JsonNode small = get("/ogc/collections/counties/items?limit=1&bbox=37,111,37.5,112&bbox-crs=" + CGCS2000).body();
        assertThat(small.get("numberMatched").asInt()).isEqualTo(11);
        String next = local(linksByRel(small).get("next"));
        assertThat(next).contains("bbox-crs=");
        JsonNode second = get(next).body();
        assertThat(second.get("numberMatched").asInt()).isEqualTo(11);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(small));
        // A box across the antimeridian is a question like any other: no county of Shanxi lies there.
        JsonNode pacific = get("/ogc/collections/counties/items?bbox=170,-10,-170,10").body();
        assertThat(pacific.get("numberMatched").asInt()).isZero();
        // The layers carry no time, and features without one match every datetime (Part 1).
        JsonNode timed = get("/ogc/collections/counties/items?limit=100&bbox=" + XIAOYI_BOX
                + "&datetime=2021-01-01T00:00:00Z/..").body();
        assertThat(ids(timed)).isEqualTo(api);
        assertThat(local(linksByRel(timed).get("self"))).contains("datetime=2021-01-01T00%3A00%3A00Z%2F..");
    }

    static Set<String> ids(JsonNode collection) {
        Set<String> ids = new LinkedHashSet<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    @Test
    void crsCgcs2000WritesLatitudeFirstAndSaysSo() throws Exception {
        Reply lonLat = request("/ogc/collections/counties/items/141181");
        assertThat(lonLat.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
        JsonNode first = firstPosition(lonLat.json());
        assertThat(first.get(0).asDouble()).isBetween(111.0, 112.5);
        assertThat(first.get(1).asDouble()).isBetween(36.5, 37.5);

        Reply latLon = request("/ogc/collections/counties/items/141181?crs=" + CGCS2000);
        assertThat(latLon.status()).isEqualTo(200);
        assertThat(latLon.header("Content-Crs")).isEqualTo("<" + CGCS2000 + ">");
        JsonNode swapped = firstPosition(latLon.json());
        assertThat(swapped.get(0).asDouble()).isEqualTo(first.get(1).asDouble());
        assertThat(swapped.get(1).asDouble()).isEqualTo(first.get(0).asDouble());

        // In a page too, and its links keep asking for that CRS.
        JsonNode page = get("/ogc/collections/counties/items?limit=5&bbox=" + XIAOYI_BOX + "&crs=" + CGCS2000).body();
        JsonNode xiaoyi = null;
        for (JsonNode f : page.get("features")) {
            if (f.get("id").asString().equals("141181")) {
                xiaoyi = f;
            }
        }
        assertThat(firstPosition(xiaoyi).get(0).asDouble()).isBetween(36.5, 37.5);
        assertThat(linksByRel(page).get("self").get("href").asString()).contains("crs=http%3A%2F%2Fwww.opengis.net");
        // EPSG:4326 asked as such is latitude first as well; CRS84 is what GeoJSON readers expect.
        assertThat(firstPosition(get("/ogc/collections/counties/items/141181?crs=http://www.opengis.net/def/crs/EPSG/0/4326")
                .body()).get(0).asDouble()).isBetween(36.5, 37.5);
    }

    static JsonNode firstPosition(JsonNode feature) {
        JsonNode c = feature.get("geometry").get("coordinates");
        while (c.get(0).isArray()) {
            c = c.get(0);
        }
        return c;
    }

    @Test
    void oneFeatureById() throws Exception {
        Reply r = request("/ogc/collections/counties/items/141181");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/geo+json");
        JsonNode xiaoyi = r.json();
        assertThat(xiaoyi.get("type").asString()).isEqualTo("Feature");
        assertThat(xiaoyi.get("id").asString()).isEqualTo("141181");
        assertThat(xiaoyi.get("properties").get("name").asString()).isEqualTo("孝义市");
        Map<String, JsonNode> links = linksByRel(xiaoyi);
        assertThat(local(links.get("self"))).startsWith("/ogc/collections/counties/items/141181");
        assertThat(local(links.get("collection"))).isEqualTo("/ogc/collections/counties");
    }

    /**
     * One feature is sent whole with its length, as when it was built in memory (a chunked answer cost a flush and a
     * chunk terminator per request); all counties, more than {@code StreamedResponse.WHOLE_AT_MOST}, stream without
     * one. Compression still applies to the small answer.
     */
    @Test
    void smallAnswersCarryTheirLengthAndLargeOnesStream() throws Exception {
        Reply one = request("/ogc/collections/counties/items/141181");
        assertThat(one.header("Content-Length")).isEqualTo(String.valueOf(one.text().getBytes(StandardCharsets.UTF_8).length));
        Reply all = request("/ogc/collections/counties/items?limit=200");
        assertThat(all.text().length()).isGreaterThan(StreamedResponse.WHOLE_AT_MOST);
        assertThat(all.header("Content-Length")).isNull();
        assertThat(all.json().get("features").size()).isEqualTo(117);
        assertThat(request("/ogc/collections/counties/items/141181", "Accept-Encoding", "gzip").header("Content-Encoding"))
                .isEqualTo("gzip");
    }

    @Test
    void badRequestsAreProblemsInBothLanguages() throws Exception {
        Answer unknown = get("/ogc/collections/counties/items?bbx=" + XIAOYI_BOX);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("code").asString()).isEqualTo("unknown-parameter");
        assertThat(unknown.body().get("message").get("zh").asString()).contains("bbx");
        assertThat(unknown.body().get("message").get("en").asString()).contains("bbx");
        assertThat(get("/ogc/collections?limit=5").status()).isEqualTo(400);
        for (String bad : List.of("limit=0", "limit=ten", "offset=-1", "f=xml", "bbox=1,2,3", "bbox=112,38,111,37",
                "crs=EPSG:32650", "bbox-crs=" + CGCS2000, "limit=5&limit=6", "datetime=tomorrow")) {
            Answer a = get("/ogc/collections/counties/items?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.body().get("code").asString()).as(bad).isEqualTo("invalid-parameter");
            assertThat(a.body().get("message").get("zh").asString()).as(bad).startsWith("参数 ");
        }
        Answer noLayer = get("/ogc/collections/nope/items");
        assertThat(noLayer.status()).isEqualTo(404);
        assertThat(noLayer.body().get("code").asString()).isEqualTo("layer-not-found");
        assertThat(get("/ogc/collections/nope").status()).isEqualTo(404);
        Answer noFeature = get("/ogc/collections/counties/items/999999");
        assertThat(noFeature.status()).isEqualTo(404);
        assertThat(noFeature.body().get("code").asString()).isEqualTo("feature-not-found");
    }

    /** An inline script: a {@code <script>} element without {@code src}. */
    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE);

    @Test
    void browsersGetHtmlPagesWithoutInlineScript() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        Reply items = request("/ogc/collections/counties/items?bbox=" + XIAOYI_BOX, "Accept", browser);
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.header("Content-Type")).startsWith("text/html");
        assertThat(items.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(items.text()).contains("孝义市").contains("<html lang=\"zh-CN\">").contains("href=\"/ogc.css\"");
        Reply item = request("/ogc/collections/counties/items/141181?f=html");
        assertThat(item.header("Content-Type")).startsWith("text/html");
        assertThat(item.text()).contains("<h1>孝义市（141181）</h1>");
        for (String page : List.of("/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/counties",
                "/ogc/collections/counties/items", "/ogc/collections/counties/items/141181")) {
            Reply r = request(page, "Accept", browser);
            assertThat(r.header("Content-Type")).as(page).startsWith("text/html");
            assertThat(INLINE_SCRIPT.matcher(r.text()).find()).as(page).isFalse();
            assertThat(r.text()).as(page).doesNotContain(" style=");
        }
        // Names are escaped: the collection page's field descriptions and sources are text, never markup.
        assertThat(request("/ogc/collections?f=html").text()).doesNotContain("<script");
        assertThat(request("/ogc.css").status()).isEqualTo(200);
        // JSON stays the default for clients that do not prefer HTML.
        assertThat(request("/ogc", "Accept", "*/*").header("Content-Type")).startsWith("application/json");
    }

    /** GDAL's OGC API – Features driver lists every layer and counts what /api/layers counts. */
    @Test
    void gdalReadsEveryCollection() throws Exception {
        String service = "OAPIF:http://127.0.0.1:" + port + "/ogc";
        String listing = run("ogrinfo", "-ro", "-so", service);
        Map<String, Long> counts = new HashMap<>();
        get("/api/layers").body().forEach(l -> counts.put(l.get("id").asString(), l.get("featureCount").asLong()));
        for (String id : counts.keySet()) {
            assertThat(listing).contains(": " + id + " (title: ");
        }
        // One run for all layers: each "Layer name:" block carries its "Feature Count:" (numberMatched).
        Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)")
                .matcher(run("ogrinfo", "-ro", "-so", "-al", service));
        Map<String, Long> gdalCounts = new HashMap<>();
        while (m.find()) {
            gdalCounts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertThat(gdalCounts).isEqualTo(counts);
        // Reading every feature follows the next links: 117 counties in pages of 50, written out and read back.
        Path copy = work.resolve("counties.geojson");
        run("ogr2ogr", "-f", "GeoJSON", copy.toString(), service, "counties", "-oo", "PAGE_SIZE=50");
        JsonNode written = JSON.readTree(Files.readString(copy));
        assertThat(written.get("features").size()).isEqualTo(117);
        assertThat(written.toString()).contains("孝义市");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }
}
