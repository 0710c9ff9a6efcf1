package org.planmap.controlline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerChanged;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.CurrentBoundaries;
import org.planmap.plan.PlanLayers;
import org.planmap.plan.PlanTables;
import org.planmap.plan.StructureLayers;
import org.planmap.store.LayerInfo;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * The ledger is kept in the store with the versions of the layers it was computed from: a service started again
 * on the same store reads it back — the same rows, nothing computed — and computes again only after one of those
 * layers changed.
 */
class LedgerServiceTest {

    static final BoundarySet BOUNDARIES = BoundaryFiles.fromClasspath();
    static final PlanTables TABLES = PlanTables.fromClasspath();
    static final CountyDirectory DIRECTORY = new CountyDirectory(BOUNDARIES, TABLES);

    /** The boundaries in force as a start leaves them: read from the store, at the stored counties' version. */
    static Supplier<CurrentBoundaries.Current> inForce(GeoPackageStore store, LayerWriter writer) {
        CurrentBoundaries boundaries = new CurrentBoundaries(BOUNDARIES, DIRECTORY, TABLES, writer, new LayerService(store));
        boundaries.load();
        return boundaries::current;
    }

    @Test
    void aRestartReadsTheKeptLedgerAndAChangeComputesItAgain(@TempDir Path dir) {
        List<ControlLineLedger.Row> computed;
        String conflictsVersion;
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            LayerPublisher publisher = new LayerPublisher(writer);
            PlanLayers.all(BOUNDARIES, TABLES, DIRECTORY).forEach(publisher::publish);
            new StructureLayers(BOUNDARIES).all(TABLES).forEach(publisher::publish);
            new DemoControlLinePublisher(writer).publish(BOUNDARIES, DIRECTORY, DemoControlLines.DEFAULT_SEED);
            LedgerService first = new LedgerService(new LayerService(store), writer, inForce(store, writer));
            computed = first.rows(LedgerService.Level.GROUP);
            assertThat(first.computations()).isEqualTo(1);
            conflictsVersion = store.layer(ConflictLayer.ID).orElseThrow().version();
        }
        try (GeoPackageStore store = GeoPackageStore.open(dir)) {
            LayerWriter writer = new LayerWriter(store);
            List<LayerChanged> changes = new ArrayList<>();
            writer.subscribe(changes::add);
            LedgerService restarted = new LedgerService(new LayerService(store), writer, inForce(store, writer));
            writer.subscribe(restarted);
            assertThat(restarted.rows(LedgerService.Level.GROUP)).isEqualTo(computed);
            assertThat(restarted.rows(LedgerService.Level.COUNTY)).hasSize(BOUNDARIES.counties().size());
            assertThat(restarted.computations()).as("read back, not computed").isZero();
            assertThat(changes).as("nothing written").isEmpty();
            assertThat(store.layer(ConflictLayer.ID).orElseThrow().version()).isEqualTo(conflictsVersion);

            // a new seed stands for an import: a new version of the development boundary
            LayerInfo before = store.layer(ControlLine.URBAN_DEVELOPMENT_BOUNDARY.layerId()).orElseThrow();
            new DemoControlLinePublisher(writer).replace(ControlLine.URBAN_DEVELOPMENT_BOUNDARY, BOUNDARIES, DIRECTORY, 428,
                    org.planmap.store.VersionNote.generated(org.planmap.store.VersionNote.DEMO, "test"));
            assertThat(restarted.computations()).as("the change was followed before the writer returned").isEqualTo(1);
            assertThat(changes).first().isEqualTo(new LayerChanged(before.id(), before.version(),
                    store.layer(before.id()).orElseThrow().version()));
            assertThat(changes).extracting(LayerChanged::layerId).contains(ConflictLayer.ID);
            assertThat(restarted.rows(LedgerService.Level.GROUP)).isNotEqualTo(computed);
            assertThat(restarted.computations()).isEqualTo(1);
        }
    }
}
