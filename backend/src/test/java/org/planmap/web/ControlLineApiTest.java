package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demonstration control lines as the viewer gets them: in the catalog, labelled, and queryable by bbox. */
class ControlLineApiTest extends ServerTest {

    @Test
    void theCatalogListsTheThreeLinesAsDemonstrationData() throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        get("/api/layers").body().forEach(l -> byId.put(l.get("id").asString(), l));
        assertThat(byId).containsKeys("ecological-protection-redline", "permanent-basic-farmland",
                "urban-development-boundary");
        assertThat(byId.get("urban-development-boundary").get("title").asString()).isEqualTo("城镇开发边界（示意数据，非官方）");
        assertThat(byId.get("urban-development-boundary").get("featureCount").asInt()).isEqualTo(117);
        assertThat(byId.get("permanent-basic-farmland").get("source").asString())
                .contains("planmap demonstration generator", "not official");
    }

    @Test
    void theDevelopmentBoundaryAroundXiaoyiIsLabelledDemonstration() throws Exception {
        Answer a = get("/api/layers/urban-development-boundary/features?bbox=111.6,37.0,111.95,37.25");
        assertThat(a.status()).isEqualTo(200);
        JsonNode features = a.body().get("features");
        assertThat(features.size()).isPositive();
        boolean xiaoyi = false;
        for (JsonNode f : features) {
            assertThat(f.get("properties").get("status").asString()).isEqualTo("示意数据（非官方）");
            assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
            xiaoyi |= f.get("properties").get("countyName").asString().equals("孝义市");
        }
        assertThat(xiaoyi).isTrue();
    }
}
