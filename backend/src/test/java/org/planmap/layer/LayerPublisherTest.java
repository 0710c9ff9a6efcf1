package org.planmap.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
}
