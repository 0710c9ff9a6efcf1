package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.crs.AreaUnits;
import org.planmap.crs.Ellipsoid;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.LayerInfo;
import org.planmap.store.VersionNote;
import org.planmap.store.gpkg.GeoPackageStore;

class VersionDiffTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();

    static Feature county(int i, String id, String status) {
        return new Feature(id, BOUNDARIES.counties().get(i).geometry(), Map.of("status", status));
    }

    @Test
    void featuresAreMatchedByContentThenByIdAndCountiesMeasuredAsTheLedgerDoes(@TempDir Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            LayerInfo layer = new LayerInfo("urban-development-boundary", "城镇开发边界", "MULTIPOLYGON", "EPSG:4326",
                    "test", 0, List.of(), DemoControlLines.FIELDS, "v1");
            VersionNote note = VersionNote.generated(VersionNote.IMPORT, "wang");
            writer.replace(layer, FeatureSource.of(List.of(county(0, "1", "a"), county(1, "2", "b"), county(2, "3", "c"))),
                    () -> note);
            // reordered and renumbered (unchanged), 2 edited in place (changed), 3 gone, a new one (added)
            writer.replace(layer.withContents(0, List.of(), "v2"), FeatureSource.of(List.of(county(3, "9", "d"),
                    county(1, "2", "b edited"), county(0, "7", "a"))), () -> note);

            VersionDiff.Result diff = new VersionDiff(new LayerService(store), () -> BOUNDARIES).diff(layer.id(), 1, 2);
            assertThat(diff.features()).isEqualTo(new VersionDiff.FeatureChanges(1, 1, 1, 1));

            Map<String, VersionDiff.CountyChange> byCounty = new java.util.HashMap<>();
            diff.counties().forEach(c -> byCounty.put(c.adcode(), c));
            String gone = BOUNDARIES.counties().get(2).id();
            String come = BOUNDARIES.counties().get(3).id();
            double goneHa = AreaUnits.ha(Ellipsoid.area(BOUNDARIES.counties().get(2).geometry()));
            // neighbours' generalised edges may overlap a county by slivers: within 0.1 %
            assertThat(byCounty.get(gone).aHa()).isCloseTo(goneHa, within(goneHa * 1e-3));
            assertThat(byCounty.get(gone).bHa()).isLessThan(goneHa * 1e-3);
            assertThat(byCounty.get(gone).changeMu()).isCloseTo(-goneHa * 15, within(goneHa * 15e-3));
            assertThat(byCounty.get(come).aHa()).isLessThan(byCounty.get(come).bHa() * 1e-3);
            VersionDiff.CountyChange kept = byCounty.get(BOUNDARIES.counties().get(0).id());
            assertThat(Math.abs(kept.changeHa())).isLessThan(kept.aHa() * 1e-3);
            assertThat(diff.layer()).extracting(f -> f.properties().get("adcode") + " " + f.properties().get("side"))
                    .contains(gone + " a", come + " b");
            assertThat(diff.info().featureCount()).isEqualTo(diff.layer().size());

            VersionDiff.Result none = new VersionDiff(new LayerService(store), () -> BOUNDARIES).diff(layer.id(), 2, 2);
            assertThat(none.features()).isEqualTo(new VersionDiff.FeatureChanges(0, 0, 0, 3));
            assertThat(none.layer()).isEmpty();
            assertThat(none.total().changeHa()).isZero();
        }
    }
}
