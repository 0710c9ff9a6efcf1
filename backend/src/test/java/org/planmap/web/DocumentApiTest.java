package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The document, passage and task endpoints, asked over HTTP of a real server on the real seeds. */
class DocumentApiTest extends ServerTest {

    static final String PLAN = "003_73e80744cce0764a.txt";
    static final String TASKS = "000_0a041ac12674b7fe.txt";

    @Test
    void xiaoyisPassagesWithHighlightableHits() throws Exception {
        Answer a = get("/api/plan/passages?place=141181");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("place").get("name").asString()).isEqualTo("孝义市");
        assertThat(a.body().get("place").get("kind").asString()).isEqualTo("county");
        List<String> texts = new ArrayList<>();
        for (JsonNode m : a.body().get("passages")) {
            String text = m.get("passage").get("text").asString();
            texts.add(text);
            assertThat(m.get("passage").get("document").asString()).isIn(PLAN, TASKS);
            for (JsonNode hit : m.get("hits")) {
                assertThat(text.substring(hit.get("start").asInt(), hit.get("end").asInt()))
                        .isEqualTo(hit.get("term").asString());
            }
        }
        assertThat(texts).anyMatch(t -> t.startsWith("促进交汾文孝城镇组群一体联动发展"))
                .anyMatch(t -> t.contains("孝义市国家级县城新型城镇化建设示范县"))
                .anyMatch(t -> t.startsWith("专栏3 2025年城镇规模结构预测"));
        JsonNode group = a.body().get("passages").get(0);
        assertThat(group.get("passage").get("headingPath").get(0).asString()).isEqualTo("第四章第三节 培育壮大区域性城镇群");
    }

    @Test
    void placesByGroupOrRegionIdAndUnknownPlaces() throws Exception {
        JsonNode group = get("/api/plan/passages?place=jiao-fen-wen-xiao").body();
        assertThat(group.get("place").get("kind").asString()).isEqualTo("town-group");
        assertThat(group.get("passages").size()).isEqualTo(2);
        assertThat(get("/api/plan/passages?place=shanxi-zhongbu-chengshiqun").body().get("passages").size()).isPositive();

        Answer unknown = get("/api/plan/passages?place=" + ApiTest.enc("不存在"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("code").asString()).isEqualTo("place-not-found");
        assertThat(get("/api/plan/passages").status()).isEqualTo(400);
    }

    @Test
    void theDocumentsForReading() throws Exception {
        JsonNode list = get("/api/plan/documents").body();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("file").asString()).isEqualTo(PLAN);
        assertThat(list.get(0).get("kind").asString()).isEqualTo("plan");
        assertThat(list.get(1).get("kind").asString()).isEqualTo("task-list");

        JsonNode plan = get("/api/plan/documents/" + PLAN).body();
        assertThat(plan.get("title").asString()).isEqualTo("山西省“十四五”新型城镇化规划");
        JsonNode first = plan.get("blocks").get(0);
        assertThat(first.get("type").asString()).isEqualTo("heading");
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("text").asString()).isEqualTo("第一章 规划背景");
        JsonNode column3 = null;
        for (JsonNode b : plan.get("blocks")) {
            if (b.get("type").asString().equals("table") && b.get("text").asString().startsWith("专栏3")) {
                column3 = b;
            }
        }
        assertThat(column3).isNotNull();
        assertThat(column3.get("rows").get(0).get(0).asString()).isEqualTo("城镇规模等级");
        List<String> places = new ArrayList<>();
        column3.get("mentions").forEach(m -> places.add(m.get("place").asString()));
        assertThat(places).contains("141181", "140322", "140100").hasSizeGreaterThan(100);

        assertThat(get("/api/plan/documents/nope.txt").status()).isEqualTo(404);
    }

    @Test
    void theTwentyLuliangTasks() throws Exception {
        JsonNode tasks = get("/api/plan/luliang-tasks").body();
        assertThat(tasks.size()).isEqualTo(20);
        JsonNode first = tasks.get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("title").asString()).isEqualTo("有序放开城市落户限制");
        assertThat(first.get("departments").get(0).asString()).isEqualTo("市公安局");
        JsonNode target = tasks.get(1).get("targets").get(0);
        assertThat(target.get("clause").asString()).isEqualTo("建设改造63所寄宿制学校");
        assertThat(target.get("quantities").get(0).get("value").asInt()).isEqualTo(63);
        assertThat(target.get("quantities").get(0).get("unit").asString()).isEqualTo("所");
    }
}
