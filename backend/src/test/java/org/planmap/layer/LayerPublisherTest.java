package org.planmap.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;
import org.planmap.store.gpkg.GeoPackageStore;

class LayerPublisherTest {

    @Test
    void publishesOnlyWhatChanged(@TempDir Path dir) {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        PlanTables tables = PlanTables.fromClasspath();
        List<LayerContent> layers = PlanLayers.all(boundaries, tables, new CountyDirectory(boundaries, tables));
        LayerContent counties = layers.get(0);
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
            assertThat(publisher.publish(counties)).isTrue();
            assertThat(publisher.publish(counties)).as("unchanged: kept").isFalse();
            List<Feature> fewer = counties.features().subList(0, 116);
            assertThat(publisher.publish(new LayerContent(counties.info(), fewer))).as("changed: replaced").isTrue();
            assertThat(store.layer(PlanLayers.COUNTIES).orElseThrow().featureCount()).isEqualTo(116);
        }
    }

    @Test
    void buildsNothingWhileTheInputsAndTheStoredVersionsAreThoseItPublished(@TempDir Path dir) {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        PlanTables tables = PlanTables.fromClasspath();
        List<LayerContent> layers = PlanLayers.all(boundaries, tables, new CountyDirectory(boundaries, tables));
        AtomicInteger builds = new AtomicInteger();
        Supplier<List<LayerContent>> build = () -> {
            builds.incrementAndGet();
            return layers;
        };
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
            assertThat(publisher.publishAll("plan", "inputs 1", build)).containsExactlyElementsOf(layers);
            assertThat(publisher.publishAll("plan", "inputs 1", build)).as("a restart").isEmpty();
            assertThat(builds).hasValue(1);

            assertThat(publisher.publishAll("plan", "inputs 2", build)).as("new inputs, same content").isEmpty();
            assertThat(builds).hasValue(2);
            assertThat(publisher.publishAll("plan", "inputs 2", build)).isEmpty();
            assertThat(builds).hasValue(2);

            LayerContent counties = layers.get(0);
            publisher.publish(new LayerContent(counties.info(), counties.features().subList(0, 116)));
            assertThat(publisher.publishAll("plan", "inputs 2", build)).as("a layer changed since")
                    .containsExactly(counties);
            assertThat(builds).hasValue(3);
            assertThat(store.layer(PlanLayers.COUNTIES).orElseThrow().featureCount()).isEqualTo(117);
        }
    }
}
