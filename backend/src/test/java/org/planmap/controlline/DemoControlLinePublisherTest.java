package org.planmap.controlline;

import org.planmap.layer.LayerWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;
import org.planmap.store.Feature;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

class DemoControlLinePublisherTest {

    @Test
    void storesTheDemonstrationOnceAndNeverOverwritesAnImport(@TempDir Path dir) {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        CountyDirectory directory = new CountyDirectory(boundaries, PlanTables.fromClasspath());
        List<String> all = List.of("ecological-protection-redline", "permanent-basic-farmland", "urban-development-boundary");
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            DemoControlLinePublisher publisher = new DemoControlLinePublisher(new LayerWriter(store));
            assertThat(publisher.publish(boundaries, directory, 427).stored()).containsExactlyElementsOf(all);
            assertThat(publisher.publish(boundaries, directory, 427).current()).as("a restart").containsExactlyElementsOf(all);
            assertThat(publisher.publish(boundaries, directory, 428).stored()).as("a new generator").containsExactlyElementsOf(all);

            // an editor imports the official 城镇开发边界
            Geometry county = boundaries.counties().get(0).geometry();
            LayerInfo official = new LayerInfo("urban-development-boundary", "城镇开发边界", "MULTIPOLYGON", "EPSG:4326",
                    "吕梁市自然资源局 2023 批复成果", 0, List.of(), DemoControlLines.FIELDS, "v1");
            store.replace(official, List.of(new Feature("1", county, Map.of("status", "official"))));

            DemoControlLinePublisher.Outcome restart = publisher.publish(boundaries, directory, 427);
            assertThat(restart.keptOfficial()).containsExactly("urban-development-boundary");
            assertThat(restart.stored()).containsExactly("ecological-protection-redline", "permanent-basic-farmland");
            LayerInfo kept = store.layer("urban-development-boundary").orElseThrow();
            assertThat(kept.source()).isEqualTo("吕梁市自然资源局 2023 批复成果");
            assertThat(kept.featureCount()).isEqualTo(1);
        }
    }
}
