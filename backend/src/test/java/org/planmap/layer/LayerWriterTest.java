package org.planmap.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/** Listeners are told each committed change of a version, after the commit, in order, whatever one of them does. */
class LayerWriterTest {

    static final LayerInfo LAYER = new LayerInfo("points", "点", "POINT", "EPSG:4326", "test", 0, List.of(), List.of(), "v1");
    static final List<Feature> ONE = List.of(
            new Feature("1", new GeometryFactory().createPoint(new Coordinate(111.1, 37.5)), Map.of()));

    @Test
    void listenersAreToldOldAndNewVersionsAfterTheCommit(@TempDir Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            List<String> told = new ArrayList<>();
            writer.subscribe(c -> {
                told.add("first " + c + " stored " + store.layer(c.layerId()).map(LayerInfo::version).orElse(null));
                throw new IllegalStateException("a failing listener");
            });
            writer.subscribe(c -> told.add("second " + c));

            writer.replace(LAYER, ONE);
            writer.replace(LAYER, ONE);
            writer.replace(LAYER.withContents(0, List.of(), "v2"), ONE);

            assertThat(told).containsExactly(
                    "first LayerChanged[layerId=points, oldVersion=null, newVersion=v1] stored v1",
                    "second LayerChanged[layerId=points, oldVersion=null, newVersion=v1]",
                    "first LayerChanged[layerId=points, oldVersion=v1, newVersion=v2] stored v2",
                    "second LayerChanged[layerId=points, oldVersion=v1, newVersion=v2]");
        }
    }

    @Test
    void aFailedWriteTellsNoOne(@TempDir Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            List<LayerChanged> told = new ArrayList<>();
            writer.subscribe(told::add);
            FeatureSource failing = sink -> {
                throw new IllegalArgumentException("unreadable file");
            };
            assertThatThrownBy(() -> writer.replace(LAYER, failing)).hasMessage("unreadable file");
            assertThat(told).isEmpty();
            assertThat(writer.stored(LAYER.id())).isEmpty();
        }
    }
}
