package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/** GET /api/identify: what lies under a clicked point, checked against JTS on the features API's own answer. */
class IdentifyApiTest extends ServerTest {

    static final List<String> LINES = List.of("ecological-protection-redline", "permanent-basic-farmland",
            "urban-development-boundary", "control-line-conflicts");

    /** The ids of a layer's features that hold the point, by JTS on /api/layers/{id}/features. */
    Set<String> holding(String layer, double lon, double lat) throws Exception {
        String bbox = (lon - 0.001) + "," + (lat - 0.001) + "," + (lon + 0.001) + "," + (lat + 0.001);
        Point point = new GeometryFactory().createPoint(new Coordinate(lon, lat));
        Set<String> ids = new HashSet<>();
        for (JsonNode f : get("/api/layers/" + layer + "/features?bbox=" + bbox).body().get("features")) {
            if (new GeoJsonReader().read(f.get("geometry").toString()).covers(point)) {
                ids.add(f.get("id").asString());
            }
        }
        return ids;
    }

    @Test
    void xiaoyisLabelPointIsInTheCountyAndItsDevelopmentBoundary() throws Exception {
        JsonNode p = get("/api/layers/counties/features?adcode=141181").body().get("features").get(0).get("properties");
        double lon = p.get("labelPoint").get(0).asDouble();
        double lat = p.get("labelPoint").get(1).asDouble();
        Answer a = get("/api/identify?lat=" + lat + "&lng=" + lon + "&zoom=11&layers=" + String.join(",", LINES));
        assertThat(a.status()).isEqualTo(200);
        JsonNode hits = a.body();
        Set<String> counties = new HashSet<>();
        hits.forEach(h -> {
            if (h.get("layer").asString().equals("counties")) {
                counties.add(h.get("properties").get("adcode").asString());
            }
        });
        assertThat(counties).containsExactly("141181");
        for (String line : LINES) {
            Set<String> found = new HashSet<>();
            hits.forEach(h -> {
                if (h.get("layer").asString().equals(line)) {
                    found.add(h.get("id").asString());
                    assertThat(h.get("title").asString()).isNotBlank();
                }
            });
            assertThat(found).as(line).isEqualTo(holding(line, lon, lat));
        }
        // The demonstration 城镇开发边界 is drawn round each county seat, so the seat lies in it.
        assertThat(holding("urban-development-boundary", lon, lat)).isNotEmpty();
    }

    @Test
    void badCoordinatesAre400() throws Exception {
        for (String bad : new String[] {"lat=37", "lng=111", "lat=abc&lng=111", "lat=95&lng=111", "lat=37&lng=200",
                "lat=37&lng=111&zoom=30"}) {
            Answer a = get("/api/identify?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.body().get("code").asString()).isEqualTo("invalid-parameter");
        }
        assertThat(get("/api/identify?lat=37&lng=111&layers=no-such-layer").status()).isEqualTo(404);
    }
}
