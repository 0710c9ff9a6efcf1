package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.encode.Gdal;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features Part 3 at /ogc and the same CQL2 filter on /api, over HTTP on the real layers, and GDAL's
 * OAPIF driver handing its {@code -where} to the server.
 */
class OgcFilterTest extends ServerTest {

    static final String TIER_I = "tier = 'I型小城市'";
    static final String XIAOYI_POINT = "S_INTERSECTS(geometry,POINT(111.78 37.14))";

    @TempDir
    Path work;

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("features").forEach(f -> names.add(f.get("properties").get("name").asString()));
        return names;
    }

    @Test
    void queryablesAreTheLayersScalarFieldsAndItsGeometry() throws Exception {
        Reply r = send(HTTP, "GET", "/ogc/collections/counties/queryables", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/schema+json");
        JsonNode doc = r.json();
        assertThat(doc.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(doc.get("$id").asString()).endsWith("/ogc/collections/counties/queryables");
        JsonNode p = doc.get("properties");
        assertThat(p.get("geometry").get("x-ogc-role").asString()).isEqualTo("primary-geometry");
        assertThat(p.get("geometry").get("format").asString()).isEqualTo("geometry-multipolygon");
        assertThat(p.get("tier").get("type").asString()).isEqualTo("string");
        assertThat(p.get("areaKm2").get("type").asString()).isEqualTo("number");
        assertThat(p.has("labelPoint")).as("a list is not queryable").isFalse();
        JsonNode collection = get("/ogc/collections/counties").body();
        List<String> rels = new ArrayList<>();
        collection.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
        assertThat(get("/ogc/collections/nope/queryables").status()).isEqualTo(404);
        assertThat(get("/ogc/conformance").body().toString())
                .contains("ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter",
                        "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json", "cql2/1.0/conf/basic-cql2",
                        "cql2/1.0/conf/advanced-comparison-operators", "cql2/1.0/conf/basic-spatial-functions");
    }

    @Test
    void itemsAreFilteredInEitherEncodingAndTheNextLinkKeepsTheFilter() throws Exception {
        JsonNode tierI = get("/ogc/collections/counties/items?limit=15&filter=" + q(TIER_I)).body();
        assertThat(tierI.get("numberMatched").asLong()).isEqualTo(20);
        assertThat(tierI.get("numberReturned").asLong()).isEqualTo(15);
        tierI.get("features").forEach(f -> assertThat(f.get("properties").get("tier").asString()).isEqualTo("I型小城市"));
        String next = null;
        for (JsonNode l : tierI.get("links")) {
            if (l.get("rel").asString().equals("next")) {
                next = l.get("href").asString();
            }
        }
        assertThat(next).contains("filter=" + q(TIER_I));
        JsonNode second = get(next.substring(next.indexOf("/ogc/"))).body();
        assertThat(second.get("numberReturned").asLong()).isEqualTo(5);

        assertThat(names(get("/ogc/collections/counties/items?filter=" + q(XIAOYI_POINT)).body())).containsExactly("孝义市");
        // Part 3 queryables as parameters: equality, with the filter and each other
        JsonNode byParameter = get("/ogc/collections/counties/items?limit=100&tier=" + q("I型小城市")).body();
        assertThat(byParameter.get("numberMatched").asLong()).isEqualTo(20);
        assertThat(names(get("/ogc/collections/counties/items?tier=" + q("I型小城市") + "&filter=" + q(XIAOYI_POINT))
                .body())).containsExactly("孝义市");
        assertThat(names(get("/ogc/collections/counties/items?tier=" + q("I型小城市") + "&cityName=" + q("吕梁市")).body()))
                .isEqualTo(names(get("/ogc/collections/counties/items?filter=" + q(TIER_I + " AND cityName = '吕梁市'"))
                        .body())).contains("孝义市");
        assertThat(get("/ogc/collections/counties/items?areaKm2=big").status()).isEqualTo(400);
        assertThat(get("/ogc/collections/counties/items?tire=" + q("I型小城市")).body().get("code").asString())
                .isEqualTo("unknown-parameter");
        String json = "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"tier\"},\"I型小城市\"]},"
                + "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"%市\"]}]}";
        JsonNode byJson = get("/ogc/collections/counties/items?limit=100&filter-lang=cql2-json&filter=" + q(json)).body();
        JsonNode byText = get("/ogc/collections/counties/items?limit=100&filter=" + q(TIER_I + " AND name LIKE '%市'")).body();
        assertThat(names(byJson)).isEqualTo(names(byText)).isNotEmpty().hasSizeLessThan(20);
    }

    @Test
    void theApiAndExportsTakeTheSameFilter() throws Exception {
        JsonNode api = get("/api/layers/counties/features?filter=" + q(TIER_I)).body();
        assertThat(api.get("features").size()).isEqualTo(20);
        assertThat(names(get("/api/layers/counties/features?filter=" + q(XIAOYI_POINT)).body())).containsExactly("孝义市");
        Reply csv = send(HTTP, "GET", "/api/layers/counties/export?format=csv&filter=" + q(TIER_I), null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().strip().split("\n")).hasSize(21);   // the header and 20 counties
        assertThat(csv.header("Content-Disposition")).contains("-filter-");
        HttpResponse<byte[]> gpkg = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/layers/counties/export?format=gpkg&filter=" + q(TIER_I + " OR " + XIAOYI_POINT))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gpkg.statusCode()).isEqualTo(200);
        Gdal.Layer read = Gdal.layer(Files.write(work.resolve("tier-i.gpkg"), gpkg.body()));
        assertThat(read.features()).as("孝义市 is itself I型小城市").isEqualTo(20);
        assertThat(read.count("tier = 'I型小城市'")).isEqualTo(20);
    }

    @Test
    void badFiltersAreProblemsNamingTheFault() throws Exception {
        Answer unknown = get("/ogc/collections/counties/items?filter=" + q("tire = 'I型小城市'"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("code").asString()).isEqualTo("invalid-filter");
        assertThat(unknown.body().toString()).contains("no queryable property tire", "没有可查询的属性 tire");
        Answer syntax = get("/api/layers/counties/features?filter=" + q("name = '孝义市"));
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body().toString()).contains("at character 8", "第 8 个字符处");
        Answer type = get("/api/layers/counties/export?format=csv&filter=" + q("areaKm2 > 'big'"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body().toString()).contains("areaKm2 compares with a number");
        assertThat(get("/ogc/collections/counties/items?filter-lang=ecql&filter=" + q(TIER_I)).status()).isEqualTo(400);
        assertThat(get("/ogc/collections/counties/items?filter-crs=" + q("http://www.opengis.net/def/crs/EPSG/0/4490")
                + "&filter=" + q(XIAOYI_POINT)).status()).isEqualTo(400);
        assertThat(get("/ogc/collections/counties/items?filter=" + q(TIER_I)).status()).as("the server stays up")
                .isEqualTo(200);
    }

    /**
     * GDAL 3.6 sends a {@code -where} of equalities as the queryables' parameters the OpenAPI document lists (its
     * CQL support is for a draft that predates CQL2): its debug log shows the request, and 20 counties come back.
     */
    @Test
    void gdalPassesItsWhereToTheServer() throws Exception {
        String out = OgcApiTest.run("ogrinfo", "-ro", "-al", "-geom=NO", "--config", "CPL_DEBUG", "ON",
                "OAPIF:http://127.0.0.1:" + port + "/ogc", "counties", "-where", TIER_I);
        assertThat(out).containsPattern("Fetch\\(http://[^)]*/items\\?[^)]*tier=").doesNotContain("client side");
        assertThat(out.split("OGRFeature\\(counties\\)", -1)).hasSize(21);
        assertThat(out).contains("孝义市");
        // ogr2ogr, the same driver copying what the server selected
        Path copy = work.resolve("tier-i-oapif.gpkg");
        OgcApiTest.run("ogr2ogr", "-f", "GPKG", copy.toString(), "OAPIF:http://127.0.0.1:" + port + "/ogc", "counties",
                "-where", TIER_I);
        assertThat(Gdal.layer(copy).features()).isEqualTo(20);
    }
}
