package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlLineLedgerApiTest extends ServerTest {

    @Test
    void ledgerPerLevel() throws Exception {
        assertThat(get("/api/control-lines/ledger").body().size()).isEqualTo(117);
        JsonNode cities = get("/api/control-lines/ledger?level=city").body();
        assertThat(cities.size()).isEqualTo(11);
        JsonNode groups = get("/api/control-lines/ledger?level=group").body();
        assertThat(groups.size()).isEqualTo(6);
        JsonNode row = cities.get(0);
        assertThat(row.get("name").asString()).isEqualTo("太原市");
        for (String line : new String[] {"ecological-protection-redline", "permanent-basic-farmland", "urban-development-boundary"}) {
            JsonNode a = row.get("lines").get(line);
            assertThat(a.get("ha").asDouble()).isPositive();
            assertThat(a.get("mu").asDouble()).isCloseTo(a.get("ha").asDouble() * 15, org.assertj.core.data.Offset.offset(0.1));
            assertThat(a.get("sharePercent").asDouble()).isBetween(0.0, 100.0);
        }
        assertThat(get("/api/control-lines/ledger?level=nation").status()).isEqualTo(400);
        assertThat(get("/api/control-lines/ledger?format=xls").status()).isEqualTo(400);
    }

    @Test
    void csvForExcelHasABomChineseHeadersAndAChineseFileName() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/control-lines/ledger?level=city&format=csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''%E4%B8%89%E6%9D%A1").contains("control-line-ledger-city.csv");
        byte[] body = r.body();
        assertThat(body[0] & 0xff).isEqualTo(0xEF);
        assertThat(body[1] & 0xff).isEqualTo(0xBB);
        assertThat(body[2] & 0xff).isEqualTo(0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(12);
        assertThat(lines[0]).startsWith("代码,名称,面积（公顷）,生态保护红线（公顷）");
        assertThat(lines[1]).startsWith("140100,太原市,");
    }

    @Test
    void conflictsAreALayerAndATable() throws Exception {
        JsonNode layer = get("/api/layers/control-line-conflicts").body();
        assertThat(layer.get("featureCount").asInt()).isPositive();
        assertThat(layer.get("title").asString()).contains("示意数据");
        JsonNode features = get("/api/layers/control-line-conflicts/features").body().get("features");
        assertThat(features.get(0).get("properties").get("kindName").asString()).endsWith("与城镇开发边界重叠");
        JsonNode table = get("/api/control-lines/conflicts").body();
        assertThat(table.size()).isPositive();
        double first = table.get(0).get("conflicts").get("farmland-development").get("ha").asDouble()
                + table.get(0).get("conflicts").get("redline-development").get("ha").asDouble();
        double last = table.get(table.size() - 1).get("conflicts").get("farmland-development").get("ha").asDouble()
                + table.get(table.size() - 1).get("conflicts").get("redline-development").get("ha").asDouble();
        assertThat(first).isGreaterThanOrEqualTo(last).isPositive();
    }
}
