package org.planmap.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.TestStores;
import org.planmap.plan.PlanLayers;
import org.planmap.store.Feature;
import org.planmap.store.FeatureQuery;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/** The in-memory copies of small layers, against the store they copy, on the real county boundaries. */
class ResidentLayersTest {

    static GeoPackageStore store;

    @BeforeAll
    static void publishCounties(@TempDir Path dir) {
        store = TestStores.withPlanLayers(dir);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static LayerInfo counties() {
        return store.layer(PlanLayers.COUNTIES).orElseThrow();
    }

    private static List<Feature> fromStore(FeatureQuery q) {
        return store.query(q).toList();
    }

    private static List<String> ids(List<Feature> features) {
        return features.stream().map(Feature::id).toList();
    }

    @Test
    void aBboxMeansTheGeometryIntersectsTheBoxNotItsEnvelope() {
        ResidentLayers resident = new ResidentLayers(store);
        Envelope box = new Envelope(111, 112, 37, 37.5);
        Geometry rectangle = new GeometryFactory().toGeometry(box);
        List<Feature> found = resident.features(counties(), FeatureQuery.of(PlanLayers.COUNTIES).bbox(box)).orElseThrow();
        // Whatever the store's own filter does, the answer is its candidates that really meet the box.
        List<String> expected = ids(fromStore(FeatureQuery.of(PlanLayers.COUNTIES).bbox(box)).stream()
                .filter(f -> f.geometry().intersects(rectangle)).toList());
        assertThat(ids(found)).isEqualTo(expected).hasSize(11).contains("141181");
        // 沁源县's envelope meets the box, its polygon stays 0.06° away from it.
        assertThat(found).extracting(f -> f.properties().get("name")).doesNotContain("沁源县").contains("孝义市");
        assertThat(resident.count(counties(), FeatureQuery.of(PlanLayers.COUNTIES).bbox(box))).contains(11L);
    }

    @Test
    void pagesAndFiltersAsTheStoreDoesInStoreOrder() {
        ResidentLayers resident = new ResidentLayers(store);
        List<FeatureQuery> queries = List.of(
                FeatureQuery.of(PlanLayers.COUNTIES),
                FeatureQuery.of(PlanLayers.COUNTIES).limit(10).offset(20),
                FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix("1411"),
                FeatureQuery.of(PlanLayers.COUNTIES).adcodePrefix("1411").limit(3).offset(2),
                FeatureQuery.byId(PlanLayers.COUNTIES, "141181"),
                FeatureQuery.byId(PlanLayers.COUNTIES, "999999"),
                FeatureQuery.of(PlanLayers.COUNTIES).limit(5).offset(115));
        for (FeatureQuery q : queries) {
            List<Feature> mine = resident.features(counties(), q).orElseThrow();
            assertThat(ids(mine)).as(q.toString()).isEqualTo(ids(fromStore(q)));
            assertThat(resident.count(counties(), q)).as(q.toString()).contains(store.count(q));
            assertThat(ids(ResidentLayers.page(resident.matches(counties(), q).orElseThrow(), q))).as(q.toString())
                    .isEqualTo(ids(fromStore(q)));
        }
        Feature xiaoyi = resident.features(counties(), FeatureQuery.byId(PlanLayers.COUNTIES, "141181")).orElseThrow().get(0);
        assertThat(xiaoyi.properties()).isEqualTo(fromStore(FeatureQuery.byId(PlanLayers.COUNTIES, "141181")).get(0).properties());
        assertThat(xiaoyi.geometry().equalsExact(
                fromStore(FeatureQuery.byId(PlanLayers.COUNTIES, "141181")).get(0).geometry())).isTrue();
    }

    @Test
    void aNewLayerVersionIsReadAgainAndALargeLayerIsLeftToTheStore() {
        ResidentLayers resident = new ResidentLayers(store);
        String layer = "resident-test";
        List<Feature> all = fromStore(FeatureQuery.of(PlanLayers.COUNTIES));
        LayerInfo first = counties();
        store.replace(new LayerInfo(layer, "test", first.geometryType(), first.crs(), "test", 0, List.of(),
                first.fields(), "v1"), all.subList(0, 5));
        LayerInfo v1 = store.layer(layer).orElseThrow();
        assertThat(resident.features(v1, FeatureQuery.of(layer)).orElseThrow()).hasSize(5);
        store.replace(v1.withContents(0, List.of(), "v2"), all.subList(0, 7));
        LayerInfo v2 = store.layer(layer).orElseThrow();
        assertThat(resident.features(v2, FeatureQuery.of(layer)).orElseThrow()).hasSize(7);

        LayerInfo large = v2.withContents(ResidentLayers.MAX_FEATURES + 1, v2.bbox(), v2.version());
        assertThat(resident.features(large, FeatureQuery.of(layer))).isEmpty();
        assertThat(resident.count(large, FeatureQuery.of(layer))).isEmpty();
        store.delete(layer);
    }
}
