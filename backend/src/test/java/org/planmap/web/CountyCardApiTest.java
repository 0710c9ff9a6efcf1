package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/counties/{adcode}/card over HTTP on the real data: what the viewer's card shows, in one answer. */
class CountyCardApiTest extends ServerTest {

    static final String PLAN = "《山西省“十四五”新型城镇化规划》";

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    @Test
    void xiaoyiCitesItsTierByTitleAndSectionAndListsLuliangsTasks() throws Exception {
        Answer a = get("/api/counties/141181/card");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode card = a.body();
        assertThat(card.path("name").asString()).isEqualTo("孝义市");
        assertThat(card.path("kind").asString()).isEqualTo("县级市");
        assertThat(card.path("city").path("name").asString()).isEqualTo("吕梁市");
        JsonNode tier = card.path("tier");
        assertThat(tier.path("label").asString()).isEqualTo("I型小城市");
        assertThat(tier.path("band").asString()).isEqualTo("20—50万人");
        assertThat(tier.path("basis").asString()).isEqualTo("named");
        assertThat(tier.path("basisText").asString()).isEqualTo("专栏3 直接列名");
        assertThat(tier.path("source").path("text").asString())
                .isEqualTo(PLAN + "第四章第六节 专栏3 2025年城镇规模结构预测");
        assertThat(card.toString()).as("sources are titles, never seed file names").doesNotContain(".txt ");
        assertThat(texts(card.path("townGroups"), "name")).containsExactly("交汾文孝");
        assertThat(card.path("townGroups").get(0).path("roleText").asString()).isEqualTo("核心");
        assertThat(texts(card.path("regions"), "name")).containsExactly("山西中部城市群");
        assertThat(card.path("cityTargets").get(0).path("urbanizationRate2025").decimalValue())
                .isEqualByComparingTo("60.0");
        assertThat(card.path("passages").path("count").asInt()).isEqualTo(4);
        JsonNode excerpt = card.path("passages").path("first").get(0);
        assertThat(excerpt.path("source").path("text").asString()).isEqualTo(PLAN + "第四章第三节 培育壮大区域性城镇群");
        JsonNode mark = excerpt.path("marks").get(0);
        assertThat(excerpt.path("text").asString().substring(mark.path("start").asInt(), mark.path("end").asInt()))
                .isIn("孝义", "孝义市", "交汾文孝");
        assertThat(card.path("luliangTasks")).hasSize(20);
        assertThat(card.path("luliangTasks").get(1).path("departments").toString()).contains("市教育局");
    }

    @Test
    void taiyuansDistrictsInheritTheCitysTierAndBelongToTwoRegions() throws Exception {
        for (String adcode : List.of("140105", "140106", "140107", "140108", "140109", "140110")) {
            JsonNode card = get("/api/counties/" + adcode + "/card").body();
            assertThat(card.path("tier").path("label").asString()).as(adcode).isEqualTo("I型大城市");
            assertThat(card.path("tier").path("basis").asString()).isEqualTo("inherited");
            assertThat(card.path("tier").path("seedName").asString()).isEqualTo("太原市");
            assertThat(texts(card.path("townGroups"), "name")).containsExactly("太原榆次太谷城市核");
            assertThat(texts(card.path("regions"), "name")).containsExactly("山西中部城市群", "太忻一体化经济区");
            assertThat(card.path("luliangTasks")).isEmpty();
        }
        JsonNode qingxu = get("/api/counties/140121/card").body();
        assertThat(qingxu.path("tier").path("basis").asString()).as("清徐县 is named itself").isEqualTo("named");
        assertThat(qingxu.path("townGroups")).as("the city core takes the six districts only").isEmpty();
    }

    @Test
    void anUnknownCodeIs404AndAMalformedOne400InBothLanguages() throws Exception {
        Answer unknown = get("/api/counties/999999/card");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("code").asString()).isEqualTo("county-not-found");
        assertThat(unknown.body().path("message").path("zh").asString()).contains("未找到", "999999");
        assertThat(unknown.body().path("message").path("en").asString()).contains("999999");

        Answer city = get("/api/counties/141100/card");
        assertThat(city.status()).as("a prefecture city is not a county-level unit").isEqualTo(404);

        for (String bad : List.of("14118", "1411811", "abcdef", "%E5%AD%9D%E4%B9%89%E5%B8%82")) {
            Answer malformed = get("/api/counties/" + bad + "/card");
            assertThat(malformed.status()).as(bad).isEqualTo(400);
            assertThat(malformed.body().path("code").asString()).isEqualTo("invalid-parameter");
            assertThat(malformed.body().path("message").path("zh").asString()).contains("6 位数字");
            assertThat(malformed.body().path("message").path("en").asString()).contains("6 digits");
        }
    }
}
